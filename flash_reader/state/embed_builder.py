"""The embed-code builder for staff: their choices, and the snippet computed from them."""

from __future__ import annotations

import dataclasses

import reflex as rx

from flash_reader import routes
from flash_reader.embed.oembed import iframe_snippet
from flash_reader.embed.params import (
    HEIGHT_DEFAULT,
    LIMIT_DEFAULT,
    THEMES,
    WIDTH_DEFAULT,
    WidgetParams,
)
from flash_reader.store import store

THEME_LABELS = {"auto": "閲覧者の端末に合わせる", "default": "標準", "light-high": "白地に黒",
                "dark-high": "黒地に白", "blue-yellow": "青地に黄"}
HEIGHTS = (300, 400, 480, 600, 800)


@dataclasses.dataclass(frozen=True)
class OfficeChoice:
    code: str
    name: str
    checked: bool


class EmbedBuilderState(rx.State):
    feed_version: int = 0
    origin: str = ""
    offices: list[str] = []  # noqa: RUF012 (Reflex copies defaults per client)
    limit: int = LIMIT_DEFAULT
    theme: str = "auto"
    height: int = HEIGHT_DEFAULT
    copied: str = ""

    @rx.event
    def on_load(self) -> None:
        self.feed_version = store.current().version
        self.origin = str(self.router.url.origin)
        self.copied = ""

    @rx.event
    def toggle_office(self, code: str) -> None:
        self.offices = [c for c in self.offices if c != code] + (
            [] if code in self.offices else [code])
        self.copied = ""

    @rx.event
    def set_limit(self, value: str) -> None:
        self.limit = int(value) if value.isdigit() and 1 <= int(value) <= 20 else LIMIT_DEFAULT
        self.copied = ""

    @rx.event
    def set_theme(self, value: str) -> None:
        self.theme = value if value in THEMES else "auto"
        self.copied = ""

    @rx.event
    def set_height(self, value: str) -> None:
        self.height = int(value) if value.isdigit() and int(value) in HEIGHTS else HEIGHT_DEFAULT
        self.copied = ""

    @rx.event
    def copy_snippet(self):
        self.copied = "埋め込みコードをコピーしました。"
        return rx.set_clipboard(self.snippet)

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
