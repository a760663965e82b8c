/* Worksheets: export and import, one JSON file holding every worksheet's
   record. worksheet.js loads this file the first time the reader heads for
   those buttons, and hands it what it needs (`core`); like worksheet.js it
   makes no network request and keeps within what browsers had in 2017. */
window.micrositeWorksheetFiles = (core) => {
  "use strict";

  const { store, unsaved, load, update, merge, say, words, saveAllPending, worksheets, refresh, fromVersion1, isRecord, isObject, isText, now } = core;
  // This script's messages, in the guide's language: the build puts them here
  // from files.words.html, so pages need not carry them.
  core.learn("@words");
  const { ID, RECORD_VERSION, STORAGE_CHARS, MAX_ITEMS } = core.limits;
  const FORMAT = "microsite-worksheet-answers";
  const FILE_VERSION = 2; // files of version 1 hold records {version, updated, answers}
  // An exported file spends at most 6 bytes on one stored character ("\u0001").
  const MAX_FILE_BYTES = 6 * STORAGE_CHARS;

  function exportAnswers(status) {
    if (!window.Blob || !URL.createObjectURL || !("download" in document.createElement("a"))) return say(status, "cannotExport", true);
    saveAllPending();
    const ids = store.ids().concat(Object.keys(unsaved));
    if (!ids.length) return say(status, "nothingToExport");
    const records = {};
    ids.forEach((id) => (records[id] = load(id)));
    const exported = now();
    const file = { format: FORMAT, formatVersion: FILE_VERSION, exported, worksheets: records };
    const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    // A neutral name: someone else may see the downloads folder.
    link.download = `worksheet-answers-${exported.slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(status, "exported");
  }

  const refuse = (reason, worksheet, field) => {
    throw { reason, worksheet, field };
  };

  // The records in an answers file by worksheet id (null: set aside), or a refusal.
  function recordsIn(data) {
    const version = data.formatVersion;
    if (version > FILE_VERSION) refuse("newerFile");
    if (version !== 1 && version !== FILE_VERSION) refuse("badFile");
    const records = {};
    Object.keys(data.worksheets).forEach((id) => {
      const given = data.worksheets[id];
      if (!ID.test(id)) refuse("badFile");
      if (isObject(given) && given.format > RECORD_VERSION) return (records[id] = null);
      const record = version === 1 ? fromVersion1(given) : isRecord(given) ? given : refuse("badFile");
      if (!record) refuse("badFile");
      Object.keys(record.fields).forEach((field) =>
        [record.fields[field]].concat(record.fields[field].earlier || []).forEach((entry) => {
          if (entry.value.length > (isText(entry.value) ? STORAGE_CHARS : MAX_ITEMS)) refuse("tooLong", id, field);
        }),
      );
      records[id] = record;
    });
    return records;
  }

  function importAnswers(worksheet, input) {
    const file = input.files[0];
    const status = worksheet.status;
    input.value = "";
    if (!file) return;
    if (!file.text) return say(status, "cannotImport", true);
    if (file.size > MAX_FILE_BYTES) return say(status, "tooLarge", true);
    file
      .text()
      .then((text) => {
        let data = null;
        try {
          data = JSON.parse(text);
        } catch (error) {
          // Not JSON, or nested too deep for this browser to read: not an answers file.
        }
        if (!isObject(data) || data.format !== FORMAT || !isObject(data.worksheets)) return say(status, "badFile", true);
        const records = recordsIn(data);
        const counts = { imported: 0, kept: 0, setAside: 0 };
        let ok = true;
        saveAllPending();
        Object.keys(records).forEach((id) => {
          const theirs = records[id];
          if (!theirs) return counts.setAside++;
          ok =
            update(id, (mine) => {
              merge(mine.fields, theirs.fields, counts);
              if (theirs.kept === undefined || theirs.kept === mine.kept) return;
              if (mine.kept === undefined) mine.kept = theirs.kept;
              else counts.setAside++;
            }) && ok;
        });
        worksheets.forEach(refresh);
        const more = ["kept", "setAside"].filter((name) => counts[name]).map((name) => " " + words(status, name, counts));
        if (!ok) more.push(" " + words(status, "notSaved", counts));
        say(status, "imported", !ok, counts, more.join(""));
      })
      .catch((problem) => say(status, (problem && problem.reason) || "importFailed", true, problem));
  }

  return { exportAnswers, importAnswers };
};
