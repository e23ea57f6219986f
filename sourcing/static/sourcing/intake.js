// The intake page proposes the publication date printed in the pasted or uploaded text and
// pre-selects the language it is written in; the editor keeps, corrects or clears them. Nothing
// is proposed over a date already typed, nor over a language the editor chose.
"use strict";
(function () {
  const form = document.getElementById("intake-form");
  if (!form) return;
  const published = form.querySelector("[name=published]");
  const language = form.querySelector("[name=language]");
  let languageChosen = false;
  language.addEventListener("change", () => {
    languageChosen = true;
  });
  const note = document.getElementById("printed-date-note");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;

  function propose(text) {
    if (!text) return;
    const body = new URLSearchParams({ text: text.slice(0, 4000) });
    fetch(form.dataset.printedDateUrl, {
      method: "POST",
      headers: { "X-CSRFToken": csrf },
      body: body,
      credentials: "same-origin",
    })
      .then((reply) => reply.json())
      .then((answer) => {
        if (answer.language && !languageChosen) language.value = answer.language;
        if (answer.published && !published.value.trim()) {
          published.value = answer.published;
          note.textContent = "Proposed from the date printed in the text: check it.";
          note.hidden = false;
        }
      })
      .catch(() => {});
  }

  const text = form.querySelector("[name=text]");
  text.addEventListener("change", () => propose(text.value));
  const upload = form.querySelector("[name=upload]");
  upload.addEventListener("change", () => {
    const file = upload.files[0];
    if (file) file.slice(0, 8000).text().then(propose);
  });
})();
