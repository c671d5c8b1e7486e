"""Widget parameters from a query string: validated, with messages a staff member understands."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

THEMES = ("auto", "default", "light-high", "dark-high", "blue-yellow")
LANGS = ("ja", "en")
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


def unknown_codes_problem(unknown: list[str], known_offices: set[str], lang: str = "ja") -> str:
    """One message for every unknown office code, naming the first few."""
    shown = ", ".join(echo(code) for code in unknown[:ECHO_CODES])
    usable = ", ".join(sorted(known_offices))
    if lang == "en":
        more = f" and {len(unknown) - ECHO_CODES} more" if len(unknown) > ECHO_CODES else ""
        return f"There is no office {shown}{more} (office codes: {usable})"
    more = f" ほか {len(unknown) - ECHO_CODES} 件" if len(unknown) > ECHO_CODES else ""
    return f"office={shown}{more} という事務所はありません（使えるのは {usable}）"


class ParamError(ValueError):
    """One or more parameters are wrong; `problems` lists each in plain Japanese and
    `problems_en` the same in English (for a widget asked for with lang=en)."""

    def __init__(self, problems: list[str], problems_en: list[str] | None = None) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.problems_en = problems_en if problems_en is not None else problems

    def in_lang(self, lang: str) -> list[str]:
        return self.problems_en if lang == "en" else self.problems


@dataclasses.dataclass(frozen=True, slots=True)
class WidgetParams:
    offices: tuple[str, ...] = ()
    limit: int = LIMIT_DEFAULT
    theme: str = "auto"
    lang: str = "ja"
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
        if self.lang != "ja":
            parts.append(f"lang={self.lang}")
        return "&".join(parts)


def parse_widget_params(query: Mapping[str, str], known_offices: set[str]) -> WidgetParams:
    """Every problem at once, so a staff member can fix the snippet in one go."""
    ja: list[str] = []
    en: list[str] = []
    unknown = sorted(set(query) - KNOWN_PARAMS)
    if unknown:
        names = ", ".join(echo(name) for name in unknown[:ECHO_CODES])
        usable = ", ".join(sorted(KNOWN_PARAMS, key=PARAM_ORDER.index))
        ja.append(f"知らないパラメータがあります: {names}（使えるのは {usable}）")
        en.append(f"Unknown parameter: {names} (use {usable})")
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
        ja.append(unknown_codes_problem(unknown_codes, known_offices))
        en.append(unknown_codes_problem(unknown_codes, known_offices, "en"))
    limit = _integer(query, "limit", (LIMIT_DEFAULT, LIMIT_MIN, LIMIT_MAX), ("件数", "limit"),
                     ja, en)
    height = _integer(query, "height", (HEIGHT_DEFAULT, HEIGHT_MIN, HEIGHT_MAX), ("高さ", "height"),
                      ja, en)
    width = _integer(query, "width", (WIDTH_DEFAULT, WIDTH_MIN, WIDTH_MAX), ("幅", "width"), ja, en)
    theme = query.get("theme", "auto").strip() or "auto"
    if theme not in THEMES:
        ja.append(f"theme={echo(theme)} は使えません（使えるのは {', '.join(THEMES)}）")
        en.append(f"theme={echo(theme)} is not available (use {', '.join(THEMES)})")
    lang = query.get("lang", "ja").strip() or "ja"
    if lang not in LANGS:
        ja.append(f"lang={echo(lang)} は使えません（使えるのは ja, en）")
        en.append(f"lang={echo(lang)} is not available (use ja or en)")
    if ja:
        raise ParamError(ja, en)
    return WidgetParams(tuple(offices), limit, theme, lang, height, width)


def _integer(query: Mapping[str, str], name: str, bounds: tuple[int, int, int],
             labels: tuple[str, str], ja: list[str], en: list[str]) -> int:
    default, low, high = bounds
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()):
        ja.append(f"{name}={echo(raw)} は数ではありません（{labels[0]}は {low}〜{high} の整数）")
        en.append(f"{name}={echo(raw)} is not a number ({labels[1]} is a whole number "
                  f"from {low} to {high})")
        return default
    value = small_number(raw)
    if value is None or not low <= value <= high:
        ja.append(f"{name}={echo(raw)} は範囲外です（{labels[0]}は {low}〜{high}）")
        en.append(f"{name}={echo(raw)} is out of range ({labels[1]} is {low} to {high})")
        return default
    return value
