"""The bundled default feed is generated from the seed by the converter, never edited by hand."""

from __future__ import annotations

from pathlib import Path

from flash_reader.cli import dump_feed
from flash_reader.config import BUNDLED_FEED
from flash_reader.convert import convert
from flash_reader.feed.parse import parse
from tests.conftest import DEFAULT_FEED, SEED

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / SEED.name


def test_default_feed_regenerates_byte_for_byte(seed_text: str) -> None:
    regenerated = dump_feed(convert(seed_text))
    assert regenerated == DEFAULT_FEED.read_text(encoding="utf-8"), (
        "assets/feeds/default.json is stale: run `flash-reader convert "
        "assets/seeds/clair-flash-2020-10-28.txt > assets/feeds/default.json`")


def test_bundled_seed_matches_the_shared_original() -> None:
    # The repository carries a copy so a clean clone is self-contained; where the team's
    # shared folder is present, the copy must not have drifted from it.
    if SHARED_SEED.exists():
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()
    assert SEED.read_text(encoding="utf-8").count("◇") == 7


def test_app_default_is_the_bundled_feed() -> None:
    assert Path(BUNDLED_FEED).resolve() == DEFAULT_FEED.resolve()


def test_default_feed_loads_as_the_app_loads_it() -> None:
    feed = parse(DEFAULT_FEED.read_bytes())
    assert len(feed.items) == 7
    assert feed.notes == ()
    assert [office.code for office in feed.offices] == [
        "PAR", "SIN", "LON", "BEJ", "NYC", "SYD", "SEL"]
    assert all(item.photo and item.photo.caption for item in feed.items)
