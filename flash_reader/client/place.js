// The reader's place — scroll position and the element that had focus — given back when they
// return to a history entry. A page the browser restores from its back/forward cache keeps
// both itself; this covers a page loaded again (cache evicted, or not eligible) and the
// entries navigate.js adds when it swaps views in place (pushState).
const PLACE = "frPlace";
const KEY = "frKey";

const places = new Map();  // entry key -> place, for this document's own entries
let key = null;  // the entry on screen

function describe(element) {
  if (!element || element === document.body || element === document.documentElement) return null;
  if (element.id) return { id: element.id };
  const href = element.getAttribute && element.getAttribute("href");
  if (element.tagName === "A" && href !== null) {
    const same = [...document.querySelectorAll("a[href]")].filter((a) => a.getAttribute("href") === href);
    return { href, n: same.indexOf(element) };
  }
  return null;
}

function find(focus) {
  if (!focus) return null;
  if (focus.id) return document.getElementById(focus.id);
  if (typeof focus.href === "string") {
    const same = [...document.querySelectorAll("a[href]")].filter((a) => a.getAttribute("href") === focus.href);
    return same[focus.n] || null;
  }
  return null;
}

// Focus without scrolling; a control inside a folded-away part (the office filter at 320 px)
// is shown first, or it could not take focus.
function focusOn(target) {
  if (!target) return;
  const fold = target.closest("details:not([open])");
  if (fold) fold.open = true;
  target.focus({ preventScroll: true });
}

function here(element = document.activeElement) {
  return { x: window.scrollX, y: window.scrollY, focus: describe(element) };
}

function newKey() {
  return Math.random().toString(36).slice(2, 12);
}

/** Keep the place in the current history entry (before leaving it). */
export function remember(element) {
  const state = window.history.state && typeof window.history.state === "object"
    ? window.history.state : {};
  key = state[KEY] || key || newKey();
  const place = here(element);
  places.set(key, place);
  try { window.history.replaceState({ ...state, [KEY]: key, [PLACE]: place }, ""); }
  catch { /* the browser limits history writes: the in-memory place still holds */ }
}

/** A new entry for `href` in this document. From now on this document restores its entries'
 * scroll itself: the browser would restore it before the entry's view is swapped in. */
export function push(href) {
  remember();
  window.history.scrollRestoration = "manual";
  key = newKey();
  window.history.pushState({ [KEY]: key }, "", href);
}

/** Back/forward within this document (popstate): the place of the entry left is kept, the
 * place of the entry arrived at returned. */
export function arrive(state) {
  if (key) places.set(key, here());
  key = (state && state[KEY]) || null;
  return (key && places.get(key)) || (state && state[PLACE]) || null;
}

/** Give a place back: focus without scrolling, then the scroll. */
export function restore(place) {
  if (!place) return;
  focusOn(find(place.focus));
  window.scrollTo(place.x || 0, place.y || 0);
}

export function init() {
  const state = window.history.state;
  key = (state && state[KEY]) || null;
  // Following a link: this entry remembers the link (a pagehide may come too late to write).
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href]");
    if (link && !event.defaultPrevented && !link.hash) remember(link);
  });
  window.addEventListener("pagehide", () => remember());
  // Back or forward to this page, loaded again (not from the cache, where all is as it was):
  // the browser restores the scroll (unless this entry restores its own), we the focus.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) return;
    const navigation = performance.getEntriesByType("navigation")[0];
    if (!navigation || navigation.type !== "back_forward") return;
    const place = window.history.state && window.history.state[PLACE];
    if (!place) return;
    focusOn(find(place.focus));
    if (window.history.scrollRestoration === "manual") window.scrollTo(place.x || 0, place.y || 0);
  });
}
