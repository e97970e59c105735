/* campmap's map: draws sites, routes and place geometries from one data object
   (parsed from the page's <script type="application/json"> block).
   Every string from a report goes in through textContent, never as HTML.
   Sites travel column-wise (data.sites.lon[i], .name[i] ...). Up to data.dom_limit
   sites, each is a labelled, focusable marker; above it, all are drawn on one canvas.
   data.tiles, when present, is the base map: an xyzservices URL and Leaflet options.
   The parts: campmap-words.js (plain words, popups), campmap-panels.js (panels and legend),
   campmap-filter.js (search, filters, the URL fragment), campmap-table.js (the data table,
   downloads), campmap-declutter.js (names, spreading, rings). */
var CAMPMAP_COLUMNS = ["name", "count_text", "count_conflict", "place_kind", "status", "quote",
  "sources", "verification", "review_note", "backend", "camera", "manufacturer", "operator",
  "first_reported", "last_reported"];

function campmapRender(map, data) {
  "use strict";
  var W = campmapWords, el = W.el;
  if (data.tiles) { L.tileLayer(data.tiles.url, data.tiles.options).addTo(map); }
  // Credits are plain text: Leaflet reads an attribution as HTML, so escape it.
  (data.credits || []).forEach(function (text) {
    var span = document.createElement("span");
    span.textContent = text;
    map.attributionControl.addAttribution(span.innerHTML);
  });
  function column(name) {
    var c = data.sites[name];
    if (!c) { return function () { return null; }; }
    if (Array.isArray(c)) { return function (i) { return c[i]; }; }
    return function (i) { var k = c.codes[i]; return k < 0 ? null : c.values[k]; };
  }
  var S = data.sites, n = S.n, cols = {};
  /* A row's reports ([name, url, title, published] each), from its indices into data.reports. */
  function reportsOf(indices) {
    return indices && data.reports ? indices.map(function (k) { return data.reports[k]; }) : null;
  }
  (data.routes.features || []).forEach(function (f) {
    if (f.properties.cites) { f.properties.cited = reportsOf(f.properties.cites); }
  });
  CAMPMAP_COLUMNS.forEach(function (k) { cols[k] = column(k); });
  function site(i) {
    var p = {count: S.count[i], uncertainty_m: S.uncertainty_m[i],
      confidence: S.confidence ? S.confidence[i] : null};
    CAMPMAP_COLUMNS.forEach(function (k) { p[k] = cols[k](i); });
    p.cited = S.cites ? reportsOf(S.cites[i]) : null;
    if (p.name === null) { p.name = "Site " + (i + 1); }
    return p;
  }
  var container = map.getContainer();
  var manyPlaces = data.places.features.length > data.dom_limit;
  var places = L.geoJSON(data.places, {
    interactive: false,
    renderer: manyPlaces ? L.canvas() : undefined,
    style: function (f) {
      return f.geometry.type.indexOf("Polygon") >= 0
        ? {color: "#2e7d32", weight: 2, dashArray: "4 3", fillColor: "#66bb6a", fillOpacity: 0.2}
        : {color: "#555", weight: 7, opacity: 0.45, lineCap: "round"};
    }
  }).addTo(map);
  // The place of the site whose popup is open is highlighted.
  var placeOf = {};
  places.eachLayer(function (layer) { placeOf[layer.feature.properties.site] = layer; });
  var lit = null;
  map.on("popupopen", function (ev) {
    var i = ev.popup.options.campmapSite, layer = i === undefined ? null : placeOf[i];
    if (lit) { places.resetStyle(lit); lit = null; }
    if (layer) {
      layer.setStyle({color: "#0b57d0", opacity: 0.9, fillColor: "#0b57d0", fillOpacity: 0.25});
      layer.bringToFront();
      lit = layer;
    }
  });
  map.on("popupclose", function () { if (lit) { places.resetStyle(lit); lit = null; } });
  var routes = L.geoJSON(data.routes, {
    style: {color: "#b3261e", weight: 6, opacity: 0.85},
    onEachFeature: function (f, layer) {
      layer.bindPopup(function () { return W.popup(f.properties); });
      layer.bindTooltip(el("span", W.count(f.properties) + " along the route"),
        {permanent: true, direction: "center", className: "cm-route-label"});
    }
  }).addTo(map);

  var state = {map: map, routes: routes, places: places, n: n, drawn: 0,
    mode: n > data.dom_limit ? "canvas" : "markers", shown: new Uint8Array(n).fill(1),
    uncertainty: function (i) { return S.uncertainty_m[i]; }};
  var sites = state.mode === "markers"
    ? campmapMarkerSites(map, S, site, state)
    : campmapCanvasSites(map, S, site, W.known, W.popup, state);
  state.sites = sites;

  // Panels, then the first view: the link's (#map=z/lat/lon), or all the data clear of the panels.
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", "Map: " + data.title);
  container.setAttribute("aria-describedby", "cm-summary");
  var filter = campmapFilter(map, data, cols, n);
  state.filter = filter;
  state.buildFilter = filter.build;
  state.openTable = function () { table.open(); };
  var panels = campmapPanels(map, data, state);
  state.panels = panels;
  campmapFullscreen(map, el);
  campmapGestures(map, el);
  var view = filter.fromHash(location.hash);
  state.fit = function () {
    var bounds = campmapBounds(S, n, [places, routes]);
    if (!bounds.isValid()) { return; }
    var pad = panels.padding();
    map.fitBounds(bounds, {paddingTopLeft: pad.topLeft, paddingBottomRight: pad.bottomRight,
      maxZoom: 18, animate: false});
  };
  if (view) { map.setView(view.center, view.zoom, {animate: false}); } else { state.fit(); }
  var table = campmapTable(data, site, n, function (i) {
    map.setView([S.lat[i], S.lon[i]], Math.max(map.getZoom(), 16), {animate: false});
    sites.openSite(i);
  }, function () { container.focus(); });
  state.table = table;
  /* What the search and filters let through: markers, canvas, table, legend, the fragment. */
  state.apply = function () {
    var shown = {known: 0, unknown: 0, confirmed: 0, disputed: 0, kinds: {}, total: 0};
    for (var i = 0; i < n; i++) {
      var on = filter.test(i) ? 1 : 0;
      state.shown[i] = on;
      if (!on) { continue; }
      shown.total++;
      if (S.count[i] === null) { shown.unknown++; } else { shown.known++; }
      var v = cols.verification(i), k = cols.camera(i) || "camera";
      if (v === "photo-confirmed" || v === "on-site-confirmed") { shown.confirmed++; }
      if (v === "disputed") { shown.disputed++; }
      shown.kinds[k] = (shown.kinds[k] || 0) + 1;
    }
    sites.showOnly(state.shown);
    table.filter(function (j) { return state.shown[j] === 1; });
    panels.refreshLegend(shown);
    filter.shownText(shown.total);
    state.shownCount = shown.total;
  };
  filter.onChange = function () { state.apply(); filter.save(); };
  filter.onFind = function () {
    for (var i = 0; i < n; i++) {
      if (state.shown[i]) {
        map.setView([S.lat[i], S.lon[i]], Math.max(map.getZoom(), 16), {animate: false});
        sites.openSite(i);
        return;
      }
    }
  };
  state.apply();
  map.on("moveend", function () { filter.save(); });
  window.addEventListener("hashchange", function () {
    var v = filter.fromHash(location.hash);
    state.apply();
    if (v) { map.setView(v.center, v.zoom, {animate: false}); }
  });
  window.campmap = state;
}

function campmapBounds(S, n, layers) {
  "use strict";
  var bounds = L.latLngBounds([]);
  if (n) {
    var w = Infinity, e = -Infinity, s = Infinity, nn = -Infinity;
    for (var j = 0; j < n; j++) {
      if (S.lon[j] < w) { w = S.lon[j]; } if (S.lon[j] > e) { e = S.lon[j]; }
      if (S.lat[j] < s) { s = S.lat[j]; } if (S.lat[j] > nn) { nn = S.lat[j]; }
    }
    bounds.extend([[s, w], [nn, e]]);
  }
  layers.forEach(function (layer) {
    if (layer.getLayers().length) { bounds.extend(layer.getBounds()); }
  });
  return bounds;
}

/* Up to data.dom_limit sites: one labelled, focusable marker each. */
function campmapMarkerSites(map, S, site, state) {
  "use strict";
  var W = campmapWords, el = W.el, n = S.n;
  var group = L.featureGroup(), markers = [], sizes = [], latlngs = [], names = [];
  for (var i = 0; i < n; i++) {
    (function (i) {
      var p = site(i), has = W.known(p), latlng = L.latLng(S.lat[i], S.lon[i]);
      var size = has ? Math.min(44, 22 + 4 * Math.sqrt(p.count)) : 24;
      var badge = el("span", has ? p.count : "?",
        "cm-site " + (has ? "cm-known" : "cm-unknown") + " cm-" + W.verifiedClass(p));
      badge.style.width = badge.style.height = size + "px";
      var icon = L.divIcon({className: "cm-icon", iconSize: [size, size], html: badge});
      var marker = L.marker(latlng, {icon: icon, keyboard: true, title: p.name + ": " + W.count(p), alt: p.name});
      marker.on("add", function () {
        var node = marker.getElement();
        if (node) {
          node.setAttribute("role", "button");
          node.setAttribute("aria-label", p.name + ", " + W.count(p) +
            (p.verification && p.verification !== "reported" ? ", " + p.verification : ""));
        }
      });
      marker.bindPopup(function () { return W.popup(site(i)); }, {campmapSite: i});
      markers.push(marker); sizes.push(size); latlngs.push(latlng); names.push(p.name);
    })(i);
  }
  group.addTo(map);
  var declutter = campmapDeclutter(map, markers, sizes, latlngs, function (i) { return names[i]; }, state);
  state.rings = declutter.rings;
  state.declutter = declutter;
  group.openSite = function (i) { markers[i].openPopup(); };
  group.showOnly = function (shown) {
    for (var i = 0; i < n; i++) {
      var on = group.hasLayer(markers[i]);
      if (shown[i] && !on) { group.addLayer(markers[i]); }
      if (!shown[i] && on) { group.removeLayer(markers[i]); }
    }
    state.drawn = group.getLayers().length;
    declutter.refresh();
  };
  group.markers = markers;
  return group;
}


/* All sites on one canvas: positions projected once, redrawn on every move; above
   campmapClusters.FROM sites in view, drawn as grid clusters (campmap-cluster.js). */
function campmapCanvasSites(map, S, site, known, popup, state) {
  "use strict";
  var n = S.n, px = new Float64Array(n), py = new Float64Array(n);
  for (var i = 0; i < n; i++) {
    var p = map.project([S.lat[i], S.lon[i]], 0);
    px[i] = p.x; py[i] = p.y;
  }
  var visible = new Int32Array(n), nvisible = 0, radius = 4, clusters = null;
  var Layer = L.Layer.extend({
    onAdd: function () {
      this._canvas = L.DomUtil.create("canvas", "cm-canvas leaflet-zoom-hide");
      this._canvas.setAttribute("aria-hidden", "true");
      map.getPanes().overlayPane.appendChild(this._canvas);
      map.on("move zoomend resize viewreset", this._draw, this);
      map.on("click", this._click, this);
      this._draw();
    },
    onRemove: function () {
      L.DomUtil.remove(this._canvas);
      map.off("move zoomend resize viewreset", this._draw, this);
      map.off("click", this._click, this);
    },
    _draw: function () {
      var size = map.getSize(), dpr = window.devicePixelRatio || 1, c = this._canvas;
      if (c.width !== size.x * dpr || c.height !== size.y * dpr) {
        c.width = size.x * dpr; c.height = size.y * dpr;
        c.style.width = size.x + "px"; c.style.height = size.y + "px";
      }
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      var ctx = c.getContext("2d");
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      var scale = map.getZoomScale(map.getZoom(), 0), origin = map.getPixelBounds().min;
      nvisible = 0;
      for (var i = 0; i < n; i++) {
        if (!state.shown[i]) { continue; }
        var x = px[i] * scale - origin.x, y = py[i] * scale - origin.y;
        if (x > -20 && y > -20 && x < size.x + 20 && y < size.y + 20) { visible[nvisible++] = i; }
      }
      state.drawn = nvisible;
      clusters = nvisible > campmapClusters.FROM ? campmapClusters.group(visible, nvisible, px, py, scale, origin) : null;
      state.clusters = clusters ? clusters.length : 0;
      state.clusterList = clusters || [];
      if (clusters) { campmapClusters.draw(ctx, clusters); return; }
      var labelled = nvisible <= 300;
      radius = labelled ? 11 : (map.getZoom() >= 15 ? 5 : 3.5);
      // Unknown counts first, so counted sites stay on top.
      [false, true].forEach(function (wantKnown) {
        ctx.beginPath();
        for (var k = 0; k < nvisible; k++) {
          var j = visible[k];
          if ((S.count[j] !== null) !== wantKnown) { continue; }
          var x = px[j] * scale - origin.x, y = py[j] * scale - origin.y;
          ctx.moveTo(x + radius, y);
          ctx.arc(x, y, radius, 0, 2 * Math.PI);
        }
        ctx.fillStyle = wantKnown ? "#b3261e" : "#ffffff";
        ctx.fill();
        ctx.lineWidth = wantKnown ? 1 : 1.5;
        ctx.strokeStyle = wantKnown ? "#ffffff" : "#1a1a1a";
        ctx.stroke();
      });
      if (labelled) {
        ctx.font = "bold 11px system-ui, sans-serif";
        ctx.textAlign = "center"; ctx.textBaseline = "middle";
        for (var k = 0; k < nvisible; k++) {
          var j = visible[k], has = S.count[j] !== null;
          ctx.fillStyle = has ? "#ffffff" : "#1a1a1a";
          ctx.fillText(has ? String(S.count[j]) : "?", px[j] * scale - origin.x, py[j] * scale - origin.y);
        }
      }
      state.drawn = nvisible;
    },
    _click: function (e) {
      if (clusters) {
        var hit = campmapClusters.at(clusters, e.containerPoint);
        if (hit && hit.n === 1) { this.openSite(hit.site); }
        if (hit && hit.n > 1) { map.setView(map.containerPointToLatLng([hit.x, hit.y]), map.getZoom() + 2); }
        return;
      }
      var scale = map.getZoomScale(map.getZoom(), 0), origin = map.getPixelBounds().min;
      var best = -1, bestD = (radius + 4) * (radius + 4);
      for (var k = 0; k < nvisible; k++) {
        var j = visible[k];
        var dx = px[j] * scale - origin.x - e.containerPoint.x, dy = py[j] * scale - origin.y - e.containerPoint.y;
        var d = dx * dx + dy * dy;
        if (d <= bestD) { bestD = d; best = j; }
      }
      if (best >= 0) { this.openSite(best); }
    },
    openSite: function (i) {
      this._popup = this._popup || L.popup();
      this._popup.options.campmapSite = i;
      this._popup.setLatLng([S.lat[i], S.lon[i]]).setContent(popup(site(i))).openOn(map);
    }
  });
  var layer = new Layer();
  layer.addTo(map);
  layer.showOnly = function () { if (map.hasLayer(layer)) { layer._draw(); } };
  return layer;
}

/* A full-screen button: the Fullscreen API, or a page-filling fallback where it is refused. */
function campmapFullscreen(map, el) {
  "use strict";
  var container = map.getContainer();
  var Control = L.Control.extend({
    onAdd: function () {
      var box = el("div", null, "leaflet-bar");
      var button = el("a", null, "cm-fullscreen-button");
      var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 16 16"); svg.setAttribute("width", "16"); svg.setAttribute("height", "16");
      svg.setAttribute("aria-hidden", "true");
      var path = document.createElementNS(ns, "path");
      path.setAttribute("d", "M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5");
      path.setAttribute("fill", "none"); path.setAttribute("stroke", "#1a1a1a"); path.setAttribute("stroke-width", "2");
      svg.appendChild(path); button.appendChild(svg);
      button.href = "#"; button.setAttribute("role", "button");
      button.title = "Full screen"; button.setAttribute("aria-label", "Full screen");
      L.DomEvent.on(button, "click", function (ev) {
        L.DomEvent.preventDefault(ev); L.DomEvent.stopPropagation(ev);
        var on = document.fullscreenElement === container || container.classList.contains("cm-fullscreen");
        if (on) {
          if (document.fullscreenElement) { document.exitFullscreen(); }
          container.classList.remove("cm-fullscreen");
        } else if (container.requestFullscreen) {
          container.requestFullscreen().catch(function () { container.classList.add("cm-fullscreen"); map.invalidateSize(); });
        } else {
          container.classList.add("cm-fullscreen");
        }
        setTimeout(function () { map.invalidateSize(); }, 50);
      });
      box.appendChild(button);
      return box;
    }
  });
  new Control({position: "topleft"}).addTo(map);
}

/* Page scrolling is not trapped: on touch screens one finger scrolls the page (pinch zooms the
   map); in an embedded map the mouse wheel zooms only with Ctrl/Cmd held or once the map is focused. */
function campmapGestures(map, el) {
  "use strict";
  var container = map.getContainer();
  var hint = el("div", "", "cm-hint");
  hint.setAttribute("aria-hidden", "true");
  container.appendChild(hint);
  var timer = null;
  function show(text) {
    hint.textContent = text; hint.classList.add("cm-hint-on");
    clearTimeout(timer);
    timer = setTimeout(function () { hint.classList.remove("cm-hint-on"); }, 1200);
  }
  if (L.Browser.mobile || L.Browser.touch && !L.Browser.pointer) {
    map.dragging.disable();
    container.addEventListener("touchmove", function (ev) {
      if (ev.touches.length === 1) { show("Use two fingers to zoom the map"); }
    }, {passive: true});
  }
  var embedded = window.self !== window.top;
  if (embedded) {
    map.scrollWheelZoom.disable();
    container.addEventListener("wheel", function (ev) {
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        map.setZoom(map.getZoom() + (ev.deltaY < 0 ? 1 : -1));
      } else if (!map.scrollWheelZoom.enabled()) {
        show("Hold Ctrl (\u2318 on a Mac) and scroll to zoom the map");
      }
    }, {passive: false});
    map.on("focus", function () { map.scrollWheelZoom.enable(); });
    map.on("blur", function () { map.scrollWheelZoom.disable(); });
  }
  window.campmapGestures = {embedded: embedded, touch: !map.dragging.enabled()};
}
