/* Briefing mode keys: → PageDown Space next; ← PageUp back; Home End; P play; L language;
   F full screen; Esc leave. PageUp/PageDown are what presentation clickers send. */
(function () {
  var ACTIONS = {
    ArrowRight: "next", PageDown: "next", " ": "next", Spacebar: "next",
    ArrowLeft: "prev", PageUp: "prev", Home: "first", End: "last",
    p: "play", P: "play", l: "lang", L: "lang",
  };
  var count = 0;
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector(".present") || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "f" || event.key === "F") {
      event.preventDefault();
      if (document.fullscreenElement) { document.exitFullscreen(); }
      else if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(function () { /* refused: stay windowed */ });
      }
      return;
    }
    if (event.key === "Escape") {
      var text = document.querySelector("[data-leave]");
      if (!document.fullscreenElement && text) { window.location.assign(text.getAttribute("data-leave")); }
      return;
    }
    var action = ACTIONS[event.key];
    if (!action || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    event.preventDefault();
    count += 1;
    window.dash_clientside.set_props("present-key", { data: { action: action, n: count } });
  });
})();
