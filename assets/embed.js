/* In a frame, the embeddable view tells the host page its height (see the README for the
   two lines a host page adds). Pages that are not the embed, or not framed, do nothing. */
(function () {
  if (window.parent === window || typeof ResizeObserver === "undefined") { return; }
  var last = 0;
  function send() {
    if (!document.querySelector(".embed")) { return; }
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "sahel-map:height", height: height }, "*");
    }
  }
  new ResizeObserver(send).observe(document.documentElement);
})();
