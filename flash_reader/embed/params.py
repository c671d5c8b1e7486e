"""Widget parameters from a query string: validated, with messages a staff member understands."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from flash_reader import i18n
from flash_reader.i18n import Message

THEMES = ("auto", "default", "light-high", "dark-high", "blue-yellow")
LANGS = i18n.LANGS
LIMIT_MIN, LIMIT_MAX, LIMIT_DEFAULT = 1, 20, 5
HEIGHT_MIN, HEIGHT_MAX, HEIGHT_DEFAULT = 200, 2000, 480
WIDTH_MIN, WIDTH_MAX, WIDTH_DEFAULT = 240, 2000, 360
PARAM_ORDER = ("office", "limit", "theme", "lang", "height", "width")
KNOWN_PARAMS = set(PARAM_ORDER)
# Bounds on what an error message repeats back: a query string can be megabytes long.
ECHO_CHARS = 20
ECHO_CODES = 5
NUMBER_DIGITS = 6  # every number we take is below a million; int() of 5,000 digits raises


def small_number(raw: str) -> int | None:
    """A non-negative ASCII integer of at most NUMBER_DIGITS digits, else None.

    `str.isdigit` alone accepts "²" and "１"; int() rejects the first and takes the second."""
    raw = raw.strip()
    if not raw or len(raw) > NUMBER_DIGITS or not (raw.isascii() and raw.isdigit()):
        return None
    return int(raw)


def echo(raw: str) -> str:
    """Client text as it may appear in a message: cut short."""
    return raw[:ECHO_CHARS] + ("…" if len(raw) > ECHO_CHARS else "")


def unknown_codes_problem(unknown: list[str], known_offices: set[str]) -> Message:
    """One message for every unknown office code, naming the first few."""
    codes = ", ".join(echo(code) for code in unknown[:ECHO_CODES])
    usable = ", ".join(sorted(known_offices))
    if len(unknown) > ECHO_CODES:
        return Message("params.unknown_office_more", codes=codes,
                       count=len(unknown) - ECHO_CODES, usable=usable)
    return Message("params.unknown_office", codes=codes, usable=usable)


class ParamError(ValueError):
    """One or more parameters are wrong: each problem in plain words, said in the language of
    the page that shows them (`in_lang`); `problems` in Japanese."""

    def __init__(self, problems: list[Message]) -> None:
        self.messages = problems
        super().__init__("; ".join(self.problems))

    @property
    def problems(self) -> list[str]:
        return self.in_lang(i18n.DEFAULT)

    def in_lang(self, lang: str) -> list[str]:
        return [problem.say(lang) for problem in self.messages]


@dataclasses.dataclass(frozen=True, slots=True)
class WidgetParams:
    offices: tuple[str, ...] = ()
    limit: int = LIMIT_DEFAULT
    theme: str = "auto"
    lang: str = i18n.DEFAULT
    height: int = HEIGHT_DEFAULT
    width: int = WIDTH_DEFAULT

    def query(self) -> str:
        """The canonical query string (what the builder puts in the snippet)."""
        parts = []
        if self.offices:
            parts.append("office=" + ",".join(self.offices))
        parts.append(f"limit={self.limit}")
        if self.theme != "auto":
            parts.append(f"theme={self.theme}")
        if self.lang != i18n.DEFAULT:
            parts.append(f"lang={self.lang}")
        return "&".join(parts)


def parse_widget_params(query: Mapping[str, str], known_offices: set[str]) -> WidgetParams:
    """Every problem at once, so a staff member can fix the snippet in one go."""
    problems: list[Message] = []
    unknown = sorted(set(query) - KNOWN_PARAMS)
    if unknown:
        names = ", ".join(echo(name) for name in unknown[:ECHO_CODES])
        usable = ", ".join(sorted(KNOWN_PARAMS, key=PARAM_ORDER.index))
        problems.append(Message("params.unknown", names=names, usable=usable))
    offices: list[str] = []
    unknown_codes: list[str] = []
    for part in query.get("office", "").split(","):
        code = part.strip().upper()
        if not code:
            continue
        if code not in known_offices:
            unknown_codes.append(part.strip())
        elif code not in offices:
            offices.append(code)
    if unknown_codes:
        problems.append(unknown_codes_problem(unknown_codes, known_offices))
    limit = _integer(query, "limit", (LIMIT_DEFAULT, LIMIT_MIN, LIMIT_MAX),
                     Message("params.label.limit"), problems)
    height = _integer(query, "height", (HEIGHT_DEFAULT, HEIGHT_MIN, HEIGHT_MAX),
                      Message("params.label.height"), problems)
    width = _integer(query, "width", (WIDTH_DEFAULT, WIDTH_MIN, WIDTH_MAX),
                     Message("params.label.width"), problems)
    theme = query.get("theme", "auto").strip() or "auto"
    if theme not in THEMES:
        problems.append(Message("params.theme", value=echo(theme), themes=", ".join(THEMES)))
    lang = query.get("lang", i18n.DEFAULT).strip() or i18n.DEFAULT
    if lang not in LANGS:
        problems.append(Message("params.lang", value=echo(lang)))
    if problems:
        raise ParamError(problems)
    return WidgetParams(tuple(offices), limit, theme, lang, height, width)


def _integer(query: Mapping[str, str], name: str, bounds: tuple[int, int, int], label: Message,
             problems: list[Message]) -> int:
    default, low, high = bounds
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()):
        problems.append(Message("params.not_a_number", name=name, value=echo(raw), label=label,
                                low=low, high=high))
        return default
    value = small_number(raw)
    if value is None or not low <= value <= high:
        problems.append(Message("params.out_of_range", name=name, value=echo(raw), label=label,
                                low=low, high=high))
        return default
    return value
