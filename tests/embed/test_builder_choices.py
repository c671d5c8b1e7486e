"""The embed builder's handlers keep only fixed choices, whatever a client sends them."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from flash_reader.embed.builder_choices import (
    LANG_LABELS,
    LIMITS,
    ORIGIN_MAX_CHARS,
    THEME_LABELS,
    chosen_height,
    chosen_lang,
    chosen_limit,
    chosen_theme,
    chosen_width,
    height_problem,
    kept_offices,
    origin_verdict,
    toggled_offices,
    typed_origin,
)
from flash_reader.embed.params import LANGS, THEMES
from flash_reader.store import FeedStore
from tests.conftest import DEFAULT_FEED

KNOWN = ["PAR", "SIN", "LON"]
HUGE = "x" * 400_000
# What a raw socket.io client can put where the page sends a string.
HOSTILE = [HUGE, "", " ", "par", "PAR ", "PAR,SIN", "\u0000", None, 3, 3.0, True,
           ["PAR"], {"code": "PAR"}, "３", "٣", "²", "3_0", " 3", "3" * 5000, "-1", "0x10"]


def test_toggle_office_with_known_code_adds_then_removes_it() -> None:
    offices = toggled_offices([], "SIN", KNOWN)
    assert offices == ["SIN"]
    offices = toggled_offices(offices, "PAR", KNOWN)
    assert offices == ["SIN", "PAR"]
    assert toggled_offices(offices, "SIN", KNOWN) == ["PAR"]


@pytest.mark.parametrize("code", HOSTILE, ids=range(len(HOSTILE)))
def test_toggle_office_with_hostile_code_changes_nothing(code: object) -> None:
    assert toggled_offices(["LON"], code, KNOWN) == ["LON"]


def test_toggle_office_with_400kb_string_40_times_keeps_state_small() -> None:
    offices: list[str] = []
    for n in range(40):
        offices = toggled_offices(offices, HUGE + str(n), KNOWN)
    assert offices == []


def test_toggle_office_when_feed_has_no_offices_keeps_nothing() -> None:
    assert toggled_offices(["PAR"], "PAR", []) == []


def test_kept_offices_with_duplicates_and_dropped_codes_keeps_known_once() -> None:
    assert kept_offices(["PAR", "OLD", "PAR", HUGE, "SIN"], KNOWN) == ["PAR", "SIN"]
    # Whatever the input, never more codes than the feed has offices.
    assert len(kept_offices(KNOWN * 1000, KNOWN)) == len(KNOWN)


@pytest.mark.parametrize("value", [*HOSTILE, "0", "21", "05", "20.0"], ids=range(len(HOSTILE) + 4))
def test_limit_with_hostile_or_out_of_range_value_keeps_current(value: object) -> None:
    assert chosen_limit(value, 7) == 7


def test_limit_with_each_offered_value_is_taken() -> None:
    assert [chosen_limit(str(n), 7) for n in LIMITS] == list(range(1, 21))


@pytest.mark.parametrize("value", [*HOSTILE, "480px", "199", "2001", "480.0", "1e3", "00480",
                                   "+480", "4８0"], ids=range(len(HOSTILE) + 8))
def test_height_with_hostile_or_out_of_bounds_value_keeps_current(value: object) -> None:
    assert chosen_height(value, 600) == 600
    assert height_problem(value)  # and the page says what to type


@pytest.mark.parametrize("value", ["200", "201", "777", "1999", "2000", "0480"])
def test_height_with_any_value_from_200_to_2000_is_taken(value: str) -> None:
    assert chosen_height(value, 600) == int(value)
    assert height_problem(value) == ""


@pytest.mark.parametrize(("value", "expected"), [("240", 240), ("239", 360), ("2000", 2000),
                                                 ("2001", 360), ("x", 360), (None, 360)])
def test_width_from_240_to_2000(value: object, expected: int) -> None:
    assert chosen_width(value, 360) == expected


@pytest.mark.parametrize("value", [*HOSTILE, "EN", "fr", "en "], ids=range(len(HOSTILE) + 3))
def test_lang_with_hostile_or_unknown_value_keeps_current(value: object) -> None:
    assert chosen_lang(value, "ja") == "ja"


def test_lang_choices_are_exactly_the_widget_languages() -> None:
    assert tuple(LANG_LABELS) == LANGS
    assert chosen_lang("en", "ja") == "en"


@pytest.mark.parametrize("value", [*HOSTILE, "Dark-High", "dark-high ", "system"],
                         ids=range(len(HOSTILE) + 3))
def test_theme_with_hostile_or_unknown_value_keeps_current(value: object) -> None:
    assert chosen_theme(value, "default") == "default"


def test_theme_choices_are_exactly_the_widget_themes() -> None:
    assert tuple(THEME_LABELS) == THEMES
    assert [chosen_theme(t, "auto") for t in THEMES] == list(THEMES)


@pytest.mark.parametrize(("value", "expected"), [
    ("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
    ("https://flash.example.lg.jp", "https://flash.example.lg.jp"),
    (" https://Flash.Example.LG.jp/ ", "https://flash.example.lg.jp"),
    ("https://flash.example.lg.jp:443", "https://flash.example.lg.jp"),
    ("https://flash.example.lg.jp:4443", "https://flash.example.lg.jp:4443"),
    ("http://[::1]:3000", "http://[::1]:3000"),
])
def test_typed_origin_with_plain_origin_keeps_it(value: str, expected: str) -> None:
    assert typed_origin(value) == expected


@pytest.mark.parametrize("value", [
    HUGE, "https://" + "a" * ORIGIN_MAX_CHARS, "", None, 3, ["http://x"],
    "javascript:alert(1)", "ftp://example.org", "https://example.org/path",
    "https://example.org?x=1", "https://example.org#x", 'https://ex"ample.org',
    "https://ex ample.org", "https://example.org:99999", "https://example.org:x",
    "https://user:pw@example.org", "https://例え.jp", "//example.org", "http://[::1",
    "https://", "https://:80",
])
def test_typed_origin_with_hostile_value_is_empty(value: object) -> None:
    assert typed_origin(value) == ""


ALLOWED = ["https://www.city.example.lg.jp"]
OWN = "https://flash.example.lg.jp"


@pytest.mark.parametrize("value", ["https://www.city.example.lg.jp",
                                   "HTTPS://WWW.CITY.EXAMPLE.LG.JP/", OWN])
def test_origin_check_with_an_allowed_site_says_allowed(value: str) -> None:
    allowed, message = origin_verdict(value, ALLOWED, OWN)
    assert allowed and "許可されています" in message


def test_origin_check_with_a_page_address_checks_its_site() -> None:
    allowed, message = origin_verdict("https://www.city.example.lg.jp/kokusai/index.html?x=1",
                                      ALLOWED, OWN)
    assert allowed and "https://www.city.example.lg.jp で確かめました" in message


def test_origin_check_with_a_site_not_on_the_list_says_empty_frame_and_whom_to_ask() -> None:
    allowed, message = origin_verdict("https://www.town.example.lg.jp", ALLOWED, OWN)
    assert not allowed
    assert "まだ許可されていません" in message and "空白" in message and "管理者" in message


def test_origin_check_with_http_of_an_https_site_explains_the_difference() -> None:
    allowed, message = origin_verdict("http://www.city.example.lg.jp", ALLOWED, OWN)
    assert not allowed and "http:// と https:// は別のサイト" in message


@pytest.mark.parametrize("value", [HUGE, "", None, 3, {"origin": "x"}, "javascript:alert(1)",
                                   "<script>alert(1)</script>", "https://例え.jp"])
def test_origin_check_with_hostile_text_says_how_to_type_it_and_echoes_nothing(
        value: object) -> None:
    allowed, message = origin_verdict(value, ALLOWED, OWN)
    assert not allowed and "https:// から始まる" in message
    assert len(message) < 200 and "<" not in message


# --- the handlers themselves (their functions, called without Reflex's event machinery) -----


@pytest.fixture
def builder(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """What a handler sees as `self`, with the bundled feed in a store of its own."""
    from flash_reader.state import embed_builder

    feed_store = FeedStore()
    feed_store.load(str(DEFAULT_FEED))
    monkeypatch.setattr(embed_builder, "store", feed_store)
    return SimpleNamespace(offices=[], limit=5, theme="auto", lang="ja", height=480, width=360,
                           height_problem="", width_problem="", origin_message="",
                           origin_allowed=False, feed_version="", ui_lang="ja")


def handler(name: str):
    from flash_reader.state.embed_builder import EmbedBuilderState

    return getattr(EmbedBuilderState, name).fn


@pytest.mark.parametrize(("name", "field"), [("toggle_office", "offices"), ("set_limit", "limit"),
                                             ("set_theme", "theme"), ("set_height", "height"),
                                             ("set_width", "width"), ("set_lang", "lang"),
                                             ("check_origin", "origin_allowed")])
@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_handler_with_hostile_payload_keeps_state(builder: SimpleNamespace, name: str,
                                                  field: str, payload: object) -> None:
    before = getattr(builder, field)
    handler(name)(builder, payload)
    assert getattr(builder, field) == before


def test_handlers_with_offered_values_take_them(builder: SimpleNamespace) -> None:
    handler("toggle_office")(builder, "PAR")
    handler("set_limit")(builder, "10")
    handler("set_theme")(builder, "dark-high")
    handler("set_height")(builder, "777")
    handler("set_width")(builder, "300")
    handler("set_lang")(builder, "en")
    assert (builder.offices, builder.limit, builder.theme, builder.height, builder.width,
            builder.lang) == (["PAR"], 10, "dark-high", 777, 300, "en")


def test_check_origin_handler_with_a_form_of_an_allowed_site(
        builder: SimpleNamespace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASH_EMBED_ORIGINS", "https://www.city.example.lg.jp")
    handler("check_origin")(builder, {"origin": "https://www.city.example.lg.jp"})
    assert builder.origin_allowed and "許可されています" in builder.origin_message
    handler("check_origin")(builder, {"origin": "https://evil.example"})
    assert not builder.origin_allowed and "まだ許可されていません" in builder.origin_message


# --- the builder in English (issue 17.5) ----------------------------------------------------


@pytest.mark.parametrize(("query", "cookie", "lang"), [
    ("", "", "ja"), ("lang=en", "", "en"), ("", "fr_lang=en", "en"),
    ("lang=ja", "fr_lang=en", "ja"), ("lang=de", "a=1; fr_lang=en", "en"), ("lang=de", "", "ja"),
    ("", "fr_lang=<b>", "ja"), ("", "fr_lang=" + "en" * 200_000, "ja"), ("", '"; =;;', "ja"),
    ("lang=en" * 2_000, "", "ja"), ("lang=en&lang=ja", "", "en"),
])
def test_builder_page_language_from_query_and_cookie_header(query: str, cookie: str,
                                                            lang: str) -> None:
    from flash_reader.state.embed_builder import EmbedBuilderState

    state = SimpleNamespace(router=SimpleNamespace(url=SimpleNamespace(query=query),
                                                   headers=SimpleNamespace(cookie=cookie)),
                            ui_lang="ja", feed_version="", offices=[])
    EmbedBuilderState.on_load.fn(state)
    assert state.ui_lang == lang


def test_builder_words_in_english_have_no_japanese() -> None:
    from flash_reader.state.embed_builder import page_words

    words = page_words("en")
    assert words["height_label"] == "Height (200–2000 pixels)"
    assert not [w for w in words.values() if re.search(r"[\u3000-\u30ff\u4e00-\u9fff]", w)]


def test_builder_messages_in_english(builder: SimpleNamespace) -> None:
    builder.ui_lang = "en"
    handler("set_height")(builder, "abc")
    assert builder.height_problem.startswith("Height: type a whole number of pixels from 200")
    handler("check_origin")(builder, {"origin": "https://www.town.example.lg.jp"})
    assert builder.origin_message.startswith("https://www.town.example.lg.jp is not allowed yet")
    assert origin_verdict("nonsense", ALLOWED, OWN, "en")[1].startswith("This could not be read")
