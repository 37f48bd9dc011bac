/* In a frame, an embeddable page (the live /embed and the static export's pages) tells the host
   page its height, with the message type the page names in `data-embed-message` (see the README
   for the two lines a host page adds). Other pages, and pages that are not framed, do nothing. */
(function () {
  if (window.parent === window || typeof ResizeObserver === "undefined") { return; }
  var last = 0;
  function send() {
    var marked = document.querySelector("[data-embed-message]");
    if (!marked) { return; }
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: marked.getAttribute("data-embed-message"), height: height }, "*");
    }
  }
  new ResizeObserver(send).observe(document.documentElement);
})();

/* The embed's theme: `light`, `dark`, or `auto` (the reader's system setting, followed as it
   changes), from the address (`data-theme`); a host page may choose one by sending
   {type: "sahel-map:theme", theme: "dark"} (the type the page names in `data-theme-message`).
   The page's colours follow at once (`data-theme` on the root); the map is drawn again by the
   server in the theme chosen, through the page's theme store. */
(function () {
  var STORE = "embed-theme";
  var THEMES = ["light", "dark", "auto"];
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var asked = null;
  var drawn = null;
  function marked() { return document.querySelector(".embed[data-theme]"); }
  function apply() {
    var page = marked();
    if (!page) { return; }
    var wanted = asked || page.getAttribute("data-theme") || "light";
    if (drawn === null) { drawn = page.getAttribute("data-theme") === "dark" ? "dark" : "light"; }
    var shown = wanted === "auto" ? (media && media.matches ? "dark" : "light") : wanted;
    // A page that names no theme message (a comparison) is drawn in its theme by the server.
    if (!page.hasAttribute("data-theme-message")) { shown = drawn; }
    document.documentElement.setAttribute("data-theme", shown);
    if (shown !== drawn && window.dash_clientside && window.dash_clientside.set_props) {
      drawn = shown;
      window.dash_clientside.set_props(STORE, { data: shown });
    }
  }
  var watcher = new MutationObserver(function () {
    if (marked()) { watcher.disconnect(); apply(); }
  });
  watcher.observe(document.documentElement, { childList: true, subtree: true });
  if (media && media.addEventListener) { media.addEventListener("change", apply); }
  window.addEventListener("message", function (event) {
    var page = marked();
    var message = event.data;
    if (!page || !page.hasAttribute("data-theme-message") || !message) { return; }
    if (message.type !== page.getAttribute("data-theme-message")) { return; }
    if (THEMES.indexOf(message.theme) === -1) { return; }
    asked = message.theme;
    apply();
  });
})();
