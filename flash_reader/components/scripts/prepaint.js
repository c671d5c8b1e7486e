// Runs inline in <head> before first paint. Keep it small and dependency-free.
(function () {
  // A photo that fails to load becomes what a missing photo is (reader.css
  // .item-figure-placeholder): the placeholder image, unseen and named 「…の写真（掲載なし）」,
  // and the words 「写真は掲載されていません」 as text in the theme's colours. Never the
  // placeholder SVG drawn full size: its words would be an image of text (WCAG 1.4.5), and
  // never a broken-image icon. Image error events do not bubble: capture phase.
  document.addEventListener("error", function (event) {
    var img = event.target;
    if (!img || img.tagName !== "IMG") return;
    var fallback = img.getAttribute("data-fallback");
    if (!fallback || img.getAttribute("src") === fallback) return;
    var figure = img.closest("figure");
    if (figure) figure.classList.add("item-figure-placeholder");
    var name = img.getAttribute("data-fallback-alt");
    if (name) img.setAttribute("alt", name);
    img.setAttribute("src", fallback);
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
