// The header's language link (「English」/「日本語」) opens the page the reader is on now, with
// its filters and search (navigate.js may have moved on from the page the server rendered). A
// full page load: the server answers in that language and remembers it in a cookie.
export function init() {
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[data-lang-switch]");
    if (!link) return;
    const url = new URL(window.location.href);
    url.searchParams.set("lang", link.getAttribute("data-lang-switch"));
    url.hash = "";
    link.href = url.pathname + url.search;
  }, true);
}
