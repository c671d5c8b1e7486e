"""Widget parameters from a query string: validated, with messages a staff member understands."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

THEMES = ("auto", "default", "light-high", "dark-high", "blue-yellow")
LANGS = ("ja", "en")
LIMIT_MIN, LIMIT_MAX, LIMIT_DEFAULT = 1, 20, 5
HEIGHT_MIN, HEIGHT_MAX, HEIGHT_DEFAULT = 200, 2000, 480
WIDTH_MIN, WIDTH_MAX, WIDTH_DEFAULT = 240, 2000, 360
KNOWN_PARAMS = {"office", "limit", "theme", "lang", "height", "width"}
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


def unknown_codes_problem(unknown: list[str], known_offices: set[str]) -> str:
    """One message for every unknown office code, naming the first few."""
    shown = ", ".join(echo(code) for code in unknown[:ECHO_CODES])
    more = f" ほか {len(unknown) - ECHO_CODES} 件" if len(unknown) > ECHO_CODES else ""
    return (f"office={shown}{more} という事務所はありません"
            f"（使えるのは {', '.join(sorted(known_offices))}）")


class ParamError(ValueError):
    """One or more parameters are wrong; `problems` lists each in plain Japanese."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


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
    problems: list[str] = []
    unknown = sorted(set(query) - KNOWN_PARAMS)
    if unknown:
        names = ", ".join(echo(name) for name in unknown[:ECHO_CODES])
        problems.append(f"知らないパラメータがあります: {names}"
                        "（使えるのは office, limit, theme, lang, height, width）")
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
    limit = _integer(query, "limit", LIMIT_DEFAULT, LIMIT_MIN, LIMIT_MAX, "件数", problems)
    height = _integer(query, "height", HEIGHT_DEFAULT, HEIGHT_MIN, HEIGHT_MAX, "高さ", problems)
    width = _integer(query, "width", WIDTH_DEFAULT, WIDTH_MIN, WIDTH_MAX, "幅", problems)
    theme = query.get("theme", "auto").strip() or "auto"
    if theme not in THEMES:
        problems.append(f"theme={echo(theme)} は使えません（使えるのは {', '.join(THEMES)}）")
    lang = query.get("lang", "ja").strip() or "ja"
    if lang not in LANGS:
        problems.append(f"lang={echo(lang)} は使えません（使えるのは ja, en）")
    if problems:
        raise ParamError(problems)
    return WidgetParams(tuple(offices), limit, theme, lang, height, width)


def _integer(query: Mapping[str, str], name: str, default: int, low: int, high: int,
             label: str, problems: list[str]) -> int:
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()):
        problems.append(f"{name}={echo(raw)} は数ではありません（{label}は {low}〜{high} の整数）")
        return default
    value = small_number(raw)
    if value is None or not low <= value <= high:
        problems.append(f"{name}={echo(raw)} は範囲外です（{label}は {low}〜{high}）")
        return default
    return value
