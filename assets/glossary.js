/* A glossary term's definition (`.term-tip`, shown on hover or focus by the stylesheet) is kept
   inside the window: near the right edge it opens to the left of its term. A link to an entry
   (`/methodology#glossary-aes`) brings the entry into view and marks it once the page, drawn
   in the browser, holds it. */
(function () {
  var shown = null, shownAt = 0;
  function reach() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || id.indexOf("glossary-") !== 0) { return; }
    var entry = document.getElementById(id);
    if (!entry) { return; }
    // The page may still be filling in above the entry for a moment: it is brought back then.
    if (shown === entry && Date.now() - shownAt > 2000) { return; }
    if (shown !== entry) { shownAt = Date.now(); }
    shown = entry;
    document.querySelectorAll(".term-target").forEach(function (e) { e.classList.remove("term-target"); });
    entry.classList.add("term-target");
    var box = entry.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) { entry.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("popstate", function () { shown = null; window.setTimeout(reach, 0); });
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
