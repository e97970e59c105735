/* The map's panels (about the map, search and filter, legend), each behind a toggle button.
   They start open on a large screen and folded on a small one (a phone, an embed), so no
   panel hides a marker in the first view; campmapPanels(...).padding() is what the first
   fit keeps clear; "#panels=open" opens them whatever the size (the --png picture). In an embed the title and summary are the article's caption, not a panel
   over the map (they stay in the page for screen readers). */
function campmapPanels(map, data, state) {
  "use strict";
  var el = campmapWords.el, container = map.getContainer(), ready = false;
  var embedded = window.self !== window.top;
  var size = map.getSize(), small = size.x < 700 || size.y < 500;
  var asked = /(?:^#|&)panels=open(?:&|$)/.test(location.hash);  // a picture of the map (--png)
  function Collapsible(options) {
    var Control = L.Control.extend({
      onAdd: function () {
        var box = el("div", null, "cm-ctl " + options.cls);
        var button = el("button", options.label, "cm-toggle");
        button.type = "button";
        button.title = options.title;
        button.setAttribute("aria-label", options.title);
        var panel = el("div", null, "cm-panel " + options.cls + "-panel");
        panel.id = options.cls + "-panel";
        button.setAttribute("aria-controls", panel.id);
        function set(open) {
          panel.hidden = !open;
          button.setAttribute("aria-expanded", open ? "true" : "false");
          box.classList.toggle("cm-open", open);
          if (ready) { popupsClear(); }
        }
        button.addEventListener("click", function () { set(panel.hidden); });
        panel.addEventListener("keydown", function (ev) {  // Escape folds the panel
          if (ev.key === "Escape") { ev.stopPropagation(); set(false); button.focus(); }
        });
        options.build(panel);
        box.appendChild(button);
        box.appendChild(panel);
        set(options.open);
        box.campmapSet = set;
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      }
    });
    var control = new Control({position: options.position});
    control.addTo(map);
    return control;
  }
  var about = Collapsible({
    position: "topright", cls: "cm-about", label: "i", title: "About this map",
    open: asked || (!small && !embedded),
    build: function (panel) {
      var h1 = el("h1", data.title), summary = el("p", data.summary);
      summary.id = "cm-summary";
      if (embedded) { h1.className = summary.className = "cm-sr-only"; }
      panel.appendChild(h1);
      panel.appendChild(summary);
      var skip = el("a", "Data table (" + state.n.toLocaleString("en") + (state.n === 1 ? " site)" : " sites)"), "cm-skip");
      skip.href = "#cm-data";
      skip.addEventListener("click", function (ev) { ev.preventDefault(); state.openTable(); });
      panel.appendChild(skip);
    }
  });
  var filter = Collapsible({
    position: "topright", cls: "cm-filter", label: "Search", title: "Search and filter the sites",
    open: false, build: function (panel) { state.buildFilter(panel); }
  });
  var legendBox;
  var legend = Collapsible({
    position: "bottomright", cls: "cm-legend", label: "Key", title: "Legend",
    open: asked || !small, build: function (panel) { legendBox = panel; }
  });
  function sample(tag, text, cls) { return el(tag, text, cls); }
  /* The legend lists what is shown: the symbols in use and the kinds of camera. */
  function refreshLegend(shown) {
    legendBox.textContent = "";
    function row(symbol, text) {
      var r = el("div");
      if (symbol) { r.appendChild(symbol); }
      r.appendChild(document.createTextNode(text));
      legendBox.appendChild(r);
    }
    if (shown.known) { row(sample("span", "4", "cm-site cm-known"), "cameras reported at a site"); }
    if (shown.unknown) { row(sample("span", "?", "cm-site cm-unknown"), "cameras reported, count not stated"); }
    if (data.routes.features.length) { row(sample("i", null, "cm-key-route"), "cameras reported along a route"); }
    if (shown.confirmed) { row(sample("span", "4", "cm-site cm-known cm-confirmed"), "confirmed by a reviewer (photo or on site)"); }
    if (shown.disputed) { row(sample("span", "4", "cm-site cm-known cm-disputed"), "disputed by a reviewer"); }
    if (data.places.features.length) { row(sample("i", null, "cm-key-street"), "the street or area a site lies on"); }
    if (state.mode === "markers") { row(sample("i", null, "cm-key-ring"), "around an open site: how far its cameras may be from the mark"); }
    var kinds = Object.keys(shown.kinds).sort(function (a, b) {  // the most frequent first
      return shown.kinds[b] - shown.kinds[a] || campmapWords.kind(a).localeCompare(campmapWords.kind(b));
    });
    if (kinds.length) {
      legendBox.appendChild(el("h2", "Kinds of camera shown"));
      var list = el("ul", null, "cm-kinds");
      kinds.slice(0, 8).forEach(function (k) {
        list.appendChild(el("li", campmapWords.kind(k) + " (" + shown.kinds[k].toLocaleString("en") + ")"));
      });
      if (kinds.length > 8) { list.appendChild(el("li", "and " + (kinds.length - 8).toLocaleString("en") + " more kinds")); }
      legendBox.appendChild(list);
    }
    if (!shown.total) { row(null, "No site matches the search and filters."); }
  }
  /* On a narrow map the credits take two lines: the scale then stands above them. */
  function clearCredits() {
    var credits = container.querySelector(".leaflet-control-attribution");
    var scale = container.querySelector(".leaflet-bottom.leaflet-left");
    if (!credits || !scale) { return; }
    scale.style.bottom = "";
    var c = credits.getBoundingClientRect(), s = scale.getBoundingClientRect();
    if (c.left < s.right && c.top < s.bottom) { scale.style.bottom = (s.bottom - c.top) + "px"; }
  }
  clearCredits();
  map.on("resize", clearCredits);
  /* A popup pans clear of the panels as they are now (popups read Leaflet's default options). */
  function popupsClear() {
    var pad = padding();
    L.Popup.prototype.options.autoPanPaddingTopLeft = L.point(pad.topLeft[0] - 20, pad.topLeft[1] - 20);
    L.Popup.prototype.options.autoPanPaddingBottomRight = L.point(pad.bottomRight[0] - 20, pad.bottomRight[1] - 20);
  }
  ready = true;
  popupsClear();
  map.on("resize", popupsClear);
  /* Room the first fit leaves for the controls in each corner, plus a marker's radius: at the
     sides on a wide map, above and below on a tall one (a phone held upright). */
  function padding() {
    var c = container.getBoundingClientRect(), m = 26;
    function extent(sel, measure) {
      var most = 0;
      Array.prototype.forEach.call(container.querySelectorAll(sel), function (child) {
        var b = child.getBoundingClientRect();
        if (b.width && b.height) { most = Math.max(most, measure(b)); }
      });
      return most;
    }
    function fromLeft(b) { return b.right - c.left; }
    function fromRight(b) { return c.right - b.left; }
    function fromTop(b) { return b.bottom - c.top; }
    function fromBottom(b) { return c.bottom - b.top; }
    var bottom = Math.max(extent(".leaflet-bottom.leaflet-left > *", fromBottom),
      extent(".leaflet-control-attribution", fromBottom));
    if (c.height > c.width) {
      var top = Math.max(extent(".leaflet-top > *", fromTop), 0);
      bottom = Math.max(bottom, extent(".leaflet-bottom > *", fromBottom));
      return {topLeft: [m, top + m], bottomRight: [m, bottom + m]};
    }
    var left = extent(".leaflet-top.leaflet-left > *", fromLeft);
    var right = Math.max(extent(".leaflet-top.leaflet-right > *", fromRight),
      extent(".leaflet-bottom.leaflet-right > :not(.leaflet-control-attribution)", fromRight));
    if (left + right + 2 * m > c.width - 40) { right = 0; }
    return {topLeft: [left + m, m], bottomRight: [right + m, bottom + m]};
  }
  return {about: about, filter: filter, legend: legend, refreshLegend: refreshLegend,
    padding: padding, small: small, embedded: embedded};
}
