// A page React renders (the embed builder) names its language and title in a marker element
// once its state knows them (components/layout.py): put them on <html> and the document, and
// remember a language chosen by the address (?lang=) in the cookie the server pages read.
import config from "./config.js";

function follow() {
  const marker = document.getElementById(config.ids.page_language);
  if (!marker) return;
  const root = document.documentElement;
  const lang = marker.getAttribute("data-lang");
  const title = marker.getAttribute("data-title");
  if (lang && root.lang !== lang) root.lang = lang;
  if (title && document.title !== title) document.title = title;
  if (lang && new URLSearchParams(window.location.search).get(config.params.lang) === lang) {
    document.cookie = `${config.cookies.lang}=${encodeURIComponent(lang)}; path=/; `
      + `max-age=${config.cookieMaxAge}; SameSite=Lax`;
  }
}

export function init() {
  follow();
  new MutationObserver(follow).observe(document.body, { childList: true, subtree: true,
                                                        attributes: true });
}
