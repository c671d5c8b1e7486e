"""The catalogues (flash_reader/i18n): both languages say everything, nothing is said twice or
never, and a request's language comes from ?lang=, then the cookie, then Japanese."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from flash_reader import i18n

ROOT = Path(i18n.__file__).resolve().parents[1]
# Keys the code builds from data (a criterion's number, an office's code, a theme's name …):
# these cannot be found as literals.
BUILT_KEYS = ("wcag.", "wcag_note.", "office.", "month.", "theme.", "status.",
              "statement.claim.", "notfound.", "furigana.", "rate.", "size.", "widget.",
              "builder.", "method.")  # widget.* and builder.* are read by prefix (i18n.catalogue)


def fields(value: str | tuple[str, str]) -> set[str]:
    texts = value if isinstance(value, tuple) else (value,)
    # A month is a number in Japanese (10月) and a name in English (October): the same blank.
    return {name.replace("month_name", "month")
            for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_is_in_both_catalogues() -> None:
    ja, en = i18n.CATALOGUES["ja"], i18n.CATALOGUES["en"]
    assert sorted(set(ja) - set(en)) == [] and sorted(set(en) - set(ja)) == []


@pytest.mark.parametrize("key", sorted(i18n.CATALOGUES["ja"]))
def test_both_languages_fill_the_same_blanks(key: str) -> None:
    ja, en = i18n.CATALOGUES["ja"][key], i18n.CATALOGUES["en"][key]
    # A translation that drops {count} or {link} would lose the number or the link.
    assert fields(ja) - {"count"} == fields(en) - {"count"}, key


def test_no_key_is_unused() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in ROOT.rglob("*")
                        if (path.suffix in (".py", ".html", ".js") and path.parent.name != "i18n")
                        or (path.name == "__init__.py" and path.parent.name == "i18n"))
    used = set(re.findall(r"""["']([a-z_]+(?:\.[\w.-]+)?)["']""", sources))
    unused = [key for key in i18n.CATALOGUES["ja"]
              if key not in used and not key.startswith(BUILT_KEYS)]
    assert unused == []


def test_english_has_no_japanese_words_but_the_language_link() -> None:
    cjk = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
    allowed = {"switch.label"}  # 日本語: the link to the Japanese page says it in Japanese
    leaking = [key for key, value in i18n.CATALOGUES["en"].items()
               if key not in allowed and cjk.search(" ".join(
                   value if isinstance(value, tuple) else (value,)))]
    assert leaking == []


@pytest.mark.parametrize(("param", "cookie", "lang"), [
    (None, None, "ja"),
    ("en", None, "en"),
    ("ja", "en", "ja"),  # the parameter switches back
    (None, "en", "en"),  # remembered
    ("xx", "en", "en"),  # an unknown value is ignored: the cookie
    ("EN", None, "ja"),
    ("en ", None, "ja"),
    ("", "fr", "ja"),  # an unknown cookie too
    ("x" * 10_000, "x" * 10_000, "ja"),
])
def test_language_of_a_request(param: str | None, cookie: str | None, lang: str) -> None:
    assert i18n.choose(param, cookie) == lang


def test_only_a_known_lang_parameter_is_remembered() -> None:
    assert [i18n.asked(v) for v in ("en", "ja", "de", "", None)] == ["en", "ja", "", "", ""]


@pytest.mark.parametrize(("n", "words"), [(0, "0 articles from the Paris office"),
                                         (1, "1 article from the Paris office"),
                                         (2, "2 articles from the Paris office")])
def test_english_counts_have_plural_forms(n: int, words: str) -> None:
    assert i18n.count("en", "summary.offices", n, offices="Paris office") == words
    assert i18n.count("ja", "summary.offices", n, offices="パリ事務所") == f"パリ事務所の記事 {n}件"


def test_office_names_come_from_the_catalogue_in_english_else_from_the_feed() -> None:
    assert i18n.office_name("en", "PAR", "パリ事務所") == "Paris office"
    assert i18n.office_name("ja", "PAR", "パリ事務所") == "パリ事務所"
    assert i18n.office_name("en", "XYZ", "新しい事務所") == "新しい事務所"


# Modules whose words were once chosen by `if lang == "en"` beside the catalogues.
ASK_THE_CATALOGUE = ("api.py", "embed")


def keyed_by_language(node: ast.Dict) -> bool:
    return any(isinstance(key, ast.Constant) and key.value in i18n.LANGS for key in node.keys)


def words_by_language_in_code(path: Path) -> list[str]:
    """Where a module compares a language with a literal one, or keeps words keyed by
    language itself (a dict of "ja"/"en" whose values are not catalogue keys)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare) and any(
                isinstance(side, ast.Constant) and side.value in i18n.LANGS
                for side in (node.left, *node.comparators)):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Dict) and keyed_by_language(node) and not all(
                isinstance(value, ast.Constant) and value.value in i18n.CATALOGUES["ja"]
                for value in node.values):
            found.append(f"{path.name}:{node.lineno}: words keyed by language")
    return found


def test_api_and_embeds_ask_the_catalogues_for_their_words() -> None:
    paths = [path for name in ASK_THE_CATALOGUE for path in sorted(
        (ROOT / name).rglob("*.py") if (ROOT / name).is_dir() else [ROOT / name])]
    assert len(paths) > 3
    assert [place for path in paths for place in words_by_language_in_code(path)] == []


def test_a_message_is_said_in_the_language_asked_for_its_values_too() -> None:
    message = i18n.Message("params.out_of_range", name="limit", value="0",
                           label=i18n.Message("params.label.limit"), low=1, high=20)
    assert message.say("ja") == "limit=0 は範囲外です（件数は 1〜20）"
    assert message.say("en") == "limit=0 is out of range (limit is 1 to 20)"
