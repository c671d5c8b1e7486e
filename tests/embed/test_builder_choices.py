"""The embed builder's handlers keep only fixed choices, whatever a client sends them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from flash_reader.embed.builder_choices import (
    HEIGHTS,
    LIMITS,
    ORIGIN_MAX_CHARS,
    THEME_LABELS,
    chosen_height,
    chosen_limit,
    chosen_theme,
    kept_offices,
    page_origin,
    toggled_offices,
)
from flash_reader.embed.params import THEMES
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


@pytest.mark.parametrize("value", [*HOSTILE, "480px", "299", "801", "480.0"],
                         ids=range(len(HOSTILE) + 4))
def test_height_with_hostile_or_unoffered_value_keeps_current(value: object) -> None:
    assert chosen_height(value, 600) == 600


def test_height_with_each_offered_value_is_taken() -> None:
    assert [chosen_height(str(h), 600) for h in HEIGHTS] == list(HEIGHTS)


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
    ("https://flash.example.lg.jp/", "https://flash.example.lg.jp"),
    ("http://[::1]:3000", "http://[::1]:3000"),
])
def test_page_origin_with_plain_origin_keeps_it(value: str, expected: str) -> None:
    assert page_origin(value) == expected


@pytest.mark.parametrize("value", [
    HUGE, "https://" + "a" * ORIGIN_MAX_CHARS, "", None, 3, ["http://x"],
    "javascript:alert(1)", "ftp://example.org", "https://example.org/path",
    "https://example.org?x=1", "https://example.org#x", 'https://ex"ample.org',
    "https://ex ample.org", "https://example.org:99999", "https://example.org:x",
    "https://user:pw@example.org", "https://例え.jp", "//example.org", "http://[::1",
])
def test_page_origin_with_hostile_value_is_empty(value: object) -> None:
    assert page_origin(value) == ""


# --- the handlers themselves (their functions, called without Reflex's event machinery) -----


@pytest.fixture
def builder(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """What a handler sees as `self`, with the bundled feed in a store of its own."""
    from flash_reader.state import embed_builder

    feed_store = FeedStore()
    feed_store.load(str(DEFAULT_FEED))
    monkeypatch.setattr(embed_builder, "store", feed_store)
    return SimpleNamespace(offices=[], limit=5, theme="auto", height=480, origin="",
                           feed_version=0)


def handler(name: str):
    from flash_reader.state.embed_builder import EmbedBuilderState

    return getattr(EmbedBuilderState, name).fn


@pytest.mark.parametrize(("name", "field"), [("toggle_office", "offices"), ("set_limit", "limit"),
                                             ("set_theme", "theme"), ("set_height", "height")])
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
    handler("set_height")(builder, "800")
    assert (builder.offices, builder.limit, builder.theme, builder.height) == (
        ["PAR"], 10, "dark-high", 800)
