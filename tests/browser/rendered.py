"""Read what the browser actually rendered: text colours, backgrounds, overflow, focus."""

from __future__ import annotations

import dataclasses

from playwright.sync_api import Page

from flash_reader.display.palette import AA_LARGE_TEXT, AAA_TEXT, contrast_ratio

# Every visible text node with its element's colour and the first opaque background behind it.
_TEXT_COLOURS_JS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const opaque = (c) => c && c !== "transparent" && !/rgba\\(.*,\\s*0\\)$/.test(c);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest("script, style, noscript, [hidden], .visually-hidden")) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.display === "none") continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    let bg = null;
    for (let e = el; e; e = e.parentElement) {
      const b = getComputedStyle(e).backgroundColor;
      if (opaque(b)) { bg = b; break; }
    }
    if (!bg) bg = "rgb(255, 255, 255)";  // the canvas default
    out.push({text: node.textContent.trim().slice(0, 30), fg: style.color, bg,
              size: parseFloat(style.fontSize), weight: parseInt(style.fontWeight, 10),
              where: el.tagName.toLowerCase() + (el.className ? "." + el.className : "")});
  }
  return out;
}"""


@dataclasses.dataclass(frozen=True)
class TextContrast:
    text: str
    where: str
    fg: str
    bg: str
    ratio: float
    large: bool

    @property
    def required(self) -> float:
        return AA_LARGE_TEXT if self.large else AAA_TEXT

    @property
    def passes(self) -> bool:
        return self.ratio >= self.required


def text_contrasts(page: Page) -> list[TextContrast]:
    results = []
    for node in page.evaluate(_TEXT_COLOURS_JS):
        # WCAG "large": 18pt (24 CSS px), or 14pt (18.66 px) bold.
        large = node["size"] >= 24 or (node["size"] >= 18.66 and node["weight"] >= 700)
        results.append(TextContrast(node["text"], node["where"], node["fg"], node["bg"],
                                    contrast_ratio(node["fg"], node["bg"]), large))
    return results


_CLIPPED_JS = """() => {
  const clipped = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".visually-hidden, script, style")) continue;
    const s = getComputedStyle(el);
    const hides = (v) => v === "hidden" || v === "clip";
    if ((hides(s.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
        (hides(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
      clipped.push(el.tagName.toLowerCase() + "." + el.className);
    }
  }
  return clipped;
}"""


def clipped_elements(page: Page) -> list[str]:
    """Elements whose content overflows a box that hides the overflow."""
    return page.evaluate(_CLIPPED_JS)


def horizontal_overflow(page: Page) -> int:
    """How many CSS px the page scrolls sideways (0 = reflows)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


# The WCAG 1.4.12 test: the user's own style sheet with these spacings, all !important.
WCAG_TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
