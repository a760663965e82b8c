/* What every page with worksheets shares, and all the About and Worksheets
   pages need: where answers are kept, the in-page confirmation step, status
   messages and "Delete all my answers". It never reads an answer, so a page
   without a worksheet form loads this and not worksheet.js, which builds on
   it through window.micrositeAnswers. */
(() => {
  "use strict";

  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  // GitHub Pages serves many sites from one origin: keys carry the site's path.
  // This file is published inside <site>/assets/microsite/.
  const script = document.currentScript;
  const KEY = (script ? new URL("../..", script.src).pathname : "/") + "worksheet:";
  const DELETED = "microsite:answers-deleted"; // told to worksheet.js on this page

  const fail = (message) => console.error(`microsite-worksheet: ${message}; the form still works without saving.`);

  /* Storage layer. Every read, write and delete goes to localStorage and
     reports what really happened. A failure never turns storage off: when it
     is full, reading and deleting still work. */
  const attempt = (action, otherwise) => {
    try {
      return action();
    } catch (error) {
      return otherwise;
    }
  };
  const store = {
    // The getter itself throws where storage is blocked.
    open: () => (store.local = attempt(() => window.localStorage, null)),
    get: (id) => attempt(() => store.local.getItem(KEY + id), null),
    set: (id, text) => attempt(() => store.local.setItem(KEY + id, text) || true, false),
    // True once the key is gone, checked, or when there is no storage to keep it.
    remove: (id) => attempt(() => store.local.removeItem(KEY + id) || store.local.getItem(KEY + id) === null, !store.local),
    ids: () =>
      attempt(() => Object.keys(store.local), [])
        .filter((key) => key.startsWith(KEY) && ID.test(key.slice(KEY.length)))
        .map((key) => key.slice(KEY.length)),
  };

  // The words of each message are in the template: data-saved="…" on the status
  // line, or come with the lazy script that shows them (learn()); {name} in
  // them is filled from `values`.
  const learned = {};
  const learn = (more) => Object.assign(learned, more);
  const words = (status, message, values) => (status.dataset[message] || learned[message]).replace(/\{(\w+)\}/g, (match, name) => values[name]);

  function say(status, message, isError, values, extra) {
    const text = words(status, message, values || {}) + (extra || "");
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle("is-error", Boolean(isError));
  }

  function initConfirm(box, onConfirm) {
    const open = box.querySelector("[data-confirm-open]");
    const panel = box.querySelector("[data-confirm-panel]");
    const question = box.querySelector("[data-confirm-question]");
    const show = (visible) => {
      panel.hidden = !visible;
      open.setAttribute("aria-expanded", String(visible));
      (visible ? question : open).focus();
    };
    open.addEventListener("click", () => show(panel.hidden));
    box.querySelector("[data-confirm-no]").addEventListener("click", () => show(false));
    box.querySelector("[data-confirm-yes]").addEventListener("click", () => {
      show(false);
      onConfirm();
    });
    panel.addEventListener("keydown", (event) => event.key === "Escape" && show(false));
  }

  // The elements a module needs, by name; null after saying which are missing.
  function partsOf(root, selectors) {
    const parts = {};
    const missing = Object.keys(selectors).filter((name) => !(parts[name] = root.querySelector(selectors[name])));
    if (missing.length) fail(`${root.id ? "#" + root.id : root.dataset.module} has no ${missing.join(", ")}`);
    return missing.length ? null : parts;
  }

  // Deletes every worksheet's answers, then checks that none is left.
  function deleteAll(status) {
    store.ids().forEach((id) => store.remove(id));
    const ok = store.ids().length === 0;
    // Forms on this page drop what they hold in memory, so nothing brings answers back.
    document.dispatchEvent(new CustomEvent(DELETED));
    say(status, ok ? "deleted" : "notDeleted", !ok);
  }

  function initDeleteAll(box) {
    const parts = partsOf(box, {
      withScript: "[data-with-script]",
      withoutScript: "[data-without-script]",
      status: "[data-worksheet-status]",
      confirm: "[data-confirm]",
    });
    if (!parts) return;
    initConfirm(parts.confirm, () => deleteAll(parts.status));
    parts.withoutScript.hidden = true;
    parts.withScript.hidden = false;
  }

  // Each module starts on its own: one that fails leaves the others working.
  function enhance(selector, init, writable) {
    document.querySelectorAll(selector).forEach((element) => {
      try {
        init(element, writable);
      } catch (error) {
        fail(`${selector} could not start (${error})`);
      }
    });
  }

  // Older browsers keep the plain forms and their notes on how to delete answers.
  const needed = [Element.prototype.closest, Element.prototype.after, NodeList.prototype.forEach, Object.values, Array.prototype.includes];
  if (!needed.every(Boolean)) {
    window.micrositeAnswers = null; // worksheet.js: already said
    return fail("this browser lacks what saving needs");
  }
  store.open();
  window.micrositeAnswers = { ID, KEY, DELETED, store, words, learn, say, initConfirm, partsOf, enhance, fail };

  const start = () => enhance('[data-module="microsite-delete-answers"]', initDeleteAll);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
