"""The embed-code builder for staff: their choices, and the snippet computed from them.

Every handler keeps only a fixed choice or a bounded size (flash_reader/embed/
builder_choices.py): a client can call these with any payload, and whatever it sends must not
grow the state. The snippet's address is the reader's public URL (config.public_url), never
the address the builder page was opened at: that comes from the client.
"""

from __future__ import annotations

import contextlib
import dataclasses
from http.cookies import CookieError, SimpleCookie
from urllib.parse import parse_qs

import reflex as rx

from flash_reader import config, i18n, routes
from flash_reader.embed import builder_choices as choices
from flash_reader.embed import conformance
from flash_reader.embed.headers import embed_origins
from flash_reader.embed.oembed import iframe_snippet, widget_title
from flash_reader.embed.params import (
    HEIGHT_DEFAULT,
    HEIGHT_MAX,
    HEIGHT_MIN,
    LIMIT_DEFAULT,
    WIDTH_DEFAULT,
    WIDTH_MAX,
    WIDTH_MIN,
    WidgetParams,
)
from flash_reader.store import store

THEME_LABELS = choices.THEME_LABELS
LANG_LABELS = choices.LANG_LABELS


@dataclasses.dataclass(frozen=True)
class OfficeChoice:
    code: str
    name: str
    checked: bool


def _known_offices() -> list[str]:
    feed = store.current().feed
    return [office.code for office in feed.offices] if feed is not None else []


def lang_param(query: str) -> str:
    """`?lang=` of the URL the client reports (bounded), or ""."""
    return (parse_qs(query[:4_000]).get("lang") or [""])[0]


def lang_cookie(header: str) -> str:
    """The remembered language in a Cookie header (the websocket's, bounded), or ""."""
    cookies = SimpleCookie()
    with contextlib.suppress(CookieError):
        cookies.load(header[:4_000])
    found = cookies.get(i18n.COOKIE)
    return i18n.asked(found.value if found else "")


def page_words(lang: str) -> dict[str, str]:
    """The builder's words in `lang`, the size labels filled with their bounds."""
    words = i18n.catalogue(lang, "builder.")
    for name, low, high in (("height", HEIGHT_MIN, HEIGHT_MAX), ("width", WIDTH_MIN, WIDTH_MAX)):
        words[f"{name}_label"] = i18n.text(lang, "builder.size", name=words[name], low=low,
                                           high=high)
    return words


def address_warning(lang: str) -> str:
    """What staff are told when the embed code's address is the app's own local one (no
    FLASH_PUBLIC_URL): pasted on a site, it would point at each visitor's own machine."""
    if config.configured_public_url():
        return ""
    return i18n.text(lang, "builder.local_address", address=config.public_url())


def allowed_origins() -> list[str]:
    """FLASH_EMBED_ORIGINS as the server reads it (validated at start-up)."""
    try:
        return list(embed_origins())
    except SystemExit:  # a bad value stops the server at start-up; never the builder
        return []


class EmbedBuilderState(rx.State):
    feed_version: str = ""
    offices: list[str] = []  # noqa: RUF012 (Reflex copies defaults per client)
    limit: int = LIMIT_DEFAULT
    theme: str = "auto"
    lang: str = "ja"  # the widget's language (a choice in the builder)
    ui_lang: str = i18n.DEFAULT  # the builder page's own language (?lang=, the fr_lang cookie)
    height: int = HEIGHT_DEFAULT
    width: int = WIDTH_DEFAULT
    height_problem: str = ""
    width_problem: str = ""
    # 「このサイトで試す」: the last verdict, said in the page's status region.
    origin_message: str = ""
    origin_allowed: bool = False

    @rx.event
    def on_load(self) -> None:
        # The remembered language is read from the websocket's own Cookie header, never kept
        # in state: a cookie var would hold whatever a client sends (a 400 KB string, say). The
        # page's display.js writes the cookie when the address says ?lang=.
        self.ui_lang = i18n.choose(lang_param(str(self.router.url.query)),
                                   lang_cookie(str(self.router.headers.cookie)))
        self.feed_version = store.current().version
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
    def set_lang(self, value: str) -> None:
        self.lang = choices.chosen_lang(value, self.lang)

    @rx.event
    def set_height(self, value: str) -> None:
        self.height = choices.chosen_height(value, self.height)
        self.height_problem = choices.height_problem(value, self.ui_lang)

    @rx.event
    def set_width(self, value: str) -> None:
        self.width = choices.chosen_width(value, self.width)
        self.width_problem = choices.width_problem(value, self.ui_lang)

    @rx.event
    def check_origin(self, form_data: dict) -> None:
        typed = form_data.get("origin") if isinstance(form_data, dict) else None
        self.origin_allowed, self.origin_message = choices.origin_verdict(
            typed, allowed_origins(), config.public_url(), self.ui_lang)

    @rx.var
    def words(self) -> dict[str, str]:
        return page_words(self.ui_lang)

    @rx.var
    def limit_options(self) -> list[list[str]]:
        return [[str(n), i18n.count(self.ui_lang, "builder.limit_choice", n)]
                for n in choices.LIMITS]

    @rx.var
    def lang_options(self) -> list[list[str]]:
        return [[value, i18n.text(self.ui_lang, key)] for value, key in LANG_LABELS.items()]

    @rx.var
    def theme_options(self) -> list[list[str]]:
        return [[value, i18n.text(self.ui_lang, key)] for value, key in THEME_LABELS.items()]

    @rx.var
    def allowed_sites(self) -> list[str]:
        return allowed_origins()

    @rx.var
    def office_choices(self) -> list[OfficeChoice]:
        _ = self.feed_version
        feed = store.current().feed
        if feed is None:
            return []
        return [OfficeChoice(o.code, o.name, o.code in self.offices) for o in feed.offices]

    @rx.var
    def preview_src(self) -> str:
        return f"{routes.EMBED}?{self._params().query()}"

    @rx.var
    def preview_title(self) -> str:
        _ = self.feed_version
        return widget_title(store.current(), self._params())

    @rx.var
    def address_warning(self) -> str:
        return address_warning(self.ui_lang)

    @rx.var
    def snippet(self) -> str:
        _ = self.feed_version
        params = self._params()
        return iframe_snippet(config.public_url(), params, widget_title(store.current(), params))

    @rx.var
    def conformance_texts(self) -> list[str]:
        """The conformance block in Japanese and English (flash_reader/embed/conformance.py)."""
        _ = self.feed_version
        params = self._params()
        block = conformance.current(params, widget_title(store.current(), params))
        return [block["text"]["ja"], block["text"]["en"]]

    @rx.var
    def conformance_json_url(self) -> str:
        return (f"{routes.EMBED_CONFORMANCE}?{self._params().query()}"
                f"&height={self.height}&width={self.width}")

    def _params(self) -> WidgetParams:
        return WidgetParams(tuple(self.offices), self.limit, self.theme, self.lang, self.height,
                            self.width)
