// A photo that fails to load becomes what a missing photo is (reader.css
// .item-figure-placeholder): the placeholder image, unseen and named 「…の写真（掲載なし）」, and
// the words 「写真は掲載されていません」 as text in the theme's colours. Never the placeholder
// SVG drawn full size (its words would be an image of text, WCAG 1.4.5), never a broken-image
// icon. The module runs after the page is parsed: photos that failed before it are found by
// their state, later ones by their error event (which does not bubble: capture phase).
function fallBack(img) {
  const fallback = img.getAttribute("data-fallback");
  if (!fallback || img.getAttribute("src") === fallback) return;
  const figure = img.closest("figure");
  if (figure) figure.classList.add("item-figure-placeholder");
  const name = img.getAttribute("data-fallback-alt");
  if (name) img.setAttribute("alt", name);
  // The caption was heard as the image's name; renamed, the image no longer says it.
  const caption = figure && figure.querySelector("[data-repeats-alt]");
  if (caption) caption.removeAttribute("aria-hidden");
  img.setAttribute("src", fallback);
}

export function init() {
  document.addEventListener("error", (event) => {
    if (event.target && event.target.tagName === "IMG") fallBack(event.target);
  }, true);
  for (const img of document.querySelectorAll("img[data-fallback]")) {
    if (img.complete && img.naturalWidth === 0 && img.getAttribute("src")) fallBack(img);
  }
}
