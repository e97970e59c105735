/* campmap's map: draws sites, routes and place geometries from one data object.
   Every string from a report goes in through textContent, never as HTML. */
function campmapRender(map, data) {
  "use strict";
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function countText(p) {
    if (p.count === null || p.count === undefined) {
      return p.count_text ? "count not stated (" + p.count_text + ")" : "count not stated";
    }
    return p.count + (p.count === 1 ? " camera" : " cameras");
  }
  function sourceList(p) {
    var box = el("p", "Source: ");
    (p.sources || "").split("; ").forEach(function (src, i) {
      if (i) { box.appendChild(document.createTextNode("; ")); }
      if (/^https?:\/\//i.test(src)) {
        var a = el("a", src);
        a.href = src; a.target = "_blank"; a.rel = "noopener noreferrer";
        box.appendChild(a);
      } else {
        box.appendChild(document.createTextNode(src));
      }
    });
    return box;
  }
  function popup(p) {
    var box = el("div", null, "cm-popup");
    box.appendChild(el("h2", p.name));
    box.appendChild(el("p", countText(p)));
    if (p.status) { box.appendChild(el("p", "Status: " + p.status)); }
    if (p.follows) { box.appendChild(el("p", "Drawn: " + p.follows)); }
    if (p.uncertainty_m) { box.appendChild(el("p", "Within about " + Math.round(p.uncertainty_m) + " m of the mark")); }
    box.appendChild(el("blockquote", p.quote));
    box.appendChild(sourceList(p));
    return box;
  }
  var bounds = L.latLngBounds([]);
  var places = L.geoJSON(data.places, {
    interactive: false,
    style: function (f) {
      return f.geometry.type.indexOf("Polygon") >= 0
        ? {color: "#2e7d32", weight: 1, fillColor: "#66bb6a", fillOpacity: 0.2}
        : {color: "#555", weight: 5, opacity: 0.45};
    },
    pointToLayer: function (f, latlng) { return L.circleMarker(latlng, {radius: 3, color: "#555"}); }
  }).addTo(map);
  var routes = L.geoJSON(data.routes, {
    style: {color: "#b3261e", weight: 6, opacity: 0.85},
    onEachFeature: function (f, layer) {
      layer.bindPopup(function () { return popup(f.properties); });
      layer.bindTooltip(el("span", countText(f.properties) + " along the route"),
        {permanent: true, direction: "center", className: "cm-route-label"});
    }
  }).addTo(map);
  var sites = L.geoJSON(data.sites, {
    pointToLayer: function (f, latlng) {
      var p = f.properties, known = p.count !== null && p.count !== undefined;
      var size = known ? Math.min(44, 22 + 4 * Math.sqrt(p.count)) : 24;
      var badge = el("span", known ? p.count : "?", "cm-site " + (known ? "cm-known" : "cm-unknown"));
      badge.style.width = badge.style.height = size + "px";
      var icon = L.divIcon({className: "cm-icon", iconSize: [size, size], html: badge});
      var marker = L.marker(latlng, {icon: icon, keyboard: true, title: p.name + ": " + countText(p), alt: p.name});
      marker.on("add", function () {
        var node = marker.getElement();
        if (node) {
          node.setAttribute("role", "button");
          node.setAttribute("aria-label", p.name + ", " + countText(p));
        }
      });
      return marker;
    },
    onEachFeature: function (f, layer) { layer.bindPopup(function () { return popup(f.properties); }); }
  }).addTo(map);
  [places, routes, sites].forEach(function (layer) {
    if (layer.getLayers().length) { bounds.extend(layer.getBounds()); }
  });
  if (bounds.isValid()) { map.fitBounds(bounds, {padding: [30, 30], maxZoom: 18}); }
  var Panel = L.Control.extend({
    onAdd: function () {
      var box = el("div", null, "cm-panel");
      box.appendChild(el("h1", data.title));
      box.appendChild(el("p", data.summary));
      return box;
    }
  });
  new Panel({position: "topright"}).addTo(map);
  var Legend = L.Control.extend({
    onAdd: function () {
      var box = el("div", null, "cm-panel cm-legend");
      var a = el("div"); a.appendChild(el("span", "4", "cm-site cm-known")); a.appendChild(document.createTextNode("cameras reported at a site")); box.appendChild(a);
      var b = el("div"); b.appendChild(el("span", "?", "cm-site cm-unknown")); b.appendChild(document.createTextNode("cameras reported, count not stated")); box.appendChild(b);
      var c = el("div"); c.appendChild(el("i")); c.appendChild(document.createTextNode("cameras reported along a route")); box.appendChild(c);
      return box;
    }
  });
  new Legend({position: "bottomright"}).addTo(map);
  window.campmap = {map: map, sites: sites, routes: routes, places: places};
}
