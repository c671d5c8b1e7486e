"""Whatever is thrown at the parser, it returns a Feed or raises a FeedError — nothing else."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flash_reader.feed.adapter import MAX_ITEMS_PER_PAGE
from flash_reader.feed.errors import FeedError, FeedFormatError, FeedValidationError
from flash_reader.feed.model import Feed
from flash_reader.feed.parse import parse
from tests.feed.feeds import encode, feed, item

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)

FIELDS = ["id", "title", "content_html", "content_text", "summary", "url", "external_url",
          "image", "banner_image", "date_published", "language", "_flash"]
FLASH = ["office", "office_name", "issue_date", "photo_caption", "photo_file", "link_lost"]
wild = st.one_of(json_values, st.text(), st.sampled_from(
    ["", " ", "\u3000", "2020-10-28", "2020-10-28T00:00:00+09:00", "javascript:alert(1)",
     "<script>alert(1)</script>", "\x00", "\u202e", "1e309", "-0"]))
wild_item = st.dictionaries(st.sampled_from(FIELDS), wild, max_size=8) | st.fixed_dictionaries(
    {"id": wild, "_flash": st.dictionaries(st.sampled_from(FLASH), wild, max_size=6)})


def outcome(data: bytes) -> Feed | FeedError:
    try:
        return parse(data, "https://example.org/feed.json")
    except FeedError as error:
        assert str(error)  # a message for staff, never empty
        return error


@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    outcome(data)


@given(json_values)
def test_any_json_value(value) -> None:
    outcome(json.dumps(value).encode())


@settings(max_examples=300)
@given(st.lists(wild_item, max_size=6), st.dictionaries(
    st.sampled_from(["title", "home_page_url", "feed_url", "next_url", "_flash", "language"]),
    wild, max_size=4))
def test_feed_shaped_documents_with_wild_fields(items, extra) -> None:
    result = outcome(encode({**feed(), **extra, "items": items}))
    if isinstance(result, Feed):
        assert len({i.id for i in result.items}) == len(result.items)
        # Nothing vanishes silently: every item given is kept or named in exactly one note.
        skipped = [note for note in result.notes if note.startswith("item ")]
        assert len(result.items) + len(skipped) == len(items)
        for parsed in result.items:
            assert parsed.id.strip() and parsed.title.strip()
            assert parsed.url is None or parsed.url.startswith(("http://", "https://"))


@pytest.mark.parametrize("literal", [b"NaN", b"Infinity", b"-Infinity"])
def test_nan_and_infinity_are_not_json(literal: bytes) -> None:
    document = encode(feed(item("x"))).replace(b'"x"', literal, 1)
    with pytest.raises(FeedFormatError):
        parse(document)


@given(st.integers() | st.sampled_from([10**30, -(10**30), 2**64, -(2**63) - 1]))
def test_integer_id_becomes_its_decimal_text(number: int) -> None:
    # JSON Feed 1.0 allowed numeric ids; the spec says to turn them into strings.
    parsed = parse(encode(feed(item(number))))
    assert [parsed_item.id for parsed_item in parsed.items] == [str(number)]


@given(st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer()))
def test_fractional_id_skips_that_item_alone(number: float) -> None:
    parsed = parse(encode(feed(item("a"), item(number), item("c"))))
    assert [parsed_item.id for parsed_item in parsed.items] == ["a", "c"]
    assert parsed.notes == ("item 2: field 'id': Expected int | str | null, got float "
                            "— this item was skipped",)


def test_too_many_items_on_one_page() -> None:
    document = encode(feed(*(item(str(n)) for n in range(MAX_ITEMS_PER_PAGE + 1))))
    with pytest.raises(FeedValidationError, match="split it into pages"):
        parse(document)


def test_whitespace_only_fields_fall_back() -> None:
    parsed = parse(encode(feed(item("x", title=" \u3000\t", content_text="本文",
                                    _flash={"office": "  ", "photo_caption": " "}))))
    assert parsed.items[0].title == "本文"
    assert parsed.items[0].office.name == "事務所不明"
    assert parsed.items[0].photo is None
