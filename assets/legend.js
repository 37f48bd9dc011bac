// Where the page's legend is folded to one row (a laptop screen), its button shows and hides the
// outlines and bases. The state sits on the legend itself, so it survives the redraw of its
// children on a lens change; the new button is told the state again.
(function () {
  const watched = new WeakSet();
  const sync = (legend) => {
    const button = legend.querySelector(".legend-more-toggle");
    const open = String(legend.classList.contains("expanded"));
    if (button && button.getAttribute("aria-expanded") !== open) button.setAttribute("aria-expanded", open);
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest && event.target.closest(".legend-more-toggle");
    if (!button) return;
    const legend = button.closest(".legend");
    legend.classList.toggle("expanded");
    sync(legend);
    if (!watched.has(legend)) {
      watched.add(legend);
      new MutationObserver(() => sync(legend)).observe(legend, { childList: true });
    }
  });
})();
