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
