// sitrep: what is new since the analyst last looked, shown without a reload.
// The newest article number seen is kept in localStorage; /api/news says what
// was stored after it (new articles and the stories they went to).
"use strict";

(() => {
  const KEY = "sitrep.seen";
  const every = Number(localStorage.getItem("sitrep.poll") || 30) * 1000;
  let since = Number(localStorage.getItem(KEY) || 0);
  let latest = 0;
  const banner = document.createElement("aside");
  banner.id = "news";
  banner.className = "news";
  banner.hidden = true;

  function render(data) {
    banner.replaceChildren();
    const head = document.createElement("strong");
    head.textContent = `${data.articles} new article${data.articles === 1 ? "" : "s"} in ` +
      `${data.story_count} stor${data.story_count === 1 ? "y" : "ies"} since you last looked`;
    banner.append(head);
    const list = document.createElement("ul");
    for (const story of data.stories) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = "/stories/" + encodeURIComponent(story.id);
      link.textContent = story.title || story.id;  // text only: titles are untrusted
      item.append(link);
      if (story.new) {
        const badge = document.createElement("span");
        badge.className = "badge new";
        badge.textContent = "new story";
        item.append(" ", badge);
      }
      list.append(item);
    }
    const seen = document.createElement("button");
    seen.type = "button";
    seen.textContent = "Mark as seen";
    seen.addEventListener("click", () => {
      since = latest;
      localStorage.setItem(KEY, String(latest));
      banner.hidden = true;
    });
    banner.append(list, seen);
    banner.hidden = false;
  }

  function poll() {
    fetch("/api/news?after=" + since, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        if (!data) return;
        latest = data.latest;
        if (!since) {  // first visit: everything so far counts as seen
          since = latest;
          localStorage.setItem(KEY, String(latest));
        } else if (data.articles > 0) {
          render(data);
        }
      })
      .catch(() => {});
  }

  document.addEventListener("DOMContentLoaded", () => {
    const main = document.querySelector("main");
    if (!main) return;
    main.prepend(banner);
    poll();
    setInterval(poll, every);
  });
})();
