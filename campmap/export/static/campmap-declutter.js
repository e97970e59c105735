/* Fewer things at once on the marker map: site names only from zoom 16 in, markers that would
   overlap spread on a small circle around where they stand (so each can be clicked), and the
   uncertainty ring only around the site whose popup is open. */
function campmapDeclutter(map, markers, sizes, latlngs, label, state) {
  "use strict";
  var NAMES_FROM = 16;
  var names = L.layerGroup(), rings = L.layerGroup().addTo(map), offsets = {};
  function shown() {
    var out = [];
    for (var i = 0; i < markers.length; i++) { if (state.shown[i]) { out.push(i); } }
    return out;
  }
  /* Groups of touching markers (a grid finds the neighbours), each laid on a circle. */
  function spread() {
    var list = shown(), pts = {}, cell = 48, grid = {}, parent = {};
    offsets = {};
    list.forEach(function (i) {
      var p = map.latLngToLayerPoint(latlngs[i]);
      pts[i] = p; parent[i] = i;
      var key = Math.floor(p.x / cell) + "," + Math.floor(p.y / cell);
      (grid[key] = grid[key] || []).push(i);
    });
    function root(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
    list.forEach(function (i) {
      var gx = Math.floor(pts[i].x / cell), gy = Math.floor(pts[i].y / cell);
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          (grid[(gx + dx) + "," + (gy + dy)] || []).forEach(function (j) {
            if (j <= i) { return; }
            if (pts[i].distanceTo(pts[j]) < (sizes[i] + sizes[j]) / 2 + 2) { parent[root(j)] = root(i); }
          });
        }
      }
    });
    var groups = {};
    list.forEach(function (i) { (groups[root(i)] = groups[root(i)] || []).push(i); });
    Object.keys(groups).forEach(function (k) {
      var g = groups[k], cx = 0, cy = 0, big = 0;
      if (g.length < 2) { return; }
      g.forEach(function (i) { cx += pts[i].x / g.length; cy += pts[i].y / g.length; big = Math.max(big, sizes[i]); });
      var r = (big + 6) / (2 * Math.sin(Math.PI / g.length));
      g.forEach(function (i, j) {
        var a = 2 * Math.PI * j / g.length - Math.PI / 2;
        offsets[i] = [cx + r * Math.cos(a) - pts[i].x, cy + r * Math.sin(a) - pts[i].y];
      });
    });
    list.forEach(function (i) {
      var node = markers[i].getElement(), o = offsets[i] || [0, 0];
      if (node) {
        node.style.marginLeft = (o[0] - sizes[i] / 2) + "px";
        node.style.marginTop = (o[1] - sizes[i] / 2) + "px";
        node.classList.toggle("cm-spread", !!offsets[i]);
      }
    });
  }
  function showNames() {
    names.clearLayers();
    if (map.getZoom() < NAMES_FROM) { names.remove(); return; }
    shown().forEach(function (i) {
      var o = offsets[i] || [0, 0], text = document.createElement("span");
      text.textContent = label(i);
      names.addLayer(L.tooltip({permanent: true, direction: "right", interactive: false,
        className: "cm-site-name", offset: [o[0] + sizes[i] / 2, o[1]]}).setLatLng(latlngs[i]).setContent(text));
    });
    names.addTo(map);
  }
  function refresh() { spread(); showNames(); }
  map.on("zoomend", refresh);
  map.on("popupopen", function (ev) {
    rings.clearLayers();
    var i = ev.popup.options.campmapSite, m = i === undefined ? null : state.uncertainty(i);
    if (m && m > 30) {
      rings.addLayer(L.circle(latlngs[i], {radius: m, interactive: false, className: "cm-ring",
        color: "#b3261e", weight: 1.5, dashArray: "5 5", fill: true, fillOpacity: 0.04}));
    }
  });
  map.on("popupclose", function () { rings.clearLayers(); });
  return {refresh: refresh, rings: rings, names: names, offsets: function () { return offsets; }};
}
