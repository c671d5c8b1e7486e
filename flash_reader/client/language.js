// Links to reader pages keep the reader's language and readings in their address: the server
// and any shared cache answer by address alone, and without this prepaint.js would load each
// such page twice (once bare, once as asked). The header's language link (「English」/「日本語」)
// opens the page the reader is on now, with its filters and search (navigate.js may have moved
// on from the page the server rendered), in that language.
import config from "./config.js";

const pages = config.readerPages;
const params = config.params;

function isReaderPage(url) {
  return url.origin === window.location.origin && (pages.exact.includes(url.pathname)
    || pages.prefixes.some((prefix) => url.pathname.startsWith(prefix)));
}

function withChoices(url, lang) {
  if (lang) url.searchParams.set(params.lang, lang);
  if (document.documentElement.hasAttribute(config.display.attributes.furigana)) {
    url.searchParams.set(params.readings, "1");
  }
  return url.pathname + url.search.replace(/%2C/g, ",") + url.hash;
}

export function init() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.target || link.hasAttribute("download")) return;
    const switched = link.getAttribute("data-lang-switch");
    if (switched) {
      const url = new URL(window.location.href);
      url.hash = "";
      link.href = withChoices(url, switched);
      return;
    }
    const url = new URL(link.href, window.location.href);
    // An in-page link (「年へ移動」, the skip link) is the browser's own business.
    const inPage = url.hash && url.pathname === window.location.pathname
      && url.search === window.location.search;
    if (!isReaderPage(url) || inPage) return;
    const lang = document.documentElement.lang;
    const keep = lang !== config.defaultLang && !url.searchParams.has(params.lang);
    link.href = withChoices(url, keep ? lang : "");
  }, true);
}
