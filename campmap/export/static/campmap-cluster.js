/* Grid clusters for the canvas map when more than campmapClusters.FROM sites are in view:
   the sites in each square of the screen (CELL pixels) are drawn as one disc with their
   number; a square with one site is a small dot. Clicking a disc zooms in on it. */
var campmapClusters = (function () {
  "use strict";
  var CELL = 56;
  function group(visible, nvisible, px, py, scale, origin) {
    var cells = {}, out = [];
    for (var k = 0; k < nvisible; k++) {
      var j = visible[k], x = px[j] * scale - origin.x, y = py[j] * scale - origin.y;
      var key = Math.floor(x / CELL) + "," + Math.floor(y / CELL), c = cells[key];
      if (!c) { c = cells[key] = {n: 0, x: 0, y: 0, site: j}; out.push(c); }
      c.n++; c.x += x; c.y += y;
    }
    out.forEach(function (c) { c.x /= c.n; c.y /= c.n; c.r = c.n === 1 ? 3 : Math.min(22, 9 + 3 * Math.log10(c.n)); });
    return out;
  }
  function label(k) { return k < 1000 ? String(k) : k < 10000 ? (k / 1000).toFixed(1) + "k" : Math.round(k / 1000) + "k"; }
  function draw(ctx, clusters) {
    ctx.beginPath();
    clusters.forEach(function (c) { ctx.moveTo(c.x + c.r, c.y); ctx.arc(c.x, c.y, c.r, 0, 2 * Math.PI); });
    ctx.fillStyle = "#b3261e"; ctx.fill();
    ctx.lineWidth = 1.5; ctx.strokeStyle = "#ffffff"; ctx.stroke();
    ctx.font = "bold 11px system-ui, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "middle"; ctx.fillStyle = "#ffffff";
    clusters.forEach(function (c) { if (c.n > 1) { ctx.fillText(label(c.n), c.x, c.y); } });
  }
  function at(clusters, point) {
    var best = null, bestD = Infinity;
    clusters.forEach(function (c) {
      var d = Math.pow(c.x - point.x, 2) + Math.pow(c.y - point.y, 2);
      if (d <= Math.pow(c.r + 4, 2) && d < bestD) { best = c; bestD = d; }
    });
    return best;
  }
  return {FROM: 3000, group: group, draw: draw, at: at};
})();
