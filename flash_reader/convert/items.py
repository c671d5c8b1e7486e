"""Lines (and a page's images) of one issue → its items: the layouts of every year, read alike.

Both readers reduce their source to `Line`s and `Image`s in reading order; this module finds
the issue date, the items, their photos and offices. One item that cannot be read becomes a
Problem at its line and the others still convert.

Layouts read (see docs/convert.md): headings with or without 「◇」; the office 「(パリ事務所)」 at
the end of the body or on a line of its own, or not written (then inferred, infer.py); any
number of paragraphs; photo file names of any pattern, or none; several photos with several
「写真:」 captions; heading and body run together on one line (the table pages of 2021 on).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from flash_reader.convert.infer import OFFICE_NAMES, OFFICES, infer_office, photo_code
from flash_reader.convert.model import (
    Issue,
    IssueError,
    Item,
    ItemError,
    Kind,
    Photo,
    Problem,
    Where,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Line:
    text: str
    where: Where


@dataclasses.dataclass(frozen=True, slots=True)
class Image:
    """A page's <img>: `url` is the resolved http(s) address, None when it is not usable."""

    file: str | None
    url: str | None
    alt: str
    where: Where
    problem: Problem | None = None  # why its address was not kept, said if it is an item's


Token = Line | Image

MAX_TITLE_CHARS = 100  # longer first lines are a heading and body run together
_ISSUE_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*配信")
_LEAD = re.compile(r"^【クレア海外事務所フラッシュ】\s*◎?\s*(?P<title>.*)$")
_MARKS = ("◇", "◆")
_PHOTO_FILE = re.compile(r"^(?P<file>[A-Za-z0-9][A-Za-z0-9_.-]*\.(?:jpe?g|png|gif|webp))"
                         r"(?P<rest>.*)$", re.IGNORECASE)
_CAPTION = re.compile(r"^写真\s*[0-9０-９①-⑨]*\s*[:：]\s*(?P<caption>.*)$")
_OFFICE_AT_END = re.compile(r"[（(]\s*(?:クレア)?(?P<office>[^（）()]{1,20}事務所)\s*[)）]$")
_LOST_LINK = re.compile(r"詳しくはこちら[。．.]?")
_SENTENCE_END = ("。", "．")
_DATE_IN_BODY = re.compile(r"\d{1,2}月\d{1,2}日")
_OPEN, _CLOSE = "「『(（【〈《[", "」』)）】〉》]"
# Page chrome after the last item: the back-number link and the contact block.
_END_MARKERS = ("バックナンバーはこちら", "このページに関するお問い合せ先",
                "このページに関するお問い合わせ先", "ページの先頭へ")


def clean(text: str) -> str:
    """NFC keeps full-width text as written; indents, trailing blanks and the table's cell
    separators (「|」 at a cell's end when a table is copied as text) go."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "").replace("\u200b", "")
    return text.strip(" \t\u3000\u00a0|｜│┃")


def assemble(tokens: Iterable[Token], *, strict: bool = False) -> Issue:
    """Read one issue. Raises IssueError when there is no date or no item at all; when every
    item was skipped the Issue has no items and says why in its problems."""
    tokens = list(tokens)
    date, start = _find_date(tokens)
    reader = _Reader(strict)
    reader.read(tokens[start:])
    if not reader.started:
        where = reader.first_where or tokens[start - 1].where
        raise IssueError(where, "no item found: an item starts with its heading, such as "
                         "「◇自治体国際活動フォーラムに参加=パリ」, after the 「…配信」 line")
    return Issue(date, reader.items, reader.problems)


def _find_date(tokens: list[Token]) -> tuple[dt.date, int]:
    for index, token in enumerate(tokens):
        if not isinstance(token, Line):
            continue
        match = _ISSUE_DATE.match(unicodedata.normalize("NFKC", token.text))
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day), index + 1
            except ValueError:
                raise IssueError(token.where, f"「{token.text}」 is not a real date") from None
    where = tokens[0].where if tokens else Where(1)
    raise IssueError(where, "no issue date line such as 「2020年10月28日配信」 was found")


class _Reader:
    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self.first_where: Where | None = None
        self._item: Item | None = None
        self._item_problems: list[Problem] = []
        self._position = 0
        self._lead_title: str | None = None
        self._marked = False  # some heading has 「◇」: then only such lines start items

    @property
    def started(self) -> bool:
        return self._position > 0

    def read(self, tokens: list[Token]) -> None:
        self._marked = any(isinstance(t, Line) and t.text.startswith(_MARKS) for t in tokens)
        for token in tokens:
            if isinstance(token, Image):
                self._image(token)
                continue
            if not token.text:
                continue
            if token.text.startswith(_END_MARKERS):
                break
            self._line(token)
        self._finish()

    # --- one line -------------------------------------------------------------------------

    def _line(self, line: Line) -> None:
        text = line.text
        if self._item is None:
            lead = _LEAD.match(text)
            if lead and self._lead_title is None:
                # 【クレア海外事務所フラッシュ】◎… repeats the first item's title: no item.
                self._lead_title = lead["title"].strip(" \u3000") or None
                return
            if self.first_where is None:
                self.first_where = line.where
            if not self._starts_item(text):
                return  # chrome between the date and the first item
            self._start(line)
            return
        item = self._item
        if _PHOTO_FILE.match(text) or _CAPTION.match(text):
            self._photo_line(item, line)
        elif text.startswith(_MARKS) or (item.closed and not self._marked
                                         and (_heading_like(text) or _heading_end(text))):
            self._start(line)
        elif item.photos:
            self._problem(Kind.TEXT_SKIPPED, line.where,
                          f"text after the photo of the item 「{item.title}」: 「{text[:30]}」 "
                          "is neither a 「写真:」 caption nor the next item's heading "
                          "(body text goes before the photo)")
        else:
            self._body(item, text)

    def _starts_item(self, text: str) -> bool:
        if text.startswith(_MARKS):
            return True
        if self._marked and self._lead_title is None:
            return False  # chrome; the first heading is marked
        if self._lead_title and _normal(text).startswith(_normal(self._lead_title)):
            return True  # the heading the top line repeats (with or without 「◇」)
        return _heading_like(text) or (self._lead_title is not None
                                       and _heading_end(text) is not None)

    def _start(self, line: Line) -> None:
        self._finish()
        self._position += 1
        text = line.text
        marked = text.startswith(_MARKS)
        text = text[1:].strip(" \u3000") if marked else text
        title, body = self._split_heading(text, line)
        self._item = Item(self._position, line.where, title)
        if body:
            self._body(self._item, body)

    def _split_heading(self, text: str, line: Line) -> tuple[str, str]:
        if _heading_like(text):
            return text, ""
        lead = self._lead_title
        if lead and _normal(text).startswith(_normal(lead)):
            return lead, _rest_after(text, lead)
        cut = _heading_end(text)
        if cut is None:
            return text, ""  # a long heading: staff see it in --preview
        title, body = text[:cut].rstrip(" \u3000"), text[cut:].strip(" \u3000")
        self._problem(Kind.HEADING_SPLIT, line.where,
                      f"heading and body on one line: took 「{title}」 as the heading")
        return title, body

    def _body(self, item: Item, text: str) -> None:
        office = _OFFICE_AT_END.search(text)
        if office:
            if item.office_name is None:
                item.office_name = office["office"].strip()
            text = text[: office.start()].rstrip()
            item.closed = True
        cleaned, lost = _LOST_LINK.subn("", text)
        if lost:
            # The link's target is not in the text copy: drop the dangling phrase, keep a flag.
            item.link_lost = True
            text = cleaned.rstrip()
        if text:
            item.paragraphs.append(text)

    def _photo_line(self, item: Item, line: Line) -> None:
        text = line.text
        photo = _PHOTO_FILE.match(text)
        if photo:
            item.photos.append(Photo(file=photo["file"]))
            item.closed = True
            text = photo["rest"].strip(" \u3000")
            if not text:
                return  # a caption glued to the file name, e.g. 「LON-128.png写真:…」, follows
        caption = _CAPTION.match(text)
        if not caption:
            self._problem(Kind.TEXT_SKIPPED, line.where,
                          f"expected a caption starting with 「写真:」 after the photo file name, "
                          f"got 「{text[:30]}」")
            return
        words = caption["caption"].strip()
        if not words:
            self._problem(Kind.TEXT_SKIPPED, line.where,
                          f"the caption of the item 「{item.title}」 is empty")
            return
        target = next((p for p in item.photos if p.caption is None), None)
        if target is None:  # a caption without a file name: its photo is not in the text
            target = Photo()
            item.photos.append(target)
        target.caption = words
        item.closed = True

    def _image(self, image: Image) -> None:
        item = self._item
        if item is None:
            return  # logos and chrome before the first item
        # A 「写真:」 caption read before its image (table rows) waits for it.
        waiting = next((p for p in item.photos if p.caption is not None and p.file is None
                        and p.url is None and p.alt is None), None)
        if waiting is None:
            waiting = Photo()
            item.photos.append(waiting)
        waiting.file, waiting.url, waiting.alt = image.file, image.url, image.alt or None
        if image.problem:
            self._item_problems.append(image.problem)
        item.closed = True

    # --- the end of an item -----------------------------------------------------------------

    def _finish(self) -> None:
        item, self._item = self._item, None
        if item is None:
            return
        try:
            if not item.title:
                raise ItemError(item.where, "an item starts with 「◇」 but has no title")
            if not item.paragraphs:
                raise ItemError(item.where, f"the item 「{item.title}」 has no body text")
            self._office(item)
        except ItemError as error:
            self._fail(error)
            return
        for photo in item.photos:
            if photo.caption is None and photo.alt and not _PHOTO_FILE.match(photo.alt):
                photo.caption = photo.alt
            if photo.caption is None:
                self._problem(Kind.PHOTO_WITHOUT_CAPTION, item.where,
                              f"a photo of 「{item.title}」 ({photo.file or 'no file name'}) "
                              "has no 「写真:」 caption: readers get no description of it")
        self.items.append(item)
        self.problems.extend(self._item_problems)
        self._item_problems = []

    def _office(self, item: Item) -> None:
        if item.office_name:
            code = OFFICES.get(item.office_name) or next(
                (c for p in item.photos if (c := photo_code(p.file))), None)
            if not code:
                raise ItemError(
                    item.where, f"unknown office 「{item.office_name}」 for the item "
                    f"「{item.title}」 and no photo file name to take its code from; known "
                    "offices: " + "、".join(OFFICES))
            item.office_code = code
            return
        found = infer_office(item)
        if found is None:
            raise ItemError(
                item.where, f"the item 「{item.title}」 names no office: expected 「(パリ事務所)」 "
                "at the end of its body or on a line of its own (nor does its body, heading "
                "place 「=仏」 or photo tell)")
        code, kind, reason = found
        if self.strict:
            raise ItemError(item.where, f"the item 「{item.title}」 names no office "
                            f"(「(パリ事務所)」); {reason} suggests {OFFICE_NAMES[code]}, but "
                            "--strict takes no guess")
        item.office_code, item.office_name, item.office_inferred_from = (
            code, OFFICE_NAMES[code], kind)
        self._problem(kind, item.where, f"the item 「{item.title}」 names no office; "
                      f"{reason}: {OFFICE_NAMES[code]}")

    def _fail(self, error: ItemError) -> None:
        # The item's warnings go with it; what was skipped inside it is still reported.
        self.problems.extend(p for p in self._item_problems if p.kind.is_error)
        self._item_problems = []
        self.problems.append(Problem(Kind.ITEM_SKIPPED, error.where or Where(), error.message))

    def _problem(self, kind: Kind, where: Where, message: str) -> None:
        self._item_problems.append(Problem(kind, where, message))


def _normal(text: str) -> str:
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def _rest_after(text: str, title: str) -> str:
    """What follows `title` in `text`, which starts with it up to blanks and width."""
    wanted = len(_normal(title))
    seen = 0
    for index, char in enumerate(text):
        if seen >= wanted:
            return text[index:].strip(" \u3000")
        seen += len(_normal(char))
    return ""


def _heading_like(text: str) -> bool:
    return (len(text) <= MAX_TITLE_CHARS and not text.endswith(_SENTENCE_END)
            and "。" not in text and not _PHOTO_FILE.match(text) and not _CAPTION.match(text))


def _heading_end(text: str) -> int | None:
    """Where the heading ends in a line that holds heading and body (the table pages): at a
    blank outside brackets and not between two Latin words, or else before the body's first
    date 「9月21日」; None when nothing marks it."""
    depth = 0
    limit = min(len(text), MAX_TITLE_CHARS + 1)
    for index in range(limit):
        char = text[index]
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char in " \u3000\t" and depth == 0 and index >= 4:
            before, after = text[index - 1], text[index + 1:index + 2]
            if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
                continue
            if "。" in text[index:]:
                return index
    date = _DATE_IN_BODY.search(text, 4)
    if date and date.start() <= MAX_TITLE_CHARS and "。" not in text[:date.start()]:
        return date.start()
    return None
