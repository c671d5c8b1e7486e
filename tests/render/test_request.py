"""What a reader URL asks for: parsed, bounded, canonical — hostile input included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flash_reader.feed.search import MAX_QUERY_CHARS
from flash_reader.render.request import (
    MAX_ID_CHARS,
    MAX_LIMIT,
    PAGE_SIZE,
    Kind,
    ViewRequest,
    from_url,
)

KNOWN = ("PAR", "SIN", "SEL")  # the feed's order


def test_reader_with_offices_in_either_form_and_words() -> None:
    comma = from_url("/", {"office": ["par,SIN,XXX"], "q": ["  交流  会 "]}, KNOWN)
    repeated = from_url("/", {"office": ["PAR", "SIN", "PAR"], "q": ["交流 会"]}, KNOWN)
    assert comma == ViewRequest(Kind.READER, ("PAR", "SIN"), "交流 会", unknown_office=True)
    assert repeated == ViewRequest(Kind.READER, ("PAR", "SIN"), "交流 会")
    assert comma.path() == repeated.path()
    assert comma.path() == "/?office=PAR,SIN&q=%E4%BA%A4%E6%B5%81+%E4%BC%9A"


@pytest.mark.parametrize("raw", ["", "abc", "0", "49", "51", "-50", "²", "1" * 5000, "１００"])
def test_limit_that_is_not_a_step_falls_back_to_one_page(raw: str) -> None:
    assert from_url("/", {"limit": [raw]}, KNOWN).limit == PAGE_SIZE


def test_limit_is_capped() -> None:
    assert from_url("/", {"limit": ["100"]}, KNOWN).limit == 100
    assert from_url("/", {"limit": ["99950"]}, KNOWN).limit == MAX_LIMIT


@pytest.mark.parametrize(("path", "kind"), [
    ("/items/2020-10-28-01", Kind.ITEM), ("/items/a%2Fb", Kind.ITEM),
    ("/issues/2020-10-28", Kind.ISSUE), ("/issues/2020-13-01", Kind.NOT_FOUND),
    ("/issues/2020-10-28x", Kind.NOT_FOUND), ("/items/", Kind.NOT_FOUND),
    ("/items/a/b", Kind.NOT_FOUND), ("/other/x", Kind.NOT_FOUND),
    ("/items/" + "x" * (MAX_ID_CHARS + 1), Kind.NOT_FOUND)])
def test_permalink_paths(path: str, kind: Kind) -> None:
    assert from_url(path, {}, KNOWN).kind is kind


def test_item_id_with_a_slash_is_decoded_once() -> None:
    request = from_url("/items/a%2Fb%2525", {}, KNOWN)
    assert request.item_id == "a/b%25" and request.path() == "/items/a%2Fb%2525"



@given(st.text(max_size=300), st.lists(st.text(max_size=300), max_size=5),
       st.text(max_size=300))
def test_any_url_gives_a_bounded_request(path: str, offices: list[str], words: str) -> None:
    request = from_url(path, {"office": offices, "q": [words], "limit": [words]}, KNOWN)
    assert set(request.offices) <= set(KNOWN) and len(request.query) <= MAX_QUERY_CHARS
    assert PAGE_SIZE <= request.limit <= MAX_LIMIT and len(request.item_id) <= MAX_ID_CHARS


def test_offices_in_any_order_name_one_view_in_the_feeds_order() -> None:
    # "SEL,PAR" and "PAR,SEL" are one view: rendered and cached once, one canonical URL.
    backwards = from_url("/", {"office": ["SEL,par"]}, KNOWN)
    assert backwards == from_url("/", {"office": ["PAR,SEL"]}, KNOWN)
    assert backwards.offices == ("PAR", "SEL") and backwards.path() == "/?office=PAR,SEL"
