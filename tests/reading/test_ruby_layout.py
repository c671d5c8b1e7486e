"""Ruby layout in a browser: readings ≥ 0.6em, words kept whole, readings never overlapping.

Debian's chromium on a static page of the seed issue (`ruby_page`): the app's stylesheets and
the app's ruby markup, furigana on for every kanji, at 320 and 1280 px and 100–300 % text.
Before the fix readings were 0.5em, 交流 and 遼寧省 were spread apart by their readings,
地方自治体 broke over two lines with its reading, readings reached into the line above in
headings and touched the office badge's border.
"""

from __future__ import annotations

import base64

import pytest
from playwright.sync_api import Browser, Page

from tests.reading.ruby_page import page as seed_page

pytestmark = pytest.mark.browser

VIEWS = [(width, size) for width in (320, 1280) for size in (100, 200, 300)]

VISIBLE_RUBIES = """
() => [...document.querySelectorAll('ruby')]
  .filter(ruby => getComputedStyle(ruby.querySelector('rt')).display !== 'none')
"""

SMALL_READINGS = f"""
() => ({VISIBLE_RUBIES})().map(ruby => [ruby.firstChild.textContent,
    parseFloat(getComputedStyle(ruby.querySelector('rt')).fontSize)
    / parseFloat(getComputedStyle(ruby).fontSize)]).filter(([, ratio]) => ratio < 0.6 - 1e-6)
"""

# The rectangle of each word (not its reading) and its width set as plain text. `wide` words
# are those whose reading is wider: the ones a layout might spread apart.
WORDS = f"""
() => ({VISIBLE_RUBIES})().map(ruby => {{
  const base = document.createRange();
  base.selectNodeContents(ruby.firstChild);
  const probe = document.createElement('span');
  probe.style.cssText = 'position: absolute; white-space: nowrap; text-indent: 0';
  probe.textContent = ruby.firstChild.textContent;
  ruby.after(probe);
  const natural = probe.getBoundingClientRect().width;
  probe.remove();
  const lines = [...base.getClientRects()].map(r => Math.round(r.top));
  const r = base.getBoundingClientRect();
  return {{text: ruby.firstChild.textContent, natural, lines: new Set(lines).size,
          wide: ruby.querySelector('rt').getBoundingClientRect().width > natural + 1,
          left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY,
          height: r.height}};
}})
"""

# Layout unchanged, only the words themselves in ink: no neighbour's edge, reading or underline.
INK_ONLY_WORDS = ("* { color: transparent !important; text-decoration: none !important }"
                  " ruby { color: #000 !important } rt { color: transparent !important }")

# Ink extent of each word on a screenshot: from its first dark column to its last, in the
# middle band of the line (clear of readings above and link underlines below).
INK = """
async ([png, words]) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return words.map(word => {
    // One pixel in from each side: a neighbour's antialiased edge is not this word's ink.
    const x = Math.ceil(word.left) + 1, width = Math.floor(word.right) - 1 - x;
    const y = Math.round(word.top + 0.35 * word.height);
    const height = Math.max(1, Math.round(0.4 * word.height));
    const pixels = context.getImageData(x, y, width, height).data;
    const background = pixels.slice(0, 3);
    let first = -1, last = -1;
    for (let column = 0; column < width; column++) {
      for (let row = 0; row < height; row++) {
        const i = 4 * (row * width + column);
        const difference = Math.abs(pixels[i] - background[0])
          + Math.abs(pixels[i + 1] - background[1]) + Math.abs(pixels[i + 2] - background[2]);
        if (difference > 96) { if (first < 0) first = column; last = column; break; }
      }
    }
    return first < 0 ? 0 : last - first + 1;
  });
}
"""

# Readings that reach text on a line above their own word, or another reading.
OVERLAPS = f"""
() => {{
  const rubies = ({VISIBLE_RUBIES})();
  const texts = [];
  const walker = document.createTreeWalker(document.querySelector('main'),
                                           NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {{
    if (node.parentElement.closest('rt') || !node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) texts.push([node.textContent, rect]);
  }}
  const readings = rubies.map(ruby => {{
    const base = document.createRange();
    base.selectNodeContents(ruby.firstChild);
    return [ruby.firstChild.textContent, ruby.querySelector('rt').getBoundingClientRect(),
            base.getBoundingClientRect()];
  }});
  const meet = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const found = [];
  for (const [word, reading, base] of readings) {{
    for (const [text, rect] of texts) {{
      if (rect.bottom <= base.top + 1 && meet(reading, rect)) found.push([word, text]);
    }}
    for (const [other, rect] of readings) {{
      if (rect !== reading && meet(reading, rect)) found.push([word, other]);
    }}
  }}
  return found;
}}
"""

# Space between each reading in an office badge and the badge's inner top edge.
BADGE_GAPS = """
() => [...document.querySelectorAll('.item-office rt')].map(rt => {
  const badge = rt.closest('.item-office');
  const inner = badge.getBoundingClientRect().top
    + parseFloat(getComputedStyle(badge).borderTopWidth);
  return rt.getBoundingClientRect().top - inner;
})
"""


@pytest.fixture(scope="module")
def chromium(browser: Browser) -> Browser:
    # pytest-playwright's browser (Debian chromium, see tests/browser/conftest.py): a second
    # sync_playwright() in the same session would fail inside its running loop.
    return browser


@pytest.fixture(scope="module")
def html() -> str:
    return seed_page(furigana="all")


def open_page(chromium: Browser, html: str, width: int, size: int) -> Page:
    page = chromium.new_page(viewport={"width": width, "height": 800}, device_scale_factor=1)
    page.set_content(html)
    page.evaluate("size => { document.documentElement.style.fontSize = size + '%'; }", size)
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


@pytest.mark.parametrize(("width", "size"), VIEWS)
def test_seed_readings_at_least_0_6_em(chromium: Browser, html: str, width: int,
                                       size: int) -> None:
    page = open_page(chromium, html, width, size)
    assert page.evaluate(f"({VISIBLE_RUBIES})().length") > 300  # furigana are on
    assert page.evaluate(SMALL_READINGS) == []
    page.close()


@pytest.mark.parametrize(("width", "size"), [(1280, 100), (320, 200)])
def test_seed_words_with_wider_readings_stay_whole(chromium: Browser, html: str, width: int,
                                                   size: int) -> None:
    page = open_page(chromium, html, width, size)
    # The whole page in the viewport: a full-page screenshot would otherwise drop the
    # scrollbar and lay the page out again, a few pixels off the rectangles measured here.
    page.set_viewport_size({"width": width,
                            "height": page.evaluate("document.documentElement.scrollHeight")})
    words = page.evaluate(WORDS)
    page.add_style_tag(content=INK_ONLY_WORDS)
    assert [w["text"] for w in words if w["lines"] > 1] == []  # never broken over two lines
    wide = [w for w in words if w["wide"] and len(w["text"]) > 1]
    assert {"交流", "遼寧省"} <= {w["text"] for w in wide}
    png = base64.b64encode(page.screenshot()).decode()
    inks = page.evaluate(INK, [png, wide])
    spread = [(w["text"], ink, round(w["natural"], 1)) for w, ink in zip(wide, inks, strict=True)
              if ink > w["natural"] + 1]
    assert spread == []
    assert all(ink > 0 for ink in inks)  # the measure saw every word
    page.close()


@pytest.mark.parametrize(("width", "size"), VIEWS)
def test_seed_readings_never_overlap(chromium: Browser, html: str, width: int,
                                     size: int) -> None:
    page = open_page(chromium, html, width, size)
    assert page.evaluate(OVERLAPS) == []
    gaps = page.evaluate(BADGE_GAPS)
    assert gaps
    assert min(gaps) >= 1
    page.close()
