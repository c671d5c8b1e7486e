"""Widget parameters: every bad value gets a plain-language message, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flash_reader.embed.params import KNOWN_PARAMS, ParamError, WidgetParams, parse_widget_params

KNOWN = {"PAR", "SIN", "LON"}


def test_defaults() -> None:
    assert parse_widget_params({}, KNOWN) == WidgetParams()


def test_full_set() -> None:
    params = parse_widget_params({"office": "par, SIN,par", "limit": "3", "theme": "dark-high",
                                  "lang": "en", "height": "600", "width": "240"}, KNOWN)
    assert params == WidgetParams(("PAR", "SIN"), 3, "dark-high", "en", 600, 240)
    assert params.query() == "office=PAR,SIN&limit=3&theme=dark-high&lang=en"


@pytest.mark.parametrize(("query", "message"), [
    ({"office": "XXX"}, "office=XXX という事務所はありません"),
    ({"limit": "abc"}, "limit=abc は数ではありません"),
    ({"limit": "0"}, "limit=0 は範囲外です"),
    ({"limit": "21"}, "limit=21 は範囲外です"),
    ({"limit": "-1"}, "limit=-1 は数ではありません"),
    ({"limit": "５"}, "limit=５ は数ではありません"),
    ({"height": "99999"}, "height=99999 は範囲外です"),
    ({"theme": "neon"}, "theme=neon は使えません"),
    ({"lang": "fr"}, "lang=fr は使えません"),
    ({"colour": "red"}, "知らないパラメータがあります: colour"),
])
def test_bad_values(query: dict[str, str], message: str) -> None:
    with pytest.raises(ParamError) as error:
        parse_widget_params(query, KNOWN)
    assert any(message in problem for problem in error.value.problems)


def test_every_problem_reported_at_once() -> None:
    with pytest.raises(ParamError) as error:
        parse_widget_params({"office": "XXX", "limit": "abc", "theme": "neon"}, KNOWN)
    assert len(error.value.problems) == 3


@given(st.dictionaries(st.sampled_from(sorted(KNOWN_PARAMS | {"x", "page"})), st.text(max_size=40),
                       max_size=7))
def test_any_query_gives_params_or_param_error(query: dict[str, str]) -> None:
    try:
        params = parse_widget_params(query, KNOWN)
    except ParamError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
    else:
        assert 1 <= params.limit <= 20 and set(params.offices) <= KNOWN
