"""Page views: what each reader URL shows, built from one snapshot by plain functions.

A rendered view depends only on (content version, the validated request, furigana on/off),
so it is built once and shared by every reader of this process (`render_view` caches it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

from flash_reader import i18n, item_views, routes
from flash_reader.feed import query as feed_query
from flash_reader.feed import timeline as feed_timeline
from flash_reader.feed.search import terms_of
from flash_reader.render import site_statement, statement
from flash_reader.render.cache import SizedCache
from flash_reader.render.request import PAGE_SIZE, Kind, ViewRequest
from flash_reader.store import Snapshot

# The Reflex routes' static title and description (Japanese; each page sends its own).
READER_TITLE = i18n.text("ja", "title.reader")
DESCRIPTION = i18n.text("ja", "description")
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
    name_lang: str = "ja"  # the feed's names are Japanese; the catalogue's are the page's


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
    counts: str = ""  # 「（3号・21件）」: issues and articles, in the page's language


@dataclasses.dataclass(frozen=True, slots=True)
class TimelineView:
    years: tuple[YearEntry, ...]
    summary: str
    render_key: tuple = ()  # (version, current issue, language): html.py renders it once


@dataclasses.dataclass(frozen=True, slots=True)
class StatementView:
    """/accessibility: the JIS X 8341-3 form. The site's claim comes from its own audit
    (`site`); the rest is the project's test run on the bundled feed, labelled as such."""

    tested_on: str  # the run's date, or "" without a run
    source: str  # which record the results come from
    tools: tuple[tuple[str, str], ...]
    pages: tuple[str, ...]
    rows: tuple[statement.CriterionResult, ...]
    counts: tuple[tuple[str, int], ...]
    whole_suite: bool
    site: site_statement.SiteStatement  # the deployment's own claim, from its audit


@dataclasses.dataclass(frozen=True, slots=True)
class PageView:
    """Everything the view template needs (fields unused by a kind stay empty)."""

    readings: bool
    heading: str = ""
    notice: str = ""
    query: str = ""
    offices_chosen: tuple[str, ...] = ()
    items: tuple[item_views.ItemView, ...] = ()
    shown: int = 0
    more_href: str = ""
    announce: str = ""  # said once by the live region after a client-side navigation
    # reader
    summary: str = ""
    total: int = 0
    all_href: str = ""
    office_options: tuple[OfficeOption, ...] = ()
    empty: bool = False
    unknown_office: str = ""  # what the reader is told when the URL named no such office
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
    lang: str = i18n.DEFAULT


def build(snapshot: Snapshot, request: ViewRequest, readings: bool,
          lang: str = i18n.DEFAULT) -> tuple[PageView, PageMeta]:
    """The view and head metadata of `request` over `snapshot` (no HTML yet), with the
    chrome's words in `lang` (the feed's text stays as the feed gives it)."""
    if request.kind is Kind.STATEMENT:  # these two need no feed
        return statement_page(readings, lang)
    if request.kind is Kind.ABOUT:
        return about_page(readings, lang)
    if snapshot.feed is None:
        return _unavailable(snapshot, readings, lang)
    if request.kind is Kind.READER:
        return _reader(snapshot, request, readings, lang)
    if request.kind is Kind.ITEM:
        return _item(snapshot, request, readings, lang)
    if request.kind is Kind.ISSUE:
        return _issue(snapshot, request, readings, lang)
    if request.kind is Kind.ARCHIVE:
        return _archive(snapshot, readings, lang)
    return not_found(readings, lang)


def _titled(lang: str, heading: str) -> str:
    return i18n.text(lang, "title.page", heading=heading, site=i18n.text(lang, "site"))


def not_found(readings: bool = False, lang: str = i18n.DEFAULT, what: str = "page"
              ) -> tuple[PageView, PageMeta]:
    """A 404 view; `what` is "page", "item" or "issue" (what was not found)."""
    heading = i18n.text(lang, f"notfound.{what}.heading")
    message = i18n.text(lang, f"notfound.{what}.message")
    view = PageView(readings, heading=heading, message=message, announce=heading)
    return view, PageMeta(404, _titled(lang, heading), message, "")


def _unavailable(snapshot: Snapshot, readings: bool, lang: str) -> tuple[PageView, PageMeta]:
    message = item_views.staleness_notice(snapshot, lang) or i18n.text(lang, "unavailable.loading")
    heading = i18n.text(lang, "unavailable.heading")
    view = PageView(readings, heading=heading, message=message, announce=message)
    return view, PageMeta(503, _titled(lang, heading), message, "")


# Item views by (content version, item id, search terms, readings, language): an article is the
# same in every view that shows it (the reader's page, a filter, an issue, a search with the
# same words), so it is built once — and html.py renders its HTML once — for all of them.
_item_view_cache: SizedCache[item_views.ItemView] = SizedCache(20_000, lambda _: 1)


def _item_view(snapshot: Snapshot, item, terms, readings: bool, lang: str) -> item_views.ItemView:
    key = (snapshot.version, item.id, terms, readings, lang)
    return _item_view_cache.get_or_make(key, lambda: dataclasses.replace(
        item_views.item_view(item, terms, readings=readings, lang=lang), render_key=key))


def _item_views(snapshot: Snapshot, items, terms=(), readings=False, lang=i18n.DEFAULT):
    return tuple(_item_view(snapshot, item, tuple(terms), readings, lang) for item in items)


def _more(request: ViewRequest, total: int) -> tuple[int, str]:
    shown = min(total, request.limit)
    if total <= request.limit:
        return shown, ""
    return shown, dataclasses.replace(request, limit=request.limit + PAGE_SIZE).path()


def _reader(snapshot: Snapshot, request: ViewRequest, readings: bool, lang: str
            ) -> tuple[PageView, PageMeta]:
    feed = snapshot.feed
    terms = terms_of(request.query)
    latest = snapshot.latest_issue
    if request.filtering:
        matching = feed_query.select_items(feed, snapshot.search_index, request.offices, terms)
    else:
        matching = list(snapshot.issues.get(latest, ())) if latest else list(feed.items)
    shown, more_href = _more(request, len(matching))
    names = {office.code: i18n.office_name(lang, office.code, office.name)
             for office in feed.offices}
    summary = result_summary(request, [names.get(c, c) for c in request.offices], len(matching),
                             lang)
    options = []
    for code, count in office_counts(snapshot).items():
        if not code:
            continue
        toggled = tuple(c for c in request.offices if c != code) + (
            () if code in request.offices else (code,))
        name = names.get(code, i18n.text(lang, "office.unknown"))
        options.append(OfficeOption(code, name, count, code in request.offices,
                                    routes.reader_url(toggled, request.query),
                                    _name_lang(lang, code)))
    heading = (i18n.text(lang, "reader.results") if request.filtering
               else item_views.issue_label(latest, lang))
    view = PageView(
        readings, heading=heading, notice=item_views.staleness_notice(snapshot, lang),
        query=request.query, offices_chosen=request.offices,
        items=_item_views(snapshot, matching[:shown], terms, readings, lang), shown=shown,
        more_href=more_href, announce=summary, summary=summary, total=len(feed.items),
        all_href=routes.reader_url((), request.query), office_options=tuple(options),
        empty=request.filtering and not matching,
        unknown_office=i18n.text(lang, "filter.unknown", offices=i18n.text(lang, "list.sep").join(
            option.name for option in options)) if request.unknown_office else "",
        timeline=timeline_view(snapshot, latest, lang))
    description = i18n.text(lang, "description")
    title = (i18n.text(lang, "title.reader") if not request.filtering
             else _titled(lang, summary))
    if request.filtering:
        description = i18n.text(lang, "description.filtered", summary=summary,
                                description=description)
    return view, PageMeta(200, title, description, request.path())


def _name_lang(lang: str, code: str) -> str:
    """The language of an office's name as shown: the catalogue's, or the feed's Japanese."""
    return lang if lang == i18n.DEFAULT or f"office.{code}" in i18n.CATALOGUES[lang] else "ja"


def result_summary(request: ViewRequest, office_names: list[str], count: int,
                   lang: str = i18n.DEFAULT) -> str:
    """What the result line (and the live region) says: 「パリ事務所の記事 1件」,
    "1 article from the Paris office"."""
    if not request.filtering:
        return i18n.count(lang, "summary.latest", count)
    offices = i18n.text(lang, "list.joiner").join(office_names)
    if office_names and request.query:
        return i18n.count(lang, "summary.offices_words", count, offices=offices,
                          words=request.query)
    if office_names:
        return i18n.count(lang, "summary.offices", count, offices=offices)
    return i18n.count(lang, "summary.words", count, words=request.query)


def _item(snapshot: Snapshot, request: ViewRequest, readings: bool, lang: str
          ) -> tuple[PageView, PageMeta]:
    item = snapshot.items_by_id.get(request.item_id)
    if item is None:
        return not_found(readings, lang, "item")
    view = PageView(readings, heading=item.title,
                    notice=item_views.staleness_notice(snapshot, lang),
                    items=_item_views(snapshot, (item,), readings=readings, lang=lang),
                    shown=1, announce=item.title)
    photo = item.photo
    image = photo.url if photo and photo.url else ""
    return view, PageMeta(200, _titled(lang, item.title), _summary_text(item, lang),
                          request.path(), og_type="article", image=image)


def _summary_text(item, lang: str = i18n.DEFAULT) -> str:
    text = "".join(span.text for paragraph in item.paragraphs for span in paragraph)
    text = " ".join(text.split())
    if len(text) > DESCRIPTION_CHARS:
        text = text[: DESCRIPTION_CHARS - 1] + "…"
    if not text:
        return item.title
    return i18n.text(lang, "item.description", office=i18n.office_name(
        lang, item.office.code, item.office.name), text=text)


def _issue(snapshot: Snapshot, request: ViewRequest, readings: bool, lang: str
           ) -> tuple[PageView, PageMeta]:
    date = request.issue_date
    items = snapshot.issues.get(date, ()) if date else ()
    if not items:
        return not_found(readings, lang, "issue")
    shown, more_href = _more(request, len(items))
    older, newer = neighbours(snapshot, date)
    label = item_views.issue_label(date, lang)
    view = PageView(
        readings, heading=label, notice=item_views.staleness_notice(snapshot, lang),
        items=_item_views(snapshot, items[:shown], readings=readings, lang=lang), shown=shown,
        more_href=more_href, announce=i18n.count(lang, "summary.issue", len(items), issue=label),
        newer_href=routes.issue_url(newer) if newer else "",
        older_href=routes.issue_url(older) if older else "",
        timeline=timeline_view(snapshot, date, lang))
    titles = "、".join(f"「{item.title}」" for item in items[:3])
    description = i18n.count(lang, "issue.description", len(items), issue=label, titles=titles)
    return view, PageMeta(200, _titled(lang, label), description, request.path())


def _archive(snapshot: Snapshot, readings: bool, lang: str) -> tuple[PageView, PageMeta]:
    heading = i18n.text(lang, "archive.heading")
    view = PageView(readings, heading=heading, notice=item_views.staleness_notice(snapshot, lang),
                    announce=heading, timeline=timeline_view(snapshot, None, lang))
    description = i18n.text(lang, "archive.description", summary=archive_summary(snapshot, lang))
    return view, PageMeta(200, _titled(lang, i18n.text(lang, "archive.title")), description,
                          routes.ISSUES)


def statement_page(readings: bool, lang: str = i18n.DEFAULT) -> tuple[PageView, PageMeta]:
    heading = i18n.text(lang, "statement.heading")
    paths = (statement.RESULTS, statement.BASELINE)
    run, path = statement.current(paths)
    rows = statement.judge(run)
    if path is None:
        source = i18n.text(lang, "statement.source.none")
    elif path == paths[0]:
        source = i18n.text(lang, "statement.source.fresh")
    else:
        source = i18n.text(lang, "statement.source.baseline")
    tested_on = ""
    if run and len(run.finished) >= 10:
        date = statement_date(run.finished)
        tested_on = i18n.date_text(lang, date.year, date.month, date.day) if date else ""
    view = PageView(readings, heading=heading, announce=heading, statement=StatementView(
        tested_on, source, run.tools if run else (),
        run.pages if run else (), rows, statement.counts(rows),
        bool(run and run.whole_suite), site_statement.current(lang)))
    description = i18n.text(lang, "statement.description")
    return view, PageMeta(200, _titled(lang, heading), description, routes.ACCESSIBILITY)


def statement_date(stamp: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def about_page(readings: bool, lang: str = i18n.DEFAULT) -> tuple[PageView, PageMeta]:
    heading = i18n.text(lang, "about.heading")
    view = PageView(readings, heading=heading, announce=heading)
    description = i18n.text(lang, "about.description")
    return view, PageMeta(200, _titled(lang, heading), description, routes.ABOUT)


def neighbours(snapshot: Snapshot, date: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The (older, newer) issue dates around `date`."""
    dates = snapshot.issue_dates  # newest first
    older = next((d for d in dates if d < date), None)
    newer = next((d for d in reversed(dates) if d > date), None)
    return older, newer


def office_counts(snapshot: Snapshot) -> dict[str, int]:
    return _per_version(snapshot, "office_counts", lambda: feed_query.office_counts(snapshot.feed))


_timeline_cache: SizedCache[TimelineView] = SizedCache(2_000, lambda _: 1)


def timeline_view(snapshot: Snapshot, current: dt.date | None,
                  lang: str = i18n.DEFAULT) -> TimelineView:
    """The timeline with `current` marked: the same for every view of one version."""
    key = (snapshot.version, current, lang)
    return _timeline_cache.get_or_make(key, lambda: _timeline_view(snapshot, current, lang, key))


def _timeline_view(snapshot: Snapshot, current: dt.date | None, lang: str,
                   key: tuple) -> TimelineView:
    years = _per_version(snapshot, "timeline", lambda: feed_timeline.timeline(snapshot.feed))
    open_year = current.year if current else (years[0].year if years else 0)

    def year_entry(year) -> YearEntry:
        items = sum(issue.item_count for month in year.months for issue in month.issues)
        return YearEntry(
            year.year, i18n.count(lang, "timeline.year", year.issue_count, year=year.year),
            year.year == open_year,
            tuple(MonthEntry(i18n.text(lang, "timeline.month", year=month.year,
                                       month_name=i18n.month_name(lang, month.month),
                                       month=month.month), tuple(
                IssueLink(i18n.count(lang, "timeline.issue", issue.item_count,
                                     month=issue.date.month, day=issue.date.day,
                                     month_name=i18n.month_name(lang, issue.date.month)),
                          routes.issue_url(issue.date), issue.date == current)
                for issue in month.issues))
                  for month in year.months),
            year.issue_count, items,
            i18n.text(lang, "archive.counts",
                      issues=i18n.count(lang, "archive.issues", year.issue_count),
                      items=i18n.count(lang, "archive.items", items)))

    return TimelineView(tuple(year_entry(year) for year in years),
                        archive_summary(snapshot, lang), key)


def archive_summary(snapshot: Snapshot, lang: str = i18n.DEFAULT) -> str:
    """How much of the archive is here — true in every state (never 'all' when it is not)."""
    count = i18n.text(lang, "archive.size",
                      items=i18n.count(lang, "archive.items", len(snapshot.items), grouped=True),
                      issues=i18n.count(lang, "archive.issues", len(snapshot.issue_dates),
                                        grouped=True))
    if snapshot.next_url:
        return i18n.text(lang, "archive.loading", size=count)
    if snapshot.archive_note:
        # A loop, the page limit or an older page failing: the reason is for staff (the log,
        # `flash-reader validate --all`); readers are told only that older issues are not here.
        return i18n.text(lang, "archive.partial", size=count)
    return i18n.text(lang, "archive.whole", size=count)


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
