/* Worksheets: progressive enhancement of the forms template.html renders.
   Answers stay on this device (localStorage): this file makes no network
   request. If a part is missing, it says so and leaves the plain form working.
   It knows answer shapes (data-shape), never field kinds: text (one text
   control), list (text controls in order), one (radios), many (checkboxes),
   rows (table rows [data-row] of [data-column] cells).
   Syntax and features stay within what browsers had in 2017; the few newer
   ones (reading and saving files) are checked before use. */
(() => {
  "use strict";

  const RECORD_VERSION = 2;
  const SAVE_DELAY_MS = 500;
  // localStorage keeps about 5 M UTF-16 characters: no one answer can be longer.
  const STORAGE_CHARS = 5.25e6;
  const MAX_ITEMS = 5000; // rows of a table, entries of a list: enough, and quick to show
  const SHAPES = ["text", "list", "one", "many", "rows"];
  // Storage, messages and the confirmation step come from shared.js.
  const answers = window.micrositeAnswers;
  if (answers === undefined) console.error("microsite-worksheet: shared.js did not run; the form still works without saving.");
  if (!answers) return;
  const { ID, KEY, DELETED, store, say, initConfirm, partsOf, enhance, fail } = answers;
  const script = document.currentScript; // lazy scripts are found beside it

  const isText = (value) => typeof value === "string";
  const isList = (value) => Array.isArray(value) && value.every(isText);
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isEmpty = (value) => (isText(value) ? !value.trim() : Object.values(value).every(isEmpty));
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const flag = (element, name, on) => (on ? element.setAttribute(name, "") : element.removeAttribute(name));
  const now = () => new Date().toISOString();

  /* Record model. A record is {format: 2, fields, kept}. `fields` maps each
     field id to its latest entry {shape, version, time, value, earlier}: an
     empty value records a deletion with its time, and `earlier` lists older
     answers that no longer fit the field. `kept` is the text of a stored
     record this page could not read (damaged, or from a newer version). */
  const unsaved = {}; // worksheet id -> entries the browser did not let us write yet
  const newRecord = () => ({ format: RECORD_VERSION, fields: {} });
  const isTime = (time) => isText(time) && !isNaN(Date.parse(time));
  const isVersion = (version) => version === undefined || typeof version === "number";
  // An answer: a text, or a list of texts or of table rows (column id -> text).
  const isAnswer = (value) =>
    isText(value) || (Array.isArray(value) && value.every((item) => isText(item) || (isObject(item) && Object.values(item).every(isText))));
  const isEntry = (entry, inner) =>
    isObject(entry) &&
    isTime(entry.time) &&
    isAnswer(entry.value) &&
    isVersion(entry.version) &&
    (entry.shape === undefined || isText(entry.shape)) &&
    (entry.earlier === undefined || (!inner && Array.isArray(entry.earlier) && entry.earlier.every((old) => isEntry(old, true))));
  // Checks a fixed structure without recursion, so any nesting depth is safe.
  // Field ids are ids like the worksheet's: never "__proto__".
  const isRecord = (record) =>
    isObject(record) &&
    record.format === RECORD_VERSION &&
    isObject(record.fields) &&
    Object.keys(record.fields).every((id) => ID.test(id) && isEntry(record.fields[id])) &&
    (record.kept === undefined || isText(record.kept));

  // Format 1 {version, updated, answers}: each answer gets the record's time.
  function fromVersion1(old) {
    if (!isObject(old) || !isObject(old.answers) || !isVersion(old.version)) return null;
    const record = newRecord();
    const time = isTime(old.updated) ? old.updated : new Date(0).toISOString();
    for (const id of Object.keys(old.answers)) {
      if (!ID.test(id) || !isAnswer(old.answers[id])) return null;
      record.fields[id] = { version: old.version, time, value: old.answers[id] };
    }
    return record;
  }

  const toRecord = (data) => (isRecord(data) ? data : isObject(data) && data.format === undefined ? fromVersion1(data) : null);

  // What is stored for a worksheet, with what could not be written yet.
  function load(id) {
    const text = store.get(id);
    let record = null;
    try {
      record = toRecord(JSON.parse(text));
    } catch (error) {
      // Damaged JSON is kept as text, like a record of the wrong shape.
    }
    if (!record) {
      record = newRecord();
      if (text !== null) record.kept = text;
    }
    merge(record.fields, unsaved[id] || {});
    return record;
  }

  // Reads, changes and writes one record. What is not written stays in
  // `unsaved`: shown, exported, and written with the next save.
  function update(id, change) {
    const record = load(id);
    change(record);
    const saved = store.set(id, JSON.stringify(record));
    if (saved) delete unsaved[id];
    else unsaved[id] = record.fields;
    return saved;
  }

  const answerText = (entry) => (entry && !isEmpty(entry.value) ? JSON.stringify(entry.value) : "");

  // The newer entry wins, field by field; `counts` sums up an import.
  function merge(mine, theirs, counts) {
    Object.keys(theirs).forEach((id) => {
      const newer = !mine[id] || Date.parse(theirs[id].time) > Date.parse(mine[id].time);
      if (counts && answerText(mine[id]) !== answerText(theirs[id])) counts[newer ? "imported" : "kept"]++;
      if (newer) mine[id] = theirs[id];
    });
  }

  // An answer fits its field when it has the field's shape and only values the
  // field offers. One that does not is kept, and shown as an earlier answer.
  function fits(field, entry) {
    const value = entry.value;
    const offered = field.values;
    if (isEmpty(value)) return true;
    if (entry.shape && entry.shape !== field.shape) return false;
    switch (field.shape) {
      case "text": // and the control can hold it: a date input cannot hold other text
        field.probe.value = value;
        return isText(value) && field.probe.value === value;
      case "one":
        return offered.includes(value);
      case "list":
        return isList(value) && isEmpty(value.slice(offered.length));
      case "many":
        return isList(value) && value.every((item) => offered.includes(item));
      default:
        return Array.isArray(value) && value.every((row) => isObject(row) && Object.keys(row).every((column) => field.columns.includes(column)));
    }
  }

  const bare = (entry) => ({ shape: entry.shape, version: entry.version, time: entry.time, value: entry.value });
  const earlierOf = (field, entry) => (entry ? (fits(field, entry) ? [] : [bare(entry)]).concat(entry.earlier || []) : []);

  // An answer as plain text: list items on lines of their own, table cells as "column: text".
  const textOf = (value) =>
    isText(value)
      ? value
      : Array.isArray(value)
        ? value.map(textOf).filter(Boolean).join("\n")
        : Object.keys(value).filter((column) => value[column].trim()).map((column) => `${column}: ${value[column]}`).join("; ");

  /* Form binding: each field reads and writes its controls by shape. */
  function bindField(element) {
    const firstRow = element.querySelector("[data-row]");
    const controls = all(element, "[data-field-id]");
    return {
      element,
      id: element.dataset.field,
      shape: element.dataset.shape,
      dirty: false, // changed here and not yet saved: never overwritten from storage
      values: controls.map((control) => control.value),
      probe: controls[0].cloneNode(),
      columns: firstRow ? all(firstRow, "[data-column]").map((cell) => cell.dataset.column) : [],
      blankRow: firstRow && firstRow.cloneNode(true), // copied for new rows before anything is typed
    };
  }

  function read(field) {
    const controls = all(field.element, "[data-field-id]");
    switch (field.shape) {
      case "list":
        return controls.map((control) => control.value);
      case "many":
        return controls.filter((control) => control.checked).map((control) => control.value);
      case "one":
        return (controls.find((control) => control.checked) || { value: "" }).value;
      case "rows":
        return all(field.element, "[data-row]").map((row) => {
          const cells = {};
          all(row, "[data-column]").forEach((cell) => (cells[cell.dataset.column] = cell.value));
          return cells;
        });
      default:
        return controls[0].value;
    }
  }

  // `value` fits the field, or is "" for an empty one.
  function write(field, value) {
    const controls = all(field.element, "[data-field-id]");
    const list = Array.isArray(value) ? value : [];
    switch (field.shape) {
      case "list":
        return controls.forEach((control, index) => setText(control, list[index] || ""));
      case "many":
        return controls.forEach((control) => (control.checked = list.includes(control.value)));
      case "one":
        return controls.forEach((control) => (control.checked = control.value === value));
      case "rows": {
        const cellText = (cell, index) => (list[index] || {})[cell.dataset.column] || "";
        const rows = all(field.element, "[data-row]");
        rows.forEach((row, index) => all(row, "[data-column]").forEach((cell) => setText(cell, cellText(cell, index))));
        return list.length > rows.length && addRows(field, list.length - rows.length, cellText);
      }
      default:
        setText(controls[0], value);
    }
  }

  function setText(control, text) {
    if (control.value !== text) control.value = text;
    mirror(control);
  }

  // New rows are copies of the blank first row, filled and added in one go, so
  // the work grows with their number only. A cell gets its text as its default
  // value: setting .value would queue one more browser task for each cell.
  function addRows(field, count, cellText = () => "") {
    const rows = field.element.querySelectorAll("[data-row]");
    const legend = field.element.querySelector("[data-row-label]").dataset.rowLabel;
    const added = document.createDocumentFragment();
    for (let number = rows.length + 1; number <= rows.length + count; number++) {
      const row = field.blankRow.cloneNode(true);
      const renumber = (text) => text.replace("--r1--", `--r${number}--`);
      row.dataset.row = number;
      row.querySelector("legend").textContent = legend.replace("{number}", number);
      all(row, "label").forEach((label) => (label.htmlFor = renumber(label.htmlFor)));
      all(row, "[data-column]").forEach((cell) => {
        cell.id = renumber(cell.id);
        cell.defaultValue = cellText(cell, number - 1);
        mirror(cell);
      });
      added.append(row);
    }
    const last = added.lastElementChild;
    rows[rows.length - 1].after(added);
    field.element.querySelector("[data-add-row]").hidden = rows.length + count >= MAX_ITEMS;
    return last;
  }

  /* Print: a typed answer is copied as text (never as HTML) into a print-only
     element after its control, so it prints in full, not cut off. */
  function mirror(control) {
    const value = control.value;
    const text = control.type === "date" && value ? readableDate(value) : value;
    let copy = control.nextElementSibling;
    if (!copy || !copy.hasAttribute("data-print-copy")) {
      if (!text) return flag(control, "data-answered", false);
      copy = document.createElement("span");
      copy.className = "microsite-worksheet__print-copy";
      copy.setAttribute("data-print-copy", "");
      control.after(copy);
    }
    if (copy.textContent !== text) copy.textContent = text;
    flag(control, "data-answered", !isEmpty(value));
  }

  function readableDate(value) {
    const date = new Date(`${value}T12:00:00`);
    return isNaN(date.getTime()) ? value : date.toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
  }

  // The print buttons print one worksheet alone. "Print blank" prints an empty
  // copy of it, so no answer is in the printout, not even as hidden text.
  function print(worksheet, mode) {
    const root = document.documentElement;
    const printed = mode === "blank" ? blankCopy(worksheet.form) : worksheet.form;
    root.dataset.micrositePrint = mode;
    flag(printed, "data-printing", true);
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
    all(document, "[data-blank-copy]").forEach((old) => old.remove());
    const copy = form.cloneNode(true);
    copy.setAttribute("data-blank-copy", "");
    copy.removeAttribute("data-module");
    copy.removeAttribute("id");
    all(copy, "[id], [data-print-copy], [data-earlier-answer]").forEach((element) =>
      element.hasAttribute("id") ? element.removeAttribute("id") : element.remove(),
    );
    all(copy, "[data-field-id]").forEach((control) => {
      if (/radio|checkbox/.test(control.type)) control.checked = false;
      else control.value = "";
      control.removeAttribute("data-answered");
    });
    form.after(copy);
    return copy;
  }

  // The worksheets on this page. The same one may appear twice: both show the same answers.
  const worksheets = [];
  const copiesOf = (id) => worksheets.filter((worksheet) => worksheet.id === id);


  function showNote(form, name, visible) {
    const note = form.querySelector(`[data-worksheet-note="${name}"]`);
    if (note) note.hidden = !visible;
  }

  const refresh = (worksheet) => fill(worksheet, load(worksheet.id));

  // Shows a record; a field being changed here keeps what is typed in it.
  function fill(worksheet, record) {
    worksheet.fields.forEach((field) => {
      if (field.dirty) return;
      const entry = record.fields[field.id];
      write(field, entry && fits(field, entry) ? entry.value : "");
      showEarlier(worksheet, field, earlierOf(field, entry));
    });
    showNote(worksheet.form, "unreadable", record.kept !== undefined);
    updatePrintButton(worksheet);
  }

  // "Your earlier answer" beside the field, from the template's <template data-earlier>.
  function showEarlier(worksheet, field, entries) {
    const shown = JSON.stringify(entries);
    if (field.earlierShown === shown) return;
    field.earlierShown = shown;
    all(field.element, "[data-earlier-answer]").forEach((block) => block.remove());
    const control = field.element.querySelector("[data-field-id]");
    entries.forEach((entry, index) => {
      const block = worksheet.earlier.content.firstElementChild.cloneNode(true);
      block.dataset.earlierAnswer = index;
      block.querySelector("[data-earlier-text]").textContent = textOf(entry.value);
      block.querySelector("[data-earlier-copy]").hidden = field.shape !== "text" || !/^text/.test(control.type);
      field.element.append(block);
    });
  }

  const updatePrintButton = (worksheet) =>
    (worksheet.printAnswers.hidden = !worksheet.form.querySelector("[data-answered], [data-field-id]:checked"));

  function stopTimer(worksheet) {
    clearTimeout(worksheet.timer);
    worksheet.timer = null;
  }

  // The field's entry as the form shows it now, with its earlier answers but `dropped`.
  function rewrite(worksheet, field, record, dropped) {
    const earlier = earlierOf(field, record.fields[field.id]).filter((entry, index) => index !== dropped);
    const entry = { shape: field.shape, version: worksheet.version, time: now(), value: read(field) };
    if (earlier.length) entry.earlier = earlier;
    record.fields[field.id] = entry;
    field.dirty = false;
  }

  // Writes only the fields changed here, so another tab's answers stay.
  function save(worksheet) {
    stopTimer(worksheet);
    const changed = worksheet.fields.filter((field) => field.dirty);
    if (changed.length) showSaved(worksheet, update(worksheet.id, (record) => changed.forEach((field) => rewrite(worksheet, field, record))));
  }

  function showSaved(worksheet, ok) {
    copiesOf(worksheet.id).forEach(refresh);
    worksheets.forEach((each) => showNote(each.form, "no-storage", !ok));
    say(worksheet.status, ok ? "saved" : "notSaved");
  }

  const saveAllPending = () => worksheets.filter((worksheet) => worksheet.timer).forEach(save);

  function changed(worksheet, field, control) {
    if (!/radio|checkbox/.test(control.type)) mirror(control);
    field.dirty = true;
    updatePrintButton(worksheet);
    clearTimeout(worksheet.timer);
    worksheet.timer = setTimeout(() => save(worksheet), SAVE_DELAY_MS);
  }

  const fieldOf = (worksheet, element) => worksheet.fields.find((field) => field.element.contains(element));

  function onInput(worksheet, event) {
    const field = fieldOf(worksheet, event.target);
    if (field && event.target.hasAttribute("data-field-id")) changed(worksheet, field, event.target);
  }

  function onClick(worksheet, event) {
    const button = event.target.closest("button");
    if (!button) return;
    const field = fieldOf(worksheet, button);
    const block = button.closest("[data-earlier-answer]");
    const control = field && field.element.querySelector("[data-field-id]");
    if (button.dataset.print) print(worksheet, button.dataset.print);
    else if (button.hasAttribute("data-export")) withFiles(worksheet.status, (code) => code.exportAnswers(worksheet.status));
    else if (button.hasAttribute("data-add-row")) {
      addRows(field, 1).querySelector("[data-field-id]").focus();
      field.dirty = true;
      save(worksheet);
    } else if (button.hasAttribute("data-earlier-copy")) {
      const text = [control.value, block.querySelector("[data-earlier-text]").textContent].filter(Boolean).join("\n");
      control.value = control.localName === "input" ? text.replace(/\s*\n\s*/g, " ") : text; // one line holds no line breaks
      control.focus();
      changed(worksheet, field, control);
    } else if (button.hasAttribute("data-earlier-dismiss")) {
      // The reader's own choice: the only way an answer is ever deleted for not fitting.
      control.focus();
      showSaved(worksheet, update(worksheet.id, (record) => rewrite(worksheet, field, record, Number(block.dataset.earlierAnswer))));
    }
  }

  // After a deletion, nothing typed here and not yet saved may bring answers back.
  function forget(id) {
    delete unsaved[id];
    copiesOf(id).forEach((worksheet) => {
      stopTimer(worksheet);
      worksheet.fields.forEach((field) => (field.dirty = false));
    });
  }

  function clearWorksheet(worksheet) {
    const ok = store.remove(worksheet.id);
    if (ok) forget(worksheet.id);
    copiesOf(worksheet.id).forEach(refresh);
    say(worksheet.status, ok ? "cleared" : "notCleared", !ok);
  }

  // "Delete all my answers" (shared.js) deleted every record.
  function onDeletedAll() {
    Object.keys(unsaved).concat(worksheets.map((worksheet) => worksheet.id)).forEach(forget);
    worksheets.forEach(refresh);
  }

  /* Export and import live in files.lazy.js, loaded the first time the reader
     points at, focuses or uses those buttons: most visits never need them. */
  const FILES_SCRIPT = "@lazy/files.lazy.js";
  let files = null; // the promise of that script's functions

  function loadFiles() {
    if (!files) {
      files = new Promise((resolve, reject) => {
        const tag = document.createElement("script");
        tag.src = new URL(FILES_SCRIPT, script ? script.src : location.href).href;
        tag.onload = () => (window.micrositeWorksheetFiles ? resolve(window.micrositeWorksheetFiles(core)) : reject());
        tag.onerror = reject;
        document.head.append(tag);
      });
      files.catch(() => (files = null)); // a later try fetches it again
    }
    return files;
  }

  // Runs `use` with the export and import functions, or says they could not load.
  const withFiles = (status, use) => loadFiles().then(use, () => say(status, "cannotLoad", true));


  function initWorksheet(form, writable) {
    const id = form.dataset.worksheetId;
    const parts = partsOf(form, {
      actions: "[data-worksheet-actions]",
      status: "[data-worksheet-status]",
      printAnswers: '[data-print="answers"]',
      confirm: "[data-confirm]",
      importInput: "[data-import]",
      earlier: "template[data-earlier]",
    });
    if (!parts) return;
    if (!ID.test(id || "")) return fail(`worksheet "${form.id}" has no valid data-worksheet-id`);
    const fields = all(form, "[data-field]").map(bindField);
    const odd = fields.find((field) => !SHAPES.includes(field.shape));
    if (odd) return fail(`field "${odd.id}" has no data-shape of ${SHAPES.join(", ")}`);
    const worksheet = Object.assign({ form, id, fields, version: Number(form.dataset.worksheetVersion) || 1, timer: null }, parts);
    worksheets.push(worksheet);
    form.addEventListener("input", (event) => onInput(worksheet, event));
    form.addEventListener("click", (event) => onClick(worksheet, event));
    const input = parts.importInput;
    input.addEventListener("change", () => withFiles(parts.status, (code) => code.importAnswers(worksheet, input)).then(() => (input.value = "")));
    // Fetched ahead when the reader heads for the buttons, so it is there on click.
    const early = (event) => event.target.closest("[data-export], [data-import], [data-import-label]") && loadFiles().catch(() => {});
    parts.actions.addEventListener("pointerover", early);
    parts.actions.addEventListener("focusin", early);
    initConfirm(parts.confirm, () => clearWorksheet(worksheet));
    all(form, "[data-add-row]").forEach((button) => (button.hidden = false));
    refresh(worksheet);
    showNote(form, "no-script", false);
    showNote(form, "no-storage", !writable);
    parts.actions.hidden = false;
    flag(form, "data-enhanced", true);
  }


  // Another tab saved or deleted: show it here.
  function onStorage(event) {
    if (event.storageArea !== store.local) return;
    worksheets.forEach((worksheet) => {
      if (event.key !== null && event.key !== KEY + worksheet.id) return;
      if (event.newValue === null) forget(worksheet.id);
      refresh(worksheet);
    });
  }

  // What files.lazy.js uses from here.
  const core = { store, unsaved, load, update, merge, say, words: answers.words, learn: answers.learn, saveAllPending, worksheets, refresh, fromVersion1, isRecord, isObject, isText, now, limits: { ID, RECORD_VERSION, STORAGE_CHARS, MAX_ITEMS } };

  function start() {
    // A probe outside the worksheet ids: can this page write at all right now?
    const writable = store.set("-", "") && store.remove("-");
    enhance('[data-module="microsite-worksheet"]', initWorksheet, writable);
    document.addEventListener(DELETED, onDeletedAll);
    window.addEventListener("storage", onStorage);
    // Back to a page kept in memory: storage may have changed meanwhile.
    window.addEventListener("pageshow", (event) => event.persisted && worksheets.forEach(refresh));
    // Keep what was typed in the last moments before leaving or reloading.
    window.addEventListener("pagehide", saveAllPending);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && saveAllPending());
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
