// The map page's legend has two buttons. Where the legend is folded to one row (a laptop screen),
// one shows and hides the outlines and bases. The "?" beside its title opens the reading guide,
// which a second click, Escape or a click elsewhere closes. The state sits on the legend itself
// (classes `expanded` and `guide-open`), so it survives the redraw of its children on a lens
// change; the new buttons are told the state again.
(function () {
  const watched = new WeakSet();
  const sync = (legend) => {
    const pairs = [
      [".legend-more-toggle", "expanded"],
      [".guide-toggle", "guide-open"],
    ];
    for (const [selector, state] of pairs) {
      const button = legend.querySelector(selector);
      const open = String(legend.classList.contains(state));
      if (button && button.getAttribute("aria-expanded") !== open) button.setAttribute("aria-expanded", open);
    }
  };
  const toggle = (legend, state, force) => {
    legend.classList.toggle(state, force);
    sync(legend);
    if (!watched.has(legend)) {
      watched.add(legend);
      new MutationObserver(() => sync(legend)).observe(legend, { childList: true });
    }
  };
  const closeGuides = (except) => {
    document.querySelectorAll(".legend.guide-open").forEach((legend) => {
      if (legend !== except) toggle(legend, "guide-open", false);
    });
  };
  document.addEventListener("click", (event) => {
    const target = event.target;
    const button = target.closest && target.closest(".legend-more-toggle, .guide-toggle");
    if (button) {
      const legend = button.closest(".legend");
      toggle(legend, button.classList.contains("guide-toggle") ? "guide-open" : "expanded");
      return;
    }
    // A click outside an open guide closes it; a click inside it (its link) does not.
    const inside = target.closest && target.closest(".reading-guide");
    closeGuides(inside ? inside.closest(".legend") : null);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.querySelector(".legend.guide-open");
    if (!open) return;
    const hadFocus = open.contains(document.activeElement);
    toggle(open, "guide-open", false);
    // Focus goes back to the "?" when it was in the guide or on the button.
    const button = open.querySelector(".guide-toggle");
    if (hadFocus && button) button.focus();
  });
})();
