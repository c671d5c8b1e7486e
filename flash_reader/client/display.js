// 表示設定: the display choices. The inline script (prepaint.js) already put the stored
// choice on <html> before the first paint; this module keeps the controls in step with it,
// applies and stores changes and says what changed. Nothing here talks to the server.
import config from "./config.js";
import { words } from "./words.js";

const D = config.display;
const root = document.documentElement;
const listeners = [];
let prefs = {};

function clean(raw) {
  const out = {};
  if (!raw || typeof raw !== "object") return out;
  if (D.themes.includes(raw.theme)) out.theme = raw.theme;
  const size = Number(raw.size);
  if (size > D.sizeMin && size <= D.sizeMax && size % D.sizeStep === 0) out.size = String(size);
  if (raw.spacing === "wide") out.spacing = "wide";
  if (raw.measure === "narrow") out.measure = "narrow";
  if (raw.font === "ud") out.font = "ud";
  if (D.furigana.includes(raw.furigana)) out.furigana = raw.furigana;
  if (D.rates.includes(raw.rate)) out.rate = raw.rate;
  if (raw.layout === "headlines") out.layout = "headlines";
  if (raw.ruler === "on") out.ruler = "on";
  return out;
}

function read() {
  try { return clean(JSON.parse(window.localStorage.getItem(config.storage.display) || "{}")); }
  catch { return {}; }
}

function write() {
  try {
    if (Object.keys(prefs).length) {
      window.localStorage.setItem(config.storage.display, JSON.stringify(prefs));
    } else {
      window.localStorage.removeItem(config.storage.display);
    }
  } catch { /* private mode: the choice lasts for this page only */ }
}

// 読みやすいフォント: its @font-face rules (about 220 KB of CSS) join the page only once the
// reader chooses the font; the browser then fetches only the slices the page's text needs.
function loadFontFaces() {
  if (!prefs.font || document.getElementById(config.ids.font_link)) return;
  const link = document.createElement("link");
  link.id = config.ids.font_link;
  link.rel = "stylesheet";
  link.href = D.fontCss;
  document.head.appendChild(link);
}

function apply() {
  for (const [name, attribute] of Object.entries(D.attributes)) {
    if (prefs[name]) root.setAttribute(attribute, prefs[name]);
    else root.removeAttribute(attribute);
  }
  loadFontFaces();
}

function setOutputs(size) {
  // An attribute, not text: CSS shows it (the builder's React would re-render changed text).
  for (const output of document.querySelectorAll("[data-display-output=size]")) {
    output.setAttribute("data-value", size);
  }
}

// Reflect the choice in the controls (checked radios, the range, its output).
function sync() {
  const size = prefs.size || String(D.sizeMin);
  for (const control of document.querySelectorAll("[data-display-control]")) {
    const kind = control.getAttribute("data-display-control");
    const value = prefs[kind] || "";
    if (control.type === "range") {
      control.value = size;
      control.setAttribute("aria-valuetext", `${size}%`);
    } else if (control.type === "radio") {
      control.checked = kind === "size" ? control.value === size : control.value === value;
    } else if (control.type === "checkbox") {
      control.checked = control.value === value;
    }
  }
  setOutputs(size);
}

// What the status line says after each setting changes (by the setting's name).
const DESCRIBE = {
  theme: () => words("js.theme", { value: words(`theme.${prefs.theme || "system"}`) }),
  size: () => words("js.size", { value: prefs.size || D.sizeMin }),
  spacing: () => words(prefs.spacing ? "js.spacing_on" : "js.spacing_off"),
  measure: () => words(prefs.measure ? "js.measure_on" : "js.measure_off"),
  font: () => words(prefs.font ? "js.font_on" : "js.font_off"),
  furigana: () => words("js.furigana", { value: words(`furigana.${prefs.furigana || "none"}`) }),
  rate: () => words("js.rate", { value: words(`rate.${prefs.rate || "normal"}`) }),
  layout: () => words(prefs.layout ? "js.layout_on" : "js.layout_off"),
  ruler: () => words(prefs.ruler ? "js.ruler_on" : "js.ruler_off"),
};

function describe(name) {
  return Object.hasOwn(DESCRIBE, name) ? DESCRIBE[name]() : words("js.reset");
}

function changed(name) {
  apply(); write(); sync();
  const status = document.getElementById(config.ids.display_status);
  const message = describe(name);
  if (status && status.textContent !== message) status.textContent = message;
  for (const listener of listeners) listener(prefs);
}

/** The reader's current choices (a copy). */
export function get() { return { ...prefs }; }

/** Call `listener(prefs)` after every change (another tab's too). */
export function onChange(listener) { listeners.push(listener); }

export function set(name, value) {
  const next = { ...prefs };
  if (value) next[name] = value; else delete next[name];
  prefs = clean(next);
  changed(name);
}

export function reset() {
  prefs = {};
  changed("reset");
}

export function init() {
  // The one global: the same choices for tools that script the page (the benchmarks, the
  // tests, a reader's own bookmarklet), through the same checks as the controls.
  window.flashDisplay = Object.freeze({ get, set, reset });
  prefs = read();
  apply();
  sync();
  document.addEventListener("change", (event) => {
    const control = event.target;
    const kind = control.getAttribute && control.getAttribute("data-display-control");
    if (!kind) return;
    if (control.type === "checkbox") set(kind, control.checked ? control.value : "");
    else if (control.type === "range" || control.checked) set(kind, control.value);
  });
  // The text-size slider: while it is dragged it only shows the size it is at; the size is
  // applied on release ("change"; each arrow key is one), so a press moved back before release
  // changes nothing (WCAG 2.5.2) and the page does not re-flow under the pointer.
  document.addEventListener("input", (event) => {
    const control = event.target;
    if (control.type !== "range" || !control.hasAttribute("data-display-control")) return;
    control.setAttribute("aria-valuetext", `${control.value}%`);
    setOutputs(control.value);
  });
  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!target.closest) return;
    if (target.closest("[data-display-reset]")) reset();
    // 見出しだけ表示: each article's 「本文」 button opens and closes its body in place (a
    // disclosure: the button keeps focus; reader.css hides the body while aria-expanded is false).
    const toggle = target.closest("[data-item-toggle]");
    if (toggle) {
      toggle.setAttribute("aria-expanded",
                          toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
    }
  });
  // Esc closes the open panel (a <details>, which has no key of its own) and puts focus back
  // on its summary, as for any disclosure.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    const panel = document.getElementById(config.ids.panel);
    if (!panel || !panel.open || !panel.contains(document.activeElement)) return;
    event.preventDefault();
    panel.open = false;
    const summary = panel.querySelector("summary");
    if (summary) summary.focus();
  });
  // Another tab changed the settings.
  window.addEventListener("storage", (event) => {
    if (event.key !== config.storage.display && event.key !== null) return;
    prefs = read();
    apply(); sync();
    for (const listener of listeners) listener(prefs);
  });
  // A restored page (Back, from the browser's cache) shows the choices it was left with:
  // another page may have changed them since.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    const stored = read();
    if (JSON.stringify(stored) === JSON.stringify(prefs)) return;
    prefs = stored;
    apply(); sync();
    for (const listener of listeners) listener(prefs);
  });
}

/** Pages whose controls are rendered later (the builder, by React): keep them in step. */
export function watchControls() {
  const observer = new MutationObserver((records) => {
    if (records.some((r) => [...r.addedNodes].some((node) => node.nodeType === 1))) sync();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Reflex's colour-mode script and its theme provider write an inline `color-scheme` on
  // <html> from the OS setting; an inline style beats themes.css, so native controls would
  // follow the OS instead of the chosen theme. And if React re-renders <html> it drops our
  // attributes: put them back.
  const guard = () => {
    if (root.style.getPropertyValue("color-scheme")) root.style.removeProperty("color-scheme");
    if (Object.entries(D.attributes).some(([n, a]) => root.getAttribute(a) !== (prefs[n] || null))) {
      apply();
    }
  };
  guard();
  new MutationObserver(guard).observe(root, { attributes: true });
}
