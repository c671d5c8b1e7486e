"""The reader's words in each language: one catalogue per language, keyed by stable names.

`ja.py` and `en.py` are plain dicts (same keys; a test checks). A value is a str.format
template (`{count}`), or a (one, other) pair for a count in English (Japanese has one form;
its catalogue gives the same text twice). Article text is never translated: it is the feed's.

Language of a reader page: `?lang=ja|en` when given, else Japanese; anything else is ignored.
The browser remembers a chosen language in the fr_lang cookie and asks for it in the address
(client/prepaint.js); only the embed builder, a page whose address React owns, reads the cookie.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

from flash_reader.i18n import en, ja

LANGS = ("ja", "en")
DEFAULT = "ja"
FEED_LANG = "ja"  # the feed's own text (titles, articles, office names), on pages of any language
COOKIE = "fr_lang"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60
CATALOGUES: Mapping[str, Mapping[str, str | tuple[str, str]]] = {"ja": ja.TEXT, "en": en.TEXT}


def choose(param: str | None, cookie: str | None) -> str:
    """The language of a request: a known `?lang=` value, else a known cookie, else ja."""
    for value in (param, cookie):
        if value in LANGS:
            return value
    return DEFAULT


def asked(param: str | None) -> str:
    """The language a `?lang=` value names ("" when it names none we have): what to remember."""
    return param if param in LANGS else ""


def text(lang: str, key: str, /, **values: object) -> str:
    """The words for `key` in `lang` (ja for an unknown language), filled with `values`."""
    entry = CATALOGUES.get(lang, CATALOGUES[DEFAULT])[key]
    if isinstance(entry, tuple):
        raise TypeError(f"{key} has plural forms: use count()")
    return entry.format(**values) if values else entry


class Message:
    """Words chosen before the language they will be read in is known (a problem found while
    parsing, shown later in the page's language): a key and its values, put into words by
    `say`. A value that is itself a Message is said in the same language."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values

    def say(self, lang: str) -> str:
        return text(lang, self.key, **{
            name: value.say(lang) if isinstance(value, Message) else value
            for name, value in self.values.items()})

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.values!r})"


def count(lang: str, key: str, n: int, /, grouped: bool = False, **values: object) -> str:
    """The words for `key` with the number `n` (`{count}`; `grouped`: 1,234), in its plural
    form (English: one or other)."""
    entry = CATALOGUES.get(lang, CATALOGUES[DEFAULT])[key]
    one, other = entry if isinstance(entry, tuple) else (entry, entry)
    return (one if n == 1 else other).format(count=f"{n:,}" if grouped else str(n), **values)


def markup(lang: str, key: str, /, **values: object) -> Markup:
    """`text` for templates: the words escaped; values escaped unless already Markup (a link,
    a <code> the template builds)."""
    entry = CATALOGUES.get(lang, CATALOGUES[DEFAULT])[key]
    if isinstance(entry, tuple):
        raise TypeError(f"{key} has plural forms: use count()")
    return Markup(escape(entry)).format(**values) if values else Markup(escape(entry))


def office_name(lang: str, code: str, feed_name: str) -> str:
    """An office's name: the feed's (Japanese) name, or in English the catalogue's name for a
    known code, else the feed's name."""
    if lang == DEFAULT:
        return feed_name
    return str(CATALOGUES[lang].get(f"office.{code}", feed_name))


def month_name(lang: str, month: int) -> str:
    return text(lang, f"month.{month}")


def date_text(lang: str, year: int, month: int, day: int) -> str:
    return text(lang, "date", year=year, month=month, day=day, month_name=month_name(lang, month))


SCRIPT_PREFIXES = ("js.", "theme.", "furigana.", "rate.")


def script_words(lang: str) -> dict[str, str]:
    """What the browser scripts say (components/scripts/*.js): the `js.` messages and the
    names of the choices they announce, by their full keys. Sent once in the page as JSON."""
    words = CATALOGUES.get(lang, CATALOGUES[DEFAULT])
    return {key: value for key, value in words.items()
            if key.startswith(SCRIPT_PREFIXES) and isinstance(value, str)}


def catalogue(lang: str, prefix: str) -> dict[str, str]:
    """The entries whose keys start with `prefix` (e.g. "widget."), without the prefix."""
    words = CATALOGUES.get(lang, CATALOGUES[DEFAULT])
    return {key[len(prefix):]: value for key, value in words.items()
            if key.startswith(prefix) and isinstance(value, str)}
