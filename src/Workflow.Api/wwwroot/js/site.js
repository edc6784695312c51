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
