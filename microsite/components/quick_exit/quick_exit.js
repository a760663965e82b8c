/* Quick exit, in the spirit of GOV.UK Frontend's "Exit this page".
 *
 * The control is a plain link to a neutral site and works without this
 * script. The script adds:
 * - pressing Shift on its own three times in a row (each press within 5
 *   seconds of the last) exits too, with each press announced;
 * - exiting hides the page at once, replaces this page's history entry and
 *   goes to the neutral site;
 * - until the reader chooses to continue, any page of this site that this tab
 *   shows again (Back button, back-forward cache, reload) shows a neutral
 *   cover instead of its content. A flag in sessionStorage remembers the exit
 *   for this tab only; the inline script in microsite/layout.html reads the
 *   same flag before the page is drawn. The flag's key, the class that hides
 *   the page and the neutral title are that script's data attributes, so they
 *   are written once.
 */
(function () {
  "use strict";

  var TITLE_ATTRIBUTE = "data-microsite-title";
  var PRESSES_NEEDED = 3;
  var PRESS_TIMEOUT_MS = 5000;

  var $root = document.querySelector('[data-module="microsite-quick-exit"]');
  var $early = document.querySelector("script[data-microsite-quick-exit]");
  if (!$root || !$early) {
    return; // quick_exit.enabled is false in mkdocs.yml
  }
  var STORAGE_KEY = $early.dataset.key;
  var EXITED_CLASS = $early.dataset.class;
  var NEUTRAL_TITLE = $early.dataset.title;
  var $link = $root.querySelector("a[data-quick-exit-link]");
  var $status = $root.querySelector("[data-quick-exit-status]");
  var $hint = document.getElementById("microsite-quick-exit-hint");
  if (!$link || !$status || !$hint) {
    throw new Error(
      "microsite quick exit: the control needs its link [data-quick-exit-link], its status " +
        "[data-quick-exit-status] and its hint #microsite-quick-exit-hint; the link still works, " +
        "the Shift shortcut does not"
    );
  }
  var $html = document.documentElement;

  function rememberExit(exited) {
    try {
      if (exited) {
        window.sessionStorage.setItem(STORAGE_KEY, "1");
      } else {
        window.sessionStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // Storage blocked: the exit still works, only the Back-button cover is lost.
    }
  }

  function hasExited() {
    try {
      return window.sessionStorage.getItem(STORAGE_KEY) === "1";
    } catch (error) {
      return false;
    }
  }

  function announce(text) {
    $status.textContent = text;
  }

  function hideTitle() {
    if (!$html.hasAttribute(TITLE_ATTRIBUTE)) {
      $html.setAttribute(TITLE_ATTRIBUTE, document.title);
    }
    document.title = NEUTRAL_TITLE;
  }

  function restoreTitle() {
    if ($html.hasAttribute(TITLE_ATTRIBUTE)) {
      document.title = $html.getAttribute(TITLE_ATTRIBUTE);
      $html.removeAttribute(TITLE_ATTRIBUTE);
    }
  }

  function removeCover() {
    var $cover = document.querySelector(".microsite-quick-exit-cover");
    if ($cover) {
      $cover.remove();
    }
  }

  // Everything but the cover is hidden by CSS (html.microsite-exited), for
  // eyes, screen readers and the Tab key alike.
  function showCover($content) {
    removeCover();
    var $cover = document.createElement("div");
    $cover.className = "microsite-quick-exit-cover";
    $cover.appendChild($content);
    document.body.prepend($cover);
    $html.classList.add(EXITED_CLASS);
    hideTitle();
    return $cover;
  }

  function showLeavingCover() {
    var $message = document.createElement("p");
    $message.setAttribute("role", "alert");
    showCover($message);
    // Text set after insertion is announced more reliably.
    $message.textContent = $root.dataset.loading;
  }

  function showReturnCover() {
    var $button = document.createElement("button");
    $button.type = "button";
    $button.className = "microsite-quick-exit-cover__button";
    $button.textContent = $root.dataset.continue;
    $button.addEventListener("click", continueToPage);
    showCover($button);
    $button.focus();
  }

  function continueToPage() {
    rememberExit(false);
    removeCover();
    $html.classList.remove(EXITED_CLASS);
    restoreTitle();
  }

  function exitPage() {
    resetPresses();
    rememberExit(true);
    showLeavingCover();
    window.location.replace($link.href);
  }

  var presses = 0;
  var lastKeyWasModified = false;
  var pressTimer = null;

  function showPresses() {
    $root.setAttribute("data-presses", String(presses));
  }

  function resetPresses() {
    presses = 0;
    window.clearTimeout(pressTimer);
    pressTimer = null;
    showPresses();
  }

  function expirePresses() {
    resetPresses();
    announce($root.dataset.expired);
  }

  // keyup, as GOV.UK does: Shift used as a modifier (Shift+A, Shift+Tab) sends
  // a keyup with shiftKey set just before the Shift keyup, so it never counts.
  function onKeyUp(event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      window.clearTimeout(pressTimer);
      if (presses >= PRESSES_NEEDED) {
        exitPage();
      } else {
        var left = PRESSES_NEEDED - presses;
        announce($root.getAttribute("data-press-" + left));
        showPresses();
        pressTimer = window.setTimeout(expirePresses, PRESS_TIMEOUT_MS);
      }
    } else if (presses > 0) {
      resetPresses();
      announce("");
    }
    lastKeyWasModified = event.shiftKey;
  }

  // A page kept in the back-forward cache comes back as it was left, and runs
  // no script again. So it is always stored hidden, and on its return it is
  // shown again only if this tab has not used the quick exit since. (A fresh
  // load is checked once, at the end of this file.)
  function onPageHide(event) {
    if (event.persisted) {
      $html.classList.add(EXITED_CLASS);
    }
  }

  function onPageShow(event) {
    if (!event.persisted) {
      return;
    }
    resetPresses();
    announce("");
    if (hasExited()) {
      showReturnCover();
    } else {
      continueToPage();
    }
  }

  $link.addEventListener("click", function (event) {
    event.preventDefault();
    exitPage();
  });
  $link.setAttribute("aria-describedby", $hint.id);
  document.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("pageshow", onPageShow);
  if (hasExited()) {
    showReturnCover();
  }
})();
