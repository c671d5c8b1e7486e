"""What a reader URL asks for, validated: the reader's choices, bounded.

One parser for every way a URL reaches the server — an HTTP request for a page or a view,
and Reflex's `on_load` over the websocket — so they agree on the canonical form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import unquote, urlencode

from flash_reader import routes
from flash_reader.feed.search import MAX_QUERY_CHARS

PAGE_SIZE = 50  # articles per step of 「さらに表示」
MAX_LIMIT = 1_000  # the most articles one page shows, however the URL asks
MAX_ID_CHARS = 200


class Kind(enum.StrEnum):
    READER = "reader"
    ITEM = "item"
    ISSUE = "issue"
    ARCHIVE = "archive"  # /issues: every year and month at once
    STATEMENT = "statement"  # /accessibility
    ABOUT = "about"
    NOT_FOUND = "not-found"


@dataclasses.dataclass(frozen=True, slots=True)
class ViewRequest:
    kind: Kind
    offices: tuple[str, ...] = ()
    query: str = ""
    limit: int = PAGE_SIZE
    item_id: str = ""
    issue_date: dt.date | None = None
    # The URL named an office code the feed does not have (a bool: two variants of a view at
    # most, whatever a URL says). The view says so and lists the offices that exist.
    unknown_office: bool = False

    @property
    def filtering(self) -> bool:
        return bool(self.offices or self.query)

    def path(self) -> str:
        """The canonical URL path and query of this view (what a shared link says)."""
        if self.kind is Kind.ITEM:
            return routes.item_url(self.item_id)
        if self.kind is Kind.ISSUE and self.issue_date:
            return routes.issue_url(self.issue_date) + _limit_query(self.limit)
        if self.kind is Kind.ARCHIVE:
            return routes.ISSUES
        if self.kind is Kind.STATEMENT:
            return routes.ACCESSIBILITY
        if self.kind is Kind.ABOUT:
            return routes.ABOUT
        if self.kind is Kind.READER:
            url = routes.reader_url(self.offices, self.query)
            if self.limit != PAGE_SIZE:
                url += ("&" if "?" in url else "?") + urlencode({"limit": self.limit})
            return url
        return ""


def _limit_query(limit: int) -> str:
    return f"?limit={limit}" if limit != PAGE_SIZE else ""


def parse_limit(raw: str) -> int:
    """`limit` from a URL: a multiple of PAGE_SIZE up to MAX_LIMIT; anything else → PAGE_SIZE."""
    raw = raw.strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 5:
        return PAGE_SIZE
    value = int(raw)
    if value < PAGE_SIZE or value % PAGE_SIZE:
        return PAGE_SIZE
    return min(value, MAX_LIMIT)


def parse_query(raw: str) -> str:
    return " ".join(raw[:MAX_QUERY_CHARS].split())


def parse_offices(values: Iterable[str], known: Sequence[str]) -> tuple[str, ...]:
    """`office=PAR,SIN` or `office=PAR&office=SIN` (a plain form) → known codes, in the feed's
    order (`known`): `SIN,PAR` names the same view as `PAR,SIN`, so both share one rendering."""
    rank = {code: n for n, code in enumerate(known)}
    codes = {code for code in _office_codes(values) if code in rank}
    return tuple(sorted(codes, key=rank.__getitem__))


def _office_codes(values: Iterable[str]) -> Iterator[str]:
    """Every code `office=` names, upper-cased, blanks left out (each value read to 2,000)."""
    for value in values:
        for part in value[:2_000].replace("、", ",").split(","):
            if code := part.strip().upper():
                yield code


def parse_date(raw: str) -> dt.date | None:
    if len(raw) != 10 or not raw.isascii():
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def names_unknown_office(values: Iterable[str], known: Sequence[str]) -> bool:
    """Whether `office=` names a code (other than a blank) that is not one of `known`."""
    known_codes = set(known)
    return any(code not in known_codes for code in _office_codes(values))


def from_url(path: str, params: dict[str, list[str]], known_offices: Sequence[str]
             ) -> ViewRequest:
    """The view a reader URL names. `params` maps each query name to all its values."""
    def first(name: str) -> str:
        values = params.get(name) or [""]
        return values[0]

    limit = parse_limit(first("limit"))
    if path in ("", routes.READER):
        offices = params.get("office", [])
        return ViewRequest(Kind.READER, parse_offices(offices, known_offices),
                           parse_query(first("q")), limit,
                           unknown_office=names_unknown_office(offices, known_offices))
    if path.rstrip("/") == routes.ISSUES:
        return ViewRequest(Kind.ARCHIVE)
    if path.rstrip("/") == routes.ACCESSIBILITY:
        return ViewRequest(Kind.STATEMENT)
    if path.rstrip("/") == routes.ABOUT:
        return ViewRequest(Kind.ABOUT)
    head, _, rest = path.lstrip("/").partition("/")
    if not rest or "/" in rest.rstrip("/"):
        return ViewRequest(Kind.NOT_FOUND)
    rest = unquote(rest.rstrip("/"))
    if head == "items" and 0 < len(rest) <= MAX_ID_CHARS:
        return ViewRequest(Kind.ITEM, item_id=rest)
    if head == "issues" and (date := parse_date(rest)):
        return ViewRequest(Kind.ISSUE, issue_date=date, limit=limit)
    return ViewRequest(Kind.NOT_FOUND)

