// The page's words: render/templates/chrome.html writes them as JSON (#fr-messages) from the
// catalogue (flash_reader/i18n) in the page's language, so no script keeps its own copy. The
// builder re-renders its header in the page's language: the element is read again when it
// changes.
import config from "./config.js";

let parsed = null;
let parsedFrom = null;

export function words(key, values) {
  const source = document.getElementById(config.ids.messages);
  if (source !== parsedFrom) {
    parsedFrom = source;
    try { parsed = source ? JSON.parse(source.textContent) : null; } catch { parsed = null; }
  }
  const text = (parsed && parsed[key]) || key;
  return text.replace(/\{(\w+)\}/g, (all, name) =>
    (values && Object.hasOwn(values, name) ? String(values[name]) : all));
}

// An assertive region would interrupt; these are polite. Emptied first, so the same words twice
// in a row are announced twice.
export function announce(id, text) {
  const region = document.getElementById(id);
  if (!region || !text) return;
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}
