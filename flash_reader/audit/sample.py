"""The WAIC sample: the chosen page kinds, plus pages drawn at random from the archive with a
stated seed (the same seed and archive give the same sample)."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence

from flash_reader import routes
from flash_reader.embed.params import LANGS, THEMES, WidgetParams

KINDS = ("top", "filter", "search", "item", "issue", "archive", "about", "statement", "404",
         "builder", "widget")
RANDOM = "random"
MIN_RANDOM = 25
NOT_FOUND_PATH = "/audit-page-that-does-not-exist"


@dataclasses.dataclass(frozen=True, slots=True)
class SamplePage:
    kind: str  # one of KINDS, or RANDOM
    path: str


def chosen(*, office: str, word: str, item_path: str, issue_path: str) -> tuple[SamplePage, ...]:
    """One page of every kind WAIC has the tester choose, from the live archive's values."""
    paths = {
        "top": routes.READER,
        "filter": routes.reader_url([office]) if office else routes.READER,
        "search": routes.reader_url(query=word),
        "item": item_path,
        "issue": issue_path,
        "archive": routes.ISSUES,
        "about": routes.ABOUT,
        "statement": routes.ACCESSIBILITY,
        "404": NOT_FOUND_PATH,
        "builder": routes.EMBED_BUILDER,
        "widget": routes.EMBED,
    }
    return tuple(SamplePage(kind, paths[kind]) for kind in KINDS) + widget_variants()


def widget_variants() -> tuple[SamplePage, ...]:
    """The widget in every colour theme and language besides the default one above: what a
    host embeds is tested as it will show (the embed block states the results per setting)."""
    return tuple(SamplePage("widget", routes.EMBED + "?" + WidgetParams(theme=t, lang=lang).query())
                 for t in THEMES for lang in LANGS if (t, lang) != ("auto", "ja"))


def draw(population: Sequence[str], seed: int, count: int = MIN_RANDOM,
         exclude: Sequence[str] = ()) -> tuple[SamplePage, ...]:
    """`count` pages of `population` (item and issue paths) at random: sorted first, so the
    order the archive was read in does not change the sample."""
    pool = sorted(set(population) - set(exclude))
    picked = random.Random(seed).sample(pool, min(count, len(pool)))
    return tuple(SamplePage(RANDOM, path) for path in picked)


def sample(chosen_pages: Sequence[SamplePage], population: Sequence[str], seed: int,
           count: int = MIN_RANDOM) -> tuple[SamplePage, ...]:
    return tuple(chosen_pages) + draw(population, seed, count,
                                      exclude=[p.path for p in chosen_pages])
