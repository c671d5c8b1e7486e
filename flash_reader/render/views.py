"""Page views: what each reader URL shows, built from one snapshot by plain functions.

A rendered view depends only on (content version, the validated request, furigana on/off),
so it is built once and shared by every reader of this process (`render_view` caches it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import OrderedDict

from flash_reader import routes, views
from flash_reader.feed import query as feed_query
from flash_reader.feed import timeline as feed_timeline
from flash_reader.feed.search import terms_of
from flash_reader.render import statement
from flash_reader.render.request import PAGE_SIZE, Kind, ViewRequest
from flash_reader.store import Snapshot

SITE = "海外事務所フラッシュ"
READER_TITLE = "海外事務所フラッシュ｜CLAIR 自治体国際化協会"
DESCRIPTION = ("CLAIR（自治体国際化協会）の海外事務所から届くニュース"
               "「海外事務所フラッシュ」を読みやすく表示します。")
DESCRIPTION_CHARS = 120


@dataclasses.dataclass(frozen=True, slots=True)
class PageMeta:
    """What goes in <head> and the status line: title, description, Open Graph."""

    status: int
    title: str
    description: str
    canonical: str  # path and query; made absolute with the configured public URL
    og_type: str = "website"
    image: str = ""  # an absolute photo URL from the feed, when the page has a real photo


@dataclasses.dataclass(frozen=True, slots=True)
class OfficeOption:
    code: str
    name: str
    count: int
    checked: bool
    href: str  # the reader with this office toggled (what the checkbox navigates to)


@dataclasses.dataclass(frozen=True, slots=True)
class IssueLink:
    label: str
    url: str
    current: bool


@dataclasses.dataclass(frozen=True, slots=True)
class MonthEntry:
    label: str
    issues: tuple[IssueLink, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class YearEntry:
    year: int
    label: str
    open: bool
    months: tuple[MonthEntry, ...]
    issue_count: int = 0
    items: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class TimelineView:
    years: tuple[YearEntry, ...]
    summary: str


@dataclasses.dataclass(frozen=True, slots=True)
class StatementView:
    """/accessibility: the JIS X 8341-3 form, filled from the recorded test run."""

    claim: str  # 準拠 or 一部準拠
    tested_on: str  # the run's date, or "" without a run
    source: str  # which record the results come from
    tools: tuple[tuple[str, str], ...]
    pages: tuple[str, ...]
    rows: tuple[statement.CriterionResult, ...]
    counts: tuple[tuple[str, int], ...]
    whole_suite: bool


@dataclasses.dataclass(frozen=True, slots=True)
class PageView:
    """Everything the view template needs (fields unused by a kind stay empty)."""

    readings: bool
    heading: str = ""
    notice: str = ""
    query: str = ""
    offices_chosen: tuple[str, ...] = ()
    items: tuple[views.ItemView, ...] = ()
    shown: int = 0
    more_href: str = ""
    announce: str = ""  # said once by the live region after a client-side navigation
    # reader
    summary: str = ""
    total: int = 0
    all_href: str = ""
    office_options: tuple[OfficeOption, ...] = ()
    empty: bool = False
    # issue
    newer_href: str = ""
    older_href: str = ""
    # not found
    message: str = ""
    timeline: TimelineView | None = None
    statement: StatementView | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class RenderedView:
    kind: Kind
    view: PageView
    meta: PageMeta
    version: str  # the content version it was rendered from
    html: str  # the #view element


def build(snapshot: Snapshot, request: ViewRequest, readings: bool) -> tuple[PageView, PageMeta]:
    """The view and head metadata of `request` over `snapshot` (no HTML yet)."""
    if request.kind is Kind.STATEMENT:  # these two need no feed
        return statement_page(readings)
    if request.kind is Kind.ABOUT:
        return about_page(readings)
    if snapshot.feed is None:
        return _unavailable(snapshot, readings)
    if request.kind is Kind.READER:
        return _reader(snapshot, request, readings)
    if request.kind is Kind.ITEM:
        return _item(snapshot, request, readings)
    if request.kind is Kind.ISSUE:
        return _issue(snapshot, request, readings)
    if request.kind is Kind.ARCHIVE:
        return _archive(snapshot, readings)
    return not_found(readings)


def not_found(readings: bool = False, heading: str = "ページが見つかりません",
              message: str = "お探しのページは見つかりませんでした。URL をご確認ください。"
              ) -> tuple[PageView, PageMeta]:
    view = PageView(readings, heading=heading, message=message, announce=heading)
    return view, PageMeta(404, f"{heading}｜{SITE}", message, "")


def _unavailable(snapshot: Snapshot, readings: bool) -> tuple[PageView, PageMeta]:
    message = views.staleness_notice(snapshot) or (
        "ニュースを読み込んでいます。しばらくしてから再読み込みしてください。")
    view = PageView(readings, heading="ニュースを表示できません", message=message,
                    announce=message)
    return view, PageMeta(503, f"ニュースを表示できません｜{SITE}", message, "")


def _item_views(snapshot: Snapshot, items, terms=(), readings=False):
    return tuple(views.item_view(item, terms, readings=readings) for item in items)


def _more(request: ViewRequest, total: int) -> tuple[int, str]:
    shown = min(total, request.limit)
    if total <= request.limit:
        return shown, ""
    return shown, dataclasses.replace(request, limit=request.limit + PAGE_SIZE).path()


def _reader(snapshot: Snapshot, request: ViewRequest, readings: bool
            ) -> tuple[PageView, PageMeta]:
    feed = snapshot.feed
    terms = terms_of(request.query)
    latest = snapshot.latest_issue
    if request.filtering:
        matching = feed_query.select_items(feed, snapshot.search_index, request.offices, terms)
    else:
        matching = list(snapshot.issues.get(latest, ())) if latest else list(feed.items)
    shown, more_href = _more(request, len(matching))
    names = {office.code: office.name for office in feed.offices}
    summary = result_summary(request, [names.get(c, c) for c in request.offices], len(matching))
    options = []
    for code, count in office_counts(snapshot).items():
        if not code:
            continue
        toggled = tuple(c for c in request.offices if c != code) + (
            () if code in request.offices else (code,))
        options.append(OfficeOption(code, names.get(code, "事務所不明"), count,
                                    code in request.offices,
                                    routes.reader_url(toggled, request.query)))
    heading = "絞り込み・検索の結果" if request.filtering else views.issue_label(latest)
    view = PageView(
        readings, heading=heading, notice=views.staleness_notice(snapshot),
        query=request.query, offices_chosen=request.offices,
        items=_item_views(snapshot, matching[:shown], terms, readings), shown=shown,
        more_href=more_href, announce=summary, summary=summary, total=len(feed.items),
        all_href=routes.reader_url((), request.query), office_options=tuple(options),
        empty=request.filtering and not matching,
        timeline=timeline_view(snapshot, latest))
    title = READER_TITLE if not request.filtering else f"{summary}｜{SITE}"
    description = DESCRIPTION if not request.filtering else f"{summary}。{DESCRIPTION}"
    return view, PageMeta(200, title, description, request.path())


def result_summary(request: ViewRequest, office_names: list[str], count: int) -> str:
    """What the result line (and the live region) says."""
    if not request.filtering:
        return f"最新号の記事 {count}件"
    scope = ""
    if office_names:
        scope += "・".join(office_names) + "の"
    if request.query:
        scope += f"「{request.query}」を含む"
    return f"{scope}記事 {count}件"


def _item(snapshot: Snapshot, request: ViewRequest, readings: bool
          ) -> tuple[PageView, PageMeta]:
    item = snapshot.items_by_id.get(request.item_id)
    if item is None:
        return not_found(readings, "記事が見つかりません",
                         "この記事は見つかりませんでした。URL をご確認ください。")
    view = PageView(readings, heading=item.title, notice=views.staleness_notice(snapshot),
                    items=_item_views(snapshot, (item,), readings=readings), shown=1,
                    announce=item.title)
    photo = item.photo
    image = photo.url if photo and photo.url else ""
    return view, PageMeta(200, f"{item.title}｜{SITE}", _summary_text(item), request.path(),
                          og_type="article", image=image)


def _summary_text(item) -> str:
    text = "".join(span.text for paragraph in item.paragraphs for span in paragraph)
    text = " ".join(text.split())
    if len(text) > DESCRIPTION_CHARS:
        text = text[: DESCRIPTION_CHARS - 1] + "…"
    return f"{item.office.name}：{text}" if text else item.title


def _issue(snapshot: Snapshot, request: ViewRequest, readings: bool
           ) -> tuple[PageView, PageMeta]:
    date = request.issue_date
    items = snapshot.issues.get(date, ()) if date else ()
    if not items:
        return not_found(readings, "配信号が見つかりません", "この日付の配信はありません。")
    shown, more_href = _more(request, len(items))
    older, newer = neighbours(snapshot, date)
    label = views.issue_label(date)
    view = PageView(
        readings, heading=label, notice=views.staleness_notice(snapshot),
        items=_item_views(snapshot, items[:shown], readings=readings), shown=shown,
        more_href=more_href, announce=f"{label}の記事 {len(items)}件",
        newer_href=routes.issue_url(newer) if newer else "",
        older_href=routes.issue_url(older) if older else "",
        timeline=timeline_view(snapshot, date))
    titles = "、".join(f"「{item.title}」" for item in items[:3])
    description = f"{label}の海外事務所フラッシュ（{len(items)}件）：{titles}"
    return view, PageMeta(200, f"{label}｜{SITE}", description, request.path())


def _archive(snapshot: Snapshot, readings: bool) -> tuple[PageView, PageMeta]:
    heading = "バックナンバー一覧"
    view = PageView(readings, heading=heading, notice=views.staleness_notice(snapshot),
                    announce=heading, timeline=timeline_view(snapshot, None))
    description = f"海外事務所フラッシュのバックナンバー：{archive_summary(snapshot)}"
    return view, PageMeta(200, f"{heading}（年・月ごと）｜{SITE}", description, routes.ISSUES)


def statement_page(readings: bool) -> tuple[PageView, PageMeta]:
    heading = "アクセシビリティ方針・試験結果"
    paths = (statement.RESULTS, statement.BASELINE)
    run, path = statement.current(paths)
    rows = statement.judge(run)
    if path is None:
        source = "試験の記録がないため、すべて未試験としています。"
    elif path == paths[0]:
        source = "この版のテスト（make test）を最後に実行したときの記録から作成しています。"
    else:
        source = ("リポジトリに同梱した試験記録（docs/accessibility-results.json）から"
                  "作成しています。")
    tested_on = ""
    if run and len(run.finished) >= 10:
        date = statement_date(run.finished)
        tested_on = f"{date.year}年{date.month}月{date.day}日" if date else ""
    view = PageView(readings, heading=heading, announce=heading, statement=StatementView(
        statement.conformance(rows), tested_on, source, run.tools if run else (),
        run.pages if run else (), rows, statement.counts(rows),
        bool(run and run.whole_suite)))
    description = ("海外事務所フラッシュ（閲覧用ページ）のアクセシビリティ方針と、JIS X 8341-3:2016"
                   "（WCAG 2.2 の A・AA）の達成基準ごとの試験結果。")
    return view, PageMeta(200, f"{heading}｜{SITE}", description, routes.ACCESSIBILITY)


def statement_date(stamp: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def about_page(readings: bool) -> tuple[PageView, PageMeta]:
    heading = "このサイトについて"
    view = PageView(readings, heading=heading, announce=heading)
    description = ("海外事務所フラッシュとは何か、発行元（CLAIR 自治体国際化協会）への"
                   "問い合わせ方法、このリーダーが端末に保存する情報。")
    return view, PageMeta(200, f"{heading}｜{SITE}", description, routes.ABOUT)


def neighbours(snapshot: Snapshot, date: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The (older, newer) issue dates around `date`."""
    dates = snapshot.issue_dates  # newest first
    older = next((d for d in dates if d < date), None)
    newer = next((d for d in reversed(dates) if d > date), None)
    return older, newer


def office_counts(snapshot: Snapshot) -> dict[str, int]:
    return _per_version(snapshot, "office_counts", lambda: feed_query.office_counts(snapshot.feed))


def timeline_view(snapshot: Snapshot, current: dt.date | None) -> TimelineView:
    years = _per_version(snapshot, "timeline", lambda: feed_timeline.timeline(snapshot.feed))
    open_year = current.year if current else (years[0].year if years else 0)
    entries = tuple(
        YearEntry(year.year, f"{year.year}年（{year.issue_count}号）", year.year == open_year,
                  tuple(MonthEntry(f"{month.year}年{month.month}月", tuple(
                      IssueLink(f"{issue.date.month}月{issue.date.day}日配信（{issue.item_count}件）",
                                routes.issue_url(issue.date), issue.date == current)
                      for issue in month.issues))
                        for month in year.months),
                  year.issue_count,
                  sum(issue.item_count for month in year.months for issue in month.issues))
        for year in years)
    return TimelineView(entries, archive_summary(snapshot))


def archive_summary(snapshot: Snapshot) -> str:
    """How much of the archive is here — true in every state (never 'all' when it is not)."""
    count = f"{len(snapshot.items):,}件の記事、{len(snapshot.issue_dates):,}号"
    if snapshot.next_url:
        return f"{count}を表示できます。古い号を配信元から読み込んでいます。"
    if snapshot.archive_note:
        # A loop, the page limit or an older page failing: the reason is for staff (the log,
        # `flash-reader validate --all`); readers are told only that older issues are not here.
        return f"{count}を表示できます。これより古い号は、このリーダーでは表示できません。"
    return f"{count}（すべてのバックナンバー）を表示できます。"


_derived: dict[tuple[str, str], object] = {}
_derived_lock = threading.Lock()


def _per_version(snapshot: Snapshot, name: str, compute):
    """A value derived from the whole feed, computed once per content version."""
    key = (snapshot.version, name)
    value = _derived.get(key)
    if value is None:
        value = compute()
        with _derived_lock:
            for stale in [k for k in _derived if k[1] == name and k[0] != snapshot.version]:
                del _derived[stale]
            _derived[key] = value
    return value


class ViewCache:
    """Rendered views by (content version, request, readings), bounded by total size."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self._entries: OrderedDict[tuple, RenderedView] = OrderedDict()
        self._bytes = 0
        self._max_bytes = max_bytes
        self._lock = threading.Lock()

    def get(self, key: tuple) -> RenderedView | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple, value: RenderedView) -> None:
        size = len(value.html)
        with self._lock:
            if key in self._entries:
                return
            self._entries[key] = value
            self._bytes += size
            while self._bytes > self._max_bytes and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped.html)

