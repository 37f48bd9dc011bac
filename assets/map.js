/* The map page's months. Plotly draws the map once for the current lens, country, bases and screen
   size (`map.draw`, a clientside callback on the frames the server sends); stepping through the
   months then writes each month's precomputed fills, outlines, labels, title and bases straight into
   the SVG plotly drew, and keeps plotly's own copy of the data on the month shown, so hover,
   resize and downloads show it too. A step starts from the slider's own change, before any Dash
   callback. The server-side followers (panel, timeline cursor, address, share links) get the month
   once the slider has rested for SETTLE_MS, through the `settled-store`.

   Also here: previous / next / play (a steady pace set in the browser, paused by any key or click)
   and PageUp / PageDown for a year on the slider. The frame format is `map_frames` in
   layouts/map_figure.py. */
(function () {
  var SETTLE_MS = 150;
  var MONTH_MS = 2000 / 12; // at 1×, a year in about two seconds
  var SVG = "http://www.w3.org/2000/svg";
  var KEY_STEPS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -12, PageUp: 12, Home: "min", End: "max" };
  var state = { frames: null, shown: null, timer: null, playing: null, speed: 1, observed: null, moved: false };

  function graphDiv() { return document.querySelector("#map .js-plotly-plot"); }
  function thumb() { return document.querySelector("#year-slider [role=slider]"); }
  function setProps(id, props) {
    if (window.dash_clientside && window.dash_clientside.set_props) { window.dash_clientside.set_props(id, props); }
  }
  /* A month's frame; a view of one day (`?date=2023-08-15`) shows that day until the slider moves. */
  function frameIn(frames, value) {
    if (!frames || !frames.periods) { return null; }
    var day = frames.day;
    if (day && !state.moved && day.value === value) { return day; }
    return frames.periods[String(value)];
  }
  function frameOf(value) { return frameIn(state.frames, value); }
  function setText(id, text) {
    var node = document.getElementById(id);
    if (node && node.textContent !== text) { node.textContent = text; }
  }

  /* Plotly's markup for a label (only what the map's labels use: <br>, <b>, <i>, entities). */
  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
  function appendMarkup(parent, line) {
    var node = parent;
    line.split(/(<\/?[bi]>)/).forEach(function (part) {
      if (!part) { return; }
      if (part === "<b>" || part === "<i>") {
        var span = document.createElementNS(SVG, "tspan");
        span.setAttribute("style", part === "<b>" ? "font-weight:bold" : "font-style:italic");
        node.appendChild(span);
        node = span;
      } else if (part === "</b>" || part === "</i>") {
        node = node.parentNode === null || node === parent ? parent : node.parentNode;
      } else {
        node.appendChild(document.createTextNode(part.replace(/&[#\w]+;/g, function (e) { return ENTITIES[e] || e; })));
      }
    });
  }
  function writeLabel(text, raw, size, colour) {
    text.style.fill = colour;
    text.style.fontSize = size + "px";
    if (text.getAttribute("data-unformatted") === raw) { return; } // as placed (assets/labels.js)
    text.setAttribute("data-unformatted", raw);
    text.style.display = "";
    while (text.firstChild) { text.removeChild(text.firstChild); }
    var lines = raw.split("<br>");
    if (lines.length === 1) {
      appendMarkup(text, raw);
    } else {
      lines.forEach(function (line, i) {
        var tspan = document.createElementNS(SVG, "tspan");
        tspan.setAttribute("class", "line");
        tspan.setAttribute("dy", (i * 1.3) + "em");
        tspan.setAttribute("x", text.getAttribute("x") || 0);
        tspan.setAttribute("y", text.getAttribute("y") || 0);
        appendMarkup(tspan, line);
        text.appendChild(tspan);
      });
    }
    // As plotly centres a label of n lines on its point: ((1 - n) × 0.65 + 0.25) × font size.
    var dy = ((1 - lines.length) * 0.65 + 0.25) * size;
    text.parentNode.setAttribute("transform", "translate(0," + dy + ")");
  }

  /* Write one month into the map plotly drew, and into plotly's data, calcdata and full data. */
  function paint(value) {
    var gd = graphDiv();
    var frame = frameOf(value);
    if (!gd || !frame || !gd.calcdata || !gd.calcdata[0]) { return false; }
    var cells = state.frames.cells;
    var look = frame.c.map(function (index) { return cells[index]; });
    var data = gd.data, full = gd._fullData || [], cd = gd.calcdata;
    // Each drawn element's datum is its calcdata point: number them once.
    cd.forEach(function (trace) { trace.forEach(function (point, i) { point._i = i; }); });
    // Countries: fill, outline, hover.
    cd[0].forEach(function (point) {
      var c = look[point.index];
      if (!c) { return; }
      point.z = c[1]; point.mlw = c[2]; point.mlc = c[3]; point.htx = c[7];
    });
    [data[0], full[0]].forEach(function (trace) {
      if (!trace) { return; }
      look.forEach(function (c, i) {
        trace.z[i] = c[1];
        trace.marker.line.width[i] = c[2];
        trace.marker.line.color[i] = c[3];
        trace.hovertext[i] = c[7];
      });
    });
    gd.querySelectorAll("path.choroplethlocation").forEach(function (path) {
      var point = path.__data__;
      var c = point && look[point.index];
      if (!c) { return; }
      if (path.getAttribute("fill") !== c[0]) { path.setAttribute("fill", c[0]); }
      path.style.stroke = c[3];
      path.style.strokeWidth = c[2] + "px";
    });
    // Labels.
    [data[1], full[1]].forEach(function (trace) {
      if (!trace) { return; }
      look.forEach(function (c, i) { trace.text[i] = c[4]; trace.textfont.size[i] = c[5]; trace.textfont.color[i] = c[6]; });
    });
    if (cd[1]) {
      cd[1].forEach(function (point, i) {
        var c = look[i];
        if (c) { point.tx = c[4]; point.ts = c[5]; point.tc = c[6]; }
      });
    }
    var traces = gd.querySelectorAll("g.trace.scattergeo");
    if (traces[0]) {
      traces[0].querySelectorAll("text").forEach(function (text) {
        var point = text.__data__;
        var c = point && look[point._i];
        if (c && c[4]) { writeLabel(text, c[4], c[5], c[6]); }
      });
    }
    // Each drawn scattergeo trace by its index in the figure: 1 labels, 2 bases, 3… alliance outlines,
    // then the selected country's line.
    var byIndex = {};
    traces.forEach(function (g) {
      var cd0 = g.__data__ && g.__data__[0];
      if (cd0 && cd0.trace) { byIndex[cd0.trace.index] = g; }
    });
    // Alliance outlines: those of the month shown.
    var outlines = {};
    (frame.o || []).forEach(function (i) { outlines[3 + i] = true; });
    var selectedIndex = 3 + (state.frames.outlines || 0);
    Object.keys(byIndex).forEach(function (index) {
      if (index >= 3 && index < selectedIndex) { byIndex[index].style.display = outlines[index] ? "" : "none"; }
    });
    // Bases: hidden ones are not drawn and hover skips them.
    var visible = {};
    frame.b.forEach(function (i) { visible[i] = true; });
    if (byIndex[2]) {
      byIndex[2].querySelectorAll("path.point, text").forEach(function (node) {
        var point = node.__data__;
        if (point) { node.style.display = visible[point._i] ? "" : "none"; }
      });
    }
    if (cd[2]) {
      cd[2].forEach(function (point, i) {
        if (!point._lonlat) { point._lonlat = point.lonlat; }
        point.lonlat = visible[i] ? point._lonlat : [undefined, undefined];
      });
    }
    // Title and the texts around the map.
    var title = gd.querySelector(".gtitle");
    if (title && title.textContent !== frame.title) { title.textContent = frame.title; }
    gd.layout.title.text = frame.title;
    if (gd._fullLayout && gd._fullLayout.title) { gd._fullLayout.title.text = frame.title; }
    setText("year-display", frame.label);
    setText("as-of", frame.as_of);
    setText("review-notice", frame.review);
    // Labels placed again (assets/labels.js) unless the month shows the same labels, bases and
    // outlines at the same size as the last placement: most steps change none of them.
    var placing = [frame.c.join(), frame.b.join(), (frame.o || []).join(), gd.clientWidth, gd.clientHeight].join("|");
    if (window.sahelLabels) { window.sahelLabels.declutter(gd, placing); }
    state.shown = value;
    return true;
  }

  /* The figure of a month, for plotly to draw (first view, another lens, country, bases or size):
     each value with its path in the figure. A Dash patch here; the static export's pages
     (assets/static.js) write them into the figure they draw. */
  function figureValues(frames, value) {
    var frame = frameIn(frames, value);
    var look = frame.c.map(function (index) { return frames.cells[index]; });
    var column = function (k) { return look.map(function (c) { return c[k]; }); };
    var values = [
      [["data", 0, "z"], column(1)],
      [["data", 0, "marker", "line", "width"], column(2)],
      [["data", 0, "marker", "line", "color"], column(3)],
      [["data", 0, "hovertext"], column(7)],
      [["data", 1, "text"], column(4)],
      [["data", 1, "textfont", "size"], column(5)],
      [["data", 1, "textfont", "color"], column(6)],
      [["data", 2, "visible"], frames.show_bases],
      [["data", 2, "marker", "opacity"], frames.base_opacity],
    ];
    var bases = frames.bases;
    if (bases) {
      ["lon", "lat", "text", "hovertext"].forEach(function (k) { values.push([["data", 2, k], bases[k]]); });
      values.push([["data", 2, "marker", "symbol"], bases.symbol]);
      values.push([["data", 2, "marker", "size"], bases.size]);
      values.push([["data", 2, "marker", "line", "color"], bases.colour]);
    }
    // Every alliance outline drawn, each month showing its own (`paint`).
    for (var i = 0; i < (frames.outlines || 0); i++) { values.push([["data", 3 + i, "visible"], true]); }
    // The selected country's line, the last trace.
    var last = 3 + (frames.outlines || 0);
    values.push([["data", last, "lon"], frames.selected_line[0]]);
    values.push([["data", last, "lat"], frames.selected_line[1]]);
    values.push([["layout", "title", "text"], frame.title]);
    values.push([["layout", "geo", "lonaxis", "range"], frames.lon_range]);
    values.push([["layout", "geo", "lataxis", "range"], frames.lat_range]);
    return values;
  }
  function figurePatch(frames, value) {
    var patch = new window.dash_clientside.Patch();
    figureValues(frames, value).forEach(function (v) { patch.assign(v[0], v[1]); });
    return patch.build();
  }

  /* The timeline's cursor, moved to the day shown (a relayout of the cursor alone). */
  function moveCursor(frame) {
    var gd = document.querySelector("#timeline .js-plotly-plot");
    var shapes = gd && gd.layout && gd.layout.shapes;
    if (!gd || !window.Plotly || !shapes || !shapes.length || shapes[0].x0 === frame.on) { return; }
    window.Plotly.relayout(gd, {
      "shapes[0].x0": frame.on, "shapes[0].x1": frame.on,
      "annotations[0].x": frame.on, "annotations[0].text": frame.on_text,
    });
  }

  /* Once the slider rests: the server's followers (panel, address) get the month, in one store
     update; the texts painted around the map stay as painted (no component re-renders them). */
  function settle(value) {
    clearTimeout(state.timer);
    state.timer = setTimeout(function () {
      setProps("settled-store", { data: value });
      var frame = frameOf(value);
      if (!frame) { return; }
      // Redrawing the timeline is the heaviest of these: after the panel, when the page is idle.
      var move = function () { if (state.shown === value) { moveCursor(frame); } };
      if (window.requestIdleCallback) {
        window.requestIdleCallback(move, { timeout: 1000 });
      } else {
        setTimeout(move, 300);
      }
    }, SETTLE_MS);
  }

  function onValue(value) {
    if (value === null || isNaN(value)) { return; }
    if (value !== state.shown || !state.moved) {
      state.moved = true; // from now on the slider's months, not the day the address named
      paint(value);
    }
    settle(value);
  }

  /* Follow the slider's own value (keys, drag, buttons, play, timeline clicks, back and forward). */
  function watch() {
    var handle = thumb();
    if (handle && handle !== state.observed) {
      state.observed = handle;
      new MutationObserver(function () {
        // The slider catching up with keys already painted (`pending`) shows nothing new.
        var now = read(handle, "aria-valuenow");
        if (valueOf("year-slider") !== now) { return; }
        onValue(now);
      }).observe(handle, { attributes: true, attributeFilter: ["aria-valuenow"] });
    }
    var gd = graphDiv();
    if (gd && !gd._sahelAfterplot && gd.on) {
      gd._sahelAfterplot = true;
      // After any drawing by plotly (the first, a resize, a new lens), put the month shown back;
      // a step taken before the frames arrived is painted here too.
      gd.on("plotly_afterplot", function () {
        var value = sliderValue();
        if (value !== null) { paint(value); }
      });
    }
    // On a slow machine plotly may have drawn before this listener or the slider's thumb was
    // there: the first time both are, the month is painted here.
    var now = sliderValue();
    if (state.frames && now !== null && state.shown === null && gd && gd.calcdata && gd.calcdata[0]) {
      paint(now);
    }
  }

  /* The sliders' values. A value asked for counts at once, before the slider has re-rendered, so
     keys pressed in quick succession each move on from the last one (`pending`, per slider). */
  var pending = {};
  function handleOf(id) { return document.querySelector("#" + id + " [role=slider]"); }
  function read(handle, name) { return parseInt(handle.getAttribute(name), 10); }
  function valueOf(id) {
    var handle = handleOf(id);
    if (!handle) { return null; }
    var now = read(handle, "aria-valuenow"), asked = pending[id];
    if (asked && asked.value !== now && Date.now() - asked.at < 1000) { return asked.value; }
    delete pending[id];
    return now;
  }
  function moveSlider(id, value) {
    var handle = handleOf(id);
    if (!handle) { return; }
    value = Math.max(read(handle, "aria-valuemin"), Math.min(read(handle, "aria-valuemax"), value));
    if (value === valueOf(id)) { return; }
    pending[id] = { value: value, at: Date.now() };
    if (id === "year-slider") { onValue(value); } // paint now, not after the slider re-renders
    setProps(id, { value: value });
  }
  function sliderValue() { return valueOf("year-slider"); }
  function bounds() {
    var handle = thumb();
    return handle ? [read(handle, "aria-valuemin"), read(handle, "aria-valuemax")] : null;
  }
  function moveTo(value) { moveSlider("year-slider", value); }

  function playLabel() {
    var button = document.getElementById("year-play");
    if (!button) { return; }
    var texts = JSON.parse(button.getAttribute("data-labels") || "{}");
    button.textContent = state.playing ? texts.pause : texts.play;
    button.setAttribute("aria-pressed", state.playing ? "true" : "false");
  }
  function stop() {
    if (state.playing) { clearInterval(state.playing); state.playing = null; playLabel(); }
  }
  function play() {
    var range = bounds();
    if (!range) { return; }
    if (sliderValue() >= range[1]) { moveTo(range[0]); }
    state.playing = setInterval(function () {
      var value = sliderValue();
      if (value >= range[1]) { stop(); return; }
      moveTo(value + 1);
    }, MONTH_MS / state.speed);
    playLabel();
  }

  /* Back and forward: the address now names the view (`read_address` sets the slider from it), so a
     month the slider had not yet handed on must not be written over it. */
  window.addEventListener("popstate", function () { clearTimeout(state.timer); });

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button, select") : null;
    var id = target && target.id;
    if (id === "year-play") { if (state.playing) { stop(); } else { play(); } return; }
    if (id === "year-speed") { return; }
    stop(); // any other click pauses playback
    if (id === "year-prev") { moveTo(sliderValue() - 1); }
    if (id === "year-next") { moveTo(sliderValue() + 1); }
  });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "year-speed") {
      state.speed = parseFloat(event.target.value) || 1;
      if (state.playing) { stop(); play(); }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (state.playing && event.target && event.target.id !== "year-play") { stop(); } // any key pauses
    // The slider keys, on the map's slider and the embed's: ← → a month, PageUp / PageDown a year.
    var holder = event.target && event.target.closest ? event.target.closest("#year-slider, #embed-slider") : null;
    var step = KEY_STEPS[event.key];
    if (!holder || step === undefined) { return; }
    event.preventDefault(); // the slider's own handling would start from a value not yet drawn
    var handle = holder.querySelector("[role=slider]");
    var now = valueOf(holder.id);
    var value = step === "min" ? read(handle, "aria-valuemin") : step === "max" ? read(handle, "aria-valuemax") : now + step;
    moveSlider(holder.id, value);
  }, true);

  /* A click on the timeline moves the map to the month clicked (a marker: its event's month) and
     brings the map into view. */
  function watchTimeline() {
    var gd = document.querySelector("#timeline .js-plotly-plot");
    if (!gd || gd._sahelClick || !gd.on) { return; }
    gd._sahelClick = true;
    // A cursor moved while plotly was still drawing the timeline is lost: once it is drawn, the
    // cursor is put back on the month shown.
    gd.on("plotly_afterplot", function () {
      var frame = state.shown !== null ? frameOf(state.shown) : null;
      if (frame) { moveCursor(frame); }
    });
    gd.on("plotly_click", function (event) {
      var point = event.points && event.points[0];
      if (!point) { return; }
      var value;
      if (point.data.type === "scatter") {
        value = point.customdata[0];
      } else {
        var xa = gd._fullLayout.xaxis;
        var when = new Date(xa.p2c(event.event.clientX - gd.getBoundingClientRect().left - xa._offset));
        value = when.getUTCFullYear() * 12 + when.getUTCMonth();
      }
      stop();
      moveTo(value);
      var map = document.getElementById("map");
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (map) { map.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "center" }); }
    });
  }

  /* The events table is asked for when its section comes within 200 px of the screen, not with
     the first view (watched once the map and the timeline above it are drawn). */
  function watchTable() {
    var section = document.getElementById("data");
    if (!section || section._sahelShown) { return; }
    // Only once what comes above it is drawn: before, the section sits near the top of the page.
    if (!document.querySelector("#map .main-svg") || !document.querySelector("#timeline .main-svg")) { return; }
    section._sahelShown = true;
    if (!window.IntersectionObserver) { setProps("table-shown", { data: true }); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        seen.disconnect();
        setProps("table-shown", { data: true });
      }
    }, { rootMargin: "200px 0px" });
    seen.observe(section);
  }

  new MutationObserver(function () { watch(); watchTimeline(); watchTable(); }).observe(document.documentElement, { childList: true, subtree: true });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    map: {
      /* New frames (first view, lens, country, bases, screen size): plotly draws their month. */
      draw: function (frames, value) {
        var noUpdate = window.dash_clientside.no_update;
        if (!frames || !frames.periods) { return noUpdate; }
        state.frames = frames;
        var shown = sliderValue();
        shown = shown === null ? value : shown;
        if (!frameIn(frames, shown)) { return noUpdate; }
        watch();
        // Plotly redraws only if the figure changed, and then paints the month again after drawing;
        // a map already drawn as it should be gets its month written (and noted) here.
        // A month chosen before the frames came (a click on the timeline of a page still loading)
        // gets its timeline cursor here too.
        setTimeout(function () {
          var now = sliderValue();
          if (now === null) { return; }
          paint(now);
          var frame = frameOf(now);
          if (frame) { moveCursor(frame); }
        }, 0);
        return figurePatch(frames, shown);
      },
    },
  });
  window.sahelMap = {
    paint: paint,
    figureValues: figureValues,
    /* A page without Dash (the static export) hands its frames here, then paints its months. */
    use: function (frames) { state.frames = frames; },
    frames: function () { return state.frames; },
    shown: function () { return state.shown; },
    playing: function () { return state.playing !== null; },
  };
})();
