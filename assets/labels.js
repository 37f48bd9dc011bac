/* Country labels that never collide. After plotly draws a map (and after map.js paints a month into
   it), every label is measured where it is drawn and placed in turn: the focus countries' labels
   first, then the neighbours' names. A label keeps as many of its lines as fit (the name always
   first; the status and "changed" lines are dropped from the end when they would leave the
   country or touch something), may move by a little when a base marker sits on it, and is hidden
   when no place is free: the hover and the legend still say what it said. Nothing is placed
   outside the map's frame or under a box written over the map (`data-over-map`). The names under
   the briefing's closed bases are placed next, under, above or beside their marker. The images
   the server renders follow the same order (`layouts/labels.py`). */
(function () {
  var PAD = 2; // px kept free around a label and a marker

  function rect(node, pad) {
    var r = node.getBoundingClientRect();
    return { l: r.left - pad, t: r.top - pad, r: r.right + pad, b: r.bottom + pad };
  }
  function hits(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }
  function within(a, area) { return a.l >= area.l && a.r <= area.r && a.t >= area.t && a.b <= area.b; }
  function shift(a, x, y) { return { l: a.l + x, t: a.t + y, r: a.r + x, b: a.b + y }; }
  function union(boxes) {
    return boxes.reduce(function (u, b) {
      return { l: Math.min(u.l, b.l), t: Math.min(u.t, b.t), r: Math.max(u.r, b.r), b: Math.max(u.b, b.b) };
    });
  }
  /* Plotly centres a label of n lines on its point: ((1 - n) × 0.65 + 0.25) × font size. */
  function centring(lines, size) { return ((1 - lines) * 0.65 + 0.25) * size; }
  function lineNodes(text) {
    var lines = text.querySelectorAll("tspan.line");
    return lines.length ? Array.prototype.slice.call(lines) : [text];
  }
  function isFocus(text) { return !!text.querySelector("tspan[style*=bold]"); }
  function halo(text) {
    var fill = getComputedStyle(text).fill || "";
    var light = /rgb\(255, 255, 255\)/.test(fill);
    var c = light ? "rgba(0, 0, 0, 0.55)" : "rgba(255, 255, 255, 0.9)";
    text.style.textShadow = "1px 1px 1px " + c + ", -1px -1px 1px " + c + ", 1px -1px 1px " + c + ", -1px 1px 1px " + c;
  }
  /* Is every corner of a box (a little inside it) within the country's shape? */
  function insideShape(path, box) {
    if (!path || !path.isPointInFill || !path.getScreenCTM()) { return true; }
    var inverse = path.getScreenCTM().inverse();
    var inset = 2;
    return [[box.l + inset, box.t + inset], [box.r - inset, box.t + inset], [box.l + inset, box.b - inset], [box.r - inset, box.b - inset]]
      .every(function (p) { return path.isPointInFill(new DOMPoint(p[0], p[1]).matrixTransform(inverse)); });
  }

  /* Where a label of w × h px may go instead of its point, nearest first. */
  function moves(w, h) {
    var found = [];
    [0, -0.25, 0.25, -0.5, 0.5].forEach(function (x) {
      [0, -0.5, 0.5, -1, 1, -1.5, 1.5, -2, 2].forEach(function (y) { found.push([x * w, y * h]); });
    });
    return found.sort(function (a, b) { return (a[0] * a[0] + a[1] * a[1]) - (b[0] * b[0] + b[1] * b[1]); });
  }

  /* Place the labels of a map. With `key` (what the labels depend on), nothing is done when the
     last placement was for the same key. */
  function declutter(gd, key) {
    if (key !== undefined && gd && gd._sahelLabelKey === key) { return; }
    var traces = gd && gd.querySelectorAll("g.trace.scattergeo");
    var bg = gd && gd.querySelector(".geo .layer.bg");
    if (!traces || !traces.length || !bg) { return; }
    var shapes = {};
    gd.querySelectorAll("path.choroplethlocation").forEach(function (path) {
      if (path.__data__) { shapes[path.__data__.index] = path; }
    });
    // Writes first: every label back as drawn, all its lines shown.
    var labels = [];
    traces[0].querySelectorAll("text").forEach(function (text, i) {
      var lines = lineNodes(text);
      var size = parseFloat(text.style.fontSize) || 12;
      text.style.display = "";
      lines.forEach(function (line) { line.style.display = ""; });
      text.parentNode.setAttribute("transform", "translate(0," + centring(lines.length, size) + ")");
      if (!text.textContent) { return; }
      halo(text);
      // The label's country: its point's place in the labels trace (the first scattergeo).
      var points = gd.calcdata && gd.calcdata[1];
      var at = points && text.__data__ ? points.indexOf(text.__data__) : -1;
      labels.push({ text: text, lines: lines, size: size, focus: isFocus(text), shape: shapes[at >= 0 ? at : i] });
    });
    // Names written under a marker (the briefing's closed bases) are placed after the focus
    // countries' labels, before the neighbours' names, from just under their marker.
    for (var j = 1; j < traces.length; j++) {
      var cd = traces[j].__data__;
      var trace = cd && cd[0] && cd[0].trace;
      if (!trace || String(trace.uid).indexOf("closed") !== 0) { continue; }
      traces[j].querySelectorAll("text").forEach(function (text) {
        var size = parseFloat(text.style.fontSize) || 12;
        var under = (trace.marker && trace.marker.size || 0) / 2 + 0.95 * size;
        text.style.display = "";
        var lines = lineNodes(text);
        lines.forEach(function (line) { line.style.display = ""; });
        text.parentNode.setAttribute("transform", "translate(0," + under + ")");
        if (text.textContent) { labels.push({ text: text, lines: lines, size: size, focus: false, under: under }); }
      });
    }
    // Then reads: the frame, the markers drawn, each line where it stands.
    var area = rect(bg, 0);
    var taken = [];
    for (var k = 1; k < traces.length; k++) {
      traces[k].querySelectorAll("path.point").forEach(function (marker) {
        if (marker.style.display === "none" || getComputedStyle(marker).display === "none") { return; }
        var r = rect(marker, PAD);
        if (r.r - r.l > 2 * PAD) { taken.push(r); }
      });
    }
    // Boxes written over the map (the briefing wall's date and legend) hide what is under them.
    document.querySelectorAll("[data-over-map]").forEach(function (box) {
      var r = rect(box, PAD);
      if (r.r - r.l > 2 * PAD) { taken.push(r); }
    });
    labels.forEach(function (label) { label.boxes = label.lines.map(function (line) { return rect(line, PAD); }); });
    var rank = function (label) { return label.focus ? 2 : label.under !== undefined ? 1 : 0; };
    labels.sort(function (a, b) { return rank(b) - rank(a); });
    // Then the choice, each label in turn.
    var loose = !!gd.closest("[data-labels-loose]");
    var placed = labels.map(function (label) {
      var n = label.lines.length, size = label.size;
      var free = function (box) {
        return within(box, area) && !taken.some(function (other) { return hits(box, other); });
      };
      var tries = [];
      for (var keep = n; keep >= 1; keep--) {
        var block = union(label.boxes.slice(0, keep));
        var down = label.under !== undefined ? 0 : (n - keep) * 0.65 * size; // re-centred on the point
        var h = block.b - block.t, w = block.r - block.l;
        var steps = moves(w, h);
        if (label.under !== undefined) {
          // Under its marker, or above it, or beside it, before anywhere near.
          // (the stroke through a closed base is 1.5 times its marker)
          var half = 1.5 * (label.under - 0.95 * size), mid = -label.under + 0.3 * size - (h - size) / 2;
          steps = [[0, 0], [0, -2 * half - h - 2 * PAD], [half + w / 2 + 2 * PAD, mid], [-half - w / 2 - 2 * PAD, mid]]
            .concat(steps);
        }
        steps.forEach(function (m) { tries.push({ keep: keep, x: m[0], y: down + m[1], box: shift(block, m[0], down + m[1]) }); });
      }
      var choice = null;
      var inShape = function (t) { return !label.focus || insideShape(label.shape, t.box); };
      if (label.focus && loose) {
        // On the briefing wall, where labels are large: as many lines as fit (a coup's badge),
        // inside the country or, failing that, just outside it.
        for (var k = n; k >= 1 && !choice; k--) {
          var level = tries.filter(function (t) { return t.keep === k; });
          level.some(function (t) { if (free(t.box) && inShape(t)) { choice = t; } return choice; });
          level.some(function (t) { if (!choice && free(t.box)) { choice = t; } return choice; });
        }
      }
      tries.some(function (t) { if (!choice && free(t.box) && inShape(t)) { choice = t; } return choice; });
      if (!choice && label.focus) {
        // The name alone, even where it leaves the country.
        tries.some(function (t) { if (t.keep === 1 && free(t.box)) { choice = t; } return choice; });
      }
      if (choice) { taken.push(choice.box); }
      return { label: label, choice: choice };
    });
    // Writes again; the map notes it was placed (tests wait on it).
    gd._sahelLabelKey = key;
    gd.setAttribute("data-labels-placed", String(parseInt(gd.getAttribute("data-labels-placed") || "0", 10) + 1));
    placed.forEach(function (p) {
      var label = p.label, choice = p.choice;
      if (!choice) { label.text.style.display = "none"; return; }
      label.lines.forEach(function (line, i) { if (i >= choice.keep) { line.style.display = "none"; } });
      var dy = (label.under !== undefined ? label.under : centring(label.lines.length, label.size)) + choice.y;
      label.text.parentNode.setAttribute("transform", "translate(" + choice.x + "," + dy + ")");
    });
  }

  /* Every map on every page: placed again after each drawing by plotly. */
  function watch() {
    document.querySelectorAll(".js-plotly-plot").forEach(function (gd) {
      if (gd._sahelLabels || !gd.on) { return; }
      gd._sahelLabels = true;
      gd.on("plotly_afterplot", function () { if (gd.querySelector(".geo")) { declutter(gd); } });
      if (gd.querySelector(".geo")) { declutter(gd); }
    });
  }
  new MutationObserver(watch).observe(document.documentElement, { childList: true, subtree: true });
  watch();
  window.sahelLabels = { declutter: declutter };
})();
