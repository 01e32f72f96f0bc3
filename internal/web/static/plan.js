// plan.js: pan and zoom of the floor plan SVG (mouse wheel, drag, pinch,
// buttons) by rewriting its viewBox, so labels stay crisp at any zoom.
// A drag never counts as a click on a booth. In the allocation console a
// click on a booth adds its code to the move form instead.
(function () {
  "use strict";
  function setup(wrap) {
    var svg = wrap.querySelector("svg.plan");
    if (!svg) return;
    var full = svg.viewBox.baseVal;
    var home = { x: full.x, y: full.y, w: full.width, h: full.height };
    var vb = { x: home.x, y: home.y, w: home.w, h: home.h };
    function apply() {
      svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h);
      // Names are hidden when zoomed far out: codes alone stay readable.
      svg.classList.toggle("far", vb.w > 60);
    }
    function toSVG(cx, cy) {
      var r = svg.getBoundingClientRect();
      var s = Math.max(vb.w / r.width, vb.h / r.height);
      var ox = (r.width * s - vb.w) / 2, oy = (r.height * s - vb.h) / 2;
      return { x: vb.x - ox + (cx - r.left) * s, y: vb.y - oy + (cy - r.top) * s, s: s };
    }
    function zoom(f, cx, cy) {
      var p = cx === undefined ? { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 } : toSVG(cx, cy);
      var w = Math.min(Math.max(vb.w * f, 4), home.w * 2), k = w / vb.w;
      vb.x = p.x - (p.x - vb.x) * k; vb.y = p.y - (p.y - vb.y) * k;
      vb.w = w; vb.h = vb.h * k; apply();
    }
    wrap.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
    }, { passive: false });
    var pts = {}, moved = 0, pinch = 0;
    svg.addEventListener("pointerdown", function (e) {
      pts[e.pointerId] = { x: e.clientX, y: e.clientY };
      moved = 0;
      if (Object.keys(pts).length === 2) pinch = dist();
    });
    function dist() {
      var k = Object.keys(pts), a = pts[k[0]], b = pts[k[1]];
      return Math.hypot(a.x - b.x, a.y - b.y);
    }
    svg.addEventListener("pointermove", function (e) {
      var p = pts[e.pointerId];
      if (!p) return;
      var n = Object.keys(pts).length;
      if (n === 1) {
        var s = toSVG(0, 0).s, dx = e.clientX - p.x, dy = e.clientY - p.y;
        moved += Math.abs(dx) + Math.abs(dy);
        if (moved > 6) {
          if (!svg.hasPointerCapture(e.pointerId)) svg.setPointerCapture(e.pointerId);
          vb.x -= dx * s; vb.y -= dy * s; apply();
        }
      }
      pts[e.pointerId] = { x: e.clientX, y: e.clientY };
      if (n === 2) {
        var d = dist();
        if (pinch > 0 && d > 0) zoom(pinch / d);
        pinch = d; moved = 99;
      }
    });
    function up(e) { delete pts[e.pointerId]; pinch = 0; }
    svg.addEventListener("pointerup", up);
    svg.addEventListener("pointercancel", up);
    svg.addEventListener("click", function (e) {
      if (moved > 6) { e.preventDefault(); e.stopPropagation(); return; }
      var pick = wrap.getAttribute("data-pick");
      var g = e.target.closest("g.booth");
      if (pick && g) {
        e.preventDefault();
        var input = document.querySelector(pick), code = g.getAttribute("data-code");
        var codes = input.value.split(/[\s,;]+/).filter(Boolean);
        var i = codes.indexOf(code);
        if (i >= 0) codes.splice(i, 1); else codes.push(code);
        input.value = codes.join(" ");
        g.classList.toggle("picked", i < 0);
      }
    }, true);
    wrap.querySelectorAll("[data-zoom]").forEach(function (b) {
      b.addEventListener("click", function () {
        var z = b.getAttribute("data-zoom");
        if (z === "in") zoom(1 / 1.4);
        else if (z === "out") zoom(1.4);
        else { vb = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
      });
    });
    // Start on the highlighted booths, if any: "find exhibitor".
    var hl = svg.querySelectorAll("g.booth.hl rect");
    if (hl.length) {
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      hl.forEach(function (r) {
        var x = +r.getAttribute("x"), y = +r.getAttribute("y");
        x0 = Math.min(x0, x); y0 = Math.min(y0, y);
        x1 = Math.max(x1, x + +r.getAttribute("width")); y1 = Math.max(y1, y + +r.getAttribute("height"));
      });
      var m = 12, w = Math.max(x1 - x0 + 2 * m, 24), h = w * home.h / home.w;
      vb = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w: w, h: h };
    }
    apply();
  }
  function init() { document.querySelectorAll("[data-plan]").forEach(setup); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
