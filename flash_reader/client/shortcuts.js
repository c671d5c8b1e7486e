// Keyboard shortcuts: j/k next/previous article, / search, ? help. In the browser only.
// Single-character keys can be turned off (WCAG 2.1.4) and never fire while typing in a field
// or with a modifier key held.
import config from "./config.js";

function enabled() {
  try { return window.localStorage.getItem(config.storage.shortcuts) !== "off"; }
  catch { return true; }
}

function typing(target) {
  return Boolean(target && target.closest
    && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])"));
}

function dialog() { return document.getElementById(config.ids.dialog); }

function openHelp() {
  const help = dialog();
  if (!help || help.open) return;
  const toggle = help.querySelector("[data-shortcuts-toggle]");
  if (toggle) toggle.checked = enabled();
  help.showModal();
}

function moveArticle(step) {
  const articles = [...document.querySelectorAll("article.item")];
  if (!articles.length) return;
  let current = articles.findIndex((a) => a.contains(document.activeElement));
  if (current === -1) {
    // Start from the first article below the top of the viewport.
    current = articles.findIndex((a) => a.getBoundingClientRect().top >= 0);
    current = current === -1 ? articles.length : current;
    current -= step > 0 ? 1 : 0;
  }
  const next = Math.min(Math.max(current + step, 0), articles.length - 1);
  articles[next].focus();
  articles[next].scrollIntoView({ block: "start" });
}

export function init() {
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || (dialog() && dialog().open)) return;
    // `?` is a single character key too (WCAG 2.1.4): off with the others. The help stays
    // reachable from its button in the footer, where the keys can be turned back on.
    if (!enabled()) return;
    if (event.key === "?") { event.preventDefault(); openHelp(); }
    else if (event.key === "j") { event.preventDefault(); moveArticle(1); }
    else if (event.key === "k") { event.preventDefault(); moveArticle(-1); }
    else if (event.key === "/") {
      const search = document.getElementById(config.ids.search);
      if (search) { event.preventDefault(); search.focus(); search.select(); }
    }
  });
  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!target.closest) return;
    if (target.closest("[data-open-shortcuts]")) openHelp();
    const close = target.closest("[data-close-dialog]");
    if (close && close.closest("dialog")) close.closest("dialog").close();
  });
  document.addEventListener("change", (event) => {
    const toggle = event.target;
    if (!toggle.hasAttribute || !toggle.hasAttribute("data-shortcuts-toggle")) return;
    try {
      if (toggle.checked) window.localStorage.removeItem(config.storage.shortcuts);
      else window.localStorage.setItem(config.storage.shortcuts, "off");
    } catch { /* private mode */ }
  });
}
