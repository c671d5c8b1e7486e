
// Before the island (assets/server_view.jsx) takes over, an office checkbox still does what
// it says: it loads the page it names (the server renders it). Without JavaScript the filter
// form has its own submit button instead.
document.addEventListener("change", function (event) {
  var input = event.target;
  if (window.__flashIsland || !input || !input.matches) return;
  if (input.matches("flash-page input[data-href]")) {
    window.location.assign(input.getAttribute("data-href"));
  }
});

// The header's language link (「English」/「日本語」) opens the page the reader is on now, with
// its filters and search (the island may have moved on from the page the server rendered). A
// full page load: the server answers in that language and remembers it in a cookie.
document.addEventListener("click", function (event) {
  var link = event.target && event.target.closest && event.target.closest("a[data-lang-switch]");
  if (!link) return;
  var url = new URL(window.location.href);
  url.searchParams.set("lang", link.getAttribute("data-lang-switch"));
  url.hash = "";
  link.href = url.pathname + url.search;
}, true);
