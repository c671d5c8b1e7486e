"""The embed-code builder for staff: their choices, and the snippet computed from them.

Every handler keeps only a fixed choice (flash_reader/embed/builder_choices.py): a client can
call these with any payload, and whatever it sends must not grow the state.
"""

from __future__ import annotations

import dataclasses

import reflex as rx

from flash_reader import routes
from flash_reader.embed import builder_choices as choices
from flash_reader.embed.oembed import iframe_snippet
from flash_reader.embed.params import (
    HEIGHT_DEFAULT,
    LIMIT_DEFAULT,
    WIDTH_DEFAULT,
    WidgetParams,
)
from flash_reader.store import store

THEME_LABELS = choices.THEME_LABELS
HEIGHTS = choices.HEIGHTS


@dataclasses.dataclass(frozen=True)
class OfficeChoice:
    code: str
    name: str
    checked: bool


def _known_offices() -> list[str]:
    feed = store.current().feed
    return [office.code for office in feed.offices] if feed is not None else []


class EmbedBuilderState(rx.State):
    feed_version: int = 0
    origin: str = ""
    offices: list[str] = []  # noqa: RUF012 (Reflex copies defaults per client)
    limit: int = LIMIT_DEFAULT
    theme: str = "auto"
    height: int = HEIGHT_DEFAULT

    @rx.event
    def on_load(self) -> None:
        self.feed_version = store.current().version
        # The page URL comes from the client too.
        self.origin = choices.page_origin(str(self.router.url.origin))
        self.offices = choices.kept_offices(self.offices, _known_offices())

    @rx.event
    def toggle_office(self, code: str) -> None:
        self.offices = choices.toggled_offices(self.offices, code, _known_offices())

    @rx.event
    def set_limit(self, value: str) -> None:
        self.limit = choices.chosen_limit(value, self.limit)

    @rx.event
    def set_theme(self, value: str) -> None:
        self.theme = choices.chosen_theme(value, self.theme)

    @rx.event
    def set_height(self, value: str) -> None:
        self.height = choices.chosen_height(value, self.height)

    @rx.var
    def office_choices(self) -> list[OfficeChoice]:
        _ = self.feed_version
        feed = store.current().feed
        if feed is None:
            return []
        return [OfficeChoice(o.code, o.name, o.code in self.offices) for o in feed.offices]

    @rx.var
    def params_query(self) -> str:
        return self._params().query()

    @rx.var
    def preview_src(self) -> str:
        return f"{routes.EMBED}?{self._params().query()}"

    @rx.var
    def preview_title(self) -> str:
        names = {c.code: c.name for c in self.office_choices}
        scope = "・".join(names.get(c, c) for c in self.offices) or "全事務所"
        return f"海外事務所フラッシュ（{scope}の新着{self.limit}件）"

    @rx.var
    def snippet(self) -> str:
        return iframe_snippet(self.origin, self._params(), self.preview_title)

    def _params(self) -> WidgetParams:
        _ = (self.offices, self.limit, self.theme, self.height)
        return WidgetParams(tuple(self.offices), self.limit, self.theme, "ja", self.height,
                            WIDTH_DEFAULT)
