// Filters, search and 「もっと見る」 change the view in place: the address changes
// (history.pushState), the server-rendered view for it is fetched (`/_view/<path>?<query>`) and
// swapped in for #view; focus stays on the control used (or moves to the first new article)
// and the view's own count is announced. Links to other pages are ordinary page loads: the
// browser's back/forward cache then restores them exactly (place.js covers the rest).
// Without this module the same controls work as plain links and forms.
import config from "./config.js";
import { announce } from "./words.js";
import { arrive, push, restore } from "./place.js";

const ids = config.ids;
let fetching = null;
let shown = "";  // the address whose view is on screen

function here() {
  return window.location.pathname + window.location.search;
}

// One attribute name for both: <html> says what the reader chose, #view what it shows.
const READINGS = config.display.attributes.furigana;

function wantsReadings() {
  return document.documentElement.hasAttribute(READINGS);
}

function viewUrl() {
  const params = new URLSearchParams(window.location.search);
  params.delete(config.params.readings);
  params.delete(config.params.lang);
  if (wantsReadings()) params.set(config.params.readings, "1");
  const lang = document.documentElement.lang;
  if (lang && lang !== config.defaultLang) params.set(config.params.lang, lang);
  const query = params.toString().replace(/%2C/g, ",");
  return config.viewPrefix + window.location.pathname + (query ? `?${query}` : "");
}

function errorMessage() {
  const region = document.getElementById(ids.view_status);
  return (region && region.getAttribute("data-error")) || config.fallbackError;
}

// Fetch the view of the current address and swap it in; then `after(fresh)` places focus.
// The search box then shows the view's words, unless the reader has just searched from it.
function show(after, searched = false) {
  if (fetching) fetching.abort();
  const controller = new AbortController();
  fetching = controller;
  const current = document.getElementById(ids.view);
  if (current) current.setAttribute("aria-busy", "true");
  const address = here();
  fetch(viewUrl(), { signal: controller.signal, credentials: "same-origin" })
    .then((response) => {
      // An unknown item or date answers 404 with its own view, shown like any other.
      if (response.status >= 500) throw new Error(`view answered ${response.status}`);
      return response.text();
    })
    .then((html) => {
      const template = document.createElement("template");
      template.innerHTML = html;
      const fresh = template.content.firstElementChild;
      const old = document.getElementById(ids.view);
      if (!fresh || fresh.id !== ids.view || !old) throw new Error("not a view");
      fetching = null;
      shown = address;
      old.replaceWith(fresh);
      document.title = fresh.getAttribute("data-title") || document.title;
      const search = document.getElementById(ids.search);
      if (search && !searched) {
        search.value = fresh.getAttribute("data-query") || "";
      }
      if (after) after(fresh);
    })
    .catch((error) => {
      if (error.name === "AbortError") return;
      fetching = null;
      const old = document.getElementById(ids.view);
      if (old) old.removeAttribute("aria-busy");
      announce(ids.view_status, errorMessage());
    });
}

function focusOn(target, preventScroll) {
  if (!target) return;
  // A control inside a folded-away part (the office filter at 320 px) is shown first.
  const fold = target.closest("details:not([open])");
  if (fold) fold.open = true;
  target.focus({ preventScroll });
}

function go(href, place, searched = false) {
  push(href);
  show((fresh) => {
    place(fresh);
    announce(ids.view_status, fresh.getAttribute("data-announce"));
  }, searched);
}

function keepFocusOn(id) {
  return () => focusOn(id && document.getElementById(id), true);
}

/** The view on screen again, e.g. with or without readings; nothing moves under the reader. */
export function refresh() {
  show(null);
}

/** Fetch the view again if it does not show what the reader chose (furigana). */
export function refreshIfStale() {
  const view = document.getElementById(ids.view);
  if (view && (view.getAttribute(READINGS) === "1") !== wantsReadings()) refresh();
}

export function init(page) {
  shown = here();
  page.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest("a[data-keep-focus=more]");
    if (!link) return;
    event.preventDefault();
    const before = document.querySelectorAll("article.item").length;
    go(link.getAttribute("href"), () => focusOn(document.querySelectorAll("article.item")[before]
                                                 || document.querySelector(`#${ids.view} h1`), false));
  });
  page.addEventListener("change", (event) => {
    const input = event.target;
    if (!input.matches || !input.matches("input[data-href]")) return;
    go(input.getAttribute("data-href"), keepFocusOn(input.id));
  });
  page.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.hasAttribute("data-enhance")) return;
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    // The search keeps the offices of the view on screen; the filter form names them.
    const offices = form.getAttribute("data-enhance") === "filter"
      ? data.getAll("office").filter(Boolean).join(",")
      : new URLSearchParams(window.location.search).get("office") || "";
    if (offices) params.set("office", offices);
    const query = String(data.get("q") || "").trim();
    if (query) params.set("q", query);
    const search = params.toString().replace(/%2C/g, ",");
    go(`/${search ? `?${search}` : ""}`,
       keepFocusOn(document.activeElement && document.activeElement.id),
       form.getAttribute("data-enhance") !== "filter");
  });
  // Back/forward between views this module showed: the view of the address the browser went
  // to, with the reader's place in it (scroll and focus, as they left it). Only a #fragment
  // change (an in-page link such as 「年へ移動」) is the browser's own business.
  window.addEventListener("popstate", (event) => {
    const place = arrive(event.state);
    if (here() === shown) return;
    show(() => restore(place));
  });
}
