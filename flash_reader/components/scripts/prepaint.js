// Runs inline in <head> before first paint. Keep it small and dependency-free.
(function () {
  // A photo that fails to load shows the office placeholder instead of a broken icon.
  // Image error events do not bubble, so listen in the capture phase.
  document.addEventListener("error", function (event) {
    var img = event.target;
    if (!img || img.tagName !== "IMG") return;
    var fallback = img.getAttribute("data-fallback");
    if (fallback && img.getAttribute("src") !== fallback) img.setAttribute("src", fallback);
  }, true);
})();

// Skip links: React Router turns in-page links into client navigation that moves no focus,
// so move focus to the target ourselves (capture phase, before the router sees the click).
document.addEventListener("click", function (event) {
  var link = event.target && event.target.closest && event.target.closest("a.skip-link");
  if (!link || !link.hash) return;
  var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView();
}, true);
