"""ふりがな and 読み上げ in chromium: modes, accessible names, utterances and highlighting."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.axe import axe_violations, format_violations
from tests.browser.conftest import open_reader

# A stand-in for speechSynthesis that records utterances; the test fires their events.
# The highlighted range's text as read: readings (<rt>) are inside the range but not spoken.
HIGHLIGHTED = """(() => {
  const fragment = [...CSS.highlights.get('fr-speaking')][0].cloneContents();
  fragment.querySelectorAll('rt').forEach(rt => rt.remove());
  return fragment.textContent;
})()"""
JA_AND_EN = "[{lang: 'en-US', name: 'en'}, {lang: 'ja-JP', name: 'ja'}]"


def recorder(voices: str = JA_AND_EN, late_voices: str = "") -> str:
    """A stand-in for speechSynthesis that records utterances; the test fires their events.

    `voices` is what getVoices() answers at first; `late_voices`, if given, what it answers
    once the page calls window.__loadVoices() (chromium loads voices after the page starts and
    fires voiceschanged).
    """
    return f"""
(() => {{
  window.__utterances = [];
  let voices = {voices};
  const synth = new EventTarget();
  Object.assign(synth, {{
    speaking: false, paused: false,
    speak(u) {{ window.__utterances.push(u); setTimeout(() => u.onstart && u.onstart(), 0); }},
    cancel() {{ window.__cancelled = (window.__cancelled || 0) + 1; }},
    pause() {{ this.paused = true; }}, resume() {{ this.paused = false; }},
    getVoices() {{ return voices; }},
  }});
  window.__loadVoices = () => {{
    voices = {late_voices or voices}; synth.dispatchEvent(new Event('voiceschanged'));
  }};
  Object.defineProperty(window, 'speechSynthesis', {{value: synth, configurable: true}});
  window.SpeechSynthesisUtterance = function (text) {{ this.text = text; }};
}})();
"""


RECORDER = recorder()
NO_SPEECH = """
delete Window.prototype.speechSynthesis; delete window.speechSynthesis;
"""


def set_furigana(page: Page, mode: str) -> None:
    page.evaluate("(m) => window.flashDisplay.set('furigana', m)", mode)
    # Readings are sent only to readers who turn them on: the view comes again with them.
    page.locator(f"#view[data-furigana='{1 if mode else 0}']").wait_for(state="attached")


def visible_readings(page: Page, title_index: int = 0) -> list[str]:
    return page.locator("article").nth(title_index).locator("h2 rt").evaluate_all(
        "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.textContent)")


def test_furigana_modes(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    assert visible_readings(page) == []  # off by default
    set_furigana(page, "all")
    assert visible_readings(page) == ["ふつ", "せんきょご", "はつ", "じちたい", "こくさい",
                                      "かつどう", "さんか"]
    set_furigana(page, "grade-4")  # 4th-grade words and below: no reading
    assert visible_readings(page) == ["ふつ", "こくさい"]
    set_furigana(page, "grade-6")
    assert visible_readings(page) == []
    page.reload()
    page.locator("article").first.wait_for()
    assert page.evaluate("document.documentElement.dataset.furigana") == "grade-6"


def test_furigana_chosen_in_the_panel_by_keyboard(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    page.locator(".display-summary").click()
    page.get_by_role("group", name="ふりがなを付ける漢字").get_by_role("radio", name="なし").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#display-status")).to_have_text("ふりがなを付ける漢字：すべての漢字")
    assert page.evaluate("document.documentElement.dataset.furigana") == "all"


def test_words_are_not_read_twice(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    set_furigana(page, "all")
    heading = page.get_by_role("article").first.get_by_role("heading", level=2)
    expect(heading).to_have_accessible_name(
        "仏コミューン選挙後初、自治体国際活動フォーラムに参加=パリ")
    # What assistive technology gets: the browser's accessibility tree, over CDP.
    cdp = page.context.new_cdp_session(page)
    tree = cdp.send("Accessibility.getFullAXTree")["nodes"]
    texts = [node.get("name", {}).get("value", "") for node in tree
             if node.get("role", {}).get("value") in ("StaticText", "text")]
    spoken = "".join(texts)
    assert "自治体" in spoken and "仏地方" in spoken
    assert "じちたい" not in spoken and "せんきょご" not in spoken
    violations = axe_violations(page)
    assert not violations, format_violations(violations)


def test_read_aloud_one_article_with_highlight(page: Page, app_url: str) -> None:
    page.add_init_script(RECORDER)
    open_reader(page, app_url)
    page.evaluate("window.flashDisplay.set('furigana', 'all');"
                  " window.flashDisplay.set('rate', '1.2')")
    article = page.get_by_role("article").nth(1)
    controls = article.get_by_role("group", name="この記事の読み上げ")
    controls.get_by_role("button", name="この記事を読み上げる").click()
    expect(page.locator("#speech-status")).to_have_text(
        "読み上げています：「海外経済セミナー」をウェビナー形式で開催!")
    first = page.evaluate("(() => { const u = window.__utterances[0]; return {text: u.text,"
                          " lang: u.lang, rate: u.rate, voice: u.voice.lang}; })()")
    assert first == {"text": "「海外経済セミナー」をウェビナー形式で開催!", "lang": "ja-JP",
                     "rate": 1.2, "voice": "ja-JP"}
    page.wait_for_function("CSS.highlights.has('fr-speaking')")
    assert page.evaluate(HIGHLIGHTED) == first["text"]
    page.evaluate("window.__utterances[0].onend()")  # the browser finished the sentence
    second = page.evaluate("window.__utterances[1].text")
    assert second.startswith("講師") and "こうし" not in second  # readings are not spoken
    page.wait_for_function(f"{HIGHLIGHTED} === window.__utterances[1].text")
    pause = controls.get_by_role("button", name="一時停止")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("window.speechSynthesis.paused") is True
    stop = controls.locator("[data-speech-action=stop]")
    stop.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#speech-status")).to_have_text("読み上げを停止しました。")
    assert page.evaluate("CSS.highlights.has('fr-speaking')") is False
    # 停止 goes with the reading; the focus moves to the article's play button, not to <body>.
    expect(stop).to_be_hidden()
    expect(controls.locator("[data-speech-action=play]")).to_be_focused()


def test_speech_controls_are_named_with_their_article_and_hidden_until_reading(
        page: Page, app_url: str) -> None:
    """Issue 25.4/25.5: seven 「この記事を読み上げる」 read the same in a list of buttons, and 16
    一時停止/停止 Tab stops did nothing while nothing played."""
    page.add_init_script(RECORDER)
    for path, play, group in (("/?lang=ja", "この記事を読み上げる", "この記事の読み上げ"),
                              ("/?lang=en", "Read this article aloud", "Read this article aloud")):
        open_reader(page, app_url + path)
        articles = page.get_by_role("article")
        names = []
        for n in range(articles.count()):
            article = articles.nth(n)
            title = article.get_by_role("heading", level=2).inner_text()
            button = article.locator("[data-speech-action=play]")
            # (Chromium puts a space before the visually hidden part, as for every such name.)
            expect(button).to_have_accessible_name(re.compile(
                "^" + re.escape(play) + r" ?(：|: )" + re.escape(title) + "$"))
            expect(article.get_by_role("group")).to_have_accessible_name(group)
            names.append(button.evaluate("b => b.textContent"))
        assert len(set(names)) == len(names), names
        expect(page.locator("[data-speech-action=pause]:visible, "
                            "[data-speech-action=stop]:visible")).to_have_count(0)
    open_reader(page, app_url + "/?lang=ja")  # ?lang=en is remembered (a cookie)
    controls = play_second_article(page)
    expect(controls.locator("[data-speech-action=pause]")).to_be_visible()
    expect(controls.locator("[data-speech-action=stop]")).to_be_visible()
    expect(page.locator("[data-speech-action=pause]:visible")).to_have_count(1)


def test_read_aloud_whole_issue_by_keyboard(page: Page, app_url: str) -> None:
    page.add_init_script(RECORDER)
    open_reader(page, app_url)
    button = page.get_by_role("button", name="表示中の記事をすべて読み上げる")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__utterances.length === 1")
    texts = []
    for _ in range(400):  # play it to the end
        count = page.evaluate("window.__utterances.length")
        texts.append(page.evaluate("window.__utterances[window.__utterances.length - 1].text"))
        page.evaluate("window.__utterances[window.__utterances.length - 1].onend()")
        if page.evaluate("window.__utterances.length") == count:
            break
    assert texts[0] == "2020年10月28日配信"
    assert any(t.startswith("仏コミューン選挙後初") for t in texts)
    assert any("日韓交流おまつり" in t for t in texts)
    expect(page.locator("#speech-status")).to_have_text("読み上げが終わりました。")


def test_read_aloud_hidden_without_speech_synthesis(page: Page, app_url: str) -> None:
    page.add_init_script(NO_SPEECH)
    open_reader(page, app_url)
    buttons = page.locator("[data-speech-action=play]")
    expect(buttons).to_have_count(8)  # one per article and one for the issue, all hidden
    for button in buttons.all():
        expect(button).to_be_hidden()
    assert page.evaluate("document.documentElement.hasAttribute('data-speech')") is False


def play_second_article(page: Page):
    controls = page.get_by_role("article").nth(1).get_by_role("group", name="この記事の読み上げ")
    controls.get_by_role("button", name="この記事を読み上げる").click()
    return controls


def test_read_aloud_with_no_voices_says_so_and_speaks_nothing(page: Page, app_url: str) -> None:
    page.add_init_script(recorder(voices="[]"))
    open_reader(page, app_url)
    controls = play_second_article(page)
    expect(page.locator("#speech-status")).to_have_text("この端末には日本語の音声がありません。")
    assert page.evaluate("window.__utterances.length") == 0
    # Nothing is being read: 一時停止 is not there to press (nor to Tab to).
    expect(controls.locator("[data-speech-action=pause]")).to_be_hidden()


def test_read_aloud_with_voices_loading_late_waits_for_them(page: Page, app_url: str) -> None:
    page.add_init_script(recorder(voices="[]", late_voices=JA_AND_EN))
    open_reader(page, app_url)
    play_second_article(page)
    page.evaluate("window.__loadVoices()")
    page.wait_for_function("window.__utterances.length === 1")
    assert page.evaluate("window.__utterances[0].voice.lang") == "ja-JP"
    expect(page.locator("#speech-status")).to_have_text(
        "読み上げています：「海外経済セミナー」をウェビナー形式で開催!")


def test_read_aloud_with_only_an_english_voice_names_the_voice(page: Page, app_url: str) -> None:
    page.add_init_script(recorder(
        voices="[{lang: 'de-DE', name: 'Anna'}, {lang: 'en-US', name: 'Samantha', default: true}]"))
    open_reader(page, app_url)
    play_second_article(page)
    expect(page.locator("#speech-status")).to_have_text(
        "この端末には日本語の音声がないため、Samantha（en-US）で読み上げています："
        "「海外経済セミナー」をウェビナー形式で開催!")
    page.wait_for_function("window.__utterances.length === 1")
    assert page.evaluate("window.__utterances[0].voice.name") == "Samantha"


def test_read_aloud_pausing_one_article_presses_only_its_own_pause_button(
        page: Page, app_url: str) -> None:
    page.add_init_script(RECORDER)
    open_reader(page, app_url)
    controls = play_second_article(page)
    page.wait_for_function("window.__utterances.length === 1")
    pause = controls.get_by_role("button", name="一時停止")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "true")
    pressed = page.locator("[data-speech-action=pause][aria-pressed=true]")
    expect(pressed).to_have_count(1)
    # The other articles' pause buttons have nothing to pause: they are not shown.
    other = page.get_by_role("article").nth(2).locator("[data-speech-action=pause]")
    expect(other).to_be_hidden()
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#speech-status")).to_have_text(
        "読み上げを再開しました：「海外経済セミナー」をウェビナー形式で開催!")


# --- リーディングルーラー ---------------------------------------------------------------

BAND = """() => {
  const band = document.querySelector('.reading-ruler');
  if (!band || band.hidden) return null;
  const r = band.getBoundingClientRect(), s = getComputedStyle(band);
  return {top: r.top, bottom: r.bottom, shadow: s.boxShadow, border: s.borderTopStyle,
          borderColor: s.borderTopColor, transition: s.transitionDuration,
          events: s.pointerEvents, hidden: band.getAttribute('aria-hidden')};
}"""


def band(page: Page) -> dict | None:
    return page.evaluate(BAND)


def test_ruler_is_chosen_in_the_panel_remembered_and_set_before_paint(
        page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    page.locator("summary.display-summary").click()
    box = page.get_by_role("checkbox", name=re.compile("リーディングルーラー"))
    expect(box).not_to_be_checked()  # off by default
    box.check()
    expect(page.locator("#display-status")).to_contain_text("読んでいる行を帯で示します")
    expect(page.locator("html")).to_have_attribute("data-ruler", "on")
    # Turned on from the keyboard's place: the band is round the checkbox, never over it.
    page.wait_for_function(f"({BAND})() !== null")
    seen, focused = band(page), box.bounding_box()
    assert seen["top"] <= focused["y"] and seen["bottom"] >= focused["y"] + focused["height"]
    assert seen["hidden"] == "true" and seen["events"] == "none"
    page.reload()
    # prepaint.js puts it on <html> before the first paint.
    assert page.evaluate("document.documentElement.getAttribute('data-ruler')") == "on"


def test_ruler_follows_pointer_keyboard_and_the_sentence_read_aloud(
        page: Page, app_url: str) -> None:
    page.add_init_script(RECORDER)
    open_reader(page, app_url)
    page.evaluate("window.flashDisplay.set('ruler', 'on')")
    # The pointer: the band is the line under it.
    paragraph = page.locator("article .item-paragraph").first
    paragraph.scroll_into_view_if_needed()
    box = paragraph.bounding_box()
    y = box["y"] + 10
    page.mouse.move(box["x"] + 40, y)
    page.wait_for_function(f"(() => {{ const b = ({BAND})(); return b && b.top < {y} "
                           f"&& b.bottom > {y}; }})()")
    seen = band(page)
    line = paragraph.evaluate("p => parseFloat(getComputedStyle(p).lineHeight)")
    assert seen["bottom"] - seen["top"] <= line + 12, (seen, line)  # one line, not the block
    # The keyboard: the focused link is inside the band, whole (focus never faded).
    link = page.locator("article .item-permalink").nth(2)
    link.focus()
    page.wait_for_function(f"""(() => {{ const b = ({BAND})(),
        r = document.activeElement.getBoundingClientRect();
        return b && b.top <= r.top && b.bottom >= r.bottom; }})()""")
    # The read-aloud: the band moves to the sentence being spoken.
    article = page.get_by_role("article").nth(1)
    article.get_by_role("button", name="この記事を読み上げる").click()
    page.wait_for_function("CSS.highlights.has('fr-speaking')")
    page.wait_for_function(f"""(() => {{ const b = ({BAND})(),
        r = [...CSS.highlights.get('fr-speaking')][0].getClientRects()[0];
        return b && r && b.top <= r.top && b.bottom >= r.bottom; }})()""")


def test_ruler_in_dark_theme_forced_colours_and_reduced_motion(page: Page, app_url: str) -> None:
    open_reader(page, app_url)
    page.evaluate("window.flashDisplay.set('theme', 'dark-high');"
                  " window.flashDisplay.set('ruler', 'on')")
    page.locator("article .item-permalink").first.focus()
    page.wait_for_function(f"({BAND})() !== null")
    seen = band(page)
    # The rest fades toward the theme's own background; the band's edges are the focus colour.
    assert seen["shadow"].startswith("color(srgb 0 0 0 / 0.62)") and seen["border"] == "solid", seen
    assert seen["transition"] != "0s"
    violations = axe_violations(page)  # the band is aria-hidden and takes nothing
    assert not violations, format_violations(violations)
    page.emulate_media(reduced_motion="reduce")
    assert band(page)["transition"] == "0s"
    page.emulate_media(forced_colors="active")
    seen = band(page)
    assert seen["shadow"] == "none" and seen["border"] == "solid", seen
    page.evaluate("window.flashDisplay.set('ruler', '')")
    page.wait_for_function(f"({BAND})() === null")
