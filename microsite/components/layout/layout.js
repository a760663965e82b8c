/* Keep keyboard focus in sight on small screens.
 *
 * While search or the menu is open, Material locks page scrolling, and it
 * restores the old position when they close. Leaving search with Tab closes
 * it and moves focus to the next link before that restore, so the link ends
 * up out of sight: once the lock is gone, bring whatever has focus into view.
 */
(function () {
  "use strict";

  new MutationObserver(function () {
    if (document.body.hasAttribute("data-md-scrolllock")) {
      return;
    }
    var focused = document.activeElement;
    if (!focused || focused === document.body) {
      return;
    }
    var box = focused.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) {
      focused.scrollIntoView({ block: "center" });
    }
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-scrolllock"] });
})();
