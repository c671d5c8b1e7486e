"""What the synthesizer is given: sentences, each spelt in the readings the furigana shows.

The synthesizer (Open JTalk) has its own dictionary and would read 自治体, 2日間, 仏 or office
names its own way; feeding it the furigana's readings (Sudachi, the user dictionary, the date
and number rules in flash_reader.reading) makes what is heard what the page shows.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator

from flash_reader.reading.furigana import has_kanji, word_readings
from flash_reader.reading.numbers import _NATIVE_DAYS

MAX_SENTENCE = 200  # characters; longer runs are cut at 、 or hard, so one synthesis stays small
MAX_ARTICLE = 60_000  # characters read from one article; the rest is left unread (with a note)
_END = re.compile(r"(?<=[。！？!?])|\n+")
_COMMA = "、，,"
# Letters, digits and kana: a sentence with none of them (symbols, emoji only) is not spoken.
_SPEAKABLE = re.compile(
    r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff々]")


@dataclasses.dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # as written (shown in the caption cue)
    spoken: str  # kanji replaced by the furigana's readings: what the synthesizer reads


def clean(text: str) -> str:
    """Control and format characters (but line breaks) and emoji removed; NFC."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        kind = unicodedata.category(char)
        if char == "\n" or not (kind.startswith("C") or kind == "So"):
            kept.append(char)
        elif kind in ("Cc", "Zs") and char.isspace():
            kept.append(" ")
    return "".join(kept)


def sentences(text: str) -> Iterator[Sentence]:
    """The speakable sentences of `text`, one at a time (bounded: never the whole text at once)."""
    for part in _END.split(clean(text[:MAX_ARTICLE])):
        for piece in _cut(part.strip()):
            if _SPEAKABLE.search(piece):
                yield Sentence(piece, spoken(piece))


def truncated(text: str) -> bool:
    return len(text) > MAX_ARTICLE


# Counter readings that already say the number (2日 ふつか, 1人 ひとり, 20歳 はたち): the digits
# before them, which the furigana leaves bare, are then not read a second time.
_WHOLE = (*_NATIVE_DAYS.values(), "ひとり", "ふたり", "はたち")
_TRAILING_DIGITS = re.compile(r"[0-9０-９,，]+$")


def spoken(sentence: str) -> str:
    """`sentence` with every kanji run replaced by its furigana reading."""
    parts: list[str] = []
    for surface, reading in word_readings(sentence):
        if not (reading and has_kanji(surface)):
            parts.append(surface)
            continue
        if parts and (reading.startswith(_WHOLE) or "よっか" in reading):
            parts[-1] = _TRAILING_DIGITS.sub("", parts[-1])
        # A whole word's reading (okurigana included) in katakana: hiragana would be analysed
        # again (しはいにん → し|は|いにん, は as the particle わ); katakana is read as written.
        parts.append(_katakana(reading))
    return "".join(parts)


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def _cut(part: str) -> Iterator[str]:
    while len(part) > MAX_SENTENCE:
        head = part[:MAX_SENTENCE]
        at = max(head.rfind(c) for c in _COMMA)
        at = at + 1 if at > MAX_SENTENCE // 4 else MAX_SENTENCE
        yield part[:at].strip()
        part = part[at:].strip()
    if part:
        yield part
