// The curation desk. A mouse selection in the text becomes character offsets of the text as
// stored (each segment carries its data-start), snapped to whole words, as citations require.
// Every action is posted as JSON with the article's version as this page knows it; the answer
// brings the text and the side panel rendered again, so the editor never leaves the page.
"use strict";
(function () {
  const desk = document.getElementById("desk");
  if (!desk) return;
  const body = JSON.parse(document.getElementById("desk-body").textContent);
  const csrf = desk.querySelector("[name=csrfmiddlewaretoken]").value;
  const text = document.getElementById("desk-text");
  const messages = document.getElementById("desk-messages");
  let selected = null; // {start, end}

  function isWordChar(ch) {
    return /[\p{L}\p{N}]/u.test(ch || "");
  }

  // The offset in the stored text of a DOM position (node, offset) inside the text.
  function bodyOffset(node, offset) {
    if (node.nodeType === Node.TEXT_NODE) {
      const segment = node.parentElement.closest(".seg");
      return segment ? Number(segment.dataset.start) + offset : null;
    }
    const child = node.childNodes[offset];
    if (child) {
      const segment = child.nodeType === Node.ELEMENT_NODE ? child.closest(".seg") || child.querySelector(".seg") : null;
      if (segment) return Number(segment.dataset.start);
    }
    return node === text ? body.length : null;
  }

  function readSelection() {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    let start = bodyOffset(range.startContainer, range.startOffset);
    let end = bodyOffset(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    // Whole words only, and no surrounding spaces.
    while (start > 0 && isWordChar(body[start - 1]) && isWordChar(body[start])) start--;
    while (end < body.length && isWordChar(body[end - 1]) && isWordChar(body[end])) end++;
    while (start < end && /\s/.test(body[start])) start++;
    while (end > start && /\s/.test(body[end - 1])) end--;
    return start < end ? { start: start, end: end } : null;
  }

  function showSelection() {
    selected = readSelection();
    const quote = document.getElementById("selected-quote");
    const where = document.getElementById("selected-range");
    if (!selected) return;
    quote.textContent = body.slice(selected.start, selected.end);
    where.textContent = "characters " + selected.start + "–" + selected.end;
  }

  function say(message, isError, place) {
    const target = place || messages;
    target.textContent = message || "";
    target.classList.toggle("is-error", Boolean(isError));
  }

  // What to do about an answer that is not the desk's own, by its status.
  const ADVICE = {
    403: "Your session or the page's security token has expired: reload the page and try again.",
    413: "The request is too large for the server.",
    429: "Too many requests: wait a moment and try again.",
    502: "The application server did not answer: try again in a few seconds.",
    503: "The server is busy or restarting: try again in a few seconds.",
    504: "The server took too long to answer: try again in a few seconds.",
  };

  // The gist of an HTML or text page: its heading and first paragraph, or its title, or its text.
  function gist(body) {
    const page = new DOMParser().parseFromString(body, "text/html");
    const part = (selector) => (page.querySelector(selector) || {}).textContent || "";
    const text = [part("h1"), part("p")].filter(Boolean).join(" ") || part("title") ||
      page.body.textContent;
    return text.replace(/\s+/g, " ").trim().slice(0, 300);
  }

  // Every answer that is not the desk's JSON, said with its real reason: a proxy's 502, a 403
  // without CSRF token, a 413, the login page after the session ended. Nothing was saved.
  function notTheDesk(reply, body) {
    if (reply.ok && reply.redirected && /\/login\//.test(reply.url)) {
      return "Your session has ended: log in again (in another tab, to keep this page), then " +
        "try again. Nothing was saved.";
    }
    const status = `${reply.status} ${reply.statusText}`.trim();
    const said = gist(body);
    const advice = ADVICE[reply.status] || "";
    const answered = `The server answered ${status}${said ? `: “${said}”` : ""}.`;
    return `${answered} Nothing was saved. ${advice}`.trim();
  }

  // The desk's JSON (a result with its version, or a refusal with its error), or else a
  // refusal saying what the server really answered.
  function readAnswer(reply) {
    const isJson = (reply.headers.get("Content-Type") || "").includes("application/json");
    const json = isJson ? reply.clone().json().catch(() => null) : Promise.resolve(null);
    return json.then((answer) => {
      const fromTheDesk = answer && (reply.ok ? "version" in answer : "error" in answer);
      if (fromTheDesk) return { ok: reply.ok, answer: answer };
      return reply.text().then((body) => ({ ok: false, answer: { error: notTheDesk(reply, body) } }));
    });
  }

  function post(payload, errorPlace) {
    payload.version = Number(desk.dataset.version);
    return fetch(desk.dataset.actUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload),
      credentials: "same-origin",
    })
      .then(readAnswer, () => ({ ok: false, network: true, answer: {} }))
      .then(({ ok, network, answer }) => {
        if (network) {
          say("The server could not be reached: nothing was saved.", true, errorPlace);
          return answer;
        }
        if (!ok) {
          say(answer.error || "The action was refused.", true, errorPlace);
          return answer;
        }
        desk.dataset.version = answer.version;
        text.innerHTML = answer.text_html;
        document.getElementById("desk-panel").innerHTML = answer.panel_html;
        say(answer.message, false);
        return answer;
      });
  }

  function needSelection(place) {
    if (selected) return true;
    say("Select a passage of the text first.", true, place);
    return false;
  }

  // Nested proposal fields ("fields.parties.0.company") back into an object.
  function proposalFrom(form) {
    const proposal = JSON.parse(form.dataset.proposal);
    form.querySelectorAll("input[name^='fields.'], select[name^='fields.']").forEach((input) => {
      const path = input.name.split(".").slice(1);
      let node = proposal.fields;
      path.slice(0, -1).forEach((key) => { node = node[key]; });
      node[path[path.length - 1]] = input.value;
    });
    const quote = form.querySelector("[name=quote]").value;
    if (quote !== proposal.quote) {
      proposal.quote = quote;
      if (form.dataset.start) {
        proposal.start = Number(form.dataset.start);
        proposal.end = Number(form.dataset.end);
      } else {
        proposal.start = null;
        proposal.end = null;
      }
    }
    return proposal;
  }

  // A quote found more than once: the editor picks the occurrence, and the action is sent again.
  function askWhich(form, answer, resend) {
    const place = form.querySelector(".desk-error");
    place.textContent = answer.error;
    answer.choose.forEach((occurrence) => {
      const choice = document.createElement("button");
      choice.type = "button";
      choice.className = "button occurrence";
      choice.textContent = "…" + occurrence.context + "…";
      choice.addEventListener("click", () => {
        form.dataset.start = occurrence.start;
        form.dataset.end = occurrence.end;
        resend();
      });
      place.appendChild(choice);
    });
  }

  text.addEventListener("mouseup", showSelection);
  text.addEventListener("keyup", showSelection);

  document.addEventListener("change", (event) => {
    if (event.target.id !== "cite-target") return;
    const option = event.target.selectedOptions[0];
    const fields = option && option.dataset.fields ? JSON.parse(option.dataset.fields) : [["", "— the whole record —"]];
    const select = document.getElementById("cite-field");
    select.innerHTML = "";
    fields.forEach(([value, label]) => select.add(new Option(label, value)));
  });

  document.addEventListener("click", (event) => {
    const id = event.target.id;
    if (id === "cite-button") {
      const place = document.getElementById("cite-error");
      if (!needSelection(place)) return;
      post({
        action: "cite",
        target: document.getElementById("cite-target").value,
        field: document.getElementById("cite-field").value,
        start: selected.start,
        end: selected.end,
      }, place);
    } else if (id === "mark-button") {
      const place = document.getElementById("mark-error");
      if (!needSelection(place)) return;
      post({ action: "mark", kind: document.getElementById("mark-kind").value,
             start: selected.start, end: selected.end }, place);
    } else if (event.target.classList.contains("use-selection")) {
      // The selected passage becomes the proposal's quote, at the offsets it was selected at.
      const form = event.target.closest("form.proposal");
      const place = form.querySelector(".desk-error");
      if (!needSelection(place)) return;
      form.querySelector("[name=quote]").value = body.slice(selected.start, selected.end);
      form.dataset.start = selected.start;
      form.dataset.end = selected.end;
      say("", false, place);
    } else if (id === "verify-button") {
      const targets = Array.from(document.querySelectorAll(".verify-target:checked")).map((box) => box.value);
      post({ action: "verify", targets: targets }, document.getElementById("verify-error"));
    }
  });

  // The company and plant boxes suggest the article's names (the panel's datalists) and, as the
  // editor types, the database's: the admin's own autocomplete, which searches as its lists do.
  const AUTOCOMPLETE = {
    "desk-companies": ["agreementparty", "company"],
    "desk-plants": ["plantcapacity", "plant"],
  };
  let typing = null;
  document.addEventListener("input", (event) => {
    const box = event.target;
    const source = AUTOCOMPLETE[box.getAttribute("list")];
    if (!source || box.value.trim().length < 2) return;
    clearTimeout(typing);
    typing = setTimeout(() => {
      const params = new URLSearchParams({
        app_label: "sourcing", model_name: source[0], field_name: source[1], term: box.value.trim(),
      });
      fetch(desk.dataset.autocompleteUrl + "?" + params, { credentials: "same-origin" })
        .then((answer) => (answer.ok ? answer.json() : { results: [] }))
        .then((answer) => {
          const list = document.getElementById(box.getAttribute("list"));
          const known = new Set(Array.from(list.options, (option) => option.value));
          for (const result of answer.results || []) {
            if (known.has(result.text)) continue;
            const option = document.createElement("option");
            option.value = result.text;
            list.appendChild(option);
            known.add(result.text);
          }
        })
        .catch(() => {}); // suggestions only: typing the name still works without them
    }, 250);
  });

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form.proposal");
    if (!form) return;
    event.preventDefault();
    const action = event.submitter && event.submitter.value === "attach" ? "attach" : "accept";
    const place = form.querySelector(".desk-error");
    const send = () => {
      const payload = { action: action, proposal: proposalFrom(form) };
      if (action === "attach") payload.target = form.querySelector("[name=attach-target]").value;
      post(payload, place).then((answer) => {
        if (answer && answer.choose) askWhich(form, answer, send);
      });
    };
    send();
  });
})();
