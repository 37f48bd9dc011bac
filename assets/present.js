/* Briefing mode keys, on the wall (/present) and in the presenter's notes window (/present/notes):
   → PageDown Space next (from the last step, the end slide); ← PageUp back; Home End; P play;
   L language; K the bases' marks; B or . a black screen (again to come back); N the notes window;
   F full screen (Esc leaves it, as the browser does); Q leave for the main map at the same date.
   PageUp/PageDown (and B or .) are what presentation clickers send.

   The two windows stay in step through a BroadcastChannel: each posts its state when it changes,
   and follows the state the other posts. The key hint fades after a few seconds; a country whose
   colour changed at a step pulses on arrival, unless the reader asks for reduced motion. */
(function () {
  var ACTIONS = {
    ArrowRight: "next", PageDown: "next", " ": "next", Spacebar: "next",
    ArrowLeft: "prev", PageUp: "prev", Home: "first", End: "last",
    p: "play", P: "play", l: "lang", L: "lang", k: "bases", K: "bases",
  };
  var HINT_MS = 5000;
  var count = 0;
  var seen = null; // the state (JSON) last shown on this page
  var channel = window.BroadcastChannel ? new BroadcastChannel("sahel-present") : null;
  var opened = Date.now();

  function wall() { return document.querySelector(".present"); }
  function notes() { return document.querySelector(".present-notes"); }
  function calm() { return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches; }

  function send(data) {
    if (!window.dash_clientside || !window.dash_clientside.set_props) { return; }
    count += 1;
    data.n = count;
    window.dash_clientside.set_props(notes() ? "notes-key" : "present-key", { data: data });
  }

  function toggleBlack() {
    var root = wall();
    if (root) { root.classList.toggle("present-black"); }
    else if (channel) { channel.postMessage({ black: true }); }
  }

  /* The step's countries whose colour changed pulse: their paths in the map, once it is drawn. */
  function pulse(codes) {
    var gd = document.querySelector(".present-map .js-plotly-plot") || document.querySelector(".present-map");
    if (!gd || !codes || calm()) { return; }
    var apply = function () {
      codes.split(";").forEach(function (iso) {
        var path = Array.prototype.find.call(gd.querySelectorAll("path.choroplethlocation"), function (p) {
          return p.__data__ && p.__data__.loc === iso;
        });
        if (!path) { return; }
        if (path._sahelPulse === seen) { return; }  // already pulsing for this step
        path._sahelPulse = seen;
        // Start again even if an earlier pulse never ended (a redraw can swallow `animationend`).
        path.classList.remove("present-pulse");
        void path.getBoundingClientRect();
        path.classList.add("present-pulse");
        path.addEventListener("animationend", function () { path.classList.remove("present-pulse"); }, { once: true });
        gd.setAttribute("data-pulsed", iso + " " + String(Date.now()));
      });
    };
    apply();
    if (gd.once) { gd.once("plotly_afterplot", apply); } // the patch may redraw the countries
  }

  /* The bases closed since the story last spoke of their country: their crosses and names show,
     then fade (a reader who asks for reduced motion keeps them for the whole step). */
  function crossOut() {
    var gd = document.querySelector(".present-map .js-plotly-plot");
    if (!gd || calm()) { return; }
    var apply = function () {
      Array.prototype.forEach.call(gd.querySelectorAll("g.trace.scattergeo"), function (g) {
        var cd = g.__data__;
        if (!cd || !cd[0] || !cd[0].trace || String(cd[0].trace.uid).indexOf("closed") !== 0) { return; }
        if (g._sahelCrossed === seen) { return; }
        g._sahelCrossed = seen;  // once a step, both traces (the markers, the strokes)
        g.classList.remove("present-closed");
        void g.getBoundingClientRect();
        g.classList.add("present-closed");
        gd.setAttribute("data-crossed", String(Date.now()));
      });
    };
    apply();
    if (gd.once) { gd.once("plotly_afterplot", apply); }
  }

  function clock() {
    var shown = document.querySelector(".notes-clock");
    if (!shown) { return; }
    var s = Math.floor((Date.now() - opened) / 1000), m = Math.floor(s / 60);
    var minutes = m >= 60 ? Math.floor(m / 60) + ":" + String(m % 60).padStart(2, "0") : String(m);
    shown.textContent = minutes + ":" + String(s % 60).padStart(2, "0");
  }

  /* A new state on this page: say it to the other window, and show what changed. */
  function arrived() {
    var box = document.querySelector("[data-present-state]");
    if (!box) { seen = null; return; }
    var state = box.getAttribute("data-present-state");
    if (state === seen) { return; }
    var first = seen === null;
    seen = state;
    clock();
    if (channel) { channel.postMessage(first ? { hello: true } : { state: JSON.parse(state) }); }
    if (!first) { pulse(box.getAttribute("data-pulse")); }
    if (!first && box.getAttribute("data-closed")) { crossOut(); }
  }

  if (channel) {
    channel.onmessage = function (event) {
      var message = event.data || {};
      if (!wall() && !notes()) { return; }
      if (message.hello && seen) { channel.postMessage({ state: JSON.parse(seen) }); }
      if (message.black && wall()) { wall().classList.toggle("present-black"); }
      if (message.state && JSON.stringify(message.state, Object.keys(message.state).sort()) !== seen) {
        send({ action: "sync", state: message.state });
      }
    };
  }

  /* Map labels read from the back of the room: at least 3.6 % of the screen's height. */
  function enlarge(gd) {
    var traces = gd.querySelectorAll("g.trace.scattergeo");
    if (!traces.length) { return false; }
    var want = Math.ceil(window.innerHeight * 0.036);
    var changed = false;
    traces[0].querySelectorAll("text").forEach(function (text) {
      if ((parseFloat(text.style.fontSize) || 0) < want) { text.style.fontSize = want + "px"; changed = true; }
    });
    return changed;
  }
  function watchMap() {
    var gd = document.querySelector(".present-map .js-plotly-plot") || document.querySelector(".present-map");
    if (!gd || gd._sahelPresent || !gd.on) { return; }
    gd._sahelPresent = true;
    var place = function () {
      if (enlarge(gd) && window.sahelLabels) { window.sahelLabels.declutter(gd); }
    };
    gd.on("plotly_afterplot", place);
    place();
  }

  new MutationObserver(function () { arrived(); watchMap(); }).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["data-present-state"],
  });

  /* The hint of keys fades; the notes window counts the time since it opened. */
  window.setTimeout(function () { document.documentElement.classList.add("present-hint-gone"); }, HINT_MS);
  window.setInterval(clock, 1000);

  document.addEventListener("keydown", function (event) {
    if ((!wall() && !notes()) || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (key === "f" || key === "F") {
      event.preventDefault();
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(function () { /* refused: stay windowed */ });
      }
      return;
    }
    if (key === "Escape") {
      if (document.fullscreenElement) { document.exitFullscreen(); }
      return; // Esc never leaves the briefing: Q does
    }
    if (key === "b" || key === "B" || key === ".") { event.preventDefault(); toggleBlack(); return; }
    if ((key === "n" || key === "N") && wall()) {
      event.preventDefault();
      window.open("/present/notes" + window.location.search, "sahel-present-notes");
      return;
    }
    if ((key === "q" || key === "Q") && wall()) {
      var text = document.querySelector("[data-leave]");
      if (text) { window.location.assign(text.getAttribute("data-leave")); }
      return;
    }
    var action = ACTIONS[key];
    if (!action) { return; }
    event.preventDefault();
    send({ action: action });
  });
})();
