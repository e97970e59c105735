/* campmap's offline base map: OpenStreetMap streets and parks near the sites (data.basemap,
   GeoJSON made by campmap/export/basemap.py), drawn below every site and route with no
   request to any server. Street names show from zoom 16 in, one label per street, written
   through textContent. Nothing here takes pointer events: the map's own layers stay on top. */
function campmapBasemap(map, data) {
  "use strict";
  if (!data.basemap) { return; }
  map.getContainer().style.background = "#f5f4f0";  /* land, where no tiles are drawn */
  var shapes = map.createPane("campmap-basemap");
  shapes.style.zIndex = 250;  /* above tiles (200), below vectors (400) and markers (600) */
  shapes.style.pointerEvents = "none";
  var names = map.createPane("campmap-basemap-names");
  names.style.zIndex = 350;
  names.style.pointerEvents = "none";
  var styles = {
    green: {stroke: false, fillColor: "#d5e8cb", fillOpacity: 1},
    major: {color: "#c9c6bf", weight: 6, opacity: 1, lineCap: "round"},
    minor: {color: "#dcd9d2", weight: 3.5, opacity: 1, lineCap: "round"}
  };
  var drawn = L.geoJSON(data.basemap, {
    pane: "campmap-basemap", interactive: false,
    style: function (feature) { return styles[feature.properties.kind] || styles.minor; }
  }).addTo(map);
  function middle(latlngs) {
    while (latlngs.length && Array.isArray(latlngs[0])) { latlngs = latlngs[0]; }
    return latlngs.length ? latlngs[Math.floor(latlngs.length / 2)] : null;
  }
  var labels = L.layerGroup(), named = {};
  drawn.eachLayer(function (layer) {
    var props = layer.feature.properties;
    if (props.kind === "green" || !props.name || named[props.name]) { return; }
    var at = middle(layer.getLatLngs());
    if (!at) { return; }
    named[props.name] = true;
    var text = document.createElement("span");
    text.textContent = props.name;
    labels.addLayer(L.marker(at, {
      pane: "campmap-basemap-names", interactive: false, keyboard: false,
      icon: L.divIcon({className: "cm-street-name", html: text, iconSize: null})
    }));
  });
  function names_at_zoom() {
    if (map.getZoom() >= 16) { labels.addTo(map); } else { labels.remove(); }
  }
  map.on("zoomend", names_at_zoom);
  names_at_zoom();
}
