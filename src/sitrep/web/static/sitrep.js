// sitrep: the only script. Clicking a citation on a brief shows the cited words
// highlighted in their article beside the brief; the article view toggles layers.
"use strict";

function showCitation(link, panel) {
  const url = new URL(link.href, location.href);
  const fragment = url.pathname + "/fragment" + url.search;
  fetch(fragment, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
    .then((html) => {
      // The fragment is server-rendered with every piece of article text escaped.
      panel.innerHTML = html;
      document.querySelectorAll("a.citation.active").forEach((a) => a.classList.remove("active"));
      link.classList.add("active");
      const mark = panel.querySelector("mark#cite");
      if (mark) mark.scrollIntoView({ block: "center" });
      panel.dataset.loaded = link.dataset.article + ":" + link.dataset.start + "-" + link.dataset.end;
    })
    .catch(() => { location.href = link.href; });
}

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("source-panel");
  if (panel) {
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("#brief a.citation");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      showCitation(link, panel);
    });
  }
  const text = document.getElementById("article-text");
  document.querySelectorAll("#legend input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
});
