/* campmap's map in plain words: what a reader sees in a popup, a table row or the legend,
   never campmap's internal names ("embedded", "photo-confirmed"). Report text is untrusted:
   every string goes into the page through textContent or a text node, never as HTML. */
var campmapWords = (function () {
  "use strict";
  var KINDS = {
    "camera": "camera (kind not stated)", "cctv": "CCTV", "anpr": "number-plate reading (ANPR)",
    "facial-recognition": "facial recognition", "speed": "speed camera", "red-light": "red-light camera",
    "average-speed": "average-speed camera", "bus-lane": "bus-lane camera",
    "school-street": "school-street camera", "moving-traffic": "traffic-enforcement camera",
    "noise": "noise camera", "gunshot": "gunshot detector"
  };
  var STATUSES = {
    installed: "in place", removed: "removed", relocated_from: "moved away from here",
    damaged: "damaged", covered: "covered up", deployed: "put up for a time (van or tripod)",
    proposed: "proposed", approved: "approved, not yet in place", planned: "planned"
  };
  var CHECKS = {
    "reported": "as reported, not checked by a reviewer",
    "photo-confirmed": "confirmed by a reviewer from a photo",
    "on-site-confirmed": "confirmed by a reviewer on site",
    "disputed": "disputed by a reviewer"
  };
  var SOURCES = {
    embedded: "from the built-in central-London gazetteer",
    towns: "at the centre of the town named (GeoNames)",
    osm: "on the street or place in OpenStreetMap data",
    geocoder: "found by an online geocoder"
  };
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function known(p) { return p.count !== null && p.count !== undefined; }
  function count(p) {
    if (!known(p)) {
      if (p.count_conflict) { return "count disputed (" + p.count_conflict + ")"; }
      return p.count_text ? "count not stated (" + p.count_text + ")" : "count not stated";
    }
    return p.count + (p.count === 1 ? " camera" : " cameras");
  }
  function kind(value) { return value ? (KINDS[value] || value.replace(/[-_]/g, " ")) : null; }
  function status(value) { return value ? (STATUSES[value] || value.replace(/_/g, " ")) : null; }
  function check(value) { return value ? (CHECKS[value] || value.replace(/-/g, " ")) : null; }
  function distance(m) {
    if (m === null || m === undefined) { return null; }
    if (m >= 1000) { return "within about " + (Math.round(m / 100) / 10) + " km"; }
    return "within about " + Math.max(10, Math.round(m / 10) * 10) + " m";
  }
  function position(p) {
    var by = p.backend;
    if (by && SOURCES[by]) { return SOURCES[by]; }
    return by ? "from the gazetteer \u201c" + by + "\u201d" : null;
  }
  function dates(p) {
    var a = p.first_reported, b = p.last_reported;
    if (!a && !b && p.cited) {  /* a route: the dates of its reports */
      var known = p.cited.map(function (r) { return r[3]; }).filter(Boolean).sort();
      a = known[0]; b = known[known.length - 1];
    }
    if (!a && !b) { return null; }
    if (!a || !b || a === b) { return "reported " + (a || b); }
    return "reported " + a + " to " + b;
  }
  /* The quote as text nodes, the place's name (or each form it was written in) in a <mark>. */
  function quote(p) {
    var box = el("blockquote"), text = String(p.quote), lower = text.toLowerCase();
    var terms = String(p.written_as || p.name || "").split("; ").filter(function (t) { return t.length > 1; });
    var at = 0;
    while (at < text.length) {
      var best = -1, len = 0;
      terms.forEach(function (t) {
        var k = lower.indexOf(t.toLowerCase(), at);
        if (k >= 0 && (best < 0 || k < best || (k === best && t.length > len))) { best = k; len = t.length; }
      });
      if (best < 0) { break; }
      if (best > at) { box.appendChild(document.createTextNode(text.slice(at, best))); }
      box.appendChild(el("mark", text.slice(best, best + len)));
      at = best + len;
    }
    if (at < text.length) { box.appendChild(document.createTextNode(text.slice(at))); }
    return box;
  }
  /* A cited report: its outlet and date (or its file), linked to its address (http/https only). */
  function citeNode(r) {
    if (!r[1] || !/^https?:\/\/[^\s]+$/i.test(r[1])) { return document.createTextNode(r[0]); }
    var a = el("a", r[0], "cm-source");
    a.href = r[1]; a.target = "_blank"; a.rel = "noopener noreferrer";
    if (r[2]) { a.title = r[2]; }
    return a;
  }
  function sourceText(p) {
    return p.cited ? p.cited.map(function (r) { return r[0]; }).join("; ") : p.sources;
  }
  function sources(p) {
    var box = el("p", "Source: ");
    if (p.cited && p.cited.length) {
      p.cited.forEach(function (r, i) {
        if (i) { box.appendChild(document.createTextNode("; ")); }
        box.appendChild(citeNode(r));
      });
      var said = dates(p);
      if (said) { box.appendChild(document.createTextNode(" (" + said + ")")); }
      return box;
    }
    (p.sources || "").split("; ").forEach(function (src, i) {
      if (i) { box.appendChild(document.createTextNode("; ")); }
      if (/^https?:\/\/[^\s]+$/i.test(src)) {
        var a = el("a", src);
        a.href = src; a.target = "_blank"; a.rel = "noopener noreferrer";
        box.appendChild(a);
      } else {
        box.appendChild(document.createTextNode(src || "not recorded"));
      }
    });
    var when = dates(p);
    if (when) { box.appendChild(document.createTextNode(" (" + when + ")")); }
    return box;
  }
  function verifiedClass(p) {
    if (p.verification === "photo-confirmed" || p.verification === "on-site-confirmed") { return "confirmed"; }
    return p.verification === "disputed" ? "disputed" : "reported";
  }
  function popup(p) {
    var box = el("div", null, "cm-popup");
    function line(label, value, cls) { if (value) { box.appendChild(el("p", label + value, cls)); } }
    box.appendChild(el("h2", p.name));
    var head = count(p);
    if (p.camera && p.camera !== "camera") { head += " \u00b7 " + kind(p.camera); }
    box.appendChild(el("p", head, "cm-popup-count"));
    line("Status: ", status(p.status));
    line("Made by: ", p.manufacturer ? p.manufacturer.replace(/;/g, ", ") : null);
    line("Run by: ", p.operator ? p.operator.replace(/;/g, ", ") : null);
    if (p.follows) { line("Drawn: ", p.follows); }
    if (p.quote) { box.appendChild(quote(p)); }
    box.appendChild(sources(p));
    var where = [position(p), distance(p.uncertainty_m)].filter(Boolean).join(", ");
    line("Position: ", where);
    if (p.verification) {
      line("Checked: ", check(p.verification),
        p.verification === "reported" ? null : "cm-verified-" + verifiedClass(p));
    }
    line("Reviewer's note: ", p.review_note);
    if (p.confidence !== null && p.confidence !== undefined) {
      line("How sure campmap is that the report places cameras here: ", Math.round(p.confidence * 100) + "%");
    }
    return box;
  }
  return {el: el, known: known, count: count, kind: kind, status: status, check: check,
    distance: distance, position: position, dates: dates, popup: popup, verifiedClass: verifiedClass,
    sourceText: sourceText};
})();
