/* Search sites by name; filter them by kind of camera, status, review and campmap's
   confidence, and by the dates they were reported (first_reported / last_reported, when the
   data has them: a site with no date passes any date filter; when they span two days or more,
   a time slider shows the sites reported by each date in turn). The view (zoom/lat/lon) and
   the filters live in the URL's fragment, so a link opens the same view:
   map.html#map=16/51.50100/-0.12700&kind=cctv&q=square */
function campmapFilter(map, data, cols, n) {
  "use strict";
  var el = campmapWords.el, W = campmapWords;
  var S = data.sites;
  var first = cols.first_reported, last = cols.last_reported;
  var hasDates = false;
  for (var d = 0; d < n && !hasDates; d++) { hasDates = !!(first(d) || last(d)); }
  var f = {q: "", kind: "", status: "", check: "", conf: "", from: "", to: ""};
  var names = new Array(n);
  for (var i = 0; i < n; i++) { names[i] = String(cols.name(i) || "").toLowerCase(); }
  function test(i) {
    if (f.q && names[i].indexOf(f.q.toLowerCase()) < 0) { return false; }
    if (f.kind && (cols.camera(i) || "camera") !== f.kind) { return false; }
    if (f.status && cols.status(i) !== f.status) { return false; }
    if (f.check && (cols.verification(i) || "reported") !== f.check) { return false; }
    if (f.conf) {
      var c = S.confidence ? S.confidence[i] : null;
      if (c === null || c === undefined || c * 100 < Number(f.conf)) { return false; }
    }
    if (f.from || f.to) {
      var a = first(i) || last(i), b = last(i) || first(i);
      if (a && b) {
        if (f.from && String(b).slice(0, 10) < f.from) { return false; }
        if (f.to && String(a).slice(0, 10) > f.to) { return false; }
      }
    }
    return true;
  }
  function distinct(get, fallback) {
    var seen = {};
    for (var i = 0; i < n; i++) { var v = get(i) || fallback; if (v) { seen[v] = true; } }
    return Object.keys(seen).sort();
  }
  var inputs = {}, onChange = function () {};
  function field(box, key, label, control) {
    var id = "cm-f-" + key, wrap = el("div", null, "cm-field"), lab = el("label", label);
    lab.htmlFor = id; control.id = id; control.name = key;
    wrap.appendChild(lab); wrap.appendChild(control); box.appendChild(wrap);
    inputs[key] = control;
    control.addEventListener(control.tagName === "SELECT" ? "change" : "input", function () {
      f[key] = control.value.trim(); onChange();
    });
  }
  function select(box, key, label, values, words, all) {
    if (values.length < 2 || values.length > 60) { return; }  // nothing to choose, or not a short list
    var s = el("select");
    s.appendChild(new Option(all, ""));
    values.forEach(function (v) { s.appendChild(new Option(words(v), v)); });
    field(box, key, label, s);
  }
  /* The time slider: one step per date a site was first reported; at the last step every
     site shows, at an earlier one those reported by then (and those with no date). */
  var syncSlider = function () {};
  function timeSlider(box) {
    var days = distinct(function (i) {
      var a = first(i) || last(i);
      return a ? String(a).slice(0, 10) : null;
    }, null);
    if (days.length < 2) { return; }
    var slider = el("input"), said = el("output", "", "cm-when");
    slider.type = "range"; slider.min = "0"; slider.max = String(days.length - 1); slider.step = "1";
    var wrap = el("div", null, "cm-field"), lab = el("label", "Reported by");
    lab.htmlFor = slider.id = "cm-f-when";
    wrap.appendChild(lab); wrap.appendChild(slider); wrap.appendChild(said); box.appendChild(wrap);
    function say() {
      var k = Number(slider.value);
      said.textContent = k >= days.length - 1 ? "every date" : days[k];
      slider.setAttribute("aria-valuetext", said.textContent);
    }
    syncSlider = function () {  /* follow the "Reported until" date: the last step on or before it */
      var k = days.length - 1;
      if (f.to) { while (k > 0 && days[k] > f.to) { k--; } }
      slider.value = String(k); say();
    };
    slider.addEventListener("input", function () {
      var k = Number(slider.value);
      f.to = k >= days.length - 1 ? "" : days[k];
      if (inputs.to) { inputs.to.value = f.to; }
      say(); onChange();
    });
    if (inputs.to) { inputs.to.addEventListener("input", function () { syncSlider(); }); }
    syncSlider();
  }
  var count;
  function build(box) {
    var q = el("input");
    q.type = "search"; q.placeholder = "Site name"; q.autocomplete = "off";
    field(box, "q", "Find a site", q);
    q.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); api.onFind(); }
    });
    select(box, "kind", "Kind of camera", distinct(cols.camera, "camera"), W.kind, "All kinds");
    select(box, "status", "Status", distinct(cols.status, null), W.status, "Any status");
    select(box, "check", "Checked", distinct(cols.verification, "reported"), W.check, "Checked or not");
    if (S.confidence && S.confidence.some(function (c) { return c !== null; })) {
      select(box, "conf", "campmap's confidence", ["50", "80"],
        function (v) { return "at least " + v + "%"; }, "Any");
    }
    if (hasDates) {
      ["from", "to"].forEach(function (key) {
        var input = el("input");
        input.type = "date";
        field(box, key, key === "from" ? "Reported from" : "Reported until", input);
      });
      timeSlider(box);
    }
    count = el("p", "", "cm-count");
    count.setAttribute("role", "status");
    box.appendChild(count);
  }
  function shownText(k) { count.textContent = k.toLocaleString("en") + " of " + n.toLocaleString("en") + " sites shown"; }
  /* The fragment: the view first, then the filters that are set. */
  function toHash() {
    var c = map.getCenter(), z = map.getZoom();
    var parts = ["map=" + z + "/" + c.lat.toFixed(5) + "/" + c.lng.toFixed(5)];
    Object.keys(f).forEach(function (k) { if (f[k]) { parts.push(k + "=" + encodeURIComponent(f[k])); } });
    return "#" + parts.join("&");
  }
  function fromHash(hash) {
    var view = null;
    String(hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("="); if (eq < 0) { return; }
      var k = part.slice(0, eq), v;
      try { v = decodeURIComponent(part.slice(eq + 1)); } catch (err) { return; }
      if (k === "map") {
        var m = v.split("/").map(Number);
        if (m.length === 3 && m.every(isFinite) && Math.abs(m[1]) <= 90 && Math.abs(m[2]) <= 180) {
          view = {zoom: Math.max(0, Math.min(19, m[0])), center: [m[1], m[2]]};
        }
      } else if (Object.prototype.hasOwnProperty.call(f, k)) {
        f[k] = v;
        if (inputs[k]) { inputs[k].value = v; }
      }
    });
    syncSlider();
    return view;
  }
  function save() {
    try { history.replaceState(null, "", toHash()); } catch (err) { /* a sandbox may refuse */ }
  }
  var api = {
    build: build, test: test, shownText: shownText, fromHash: fromHash, save: save,
    values: f, onFind: function () {},
    set onChange(fn) { onChange = fn; },
    active: function () { return Object.keys(f).some(function (k) { return !!f[k]; }); }
  };
  return api;
}
