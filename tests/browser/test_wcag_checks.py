"""WCAG 2.2 criteria checked on the real pages in chromium (reader pages, builder, widget):
reading order (1.3.2), sensory words (1.3.3), images of text (1.4.5), content shown on
hover or focus (1.4.13), flashing (2.3.1), pointer gestures (2.5.1) and pointer cancellation
(2.5.2). Each check also runs once on a violation injected into the page, so a check that
finds nothing is known to be able to find something.
"""

from __future__ import annotations

import copy
import json
import re
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import CDPSession, Page, expect
from playwright.sync_api import Error as PlaywrightError

from tests.browser.app_server import running_app
from tests.browser.conftest import open_reader
from tests.feed.httpserver import FeedServer, feed_server

PROJECT_ROOT = Path(__file__).resolve().parents[2]
READER_PAGES = ("/", "/?office=PAR,SIN", "/?q=自治体", "/?q=zzzz", "/items/2020-10-28-01",
                "/issues/2020-10-28", "/issues", "/accessibility", "/about", "/no-such-page")
BUILDER = "/embed/builder"
WIDGET_PAGES = ("/embed", "/embed?lang=en", "/embed?limit=abc", "/embed/items/2020-10-28-01",
                "/embed/issues/2020-10-28?lang=en")
PAGES = (*READER_PAGES, BUILDER, *WIDGET_PAGES)
WIDTHS = (320, 1280)


def open_any(page: Page, url: str) -> None:
    """Open a reader page (island ready), the builder (hydrated) or a widget (loaded)."""
    path = url.split("://", 1)[1].partition("/")[2]
    if path.startswith(BUILDER[1:]):
        page.goto(url)
        expect(page.locator("#snippet")).to_have_value(re.compile(r'^<iframe src="http://'))
    elif path.startswith("embed"):
        page.goto(url)
    else:
        open_reader(page, url)


def settle(page: Page) -> None:
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)


# --- 1.3.2 意味のあるシーケンス ----------------------------------------------------------------

# Consecutive reading units (headings, text blocks, list items, cells, controls, images) in
# DOM order, and each next one that is drawn before it: above it, or beside it to its left.
# A unit inside the previous one (a link in a paragraph) is not compared with it.
READING_ORDER_JS = """() => {
  const SEL = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,figcaption,.item-caption,caption,th,td,legend,'
    + 'label,a[href],'
    + 'button,input:not([type=hidden]),select,textarea,summary,img,iframe';
  const units = [...document.body.querySelectorAll(SEL)].filter(el => {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 2 && r.height >= 2 && r.bottom + scrollY > 0 && r.right + scrollX > 0;
  });
  const name = el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
    + ' "' + el.textContent.trim().slice(0, 20) + '"';
  const wrong = [];
  for (let i = 1; i < units.length; i++) {
    const a = units[i - 1], b = units[i];
    if (a.contains(b) || b.contains(a)) continue;
    const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
    if (rb.top >= ra.bottom - 1) continue;  // below
    const above = rb.bottom <= ra.top + 1;
    const left = rb.right <= ra.left + 1;  // on the same line, before it
    if (above || left) wrong.push(name(a) + ' → ' + name(b) + (above ? ' (above)' : ' (left)'));
  }
  return {units: units.length, wrong};
}"""


def reading_order(page: Page) -> dict:
    return page.evaluate(READING_ORDER_JS)


@pytest.mark.wcag("1.3.2", pages=PAGES,
                  method="ブラウザ試験：全ページ（幅320・1280px、見出しだけ表示も）で、見出し・"
                         "本文・部品の HTML の順序が画面上の読む順序（上から下、左から右）と同じ")
@pytest.mark.parametrize("width", WIDTHS)
def test_dom_order_is_the_visual_reading_order(page: Page, app_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    wrong = {}
    for path in PAGES:
        open_any(page, app_url + path)
        found = reading_order(page)
        assert found["units"] >= 3, (path, found)  # the error widget has 4
        if found["wrong"]:
            wrong[path] = found["wrong"]
    open_reader(page, app_url)
    page.evaluate("flashDisplay.set('layout', 'headlines')")
    if found := reading_order(page)["wrong"]:
        wrong["/ (見出しだけ表示)"] = found
    assert wrong == {}
    # The check sees an order that is wrong: articles drawn in reverse.
    page.add_style_tag(content=".items { display: flex; flex-direction: column-reverse; }")
    assert any("item-title" in w for w in reading_order(page)["wrong"])


# --- 1.3.3 感覚的な特徴 ----------------------------------------------------------------------

# Text from the feed (articles, offices, captions) is the publisher's, not an instruction of
# this site: left out of the scan.
FEED_TEXT = (".item-title, .item-paragraph, .item-caption, .item-office, .widget-items li > a,"
             " .widget-meta > span, .widget-card-title, .widget-card-text, .statement-table")
# Every text a reader gets from the site itself: what is drawn, and names, descriptions,
# placeholders and alternative texts.
SITE_TEXT_JS = """(feed) => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll(feed + ', script, style, template').forEach(el => el.remove());
  const texts = [document.title];
  const walk = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) texts.push(walk.currentNode.textContent);
  for (const el of body.querySelectorAll('*')) {
    for (const a of ['aria-label', 'aria-description', 'placeholder', 'alt', 'title'])
      if (el.hasAttribute(a)) texts.push(el.getAttribute(a));
  }
  return texts.map(t => t.trim()).filter(Boolean);
}"""
# Position, shape, colour, size or sound as the way to find or understand something.
_NOUN = "(ボタン|リンク|欄|枠|図|表|一覧|アイコン|部分|項目|メニュー|マーク|印|文字|字)"
SENSORY_JA = re.compile(
    "(右|左|上|下|横|隣)(の|側の|にある|に表示された?)" + _NOUN
    + "|右側|左側|右上|左上|右下|左下|画面の(右|左|上|下|端|隅)"
    + "|(赤|青|緑|黄|黄色|橙|オレンジ|灰|灰色|紫|ピンク)(い|色の|の)" + _NOUN
    + "|(丸|四角|三角|星|ひし形|大き|小さ)(い|の|形の)" + _NOUN
    + "|[●○◎◯■□◆◇▲△★☆]|(音|ベル|チャイム)が鳴")
SENSORY_EN = re.compile(
    r"\b(on|to|at) the (left|right|top|bottom)\b|\b(above|below)\b|\b(top|bottom)[- ](left|right)"
    r"\b|\b(red|green|blue|yellow|orange|grey|gray|round|square|circular|big|small|large)"
    r" (button|link|icon|text|box|mark)s?\b|\b(sound|beep|chime)s?\b", re.IGNORECASE)
# Controls and the roles that name them (Chromium's accessibility tree).
CONTROL_ROLES = {"button", "link", "checkbox", "radio", "textbox", "searchbox", "combobox",
                 "slider", "spinbutton", "switch", "DisclosureTriangle", "menuitem", "tab",
                 "ListBox", "listbox"}


def sensory_words(texts: list[str]) -> list[str]:
    return [text for text in texts if SENSORY_JA.search(text) or SENSORY_EN.search(text)]


def controls_without_words(cdp: CDPSession) -> list[str]:
    """Controls whose name has no word (empty, or only symbols such as ▶ or ?)."""
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    bad = []
    for node in nodes:
        role = node.get("role", {}).get("value", "")
        if node.get("ignored") or role not in CONTROL_ROLES:
            continue
        name = node.get("name", {}).get("value", "")
        if not re.search(r"\w", name):
            bad.append(f"{role} {name!r}")
    return bad


@pytest.mark.wcag("1.3.3", pages=PAGES,
                  method="ブラウザ試験：全ページの表示文字・名前・説明に、位置・形・色・大きさ・音"
                         "だけで示す言葉がなく、すべての部品に言葉の名前があること")
def test_instructions_do_not_rely_on_shape_colour_or_position(page: Page, app_url: str) -> None:
    cdp = page.context.new_cdp_session(page)
    found = {}
    for path in PAGES:
        open_any(page, app_url + path)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        texts = page.evaluate(SITE_TEXT_JS, FEED_TEXT)
        assert len(texts) >= 3, path  # the error widget has 5
        problems = sensory_words(texts) + controls_without_words(cdp)
        if problems:
            found[path] = problems
    assert found == {}
    # The check sees an instruction by position and colour, and a button named by a shape.
    page.evaluate("""() => { const p = document.createElement('p');
        p.textContent = '右のボタンを押してください。赤い文字は必須です。';
        const b = document.createElement('button'); b.textContent = '▶';
        document.body.append(p, b); }""")
    problems = sensory_words(page.evaluate(SITE_TEXT_JS, FEED_TEXT)) + controls_without_words(cdp)
    assert len(problems) == 2, problems


def test_sensory_words_are_found_in_japanese_and_english() -> None:
    assert sensory_words(["上のボタンを押す", "赤い印の項目", "●を選ぶ", "the button on the right",
                          "press the green button", "see below"]) == [
        "上のボタンを押す", "赤い印の項目", "●を選ぶ", "the button on the right",
        "press the green button", "see below"]
    # Words of the site that are not about position or colour.
    assert sensory_words(["← 最新号へ", "青地に黄", "1つ以上の事務所", "文字サイズ",
                          "Headlines open the article", "以上"]) == []


# --- 1.4.5 文字画像 --------------------------------------------------------------------------

# Every image there is: <img>, <svg>, <canvas>, <object>/<embed>, image inputs, and CSS
# images (backgrounds, generated content), with whether it is drawn.
IMAGES_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase(), s = getComputedStyle(el);
    const css = s.backgroundImage.includes('url(') || s.maskImage.includes('url(')
      || ['::before', '::after'].some(p => getComputedStyle(el, p).content.includes('url('));
    const kinds = ['img', 'svg', 'canvas', 'object', 'embed', 'video', 'picture'];
    if (!kinds.includes(tag) && !(tag === 'input' && el.type === 'image') && !css) continue;
    const r = el.getBoundingClientRect();
    const shown = el.checkVisibility({opacityProperty: true, visibilityProperty: true})
      && r.width >= 2 && r.height >= 2;
    const figure = el.closest('figure');
    out.push({tag, css, shown, src: el.currentSrc || el.getAttribute('src') || '',
              alt: el.getAttribute('alt'),
              svgText: tag === 'svg' ? el.querySelectorAll('text').length : 0,
              caption: figure ? (figure.querySelector('.item-caption') || {}).innerText || '' : '',
              box: figure ? getComputedStyle(figure, '::before').content : ''});
  }
  return out;
}"""
PLACEHOLDER_WORDS = "写真は掲載されていません"


def images_of_text(page: Page, base_url: str) -> list[str]:
    """Drawn images that carry text, and placeholders whose words only the image holds."""
    problems = []
    for image in page.evaluate(IMAGES_JS):
        where = f"{image['tag']} {image['src'][-60:]}"
        if not image["shown"]:
            # A hidden placeholder: the page says it in text (box and caption) too.
            if (image["tag"] == "img" and image["alt"] and image["caption"]
                    and PLACEHOLDER_WORDS not in image["box"]):
                problems.append(f"{where}: hidden, and its words are not in the page")
            continue
        if image["css"] or image["tag"] in ("canvas", "object", "embed", "input"):
            problems.append(f"{where}: drawn from CSS or a canvas/object (text cannot be told)")
        elif image["tag"] == "svg" and image["svgText"]:
            problems.append(f"{where}: inline SVG with text")
        elif image["tag"] == "img":
            answer = httpx.get(httpx.URL(base_url).join(image["src"]), timeout=10)
            kind = answer.headers.get("content-type", "")
            if "svg" in kind and "<text" in answer.text:
                problems.append(f"{where}: an SVG image with text drawn")
            elif not kind.startswith(("image/jpeg", "image/png", "image/webp", "image/avif")):
                problems.append(f"{where}: {kind} is not a photo")
            elif image["alt"] != image["caption"].removeprefix("写真："):
                problems.append(f"{where}: a photo whose name is not its caption")
    return problems


def scroll_images_in(page: Page) -> None:
    """Lazy images load once near the viewport: bring each there, wait until it is done."""
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete", arg=image.element_handle())


def _png(width: int = 4, height: int = 3) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x80\x90\xa0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def photo_server() -> Iterator[FeedServer]:
    with feed_server() as server:
        server.serve("/photos/paris.png", _png(), content_type="image/png")
        yield server


@pytest.fixture(scope="module")
def photo_app(photo_server: FeedServer, tmp_path_factory: pytest.TempPathFactory
              ) -> Iterator[str]:
    """The seed issue with real photos: the first one loads, the second one is gone (404)."""
    seed = json.loads((PROJECT_ROOT / "assets/feeds/default.json").read_text(encoding="utf-8"))
    feed = copy.deepcopy(seed)
    feed["items"][0]["image"] = photo_server.url("/photos/paris.png")
    feed["items"][1]["image"] = photo_server.url("/photos/gone.jpg")
    directory = tmp_path_factory.mktemp("photos")
    (directory / "feed.json").write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
    with running_app(directory / "reflex.log", FLASH_FEED_URL=str(directory / "feed.json"),
                     FLASH_CACHE_DIR="off", REFLEX_WEB_WORKDIR=".web-photos") as url:
        yield url


@pytest.mark.wcag("1.4.5", pages=PAGES,
                  method="ブラウザ試験：全ページの画像（img・svg・CSSの画像）を調べ、文字を描いた"
                         "画像が表示されないこと（写真の読み込みに失敗したときも）")
def test_no_image_of_text_on_any_page(page: Page, app_url: str) -> None:
    found = {}
    for path in PAGES:
        open_any(page, app_url + path)
        scroll_images_in(page)
        if problems := images_of_text(page, app_url):
            found[path] = problems
    assert found == {}
    # The check sees the placeholder drawn as an image: its SVG has the words in it.
    page.evaluate("""() => { const img = document.createElement('img');
        img.src = '/placeholder/PAR.svg'; img.alt = 'パリ事務所（写真なし）';
        img.width = 400; img.height = 300; document.body.append(img); }""")
    scroll_images_in(page)
    assert any("SVG image with text" in p for p in images_of_text(page, app_url))


@pytest.mark.wcag("1.1.1", "1.4.5", method="ブラウザ試験：読み込めなかった写真は、文字を描いた"
                  "代わりの画像ではなく「写真は掲載されていません」の文字と「…の写真（掲載なし）」"
                  "の名前になること")
def test_photo_that_fails_to_load_is_said_in_text_not_an_image_of_text(
        page: Page, photo_app: str, photo_server: FeedServer) -> None:
    for path in ("/", "/items/2020-10-28-02"):
        open_reader(page, photo_app + path)
        scroll_images_in(page)
        assert images_of_text(page, photo_app) == [], path
    assert photo_server.hits.get("/photos/gone.jpg")
    gone = page.locator("article img")
    expect(gone).to_have_attribute("alt", "シンガポール事務所の写真（掲載なし）")
    expect(page.locator("article figure")).to_have_class(re.compile("item-figure-placeholder"))
    open_reader(page, photo_app)
    photo = page.locator("article").first.locator("img")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.naturalWidth") == 4  # the real photo, shown


# --- 1.4.13 ホバー又はフォーカスで表示されるコンテンツ -----------------------------------------

# Every element drawn now, by a stable number (the same element keeps it between calls).
VISIBLE_JS = """() => {
  window.__ids = window.__ids || new WeakMap(); window.__byId = window.__byId || [];
  const shown = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if (!__ids.has(el)) { __ids.set(el, __byId.length); __byId.push(el); }
    shown.push(__ids.get(el));
  }
  return shown;
}"""
# What appeared (not the focused or hovered element itself, nor what it contains or is in).
APPEARED_JS = """([ids, target]) => ids.map(i => __byId[i]).filter(el =>
    !(target && (el === target || el.contains(target) || target.contains(el))))
  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
       + ' "' + el.textContent.trim().slice(0, 30) + '"')"""
HOVER_TARGETS = ("a[href], button, summary, input:not([type=hidden]), select, textarea, label,"
                 " [tabindex], article, h1, h2, img, abbr, [title]")


def appeared_on_hover_or_focus(page: Page) -> list[str]:
    """Elements drawn only while a control is hovered or has keyboard focus."""
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    baseline = set(page.evaluate(VISIBLE_JS))
    found = []
    for handle in page.locator(HOVER_TARGETS).element_handles():
        if not handle.is_visible():
            continue
        try:
            handle.hover(force=True, timeout=5_000)
        except PlaywrightError:  # drawn off the page until focused (the skip link)
            continue
        new = set(page.evaluate(VISIBLE_JS)) - baseline
        if new:
            found += [f"hover: {e}" for e in page.evaluate(APPEARED_JS, [sorted(new), handle])]
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    focusable = page.evaluate("document.querySelectorAll('a[href], button, input, select,"
                              " textarea, summary, [tabindex]:not([tabindex=\"-1\"])').length")
    for _ in range(focusable + 2):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        new = set(page.evaluate(VISIBLE_JS)) - baseline
        if new:
            found += [f"focus: {e}" for e in page.evaluate(APPEARED_JS, [sorted(new), focused])]
    return found


@pytest.mark.wcag("1.4.13", pages=PAGES,
                  method="ブラウザ試験：全ページで、すべての部品・記事にマウスを重ね、Tab キーで"
                         "すべての部品へ移動しても、新しく現れる内容がなく、title 属性の"
                         "ツールチップもないこと")
def test_nothing_appears_on_hover_or_focus(page: Page, app_url: str) -> None:
    found = {}
    for path in PAGES:
        open_any(page, app_url + path)
        page.wait_for_load_state("networkidle")
        # A title attribute is a tooltip shown on hover (that no one can hover over or keep),
        # on anything drawn that can be pointed at (Reflex's empty connection-error box is
        # 0 px high).
        tooltips = page.evaluate("""[...document.body.querySelectorAll('[title]')]
            .filter(el => el.tagName !== 'IFRAME' && el.getClientRects().length
                          && el.getBoundingClientRect().width * el.getBoundingClientRect().height)
            .map(el => el.outerHTML.slice(0, 80))""")
        if problems := tooltips + appeared_on_hover_or_focus(page):
            found[path] = problems
    assert found == {}
    # The check sees a tip shown while the first link is hovered or focused.
    page.add_style_tag(content=".tip { display: none; } a:is(:hover, :focus) + .tip "
                               "{ display: block; }")
    page.evaluate("""() => { const tip = document.createElement('span'); tip.className = 'tip';
        tip.textContent = 'ヒント'; document.querySelector('a[href]').after(tip); }""")
    found = appeared_on_hover_or_focus(page)
    assert any(f.startswith("hover:") for f in found) and any(
        f.startswith("focus:") for f in found), found


# --- 2.3.1 3回の閃光 -------------------------------------------------------------------------

# Every animation and transition (running or set), SMIL animation and animated image format.
ANIMATIONS_JS = """() => {
  const out = [];
  for (const a of document.getAnimations({subtree: true})) {
    const t = a.effect.getComputedTiming();
    out.push({kind: a.constructor.name, name: a.animationName || a.transitionProperty || '',
              duration: Number(t.duration) || 0, iterations: t.iterations,
              target: a.effect.target ? a.effect.target.tagName.toLowerCase() : ''});
  }
  for (const el of document.querySelectorAll('*')) {
    for (const pseudo of [null, '::before', '::after']) {
      const s = getComputedStyle(el, pseudo);
      if (s.animationName !== 'none')
        out.push({kind: 'css-animation', name: s.animationName, iterations:
                  s.animationIterationCount === 'infinite' ? Infinity
                    : Math.max(...s.animationIterationCount.split(',').map(Number)),
                  duration: 1000 * Math.min(...s.animationDuration.split(',').map(parseFloat)),
                  target: el.tagName.toLowerCase()});
    }
  }
  const smil = 'animate, animateTransform, animateMotion, set, marquee, blink';
  for (const el of document.querySelectorAll(smil))
    out.push({kind: 'element', name: el.tagName, duration: 0, iterations: Infinity, target: ''});
  return out;
}"""
# Changes the page makes by itself while nothing is done: attribute, class, style and node
# changes per element over 60 animation frames (about a second).
IDLE_CHANGES_JS = """() => new Promise(resolve => {
  const counts = new Map();
  const note = el => counts.set(el, (counts.get(el) || 0) + 1);
  // An attribute set again to the value it had changes nothing on screen (React does that).
  const observer = new MutationObserver(records => records.forEach(r => {
    if (r.type !== 'attributes' || r.oldValue !== r.target.getAttribute(r.attributeName))
      note(r.target);
  }));
  observer.observe(document.body, {subtree: true, attributes: true, childList: true,
                                   characterData: true, attributeOldValue: true});
  let frames = 0;
  const tick = () => {
    if (++frames < 60) return requestAnimationFrame(tick);
    observer.disconnect();
    resolve([...counts].filter(([el, n]) => n > 2).map(([el, n]) =>
      (el.tagName || '#text').toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + n
      + ' changes'));
  };
  requestAnimationFrame(tick);
})"""


def flashes(page: Page) -> list[str]:
    """Animations that could flash more than three times a second (repeats shorter than a
    third of a second), and elements changed more than twice in a second of idling."""
    found = [f"{a['kind']} {a['name']} on {a['target']}: {a['duration']:.0f} ms × "
             f"{a['iterations']}" for a in page.evaluate(ANIMATIONS_JS)
             if a["kind"] == "element" or (a["iterations"] > 1 and a["duration"] < 1000 / 3)]
    return found + page.evaluate(IDLE_CHANGES_JS)


@pytest.mark.wcag("2.3.1", pages=PAGES,
                  method="ブラウザ試験：全ページで、表示設定の操作・テーマの切り替えの最中と、何も"
                         "しないときに、1秒に3回を超えて点滅するアニメーション・変化がないこと"
                         "（動きを減らす設定では動きがまったくないこと）")
@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_nothing_flashes_more_than_three_times_a_second(page: Page, app_url: str,
                                                         motion: str) -> None:
    page.emulate_media(reduced_motion=motion)
    found = {}
    moving = 0
    for path in PAGES:
        open_any(page, app_url + path)
        page.wait_for_load_state("networkidle")  # the builder's state has arrived
        problems = flashes(page)
        if path in READER_PAGES:
            # In the middle of what changes most: the panel opened, the colours switched.
            page.locator(".display-summary").click()
            page.evaluate("flashDisplay.set('theme', 'dark-high')")
            moving += len(page.evaluate(ANIMATIONS_JS))
            problems += flashes(page)
            page.evaluate("flashDisplay.set('theme', '')")
            settle(page)
        if problems:
            found[path] = problems
    assert found == {}
    if motion == "reduce":
        assert moving == 0  # no transition at all
    else:
        assert moving > 0  # the colour transitions were there to be seen
    # The check sees a blinking element and one a script toggles every frame.
    page.add_style_tag(content="@keyframes blink { to { opacity: 0; } } .blink { animation: "
                               "blink 0.1s infinite alternate !important; }")
    page.evaluate("""() => { const b = document.createElement('p'); b.className = 'blink';
        b.textContent = '点滅'; document.body.append(b);
        const t = document.createElement('p'); t.textContent = '切替'; document.body.append(t);
        const toggle = () => { t.classList.toggle('on'); requestAnimationFrame(toggle); };
        toggle(); }""")
    found = flashes(page)
    assert any("blink" in f for f in found) and any("changes" in f for f in found), found


# --- 2.5.1 ポインタのジェスチャ, 2.5.2 ポインタのキャンセル ------------------------------------

GESTURE_EVENTS = {"touchstart", "touchmove", "touchend", "touchcancel", "gesturestart",
                  "gesturechange", "gestureend", "pointerdown", "pointermove", "pointerup",
                  "pointercancel", "mousemove", "dragstart", "drag", "dragover", "drop"}
DOWN_EVENTS = {"mousedown", "pointerdown", "touchstart"}
GESTURE_PROPS = r"^on(Touch|Pointer|Gesture|Drag|Drop|MouseMove|GotPointerCapture)"
DOWN_PROPS = r"^on(MouseDown|PointerDown|TouchStart)(Capture)?$"
# React (the builder; the island's root) listens at its root for every event and calls the
# handlers its elements were given: those are in each element's React props.
REACT_HANDLERS_JS = """(pattern) => {
  const re = new RegExp(pattern), out = [];
  for (const el of document.querySelectorAll('*')) {
    for (const key of Object.keys(el)) {
      if (!key.startsWith('__reactProps$')) continue;
      for (const [name, value] of Object.entries(el[key] || {}))
        if (typeof value === 'function' && re.test(name))
          out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' ' + name);
    }
  }
  return out;
}"""


def pointer_listeners(page: Page, cdp: CDPSession, events: set[str], props: str) -> list[str]:
    """Listeners for `events` on the window, the document and every element (Chromium's own
    list, DOMDebugger.getEventListeners), except React's root dispatcher; plus React handlers
    matching `props`."""
    cdp.send("Debugger.enable")
    react: dict[str, bool] = {}
    found = []
    for target in ("window", "document"):
        handle = cdp.send("Runtime.evaluate", {"expression": target, "objectGroup": "wcag"})
        listeners = cdp.send("DOMDebugger.getEventListeners", {
            "objectId": handle["result"]["objectId"], "depth": -1, "pierce": True})["listeners"]
        for listener in listeners:
            if listener["type"] not in events:
                continue
            script = listener["scriptId"]
            if script not in react:
                source = cdp.send("Debugger.getScriptSource", {"scriptId": script})
                react[script] = "__reactProps$" in source["scriptSource"]
            if not react[script]:
                found.append(f"{listener['type']} listener on {target}/node "
                             f"{listener.get('backendNodeId')} (script {script}, line "
                             f"{listener['lineNumber']})")
    cdp.send("Runtime.releaseObjectGroup", {"objectGroup": "wcag"})
    return found + [f"React {h}" for h in page.evaluate(REACT_HANDLERS_JS, props)]


@pytest.mark.wcag("2.5.1", pages=PAGES,
                  method="ブラウザ試験：全ページの window・document・すべての要素のイベントリスナー"
                         "（Chromium の DOMDebugger.getEventListeners）と React の処理を調べ、"
                         "タッチ・ポインタの移動・ドラッグ・複数の指の操作を受け取るものがないこと")
def test_no_page_listens_for_gestures(page: Page, app_url: str) -> None:
    cdp = page.context.new_cdp_session(page)
    found = {}
    for path in PAGES:
        open_any(page, app_url + path)
        if listeners := pointer_listeners(page, cdp, GESTURE_EVENTS, GESTURE_PROPS):
            found[path] = listeners
    assert found == {}
    # The check sees a swipe handler and a React pinch handler.
    page.evaluate("document.querySelector('main').addEventListener('touchmove', () => {})")
    page.evaluate("document.querySelector('h1')['__reactProps$test'] = {onPointerMove() {}}")
    assert len(pointer_listeners(page, cdp, GESTURE_EVENTS, GESTURE_PROPS)) == 2


# What a press could change: the address, the view, what is open, checked, chosen, pressed
# or expanded, the stored settings and <html>'s settings, what status messages say.
STATE_JS = """() => JSON.stringify({
  url: location.href, view: (document.getElementById('view') || {dataset: {}}).dataset.src,
  dialog: !!document.querySelector('dialog[open]'),
  open: [...document.querySelectorAll('details')].map(d => d.open),
  values: [...document.querySelectorAll('input, textarea, select')].map(i =>
    i.type === 'checkbox' || i.type === 'radio' ? i.checked : i.value),
  aria: [...document.querySelectorAll('[aria-expanded], [aria-pressed]')].map(e =>
    e.getAttribute('aria-expanded') + e.getAttribute('aria-pressed')),
  stored: JSON.stringify(localStorage), html: document.documentElement.outerHTML.length,
  root: [...document.documentElement.attributes].map(a => a.name + '=' + a.value).join(' '),
  status: [...document.querySelectorAll('[role=status], [aria-live]')].map(e => e.textContent),
})"""
# A point on the page (in the viewport) away from every control.
AWAY_JS = """() => {
  const W = innerWidth, H = innerHeight;
  for (const [x, y] of [[W - 2, 2], [W - 2, H - 2], [2, H - 2], [W / 2, H - 2], [2, 2]]) {
    const el = document.elementFromPoint(x, y);
    if (el && !el.closest('a, button, label, input, select, textarea, summary, iframe'))
      return [x, y];
  }
  return null;
}"""
PRESSABLE = ("a[href], button, summary, input:not([type=hidden]):not([type=range]), textarea,"
             " label")


def press_and_cancel(page: Page, reopen) -> list[str]:
    """Press each drawn control with the mouse, move away and release: what changed on the
    press, or when released away from it (both must be nothing)."""
    found = []
    count = page.locator(PRESSABLE).count()
    for index in range(count):
        control = page.locator(PRESSABLE).nth(index)
        if not control.is_visible() or control.evaluate(
                "el => !!el.closest('.visually-hidden, dialog:not([open])')"):
            continue
        control.scroll_into_view_if_needed()
        box = control.bounding_box()
        away = page.evaluate(AWAY_JS)
        if box is None or box["width"] < 2 or away is None:
            continue
        name = control.evaluate("el => el.tagName.toLowerCase() + ' ' + "
                                "(el.textContent.trim() || el.value || '').slice(0, 20)")
        before = page.evaluate(STATE_JS)
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.down()
        on_down = page.evaluate(STATE_JS)
        page.mouse.move(*away, steps=4)
        page.mouse.up()
        after = page.evaluate(STATE_JS)
        if on_down != before:
            found.append(f"pressing {name} acted before release")
        if after != before:
            found.append(f"{name}: released away, it still acted")
            reopen()
    return found


def slider_press_is_undone_by_moving_back(page: Page) -> bool:
    """The text-size slider: a press moves its thumb; moved back before release, the size
    is as it was (and was never applied while pressed)."""
    slider = page.locator("input[type=range][data-display-control=size]")
    slider.scroll_into_view_if_needed()
    box = slider.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    size = "[document.documentElement.dataset.size || '100', localStorage.length]"
    before = page.evaluate(size)
    page.mouse.move(box["x"] + box["width"] * 0.9, y)
    page.mouse.down()
    pressed = slider.input_value(), page.evaluate(size)
    page.mouse.move(box["x"] + 1, y, steps=4)  # back to 100 %, where it was
    page.mouse.up()
    return pressed[0] != "100" and pressed[1] == before == page.evaluate(size)


@pytest.mark.wcag("2.5.2", pages=PAGES,
                  method="ブラウザ試験：全ページに mousedown・pointerdown・touchstart で動く処理が"
                         "なく、記事・表示設定・見出しだけ表示・作成ページ・ウィジェットのすべての"
                         "部品を押したまま外へ移動して離すと何も起きないこと")
def test_controls_act_on_release_and_pressing_away_cancels(page: Page, app_url: str) -> None:
    cdp = page.context.new_cdp_session(page)
    found = {}
    for path in PAGES:
        open_any(page, app_url + path)
        if listeners := pointer_listeners(page, cdp, DOWN_EVENTS, DOWN_PROPS):
            found[path] = listeners
    page.set_viewport_size({"width": 1280, "height": 800})
    for path, prepare in (("/", ""), ("/", "display"), ("/", "headlines"),
                          ("/items/2020-10-28-01", ""), (BUILDER, ""), ("/embed", "")):
        def reopen(path: str = path, prepare: str = prepare) -> None:
            page.evaluate("localStorage.clear()")
            open_any(page, app_url + path)
            if prepare == "display":
                page.evaluate("document.getElementById('display-settings').open = true")
            elif prepare == "headlines":
                page.evaluate("flashDisplay.set('layout', 'headlines')")
        reopen()
        if problems := press_and_cancel(page, reopen):
            found[f"{path} {prepare}"] = problems
        if prepare == "display" and not slider_press_is_undone_by_moving_back(page):
            found["/ slider"] = ["moving the pressed slider back did not undo the press"]
    assert found == {}
    # The state read is the one a click changes; and a control acting on press is seen.
    open_reader(page, app_url)
    before = page.evaluate(STATE_JS)
    page.locator(".display-summary").click()
    assert page.evaluate(STATE_JS) != before
    page.evaluate("""() => { const b = document.createElement('button'); b.textContent = '押す';
        b.addEventListener('mousedown', () => document.documentElement.dataset.pressed = '1');
        document.querySelector('main').prepend(b); }""")
    problems = press_and_cancel(page, lambda: None)
    assert any("acted before release" in p for p in problems), problems
    assert pointer_listeners(page, cdp, DOWN_EVENTS, DOWN_PROPS)


@pytest.mark.wcag("1.1.1", method="ブラウザ試験：写真の説明は代替テキストとして一度だけ読まれ、"
                  "読み込めなかった写真では説明が本文として読まれること"
                  "（Chromium のアクセシビリティツリー）")
def test_a_photo_caption_is_heard_once_whether_the_photo_loads_or_not(
        page: Page, photo_app: str) -> None:
    open_reader(page, photo_app)
    scroll_images_in(page)
    articles = page.locator("article")
    loaded, gone = articles.nth(0), articles.nth(1)
    seed = json.loads((PROJECT_ROOT / "assets/feeds/default.json").read_text(encoding="utf-8"))
    caption, gone_caption = (seed["items"][n]["_flash"]["photo_caption"] for n in (0, 1))
    expect(loaded.get_by_role("img", name=caption)).to_have_count(1)
    # The image's name is the caption: the visible caption is not read a second time.
    assert loaded.aria_snapshot().count(caption) == 1, loaded.aria_snapshot()
    # The photo that failed is renamed 「…の写真（掲載なし）」: its caption is heard again.
    expect(gone.get_by_role("img", name="シンガポール事務所の写真（掲載なし）")).to_have_count(1)
    expect(gone.locator(".item-caption")).not_to_have_attribute("aria-hidden", "true")
    assert gone.aria_snapshot().count(gone_caption) == 1, gone.aria_snapshot()
    # The other five have no image in the feed: the caption alone, and one note for the list.
    expect(page.locator(".photo-note")).to_have_count(1)
    expect(articles.nth(2).locator("img")).to_have_count(0)
