// The intake page proposes what the pasted text or the chosen file says about itself (title,
// publication date, authors, language), read by the server as the import will read it; the
// editor keeps, corrects or clears each value. Nothing is proposed over a value the editor gave
// (a value proposed for an earlier file is replaced), and a file that cannot be imported is
// named with the reason at once, before saving.
"use strict";
(function () {
  const form = document.getElementById("intake-form");
  if (!form) return;
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const text = form.querySelector("[name=text]");
  const upload = form.querySelector("[name=upload]");
  const PROPOSED = ["title", "published", "authors", "language"];
  const proposedHere = new Set(); // fields holding a proposal the editor has not touched
  for (const name of PROPOSED) {
    const field = form.querySelector("[name=" + name + "]");
    field.addEventListener("input", () => proposedHere.delete(name));
    field.addEventListener("change", () => proposedHere.delete(name));
  }

  function note(name, message) {
    const element = document.getElementById("proposed-" + name);
    if (!element) return;
    element.textContent = message || "";
    element.hidden = !message;
  }

  function propose(answer) {
    note("upload", answer.error ? "This file cannot be imported: " + answer.error : "");
    if (answer.error) return;
    for (const name of PROPOSED) {
      const field = form.querySelector("[name=" + name + "]");
      if (field.value.trim() && !proposedHere.has(name)) continue; // the editor's own value
      field.value = answer[name] || "";
      note(name, answer[name] ? "Proposed from the document: check it." : "");
      if (answer[name]) proposedHere.add(name);
      else proposedHere.delete(name);
    }
    if (answer.language_found && !answer.language) {
      note("language", "The text reads as " + answer.language_found +
        ", which is not a language an article can have: choose one if it is mistaken.");
    }
  }

  function ask(body) {
    fetch(form.dataset.metadataUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf },
      body: body,
      credentials: "same-origin",
    })
      .then((reply) => reply.json())
      .then(propose)
      .catch(() => {});
  }

  text.addEventListener("change", () => {
    if (!text.value.trim()) return;
    ask(new URLSearchParams({ text: text.value }));
  });
  upload.addEventListener("change", () => {
    const file = upload.files[0];
    if (!file) return;
    const body = new FormData();
    body.append("upload", file);
    ask(body);
  });
})();
