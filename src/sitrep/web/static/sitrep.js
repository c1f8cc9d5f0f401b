// sitrep: the only script. Clicking a citation on a brief shows the cited words
// highlighted in their article beside the brief (a sheet over the bottom of a phone
// screen) and puts the citation in the URL; the article view toggles layers.
"use strict";

function citeHash(link) {
  return "#cite=" + encodeURIComponent(link.dataset.article) + ":" + link.dataset.start + "-" + link.dataset.end;
}

function scrollWithin(panel, mark) {
  // Scroll the panel only: scrollIntoView would also scroll the page (far, on a phone).
  const top = mark.getBoundingClientRect().top - panel.getBoundingClientRect().top;
  panel.scrollTop += top - panel.clientHeight / 3;
}

function showCitation(link, panel, pushUrl) {
  const url = new URL(link.href, location.href);
  const fragment = url.pathname + "/fragment" + url.search;
  const body = document.getElementById("panel-body");
  fetch(fragment, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
    .then((html) => {
      // The fragment is server-rendered with every piece of article text escaped.
      body.innerHTML = html;
      panel.classList.add("open");
      document.querySelectorAll("a.citation.active").forEach((a) => a.classList.remove("active"));
      link.classList.add("active");
      const mark = panel.querySelector("mark#cite");
      if (mark) scrollWithin(panel, mark);
      panel.dataset.loaded = link.dataset.article + ":" + link.dataset.start + "-" + link.dataset.end;
      const title = panel.querySelector("h2");
      const status = document.getElementById("panel-status");
      if (status) status.textContent = "Showing " + (link.getAttribute("aria-label") || "the source") + (title ? ": " + title.textContent : "");
      if (pushUrl) history.replaceState(null, "", citeHash(link));
    })
    .catch(() => { location.href = link.href; });
}

function openFromHash(panel) {
  const m = /^#cite=([^:]+):(\d+)-(\d+)$/.exec(location.hash);
  if (!m) return;
  const article = decodeURIComponent(m[1]);
  const link = Array.from(document.querySelectorAll("#brief a.citation")).find((a) =>
    a.dataset.article === article && a.dataset.start === m[2] && a.dataset.end === m[3]);
  if (link) showCitation(link, panel, false);
}

document.addEventListener("DOMContentLoaded", () => {
  const panel = document.getElementById("source-panel");
  if (panel) {
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("#brief a.citation");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      showCitation(link, panel, true);
    });
    const close = document.getElementById("panel-close");
    if (close) close.addEventListener("click", () => panel.classList.remove("open"));
    openFromHash(panel);
  }
  const text = document.getElementById("article-text");
  document.querySelectorAll("#legend input[data-layer]").forEach((box) => {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  });
});
