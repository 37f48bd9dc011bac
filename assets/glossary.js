/* A glossary term's definition (`.term-tip`, shown on hover or focus by the stylesheet) is kept
   inside the window: near the right edge it opens to the left of its term. A link to an entry
   (`/methodology#glossary-aes`) brings the entry into view and marks it once the page, drawn
   in the browser, holds it. */
(function () {
  var shown = null;
  function reach() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || id.indexOf("glossary-") !== 0 || shown === id) { return; }
    var entry = document.getElementById(id);
    if (!entry) { return; }
    shown = id;
    document.querySelectorAll(".term-target").forEach(function (e) { e.classList.remove("term-target"); });
    entry.classList.add("term-target");
    entry.scrollIntoView({ block: "center" });
  }
  new MutationObserver(reach).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener("hashchange", function () { shown = null; reach(); });
  function fit(event) {
    var term = event.target && event.target.closest && event.target.closest(".term");
    var tip = term && term.querySelector(".term-tip");
    if (!tip) { return; }
    tip.style.left = ""; tip.style.right = "";
    var box = tip.getBoundingClientRect();
    if (box.right > document.documentElement.clientWidth - 8) { tip.style.left = "auto"; tip.style.right = "0"; }
  }
  document.addEventListener("mouseover", fit);
  document.addEventListener("focusin", fit);
})();
