"""A mutation check by hand on flash_reader/feed/ and flash_reader/reading/ (issue 14.14).

Each mutation removes or bends one rule with a one-line edit; the non-browser tests of those
packages then run against it and must fail. The file is restored after every run (also on
Ctrl-C). Prints a Markdown table: rule, mutation, the first test that caught it (or SURVIVED).

    .venv/bin/python -m tests.scale.mutation_check          # all mutations
    .venv/bin/python -m tests.scale.mutation_check 3 7      # only these (1-based)

Not collected by pytest (no test_ prefix): it edits the source tree while it runs.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ["tests/feed", "tests/reading", "tests/test_store.py", "tests/test_cli.py",
         "tests/test_item_views.py", "tests/render"]


@dataclasses.dataclass(frozen=True)
class Mutation:
    rule: str
    path: str
    old: str
    new: str


M = Mutation
FEED, READING = "flash_reader/feed/", "flash_reader/reading/"
MUTATIONS = [
    M("only JSON Feed versions are read", FEED + "adapter.py",
      'if not wire.version.startswith("https://jsonfeed.org/version/1"):', "if False:"),
    M("at most 10,000 items a page", FEED + "adapter.py",
      "if len(wire.items) > MAX_ITEMS_PER_PAGE:", "if len(wire.items) > MAX_ITEMS_PER_PAGE * 9:"),
    M("a repeated id is skipped", FEED + "adapter.py", "if item.id in seen:", "if False:"),
    M("notes are bounded", FEED + "adapter.py", "if len(notes) <= limit:", "if True:"),
    M("quoted feed text is cut short", FEED + "adapter.py",
      'return repr(value if len(value) <= QUOTE_CHARS else value[:QUOTE_CHARS] + "…")',
      "return repr(value)"),
    M("a date without zone is JST", FEED + "adapter.py",
      "return parsed if parsed.tzinfo else parsed.replace(tzinfo=JST)",
      "return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)"),
    M("the issue date is the JST day of publication", FEED + "adapter.py",
      "issue_date = published.astimezone(JST).date()", "issue_date = published.date()"),
    M("a fallback title is cut at 40 characters", FEED + "adapter.py",
      "if len(text) <= FALLBACK_TITLE_CHARS:", "if True:"),
    M("office codes are upper-case", FEED + "adapter.py",
      "code = sanitize.clean_text(office.code).upper()", "code = sanitize.clean_text(office.code)"),
    M("a bad issue_date skips the item, named", FEED + "adapter.py",
      "issue_date = _parse_date(flash.issue_date, where) if flash and flash.issue_date else None",
      "issue_date = None"),
    M("control and bidi characters are removed", FEED + "sanitize.py",
      'value = _CONTROL_CHARS.sub("", value)', "value = value"),
    M("text is NFC-normalised", FEED + "sanitize.py",
      'value = unicodedata.normalize("NFC", value)', "value = value"),
    M("only allowed URL schemes", FEED + "sanitize.py",
      "if parts.scheme.lower() not in schemes:", "if False:"),
    M("a URL needs a host (but mailto)", FEED + "sanitize.py",
      'if parts.scheme.lower() != "mailto" and not parts.netloc:', "if False:"),
    M("links in content keep only safe hrefs", FEED + "sanitize.py",
      "self._href_stack.append(safe_url(href, self._base, SAFE_LINK_SCHEMES))",
      "self._href_stack.append(href)"),
    M("list items get a bullet", FEED + "sanitize.py", 'if tag == "li":', "if False:"),
    M("office codes from a URL are upper-cased", FEED + "query.py",
      "code = part.strip().upper()", "code = part.strip()"),
    M("only known office codes from a URL", FEED + "query.py", "if code in known:", "if True:"),
    M("newest issue first", FEED + "query.py",
      "return sorted(chosen, key=lambda item: item.issue_date or dt.date.min, reverse=True)",
      "return chosen"),
    M("timeline counts every item of an issue", FEED + "timeline.py",
      "counts[item.issue_date] = counts.get(item.issue_date, 0) + 1",
      "counts[item.issue_date] = 1"),
    M("a file over the limit is refused (devices too)", FEED + "fetch.py",
      "        if len(body) > limits.max_bytes:\n            raise FeedTooLargeError(\n"
      '                f"{path}: the file is over',
      "        if False:\n            raise FeedTooLargeError(\n"
      '                f"{path}: the file is over'),
    M("a body over the limit after decompression is refused", FEED + "fetch.py",
      "if received > max_bytes:", "if False:"),
    M("validators are printable ASCII", FEED + "fetch.py",
      'return value if all(" " <= char <= "~" for char in value) else None', "return value"),
    M("only a 200 is a feed", FEED + "fetch.py",
      "if response.status_code != 200:", "if response.status_code >= 400:"),
    M("an HTML answer is not a feed", FEED + "fetch.py",
      "if content_type and not content_type.endswith(_JSON_TYPES):", "if False:"),
    M("a page that lost most items is refused", FEED + "page_loader.py",
      "if previous == 0 or (new > 0 and new * SHRINK_FACTOR >= previous):", "if True:"),
    M("an empty page is refused", FEED + "page_loader.py",
      "if previous == 0 or (new > 0 and new * SHRINK_FACTOR >= previous):",
      "if previous == 0 or new * SHRINK_FACTOR >= previous:"),
    M("next_url stays on the first page's site", FEED + "archive.py",
      "if site is None or site not in own | {origin(entry) for entry in extra}:", "if False:"),
    M("at most FLASH_MAX_PAGES pages", FEED + "archive.py",
      "if len(pages) >= max_pages:", "if False:"),
    M("a loop in next_url ends the archive", FEED + "archive.py",
      "if candidate in seen or candidate == first:", "if False:"),
    M("search words are cut at 100 characters", FEED + "search.py",
      "for typed in fold_width_and_case(query[:MAX_QUERY_CHARS]).split():",
      "for typed in fold_width_and_case(query).split():"),
    M("仏 reads ふつ only before katakana", READING + "furigana.py",
      'if w == "仏" else ""', 'if w == "_" else ""'),
    M("user words: longest first", READING + "furigana.py",
      "words = sorted(USER_READINGS, key=len, reverse=True)",
      "words = sorted(USER_READINGS, key=len)"),
    M("non-jōyō kanji are grade 8", READING + "furigana.py",
      "return SECONDARY if char in JOYO else OTHER", "return SECONDARY"),
    M("numbers are reread with their counters", READING + "furigana.py",
      "if not has_digit(text):  # most texts", "if True:  # most texts"),
    M("an unalignable word's grade is its hardest kanji", READING + "furigana.py",
      "return [Segment(surface, reading, max(map(kanji_grade, _KANJI.findall(surface))))]",
      "return [Segment(surface, reading, min(map(kanji_grade, _KANJI.findall(surface))))]"),
    M("okurigana stay outside the ruby", READING + "furigana.py",
      "if not has_kanji(surface) or not reading:\n        return [Segment(surface)]\n"
      "    parts = _KANJI_RUN.split(surface)",
      "if True:\n        return [Segment(surface, reading, 1)]\n"
      "    parts = _KANJI_RUN.split(surface)"),
    M("1000 in a larger unit reads いっせん", READING + "numbers.py",
      '1: "いっせん" if unit and group == 1000 else "せん"', '1: "せん"'),
    M("10 reads じゅう, not いちじゅう", READING + "numbers.py",
      'text += ("" if tens == 1 else _ONES[tens]) + "じゅう"',
      'text += _ONES[tens] + "じゅう"'),
]


def first_failure(output: str) -> str:
    match = re.search(r"^(?:FAILED|ERROR) (\S+)", output, re.MULTILINE)
    return match.group(1) if match else "(tests did not pass; see output)"


def run(mutation: Mutation) -> str:
    path = ROOT / mutation.path
    original = path.read_text(encoding="utf-8")
    if original.count(mutation.old) != 1:
        return f"NOT APPLIED (the line is not there once: {original.count(mutation.old)})"
    try:
        path.write_text(original.replace(mutation.old, mutation.new), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-m", "not browser", "-p", "no:randomly",
             "-p", "no:cacheprovider", *TESTS],
            cwd=ROOT, capture_output=True, text=True, timeout=900,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    finally:
        path.write_text(original, encoding="utf-8")
    return "SURVIVED" if done.returncode == 0 else first_failure(done.stdout)


def main(argv: list[str]) -> int:
    chosen = [int(a) for a in argv] or range(1, len(MUTATIONS) + 1)
    print("| # | rule | file | mutation | caught by |")
    print("|---|---|---|---|---|")
    survived = 0
    for number in chosen:
        mutation = MUTATIONS[number - 1]
        result = run(mutation)
        survived += result == "SURVIVED" or result.startswith("NOT")
        change = mutation.new.splitlines()[0].strip()
        print(f"| {number} | {mutation.rule} | {mutation.path.removeprefix('flash_reader/')} "
              f"| `{change}` | {result} |", flush=True)
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
