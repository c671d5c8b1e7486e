// The reader's island: the page itself is HTML rendered by the server (a <flash-page> that
// React never renders, so hydration cannot blank or replace it). This component renders
// nothing. It turns links, office checkboxes and forms inside the page into client-side
// navigation: the address changes (history.pushState), the shared, server-rendered view for
// that address is fetched over HTTP (`/_view/<path>?<query>`) and swapped in for #view, then
// focus moves and the change is announced, as GOV.UK does after a navigation.
//
// A navigation sends nothing over the websocket: React Router is not told (its navigate()
// makes Reflex send on_load_internal, and each of those events costs the server more than
// the whole view fetch). Back/forward are popstate events, handled here too; React Router
// still sees those, and Reflex then sends one on_load_internal.
// Ids and paths come from Python (flash_reader/render/chrome.py, routes.py) through props.
import { useEffect, useLayoutEffect } from "react";

const FURIGANA_COOKIE = "fr_furigana";
const READER_PATH = /^\/(items\/[^/]+|issues(\/[^/]+)?|accessibility|about)?$/;
const FALLBACK_ERROR = "表示を更新できませんでした。ページを再読み込みしてください。";

// Module-level, not per component: each reader route (/, /items/…, /issues/…) mounts its own
// island (after back/forward React Router may mount another), but the page, its listeners
// and the view being fetched are one per document.
const island = { ids: null, viewPrefix: "", installed: false, fetching: null, shown: "" };

function here() {
  return window.location.pathname + window.location.search;
}

function wantsReadings() {
  // Also called while the build prerenders the shell, where there is no document.
  return typeof document !== "undefined"
    && document.documentElement.hasAttribute("data-furigana");
}

function rememberReadings(on) {
  // The server renders readings on the next full page load only for readers who want them.
  document.cookie = on
    ? `${FURIGANA_COOKIE}=1; path=/; max-age=31536000; SameSite=Lax`
    : `${FURIGANA_COOKIE}=; path=/; max-age=0; SameSite=Lax`;
}

function announce(text) {
  const region = document.getElementById(island.ids.view_status);
  if (!region || !text) return;
  // Emptied first, so the same words twice in a row are announced twice.
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}

function viewUrl() {
  const params = new URLSearchParams(window.location.search);
  params.delete("furigana");
  params.delete("lang");
  if (wantsReadings()) params.set("furigana", "1");
  const lang = document.documentElement.lang;
  if (lang && lang !== "ja") params.set("lang", lang);
  const query = params.toString().replace(/%2C/g, ",");
  return island.viewPrefix + window.location.pathname + (query ? "?" + query : "");
}

// Fetch the view of the current address and swap it in. `focusing` says where focus goes
// (null: a refresh of what is on screen, nothing moves under the reader).
function show(focusing) {
  const ids = island.ids;
  if (island.fetching) island.fetching.abort();
  const controller = new AbortController();
  island.fetching = controller;
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
      island.fetching = null;
      island.shown = address;
      old.replaceWith(fresh);
      document.title = fresh.getAttribute("data-title") || document.title;
      // The search box shows the words of the view on screen (after back/forward too),
      // except right after a search from it, when it already holds them.
      const search = document.getElementById(ids.search);
      if (search && !(focusing && focusing.id === ids.search)) {
        search.value = fresh.getAttribute("data-query") || "";
      }
      if (!focusing) return;
      let target = null;
      if (focusing.id) target = document.getElementById(focusing.id);
      if (!target && focusing.article !== undefined) {
        target = document.querySelectorAll("article.item")[focusing.article] || null;
      }
      if (!target) target = fresh.querySelector("h1");
      // A control inside a folded-away part (the office filter at 320 px) is shown first.
      const fold = target && target.closest("details:not([open])");
      if (fold) fold.open = true;
      if (target) target.focus({ preventScroll: Boolean(focusing.id) });
      announce(fresh.getAttribute("data-announce"));
    })
    .catch((error) => {
      if (error.name === "AbortError") return;
      island.fetching = null;
      const old = document.getElementById(ids.view);
      if (old) old.removeAttribute("aria-busy");
      const region = document.getElementById(ids.view_status);
      announce((region && region.getAttribute("data-error")) || FALLBACK_ERROR);
    });
}

function go(href, focusing) {
  const state = window.history.state || {};
  // The shape React Router keeps in history entries, so its own back/forward count holds.
  window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10),
                             idx: (typeof state.idx === "number" ? state.idx : 0) + 1 },
                           "", href);
  show(focusing);
}

function install(page) {
  const onClick = (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || event.altKey) return;
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || !page.contains(link) || link.target || link.hasAttribute("download")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || !READER_PATH.test(url.pathname)) return;
    if (url.hash && url.pathname === window.location.pathname
        && url.search === window.location.search) return; // an in-page anchor
    event.preventDefault();
    const more = link.getAttribute("data-keep-focus") === "more";
    go(url.pathname + url.search + url.hash,
       more ? { article: document.querySelectorAll("article.item").length } : { heading: true });
  };
  const onChange = (event) => {
    const input = event.target;
    if (!input.matches || !input.matches("input[data-href]") || !page.contains(input)) return;
    go(input.getAttribute("data-href"), { id: input.id });
  };
  const onSubmit = (event) => {
    const form = event.target;
    if (!page.contains(form) || !form.hasAttribute("data-enhance")) return;
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    // The search keeps the offices of the view on screen; the filter form names them.
    const offices = form.getAttribute("data-enhance") === "filter"
      ? data.getAll("office").filter(Boolean).join(",")
      : new URLSearchParams(window.location.search).get("office") || "";
    if (offices) params.set("office", offices);
    const words = String(data.get("q") || "").trim();
    if (words) params.set("q", words);
    const query = params.toString().replace(/%2C/g, ",");
    go("/" + (query ? "?" + query : ""),
       { id: document.activeElement && document.activeElement.id });
  };
  page.addEventListener("click", onClick);
  page.addEventListener("change", onChange);
  page.addEventListener("submit", onSubmit);
  // Back/forward: show the view of the address the browser went to, focus its heading —
  // unless only the #fragment changed (an in-page link such as 「年へ移動」): the browser
  // scrolls that itself, and the view on screen is already the right one.
  island.shown = here();
  window.addEventListener("popstate", () => {
    if (READER_PATH.test(window.location.pathname) && here() !== island.shown) {
      show({ heading: true });
    }
  });
  // 表示設定's ふりがな lives on <html data-furigana>: readings are fetched only for readers
  // who want them, and the view on screen is fetched again when the choice changes.
  rememberReadings(wantsReadings());
  new MutationObserver(() => {
    rememberReadings(wantsReadings());
    const view = document.getElementById(island.ids.view);
    if (view && (view.getAttribute("data-furigana") === "1") !== wantsReadings()) show(null);
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-furigana"] });
}

export function ServerView({ ids, viewPrefix }) {
  // React sets <title> to the route's generic title when the route mounts; the server had
  // written the page's own. Put it back before the browser paints.
  useLayoutEffect(() => {
    const view = document.getElementById(ids.view);
    if (view && view.getAttribute("data-title")) document.title = view.getAttribute("data-title");
  }, [ids.view]);

  useEffect(() => {
    island.ids = ids;
    island.viewPrefix = viewPrefix;
    const page = document.getElementById(ids.page);
    if (!page || island.installed) return;
    island.installed = true;
    install(page);
    // From now on the island navigates (scripts/navigate.js steps aside); tests wait on this.
    window.__flashIsland = true;
    page.setAttribute("data-island", "ready");
    // The server rendered without readings (no cookie yet) but the reader wants them.
    const view = document.getElementById(ids.view);
    if (view && (view.getAttribute("data-furigana") === "1") !== wantsReadings()) show(null);
  }, [ids, viewPrefix]);

  return null;
}
