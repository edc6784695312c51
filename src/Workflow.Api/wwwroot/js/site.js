// Enhancements only: every page works without this file.
"use strict";

// Live Markdown preview in the editor: the server renders and sanitises, as it does for the saved text.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.querySelector("textarea[data-preview-url]");
  const preview = body && document.getElementById(body.dataset.preview);
  if (!body || !preview) return;
  let timer;
  body.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const response = await fetch(body.dataset.previewUrl, { method: "POST", body: new FormData(body.form), credentials: "same-origin" });
      if (response.ok) preview.innerHTML = await response.text();
    }, 400);
  });
});

// Choosing a paragraph to comment on or amend: without script its link reloads the page with the paragraph chosen;
// with it, the form's choice is set in place and the cursor goes to the text to write.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest("a.choose-paragraph[data-form]");
  const select = link && document.getElementById(link.dataset.form);
  if (!select) return;
  event.preventDefault();
  select.value = link.dataset.paragraph;
  const write = select.form.querySelector("textarea");
  select.form.scrollIntoView({ block: "start" });
  (write || select).focus();
});
