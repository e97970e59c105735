/* The data as a table: the text alternative for screen readers and keyboard users, first in
   the page's tab order (shown while it has focus, or when opened from the panel), closed
   with its button or Escape. It downloads the sites shown (after search and filters) as CSV
   or GeoJSON, made in the page (a Blob and an object URL; nothing is fetched). */
function campmapTable(data, site, n, show, focusMap) {
  "use strict";
  var el = campmapWords.el, W = campmapWords, S = data.sites;
  var limit = 2000, order = [], rows = {};
  for (var i = 0; i < n; i++) { order.push(i); }
  if (n > limit) {
    order.sort(function (a, b) { return (S.count[b] || -1) - (S.count[a] || -1) || a - b; });
    order = order.slice(0, limit);
  }
  var section = el("section", null, "cm-data");
  section.id = "cm-data";
  section.setAttribute("aria-label", "The map's data as a table");
  var bar = el("div", null, "cm-data-bar");
  var close = el("button", "Close table", "cm-close");
  close.type = "button";
  var csv = el("button", "Download CSV", "cm-download-csv");
  var geojson = el("button", "Download GeoJSON", "cm-download-geojson");
  csv.type = geojson.type = "button";
  [close, csv, geojson].forEach(function (b) { bar.appendChild(b); });
  section.appendChild(bar);
  var table = el("table");
  table.tabIndex = -1;
  table.appendChild(el("caption", data.title + ": " + data.summary + (n > limit
    ? " The " + limit + " sites with the most cameras are listed; all " + n + " are in sites.geojson"
      + " and in the downloads." : "")));
  var head = el("tr");
  ["Site", "Cameras", "Kind", "Status", "Reported as", "Source"].forEach(function (h) {
    var th = el("th", h); th.scope = "col"; head.appendChild(th);
  });
  var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
  var body = el("tbody");
  order.forEach(function (i) {
    var p = site(i), tr = el("tr");
    var th = el("th", p.name); th.scope = "row"; tr.appendChild(th);
    var button = el("button", "Show on map", "cm-show");
    button.type = "button";
    button.setAttribute("aria-label", "Show " + p.name + " on the map");
    button.addEventListener("click", function () { hide(); show(i); });
    th.appendChild(document.createTextNode(" ")); th.appendChild(button);
    [W.count(p), W.kind(p.camera), W.status(p.status), p.quote, W.sourceText(p)].forEach(function (v) {
      tr.appendChild(el("td", v));
    });
    rows[i] = tr;
    body.appendChild(tr);
  });
  (data.routes.features || []).forEach(function (f) {
    var p = f.properties, tr = el("tr");
    var th = el("th", "Route: " + p.name); th.scope = "row"; tr.appendChild(th);
    [W.count(p), W.kind(p.camera), W.status(p.status), p.quote, W.sourceText(p)].forEach(function (v) {
      tr.appendChild(el("td", v));
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  section.appendChild(table);
  document.body.insertBefore(section, document.body.firstChild);
  function hide() {
    section.classList.remove("cm-open");
    if (section.contains(document.activeElement)) { focusMap(); }
  }
  close.addEventListener("click", hide);
  section.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
  var shown = null;
  function filter(isShown) {
    shown = isShown;
    Object.keys(rows).forEach(function (i) { rows[i].hidden = !isShown(Number(i)); });
  }
  var COLUMNS = ["name", "count", "camera", "status", "verification", "confidence", "uncertainty_m",
    "first_reported", "last_reported", "manufacturer", "operator", "quote", "sources"];
  function visible() {
    var out = [];
    for (var i = 0; i < n; i++) { if (!shown || shown(i)) { out.push(i); } }
    return out;
  }
  function cell(v) {
    if (v === null || v === undefined) { return ""; }
    if (typeof v === "number") { return String(v); }
    var s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  // a spreadsheet must not read it as a formula
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function asCsv() {
    var lines = [["latitude", "longitude"].concat(COLUMNS).join(",")];
    visible().forEach(function (i) {
      var p = site(i);
      lines.push([S.lat[i], S.lon[i]].concat(COLUMNS.map(function (k) { return p[k]; })).map(cell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  function asGeojson() {
    return JSON.stringify({type: "FeatureCollection", features: visible().map(function (i) {
      var p = site(i), props = {};
      COLUMNS.forEach(function (k) { props[k] = p[k] === undefined ? null : p[k]; });
      return {type: "Feature", properties: props, geometry: {type: "Point", coordinates: [S.lon[i], S.lat[i]]}};
    })});
  }
  function save(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = el("a");
    a.href = url; a.download = name; a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }
  csv.addEventListener("click", function () { save(asCsv(), "text/csv;charset=utf-8", "sites-shown.csv"); });
  geojson.addEventListener("click", function () {
    save(asGeojson(), "application/geo+json", "sites-shown.geojson");
  });
  return {
    open: function () { section.classList.add("cm-open"); table.focus(); },
    filter: filter, csv: asCsv, geojson: asGeojson
  };
}
