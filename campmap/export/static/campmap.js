/* campmap's map: draws sites, routes and place geometries from one data object
   (parsed from the page's <script type="application/json"> block).
   Every string from a report goes in through textContent, never as HTML.
   Sites travel column-wise (data.sites.lon[i], .name[i] ...). Up to data.dom_limit
   sites, each is a labelled, focusable marker; above it, all are drawn on one canvas.
   data.tiles, when present, is the base map: an xyzservices URL and Leaflet options. */
function campmapRender(map, data) {
  "use strict";
  if (data.tiles) { L.tileLayer(data.tiles.url, data.tiles.options).addTo(map); }
  // Credits are plain text: Leaflet reads an attribution as HTML, so escape it.
  (data.credits || []).forEach(function (text) {
    var span = document.createElement("span");
    span.textContent = text;
    map.attributionControl.addAttribution(span.innerHTML);
  });
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function column(name) {
    var c = data.sites[name];
    if (!c) { return function () { return null; }; }
    if (Array.isArray(c)) { return function (i) { return c[i]; }; }
    return function (i) { var k = c.codes[i]; return k < 0 ? null : c.values[k]; };
  }
  var S = data.sites, n = S.n;
  var names = ["name", "count_text", "count_conflict", "place_kind", "status", "quote", "sources",
    "verification", "review_note", "backend", "camera"];
  var cols = {};
  names.forEach(function (k) { cols[k] = column(k); });
  function site(i) {
    var p = {count: S.count[i], uncertainty_m: S.uncertainty_m[i],
      confidence: S.confidence ? S.confidence[i] : null};
    names.forEach(function (k) { p[k] = cols[k](i); });
    p.cites = S.cites ? S.cites[i] : null;
    if (p.name === null) { p.name = "Site " + (i + 1); }
    return p;
  }
  function known(p) { return p.count !== null && p.count !== undefined; }
  // "reported" is what campmap read; a reviewer may confirm (photo, on site) or dispute it.
  function verifiedClass(p) {
    if (p.verification === "photo-confirmed" || p.verification === "on-site-confirmed") { return "confirmed"; }
    return p.verification === "disputed" ? "disputed" : "reported";
  }
  function countText(p) {
    if (!known(p)) {
      if (p.count_conflict) { return "count disputed (" + p.count_conflict + ")"; }
      return p.count_text ? "count not stated (" + p.count_text + ")" : "count not stated";
    }
    return p.count + (p.count === 1 ? " camera" : " cameras");
  }
  // A cited report: its outlet and date, linked to its address (http/https only).
  function citeNode(r) {
    if (!r[1] || !/^https?:\/\/[^\s]+$/i.test(r[1])) { return document.createTextNode(r[0]); }
    var a = el("a", r[0], "cm-source");
    a.href = r[1]; a.target = "_blank"; a.rel = "noopener noreferrer";
    if (r[2]) { a.title = r[2]; }
    return a;
  }
  function sourceList(p) {
    if (p.cites && data.reports) {
      var cited = el("p", "Source: ");
      p.cites.forEach(function (k, i) {
        if (i) { cited.appendChild(document.createTextNode("; ")); }
        cited.appendChild(citeNode(data.reports[k]));
      });
      return cited;
    }
    var box = el("p", "Source: ");
    (p.sources || "").split("; ").forEach(function (src, i) {
      if (i) { box.appendChild(document.createTextNode("; ")); }
      if (/^https?:\/\/[^\s]+$/i.test(src)) {
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
    if (p.camera && p.camera !== "camera") { box.appendChild(el("p", "Camera: " + p.camera)); }
    if (p.confidence !== null && p.confidence !== undefined) {
      box.appendChild(el("p", "campmap's confidence: " + Math.round(p.confidence * 100) + "%"));
    }
    if (p.verification) {
      box.appendChild(el("p", "Verification: " + p.verification,
        p.verification === "reported" ? null : "cm-verified-" + verifiedClass(p)));
    }
    if (p.review_note) { box.appendChild(el("p", "Reviewer's note: " + p.review_note)); }
    if (p.backend) { box.appendChild(el("p", "Placed by: " + p.backend)); }
    if (p.follows) { box.appendChild(el("p", "Drawn: " + p.follows)); }
    if (p.uncertainty_m) { box.appendChild(el("p", "Within about " + Math.round(p.uncertainty_m) + " m of the mark")); }
    if (p.quote) { box.appendChild(el("blockquote", p.quote)); }
    box.appendChild(sourceList(p));
    var dates = (p.cites || []).map(function (k) { return data.reports[k][3]; })
      .filter(function (d) { return d; }).sort();
    if (dates.length) {
      var last = dates[dates.length - 1];
      box.appendChild(el("p", "Reported: " + dates[0] + (last !== dates[0] ? " to " + last : ""), "cm-reported"));
    }
    return box;
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
      layer.bindPopup(function () { return popup(f.properties); });
      layer.bindTooltip(el("span", countText(f.properties) + " along the route"),
        {permanent: true, direction: "center", className: "cm-route-label"});
    }
  }).addTo(map);

  var state = {map: map, routes: routes, places: places, n: n, drawn: 0, mode: n > data.dom_limit ? "canvas" : "markers"};
  var sites;
  if (state.mode === "markers") {
    sites = L.featureGroup();
    var rings = L.featureGroup(), markers = [];
    sites.openSite = function (i) { markers[i].openPopup(); };
    for (var i = 0; i < n; i++) {
      (function (i) {
        var p = site(i), has = known(p), latlng = L.latLng(S.lat[i], S.lon[i]);
        var size = has ? Math.min(44, 22 + 4 * Math.sqrt(p.count)) : 24;
        var badge = el("span", has ? p.count : "?",
          "cm-site " + (has ? "cm-known" : "cm-unknown") + " cm-" + verifiedClass(p));
        badge.style.width = badge.style.height = size + "px";
        var icon = L.divIcon({className: "cm-icon", iconSize: [size, size], html: badge});
        var marker = L.marker(latlng, {icon: icon, keyboard: true, title: p.name + ": " + countText(p), alt: p.name});
        marker.on("add", function () {
          var node = marker.getElement();
          if (node) {
            node.setAttribute("role", "button");
            node.setAttribute("aria-label", p.name + ", " + countText(p) +
              (p.verification && p.verification !== "reported" ? ", " + p.verification : ""));
          }
        });
        marker.bindPopup(function () { return popup(p); }, {campmapSite: i});
        markers.push(marker);
        sites.addLayer(marker);
        if (p.uncertainty_m && p.uncertainty_m > 30) {
          rings.addLayer(L.circle(latlng, {radius: p.uncertainty_m, interactive: false, className: "cm-ring",
            color: "#b3261e", weight: 1.5, dashArray: "5 5", fill: true, fillOpacity: 0.04}));
        }
      })(i);
    }
    rings.addTo(map);
    sites.addTo(map);
    state.drawn = sites.getLayers().length;
    state.rings = rings;
  } else {
    sites = campmapCanvasSites(map, S, site, known, popup, state);
  }
  state.sites = sites;

  var bounds = L.latLngBounds([]);
  if (n) {
    var w = Infinity, e = -Infinity, s = Infinity, nn = -Infinity;
    for (var j = 0; j < n; j++) {
      if (S.lon[j] < w) { w = S.lon[j]; } if (S.lon[j] > e) { e = S.lon[j]; }
      if (S.lat[j] < s) { s = S.lat[j]; } if (S.lat[j] > nn) { nn = S.lat[j]; }
    }
    bounds.extend([[s, w], [nn, e]]);
  }
  [places, routes].forEach(function (layer) {
    if (layer.getLayers().length) { bounds.extend(layer.getBounds()); }
  });
  if (bounds.isValid()) { map.fitBounds(bounds, {padding: [30, 30], maxZoom: 18, animate: false}); }

  // Title, summary (also the map's accessible description), legend.
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", "Map: " + data.title);
  container.setAttribute("aria-describedby", "cm-summary");
  var Panel = L.Control.extend({
    onAdd: function () {
      var box = el("div", null, "cm-panel");
      box.appendChild(el("h1", data.title));
      var p = el("p", data.summary); p.id = "cm-summary";
      box.appendChild(p);
      var skip = el("a", "Data table (" + n.toLocaleString("en") + (n === 1 ? " site)" : " sites)"), "cm-skip");
      skip.href = "#cm-data";
      box.appendChild(skip);
      L.DomEvent.disableClickPropagation(box);
      return box;
    }
  });
  new Panel({position: "topright"}).addTo(map);
  var Legend = L.Control.extend({
    onAdd: function () {
      var box = el("div", null, "cm-panel cm-legend");
      function row(sample, text) { var r = el("div"); r.appendChild(sample); r.appendChild(document.createTextNode(text)); box.appendChild(r); }
      row(el("span", "4", "cm-site cm-known"), "cameras reported at a site");
      row(el("span", "?", "cm-site cm-unknown"), "cameras reported, count not stated");
      row(el("i", null, "cm-key-route"), "cameras reported along a route");
      if (data.verified) {
        row(el("span", "4", "cm-site cm-known cm-confirmed"), "confirmed by a reviewer (photo or on site)");
        row(el("span", "4", "cm-site cm-known cm-disputed"), "disputed by a reviewer");
      }
      row(el("i", null, "cm-key-street"), "the street or area a site lies on");
      if (state.mode === "markers") { row(el("i", null, "cm-key-ring"), "how far the cameras may be from the mark"); }
      return box;
    }
  });
  new Legend({position: "bottomright"}).addTo(map);
  campmapFullscreen(map, el);
  campmapGestures(map, el);
  campmapTable(data, site, countText, el, n, function (i) {
    map.setView([S.lat[i], S.lon[i]], Math.max(map.getZoom(), 16), {animate: false});
    sites.openSite(i);
    container.focus();
  });
  window.campmap = state;
}

/* All sites on one canvas: positions projected once, redrawn on every move. */
function campmapCanvasSites(map, S, site, known, popup, state) {
  "use strict";
  var n = S.n, px = new Float64Array(n), py = new Float64Array(n);
  for (var i = 0; i < n; i++) {
    var p = map.project([S.lat[i], S.lon[i]], 0);
    px[i] = p.x; py[i] = p.y;
  }
  var visible = new Int32Array(n), nvisible = 0, radius = 4;
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
        var x = px[i] * scale - origin.x, y = py[i] * scale - origin.y;
        if (x > -20 && y > -20 && x < size.x + 20 && y < size.y + 20) { visible[nvisible++] = i; }
      }
      var labelled = nvisible <= 300, dense = nvisible > 3000;
      radius = labelled ? 11 : (dense ? 2 : (map.getZoom() >= 15 ? 5 : 3.5));
      // Unknown counts first, so counted sites stay on top; dense views drop the outlines.
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
        if (!dense) {
          ctx.lineWidth = wantKnown ? 1 : 1.5;
          ctx.strokeStyle = wantKnown ? "#ffffff" : "#1a1a1a";
          ctx.stroke();
        }
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

/* A site's or route's sources as text: outlet and date of each cited report, else its labels. */
function campmapCiteText(data, p) {
  "use strict";
  if (!p.cites || !data.reports) { return p.sources; }
  return p.cites.map(function (k) { return data.reports[k][0]; }).join("; ");
}

/* The data as a table, for screen readers and keyboard users (shown when it takes focus). */
function campmapTable(data, site, countText, el, n, show) {
  "use strict";
  var limit = 2000, order = [];
  for (var i = 0; i < n; i++) { order.push(i); }
  if (n > limit) {
    order.sort(function (a, b) { return (data.sites.count[b] || -1) - (data.sites.count[a] || -1) || a - b; });
    order = order.slice(0, limit);
  }
  var section = el("section", null, "cm-data");
  section.id = "cm-data";
  section.setAttribute("aria-label", "The map's data as a table");
  var table = el("table");
  table.tabIndex = -1;
  var caption = el("caption", data.title + ": " + data.summary + (n > limit
    ? " The " + limit + " sites with the most cameras are listed; all " + n + " are in sites.geojson." : ""));
  table.appendChild(caption);
  var head = el("tr");
  ["Site", "Cameras", "Status", "Reported as", "Source"].forEach(function (h) {
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
    button.addEventListener("click", function () { show(i); });
    th.appendChild(document.createTextNode(" ")); th.appendChild(button);
    [countText(p), p.status, p.quote, campmapCiteText(data, p)].forEach(function (v) { tr.appendChild(el("td", v)); });
    body.appendChild(tr);
  });
  (data.routes.features || []).forEach(function (f) {
    var p = f.properties, tr = el("tr");
    var th = el("th", "Route: " + p.name); th.scope = "row"; tr.appendChild(th);
    [countText(p), p.status, p.quote, campmapCiteText(data, p)].forEach(function (v) { tr.appendChild(el("td", v)); });
    body.appendChild(tr);
  });
  table.appendChild(body);
  section.appendChild(table);
  document.body.appendChild(section);
  section.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { document.activeElement.blur(); }
  });
}
