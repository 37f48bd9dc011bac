/* A glossary term's definition (`.term-tip`, shown on hover or focus by the stylesheet) is kept
   inside the window: near the right edge it opens to the left of its term. */
(function () {
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
