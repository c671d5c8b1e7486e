
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
