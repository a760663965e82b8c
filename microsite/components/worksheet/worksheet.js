/* Worksheets: progressive enhancement of the forms template.html renders.
   Answers stay on this device (localStorage): this file makes no network
   request. If a part is missing, it says so and leaves the plain form working. */
(() => {
  "use strict";

  const FORMAT = "microsite-worksheet-answers";
  const FORMAT_VERSION = 1;
  const SAVE_DELAY_MS = 500;
  const MAX_IMPORT_BYTES = 2e6;
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const TEXT_CONTROLS = "[data-field-id]:not([type=radio], [type=checkbox])";
  // GitHub Pages serves many sites from one origin: keys carry the site's path.
  // This file is published inside <site>/assets/microsite/microsite.js.
  const script = document.currentScript;
  const KEY_PREFIX = (script ? new URL("../..", script.src).pathname : "/") + "worksheet:";

  const fail = (message) => console.error(`microsite-worksheet: ${message}; the form still works without saving.`);
  const isText = (value) => typeof value === "string";
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isEmpty = (value) =>
    isText(value) ? value.trim() === "" : Array.isArray(value) ? value.every(isEmpty) : isObject(value) ? Object.values(value).every(isEmpty) : true;
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // An answer is text, a list of texts, or a list of table rows (column id -> text).
  const isAnswer = (value) =>
    isText(value) ||
    (Array.isArray(value) && value.every((item) => isText(item) || (isObject(item) && Object.values(item).every(isText))));
  const isRecord = (record) => isObject(record) && isObject(record.answers) && Object.values(record.answers).every(isAnswer);

  /* Storage: records {version, updated, answers} by worksheet id. When the
     browser refuses (private window, full, blocked), records live in memory
     for this visit only, and every worksheet shows its note. */
  const store = {
    memory: {},
    local: null,
    unreadable: new Set(),

    // Runs `action` on localStorage; any failure means it cannot be used.
    use(action) {
      try {
        return this.local && action(this.local);
      } catch (error) {
        this.local = null;
      }
    },

    open() {
      try {
        const local = window.localStorage; // the getter itself throws when storage is blocked
        local.setItem(KEY_PREFIX + "test", "1");
        local.removeItem(KEY_PREFIX + "test");
        this.local = local;
      } catch (error) {
        this.local = null;
      }
    },

    read(id) {
      if (!(id in this.memory)) this.memory[id] = this.load(id);
      return this.memory[id];
    },

    load(id) {
      const text = this.use((local) => local.getItem(KEY_PREFIX + id));
      if (!text) return null;
      try {
        const record = JSON.parse(text);
        if (isRecord(record)) return record;
      } catch (error) {
        // Damaged JSON is as unreadable as a record of the wrong shape.
      }
      this.unreadable.add(id);
      return null;
    },

    write(id, record) {
      this.memory[id] = record;
      this.use((local) => local.setItem(KEY_PREFIX + id, JSON.stringify(record)));
      return Boolean(this.local);
    },

    remove(id) {
      delete this.memory[id];
      this.unreadable.delete(id);
      this.use((local) => local.removeItem(KEY_PREFIX + id));
    },

    ids() {
      const stored = this.use((local) => Object.keys(local)) || [];
      const ids = stored.filter((key) => key.startsWith(KEY_PREFIX)).map((key) => key.slice(KEY_PREFIX.length));
      return [...new Set([...Object.keys(this.memory), ...ids])];
    },
  };

  const fieldsOf = (form) => form.querySelectorAll("[data-field]");
  const rowsOf = (field) => field.querySelectorAll("[data-row]");

  function readField(field) {
    const controls = [...field.querySelectorAll("[data-field-id]")];
    switch (field.dataset.kind) {
      case "numbered-list":
        return controls.map((control) => control.value);
      case "checklist":
        return controls.filter((control) => control.checked).map((control) => control.value);
      case "rating":
      case "single-choice":
        return (controls.find((control) => control.checked) || { value: "" }).value;
      case "table":
        return [...rowsOf(field)].map((row) =>
          Object.fromEntries([...row.querySelectorAll("[data-column]")].map((cell) => [cell.dataset.column, cell.value])),
        );
      default:
        return controls[0].value;
    }
  }

  function writeField(field, value) {
    const controls = [...field.querySelectorAll("[data-field-id]")];
    const list = Array.isArray(value) ? value : [];
    const textOf = (item) => (isText(item) ? item : "");
    switch (field.dataset.kind) {
      case "numbered-list":
        controls.forEach((control, index) => (control.value = textOf(list[index])));
        break;
      case "checklist":
        controls.forEach((control) => (control.checked = list.includes(control.value)));
        break;
      case "rating":
      case "single-choice":
        controls.forEach((control) => (control.checked = control.value === value));
        break;
      case "table":
        while (rowsOf(field).length < list.length) addRow(field);
        rowsOf(field).forEach((row, index) => {
          const cells = isObject(list[index]) ? list[index] : {};
          row.querySelectorAll("[data-column]").forEach((cell) => (cell.value = textOf(cells[cell.dataset.column])));
        });
        break;
      default:
        controls[0].value = textOf(value);
    }
  }

  function addRow(field) {
    const rows = rowsOf(field);
    const last = rows[rows.length - 1];
    const row = last.cloneNode(true);
    const number = rows.length + 1;
    const renumber = (text) => text.replace(`--r${rows.length}--`, `--r${number}--`);
    row.dataset.row = number;
    row.querySelector("legend").textContent = last.querySelector("legend").textContent.replace(/\d+$/, number);
    row.querySelectorAll("[id]").forEach((element) => (element.id = renumber(element.id)));
    row.querySelectorAll("label[for]").forEach((label) => (label.htmlFor = renumber(label.htmlFor)));
    row.querySelectorAll("[data-print-copy]").forEach((copy) => copy.remove());
    row.querySelectorAll("[data-field-id]").forEach((control) => {
      control.value = "";
      mirror(control);
    });
    last.after(row);
    return row;
  }

  /* Print: every typed answer is copied as text (never as HTML) into a
     print-only element after its control, so it prints in full, not cut off. */
  function mirror(control) {
    let copy = control.nextElementSibling;
    if (!copy || !copy.hasAttribute("data-print-copy")) {
      copy = document.createElement("span");
      copy.className = "microsite-worksheet__print-copy";
      copy.setAttribute("data-print-copy", "");
      control.after(copy);
    }
    copy.textContent = control.type === "date" && control.value ? readableDate(control.value) : control.value;
    control.toggleAttribute("data-answered", !isEmpty(control.value));
  }

  function readableDate(value) {
    const date = new Date(`${value}T12:00:00`);
    return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
  }

  // The print buttons print one worksheet alone. "Print blank" prints an empty
  // copy of it, so no answer is in the printout, not even as hidden text.
  function print(worksheet, mode) {
    const root = document.documentElement;
    const printed = mode === "blank" ? blankCopy(worksheet.form) : worksheet.form;
    root.dataset.micrositePrint = mode;
    printed.toggleAttribute("data-printing", true);
    window.addEventListener(
      "afterprint",
      () => {
        delete root.dataset.micrositePrint;
        printed.removeAttribute("data-printing");
        if (printed !== worksheet.form) printed.remove();
      },
      { once: true },
    );
    window.print();
  }

  function blankCopy(form) {
    document.querySelectorAll("[data-blank-copy]").forEach((old) => old.remove());
    const copy = form.cloneNode(true);
    copy.setAttribute("data-blank-copy", "");
    copy.removeAttribute("data-module");
    copy.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
    copy.removeAttribute("id");
    copy.querySelectorAll("[data-print-copy]").forEach((text) => text.remove());
    copy.querySelectorAll("[data-field-id]").forEach((control) => {
      if (control.type === "checkbox" || control.type === "radio") control.checked = false;
      else control.value = "";
      control.removeAttribute("data-answered");
    });
    form.after(copy);
    return copy;
  }

  // The worksheets on this page. The same one may appear twice: both show the same answers.
  const worksheets = [];

  // The words of each message are in the template: data-saved="…" on the status line.
  function say(status, message, isError = false, extra = "") {
    const text = status.dataset[message] + extra;
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle("is-error", isError);
  }

  function showNote(form, name, visible) {
    const note = form.querySelector(`[data-worksheet-note="${name}"]`);
    if (note) note.hidden = !visible;
  }

  const answersIn = (id) => (store.read(id) || { answers: {} }).answers;

  function answersOf(worksheet) {
    // Answers to fields that are no longer in the definition are kept.
    const answers = { ...answersIn(worksheet.id) };
    fieldsOf(worksheet.form).forEach((field) => {
      const value = readField(field);
      if (isEmpty(value)) delete answers[field.dataset.field];
      else answers[field.dataset.field] = value;
    });
    return answers;
  }

  function stopTimer(worksheet) {
    clearTimeout(worksheet.timer);
    worksheet.timer = null;
  }

  function fill(worksheet, answers) {
    stopTimer(worksheet);
    fieldsOf(worksheet.form).forEach((field) => writeField(field, answers[field.dataset.field]));
    worksheet.form.querySelectorAll(TEXT_CONTROLS).forEach(mirror);
    updatePrintButton(worksheet);
  }

  const updatePrintButton = (worksheet) =>
    (worksheet.printAnswers.hidden = [...fieldsOf(worksheet.form)].every((field) => isEmpty(readField(field))));

  const copiesOf = (id) => worksheets.filter((worksheet) => worksheet.id === id);

  function save(worksheet) {
    stopTimer(worksheet);
    const answers = answersOf(worksheet);
    const saved = store.write(worksheet.id, { version: worksheet.version, updated: new Date().toISOString(), answers });
    store.unreadable.delete(worksheet.id);
    copiesOf(worksheet.id).forEach((copy) => {
      if (copy !== worksheet) fill(copy, answers);
      showNote(copy.form, "unreadable", false);
    });
    if (!saved) showStorageNotes();
    say(worksheet.status, saved ? "saved" : "notSaved");
  }

  const saveAllPending = () => worksheets.filter((worksheet) => worksheet.timer).forEach(save);

  const showStorageNotes = () => worksheets.forEach((worksheet) => showNote(worksheet.form, "no-storage", true));

  function onInput(worksheet, event) {
    const control = event.target;
    if (!control.hasAttribute("data-field-id")) return;
    if (control.matches(TEXT_CONTROLS)) mirror(control);
    updatePrintButton(worksheet);
    clearTimeout(worksheet.timer);
    worksheet.timer = setTimeout(() => save(worksheet), SAVE_DELAY_MS);
  }

  function onClick(worksheet, event) {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.print) print(worksheet, button.dataset.print);
    else if (button.hasAttribute("data-export")) exportAnswers(worksheet.status);
    else if (button.hasAttribute("data-add-row")) {
      const row = addRow(button.closest("[data-field]"));
      row.querySelector("[data-field-id]").focus();
      save(worksheet);
    }
  }

  function exportAnswers(status) {
    saveAllPending();
    const records = Object.fromEntries(store.ids().map((id) => [id, store.read(id)]).filter(([, record]) => record));
    if (Object.keys(records).length === 0) return say(status, "nothingToExport");
    const now = new Date();
    const file = { format: FORMAT, formatVersion: FORMAT_VERSION, exported: now.toISOString(), worksheets: records };
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    // A neutral name: someone else may see the downloads folder.
    link.download = `worksheet-answers-${now.toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(status, "exported");
  }

  const isAnswersFile = (data) =>
    isObject(data) &&
    data.format === FORMAT &&
    data.formatVersion === FORMAT_VERSION &&
    isObject(data.worksheets) &&
    Object.entries(data.worksheets).every(([id, record]) => ID.test(id) && isRecord(record));

  // Adds what the file holds without replacing anything already written here.
  function merge(mine, theirs) {
    const answers = { ...mine };
    let kept = 0;
    Object.entries(theirs).forEach(([fieldId, value]) => {
      const current = answers[fieldId];
      if (current === undefined || isEmpty(current)) answers[fieldId] = value;
      else if (Array.isArray(current) && Array.isArray(value)) answers[fieldId] = mergeLists(current, value);
      else if (!isEmpty(value) && !same(current, value)) kept += 1;
    });
    return { answers, kept };
  }

  // List entries, ticked choices and table rows from the file fill empty
  // places first, then are added at the end; nothing is written over.
  function mergeLists(mine, theirs) {
    const list = [...mine];
    theirs.forEach((item) => {
      if (isEmpty(item) || list.some((existing) => same(existing, item))) return;
      const gap = list.findIndex(isEmpty);
      if (gap < 0) list.push(item);
      else list[gap] = item;
    });
    return list;
  }

  async function importAnswers(worksheet, input) {
    const file = input.files[0];
    input.value = "";
    if (!file) return;
    let data = null;
    try {
      data = file.size <= MAX_IMPORT_BYTES ? JSON.parse(await file.text()) : null;
    } catch (error) {
      data = null;
    }
    if (!isAnswersFile(data)) return say(worksheet.status, "badFile", true);
    saveAllPending();
    let kept = 0;
    Object.entries(data.worksheets).forEach(([id, theirs]) => {
      const mine = store.read(id);
      const merged = merge(answersIn(id), theirs.answers);
      kept += merged.kept;
      store.write(id, { version: (mine || theirs).version, updated: new Date().toISOString(), answers: merged.answers });
    });
    worksheets.forEach((each) => fill(each, answersIn(each.id)));
    if (!store.local) showStorageNotes();
    say(worksheet.status, "imported", false, kept ? " " + worksheet.status.dataset.kept.replace("{count}", kept) : "");
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

  function empty(worksheet) {
    fill(worksheet, {});
    showNote(worksheet.form, "unreadable", false);
  }

  function clearWorksheet(worksheet) {
    store.remove(worksheet.id);
    copiesOf(worksheet.id).forEach(empty);
    say(worksheet.status, "cleared");
  }

  function deleteAllAnswers(status) {
    store.ids().forEach((id) => store.remove(id));
    worksheets.forEach(empty);
    say(status, "deleted");
  }

  // The elements a module needs, by name; null after saying which are missing.
  function partsOf(root, selectors) {
    const parts = {};
    const missing = Object.keys(selectors).filter((name) => !(parts[name] = root.querySelector(selectors[name])));
    if (missing.length) fail(`${root.id ? "#" + root.id : root.dataset.module} has no ${missing.join(", ")}`);
    return missing.length ? null : parts;
  }

  function initWorksheet(form) {
    const id = form.dataset.worksheetId;
    const parts = partsOf(form, {
      actions: "[data-worksheet-actions]",
      status: "[data-worksheet-status]",
      printAnswers: '[data-print="answers"]',
      confirm: "[data-confirm]",
      importInput: "[data-import]",
    });
    if (!parts) return;
    if (!ID.test(id || "")) return fail(`worksheet "${form.id}" has no valid data-worksheet-id`);
    const worksheet = { form, id, version: Number(form.dataset.worksheetVersion) || 1, timer: null, ...parts };
    worksheets.push(worksheet);
    fill(worksheet, answersIn(id));
    form.addEventListener("input", (event) => onInput(worksheet, event));
    form.addEventListener("click", (event) => onClick(worksheet, event));
    parts.importInput.addEventListener("change", () => importAnswers(worksheet, parts.importInput));
    initConfirm(parts.confirm, () => clearWorksheet(worksheet));
    form.querySelectorAll("[data-add-row]").forEach((button) => (button.hidden = false));
    showNote(form, "no-script", false);
    showNote(form, "no-storage", !store.local);
    showNote(form, "unreadable", store.unreadable.has(id));
    parts.actions.hidden = false;
    form.toggleAttribute("data-enhanced", true);
  }

  function initDeleteAll(box) {
    const parts = partsOf(box, {
      withScript: "[data-with-script]",
      withoutScript: "[data-without-script]",
      status: "[data-worksheet-status]",
      confirm: "[data-confirm]",
    });
    if (!parts) return;
    initConfirm(parts.confirm, () => deleteAllAnswers(parts.status));
    parts.withoutScript.hidden = true;
    parts.withScript.hidden = false;
  }

  function start() {
    store.open();
    const enhance = (selector, init) =>
      document.querySelectorAll(selector).forEach((element) => {
        try {
          init(element);
        } catch (error) {
          fail(`${selector} could not start (${error})`);
        }
      });
    enhance('[data-module="microsite-worksheet"]', initWorksheet);
    enhance('[data-module="microsite-delete-answers"]', initDeleteAll);
    // Keep what was typed in the last moments before leaving or reloading.
    window.addEventListener("pagehide", saveAllPending);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && saveAllPending());
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
