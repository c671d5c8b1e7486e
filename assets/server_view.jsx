// The reader's island: the page itself is HTML rendered by the server (a <flash-page> that
// React never renders, so hydration cannot blank or replace it). This component renders
// nothing; it
//  - turns links and forms inside the page into client-side navigation (no reload), and
//  - when the reader's state names another view (`src`: the view's URL under /_view, with the
//    content version), fetches that shared, cached HTML and swaps the #view element, then
//    moves focus and announces the change as GOV.UK does after a navigation.
// Ids come from Python (flash_reader/render/chrome.py) through the `ids` prop.
import { useEffect, useLayoutEffect, useState } from "react";
import { useLocation, useNavigate } from "react-router";

const FURIGANA_COOKIE = "fr_furigana";
const READER_PATH = /^\/(items\/[^/]+|issues(\/[^/]+)?|accessibility|about)?$/;

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

function announce(id, text) {
  const region = document.getElementById(id);
  if (!region || !text) return;
  // Emptied first, so the same words twice in a row are announced twice.
  region.textContent = "";
  window.setTimeout(() => { region.textContent = text; }, 50);
}

// Module-level, not per component: each reader route (/, /items/…, /issues/…) mounts its own
// island, so a navigation from one route to another ends in a fresh instance.
const pending = { current: null }; // how the next swap should move focus
let seenLocation = null;

export function ServerView({ src, ids }) {
  const navigate = useNavigate();
  const location = useLocation();
  const [readings, setReadings] = useState(wantsReadings);

  // React sets <title> to the route's generic title when the route mounts; the server had
  // written the page's own. Put it back before the browser paints.
  useLayoutEffect(() => {
    const view = document.getElementById(ids.view);
    if (view && view.getAttribute("data-title")) document.title = view.getAttribute("data-title");
  }, [ids.view]);

  // Links, filter checkboxes and forms in the server page navigate on the client.
  useEffect(() => {
    const page = document.getElementById(ids.page);
    if (!page) return undefined;
    // From now on the island navigates (scripts/navigate.js steps aside); tests wait on this.
    window.__flashIsland = true;
    page.setAttribute("data-island", "ready");
    const go = (href, focus, keepScroll) => {
      pending.current = focus;
      navigate(href, { preventScrollReset: Boolean(keepScroll) });
    };
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
         more ? { article: document.querySelectorAll("article.item").length } : { heading: true },
         more);
    };
    const onChange = (event) => {
      const input = event.target;
      if (!input.matches || !input.matches("input[data-href]") || !page.contains(input)) return;
      go(input.getAttribute("data-href"), { id: input.id }, true);
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
      go("/" + (query ? "?" + query : ""), { id: document.activeElement && document.activeElement.id }, false);
    };
    page.addEventListener("click", onClick);
    page.addEventListener("change", onChange);
    page.addEventListener("submit", onSubmit);
    return () => {
      page.removeEventListener("click", onClick);
      page.removeEventListener("change", onChange);
      page.removeEventListener("submit", onSubmit);
    };
  }, [navigate, ids.page]);

  // Back/forward (not started by a click here): focus the new page's heading.
  useEffect(() => {
    if (seenLocation !== null && seenLocation !== location.key && pending.current === null) {
      pending.current = { heading: true };
    }
    seenLocation = location.key;
  }, [location.key]);

  // 表示設定's ふりがな lives on <html data-furigana>: fetch readings only for readers who want them.
  useEffect(() => {
    const root = document.documentElement;
    rememberReadings(wantsReadings());
    const observer = new MutationObserver(() => {
      rememberReadings(wantsReadings());
      setReadings(wantsReadings());
    });
    observer.observe(root, { attributes: true, attributeFilter: ["data-furigana"] });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const current = document.getElementById(ids.view);
    if (!src || !current) return undefined;
    // The reader's state has arrived (tests and diagnostics wait on this).
    document.getElementById(ids.page)?.setAttribute("data-state", "received");
    const hasReadings = current.getAttribute("data-furigana") === "1";
    if (current.getAttribute("data-src") === src && hasReadings === readings) return undefined;
    const controller = new AbortController();
    current.setAttribute("aria-busy", "true");
    fetch(src + (readings ? "&furigana=1" : ""), { signal: controller.signal,
                                                    credentials: "same-origin" })
      .then((response) => response.text())
      .then((html) => {
        const template = document.createElement("template");
        template.innerHTML = html;
        const fresh = template.content.firstElementChild;
        const old = document.getElementById(ids.view);
        if (!fresh || fresh.id !== ids.view || !old) throw new Error("not a view");
        const focusing = pending.current;
        pending.current = null;
        old.replaceWith(fresh);
        document.title = fresh.getAttribute("data-title") || document.title;
        // The search box shows the words of the view on screen (after back/forward too),
        // except right after a search from it, when it already holds them.
        const search = document.getElementById(ids.search);
        if (search && !(focusing && focusing.id === ids.search)) {
          search.value = fresh.getAttribute("data-query") || "";
        }
        if (!focusing) return; // a content refresh: nothing moves under the reader
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
        announce(ids.view_status, fresh.getAttribute("data-announce"));
      })
      .catch((error) => {
        if (error.name === "AbortError") return;
        const old = document.getElementById(ids.view);
        if (old) old.removeAttribute("aria-busy");
        announce(ids.view_status, "表示を更新できませんでした。ページを再読み込みしてください。");
      });
    return () => controller.abort();
  }, [src, readings, ids.view, ids.search, ids.view_status]);

  return null;
}
