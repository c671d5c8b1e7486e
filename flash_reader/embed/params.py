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
        problems.append("知らないパラメータがあります: " + ", ".join(unknown[:5])
                        + "（使えるのは office, limit, theme, lang, height, width）")
    offices: list[str] = []
    for part in query.get("office", "").split(","):
        code = part.strip().upper()
        if not code:
            continue
        if code not in known_offices:
            problems.append(f"office={part.strip()[:20]!s} という事務所はありません"
                            f"（使えるのは {', '.join(sorted(known_offices))}）")
        elif code not in offices:
            offices.append(code)
    limit = _integer(query, "limit", LIMIT_DEFAULT, LIMIT_MIN, LIMIT_MAX, "件数", problems)
    height = _integer(query, "height", HEIGHT_DEFAULT, HEIGHT_MIN, HEIGHT_MAX, "高さ", problems)
    width = _integer(query, "width", WIDTH_DEFAULT, WIDTH_MIN, WIDTH_MAX, "幅", problems)
    theme = query.get("theme", "auto").strip() or "auto"
    if theme not in THEMES:
        problems.append(f"theme={theme[:20]} は使えません（使えるのは {', '.join(THEMES)}）")
    lang = query.get("lang", "ja").strip() or "ja"
    if lang not in LANGS:
        problems.append(f"lang={lang[:20]} は使えません（使えるのは ja, en）")
    if problems:
        raise ParamError(problems)
    return WidgetParams(tuple(offices), limit, theme, lang, height, width)


def _integer(query: Mapping[str, str], name: str, default: int, low: int, high: int,
             label: str, problems: list[str]) -> int:
    raw = query.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()):
        problems.append(f"{name}={raw[:20]} は数ではありません（{label}は {low}〜{high} の整数）")
        return default
    value = int(raw)
    if not low <= value <= high:
        problems.append(f"{name}={value} は範囲外です（{label}は {low}〜{high}）")
        return default
    return value
