// リーディングルーラー (表示設定, off by default): a band over the line being read that fades
// the rest of the page. It follows the last of: the pointer (the line under it), the keyboard
// focus (the whole focused element, so the band never hides or fades focus) and the sentence
// the read-aloud is speaking (speech.js says which). The band is drawn over the page with
// pointer-events: none and aria-hidden: it never takes a click, a focus or a word. Colours,
// forced colours and reduced motion: reader.css (.reading-ruler).
import config from "./config.js";

const root = document.documentElement;
const attribute = config.display.attributes.ruler;
const PAD = 4;  // px of air above and below the line
let band = null;
let follow = null;  // () => the rect to show, or null
let frame = 0;

function on() { return root.hasAttribute(attribute); }

function lineAt(x, y) {
  // The line box of the character under the pointer, where the browser can say it.
  const caret = document.caretRangeFromPoint ? document.caretRangeFromPoint(x, y) : null;
  if (caret && caret.startContainer.nodeType === Node.TEXT_NODE) {
    const range = document.createRange();
    const text = caret.startContainer;
    const at = Math.min(caret.startOffset, Math.max(0, text.length - 1));
    range.setStart(text, at);
    range.setEnd(text, Math.min(text.length, at + 1));
    const rect = [...range.getClientRects()].find((r) => r.top <= y && r.bottom >= y);
    if (rect) return rect;
  }
  const element = document.elementFromPoint(x, y);
  if (!element || element === band) return null;
  const style = getComputedStyle(element);
  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.6;
  return { top: y - line / 2, height: line };
}

function draw() {
  frame = 0;
  const rect = on() && follow ? follow() : null;
  if (!rect) {
    if (band) band.hidden = true;
    return;
  }
  if (!band) {
    band = document.createElement("div");
    band.className = "reading-ruler";
    band.setAttribute("aria-hidden", "true");
    document.body.append(band);
  }
  band.hidden = false;
  band.style.top = `${Math.round(rect.top - PAD)}px`;
  band.style.height = `${Math.round(rect.height + 2 * PAD)}px`;
}

function later() { if (!frame) frame = requestAnimationFrame(draw); }

// The line under the mouse (a tap sends a mousemove too). Listened to only while the ruler is
// on: nothing here acts on a press or a path, and with the ruler off the page has no
// pointer-movement listener at all (WCAG 2.5.1, 2.5.2 checks).
function onMouse(event) {
  const { clientX: x, clientY: y } = event;
  follow = () => lineAt(x, y);
  later();
}
let listening = false;
function listen() {
  if (on() === listening) return;
  listening = on();
  if (listening) document.addEventListener("mousemove", onMouse, { passive: true });
  else document.removeEventListener("mousemove", onMouse, { passive: true });
}

export function init() {
  document.addEventListener("focusin", (event) => {
    const element = event.target;
    if (!on() || !(element instanceof Element) || element === document.body) return;
    follow = () => (element.isConnected ? element.getBoundingClientRect() : null);
    later();
  });
  document.addEventListener(config.events.speaking, (event) => {
    const range = event.detail;
    if (!range) return;
    follow = () => range.getClientRects()[0] || range.getBoundingClientRect();
    later();
  });
  // What it follows moves with the page; the setting may change in this tab or another.
  window.addEventListener("scroll", later, { passive: true });
  window.addEventListener("resize", later);
  // Turned on from the panel: the band starts where the keyboard is (the checkbox).
  listen();
  new MutationObserver(() => {
    listen();
    const element = document.activeElement;
    if (on() && !follow && element && element !== document.body) {
      follow = () => (element.isConnected ? element.getBoundingClientRect() : null);
    }
    later();
  }).observe(root, { attributes: true, attributeFilter: [attribute] });
}
