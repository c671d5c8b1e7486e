"""Every colour pair of every theme, checked before a browser sees it."""

from __future__ import annotations

import pytest

from flash_reader.display.palette import (
    AAA_TEXT,
    ALL,
    CHOOSABLE,
    NON_TEXT,
    Theme,
    boundary_pairs,
    contrast_ratio,
    parse_colour,
    text_pairs,
)


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_palette_every_text_pair_reaches_7_to_1(theme: Theme) -> None:
    failing = {name: round(contrast_ratio(fg, bg), 2)
               for name, (fg, bg) in text_pairs(theme.palette).items()
               if contrast_ratio(fg, bg) < AAA_TEXT}
    assert not failing


@pytest.mark.parametrize("theme", ALL, ids=lambda t: t.name)
def test_palette_boundaries_and_focus_reach_3_to_1(theme: Theme) -> None:
    failing = {name: round(contrast_ratio(fg, bg), 2)
               for name, (fg, bg) in boundary_pairs(theme.palette).items()
               if contrast_ratio(fg, bg) < NON_TEXT}
    assert not failing


def test_palette_choosable_themes_are_the_four_asked_for() -> None:
    assert [t.label for t in CHOOSABLE] == ["標準", "白地に黒", "黒地に白", "青地に黄"]
    assert len({t.name for t in ALL}) == len(ALL)


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("rgb(118, 118, 118)", "rgb(255,255,255)") == pytest.approx(4.54, abs=0.01)


def test_parse_colour_forms() -> None:
    assert parse_colour("#0A4a8F") == (10, 74, 143, 1.0)
    assert parse_colour("rgba(1, 2, 3, 0.5)") == (1, 2, 3, 0.5)
    assert parse_colour("rgb(1 2 3 / 50%)") == (1, 2, 3, 0.5)
    with pytest.raises(ValueError, match="not a colour"):
        parse_colour("red")
