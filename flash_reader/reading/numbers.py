"""Readings for Arabic numerals and the counters after them.

The analyser reads digits one by one (10万3000 → いちれいまんさんれいれいれい) and guesses a
counter's reading without the number (13日 → か, 10日 → にち). Here:
- digits never get a reading: every reader reads them, and a reading would only repeat them;
- 万, 億, 兆 inside a number, and a counter after it, get the sound they have after this number
  (3分 → ぷん, 2分 → ふん, 3階 → がい, 13日 → にち);
- where number and counter fuse into one word (1日 ついたち, 10日 とおか, 14日 じゅうよっか,
  1人 ひとり, 20歳 はたち) the counter carries the reading of the whole word, as the digits
  cannot carry any;
- a counter not in the table gets no reading rather than the analyser's guess (3羽 → わ,
  where it is ば).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable

_DIGIT_VALUES = str.maketrans("０１２３４５６７８９，．", "0123456789,.")
_GROUP = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_NUMBER = re.compile(rf"(?:{_GROUP}|[兆億万千百])+")
_PART = re.compile(rf"{_GROUP}|[兆億万千百]")
_HAS_DIGIT = re.compile(r"[0-9０-９]")


def has_digit(text: str) -> bool:
    return bool(_HAS_DIGIT.search(text))


_ONES = ("", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")
# 1日 (as a date) … 10日 and 20日: native Japanese numbers, one word with the counter.
_NATIVE_DAYS = {1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか",
                7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 20: "はつか"}


@dataclasses.dataclass(frozen=True, slots=True)
class Number:
    """What a counter needs to know about the number written before it."""

    value: int | None  # the digit group right before the counter; None if it has a fraction
    ending: str  # the last word read: "0"…"9", "10", "100", "1000", "万", "億", "兆"
    alone: bool  # the number is that one group (not 10万3000, where 3000 follows 万)
    date: bool  # written after 月, so 1日 is the first of the month


def read_number(value: int) -> str:
    """The ordinary reading of a number below 10**16 (0 → "", as a prefix): 3000 → さんぜん."""
    if value == 0:
        return ""
    parts = []
    for unit in ("ちょう", "おく", "まん", ""):
        scale = {"ちょう": 10**12, "おく": 10**8, "まん": 10**4, "": 1}[unit]
        group, value = divmod(value, scale)
        if group:
            parts.append(_read_group(group % 10_000, unit))
    return "".join(parts)


def _read_group(group: int, unit: str) -> str:
    thousands, rest = divmod(group, 1000)
    hundreds, rest = divmod(rest, 100)
    tens, ones = divmod(rest, 10)
    text = ""
    if thousands:
        # 1000 alone is せん, but 1000万 is いっせんまん.
        text += {1: "いっせん" if unit and group == 1000 else "せん", 3: "さんぜん",
                 8: "はっせん"}.get(thousands, _ONES[thousands] + "せん")
    if hundreds:
        text += {1: "ひゃく", 3: "さんびゃく", 6: "ろっぴゃく", 8: "はっぴゃく"}.get(
            hundreds, _ONES[hundreds] + "ひゃく")
    if tens:
        text += ("" if tens == 1 else _ONES[tens]) + "じゅう"
    text += _ONES[ones]
    if unit == "ちょう":  # 1兆 いっちょう, 8兆 はっちょう, 10兆 じゅっちょう
        for full, short in (("いち", "いっ"), ("はち", "はっ"), ("じゅう", "じゅっ")):
            if text.endswith(full):
                text = text[: -len(full)] + short
                break
    return text + unit


def _ending(value: int) -> str:
    if value == 0:
        return "0"
    for scale, name in ((10, ""), (100, "10"), (1000, "100"), (10_000, "1000")):
        if value % scale:
            return name or str(value % 10)
    for unit in ("万", "億", "兆"):
        value //= 10_000
        if value % 10_000:
            return unit
    return "兆"


# --- counters ---------------------------------------------------------------------------------

Reading = Callable[[Number], str]


def _plain(reading: str) -> Reading:
    return lambda number: reading


def _sounds(plain: str, changed: str, endings: Iterable[str], third: str = "") -> Reading:
    """A counter whose first sound changes after some numbers (3分 さんぷん, 3本 さんぼん)."""
    changed_after = frozenset(endings)

    def read(number: Number) -> str:
        if third and number.ending == "3":
            return third
        return changed if number.ending in changed_after else plain
    return read


_P_SOUND = ("1", "6", "8", "10", "100")  # いっぷん ろっぷん はっぷん じゅっぷん ひゃっぷん
_BIG = ("1000", "万", "億", "兆")


def _day(number: Number) -> str:
    value = number.value
    if value is None or value == 0:
        return "にち"
    if number.alone and value in _NATIVE_DAYS and (value != 1 or number.date):
        return _NATIVE_DAYS[value]
    if value % 10 == 4:  # 14日 じゅうよっか, 24日 にじゅうよっか
        return read_number(value - 4) + "よっか"
    return "にち"  # 1日 (a length of time) いちにち, 13日 じゅうさんにち, 17日 じゅうしちにち


def _people(number: Number) -> str:
    if number.alone and number.value in (1, 2):
        return "ひとり" if number.value == 1 else "ふたり"
    return "にん"


def _age(number: Number) -> str:
    return "はたち" if number.alone and number.value == 20 else "さい"


def _then(reading: Reading, suffix: str) -> Reading:
    return lambda number: reading(number) + suffix


_MONTHS = _plain("かげつ")
_PLACES = _plain("かしょ")
_COUNTRIES = _plain("かこく")
_MINUTES = _sounds("ふん", "ぷん", (*_P_SOUND, "3", "4", *_BIG))

COUNTERS: dict[str, Reading] = {
    "日": _day, "日間": _then(_day, "かん"), "日目": _then(_day, "め"),
    "人": _people, "人目": _then(_people, "め"),
    "歳": _age, "才": _age,
    "年": _plain("ねん"), "年間": _plain("ねんかん"), "年度": _plain("ねんど"),
    "年目": _plain("ねんめ"), "年生": _plain("ねんせい"), "周年": _plain("しゅうねん"),
    "世紀": _plain("せいき"), "月": _plain("がつ"),
    **{f"{ka}月": _MONTHS for ka in ("か", "カ", "ヵ", "ヶ", "ケ", "箇")},
    **{f"{ka}月間": _then(_MONTHS, "かん") for ka in ("か", "カ", "ヵ", "ヶ", "ケ", "箇")},
    **{f"{ka}所": _PLACES for ka in ("か", "カ", "ヵ", "ヶ", "ケ", "箇")},
    **{f"{ka}国": _COUNTRIES for ka in ("か", "カ", "ヵ", "ヶ", "ケ")},
    "週": _plain("しゅう"), "週間": _plain("しゅうかん"),
    "時": _plain("じ"), "時間": _plain("じかん"), "分": _MINUTES,
    "分間": _then(_MINUTES, "かん"), "秒": _plain("びょう"), "秒間": _plain("びょうかん"),
    "件": _plain("けん"), "回": _plain("かい"), "回目": _plain("かいめ"), "度": _plain("ど"),
    "倍": _plain("ばい"), "割": _plain("わり"), "枚": _plain("まい"), "台": _plain("だい"),
    "代": _plain("だい"), "位": _plain("い"), "号": _plain("ごう"), "名": _plain("めい"),
    "社": _plain("しゃ"), "校": _plain("こう"), "個": _plain("こ"), "点": _plain("てん"),
    "円": _plain("えん"), "棟": _plain("とう"),
    "階": _sounds("かい", "かい", (), third="がい"),
    "軒": _sounds("けん", "けん", (), third="げん"),
    "本": _sounds("ほん", "ぽん", _P_SOUND, third="ぼん"),
    "杯": _sounds("はい", "ぱい", _P_SOUND, third="ばい"),
    "匹": _sounds("ひき", "ぴき", _P_SOUND, third="びき"),
    "泊": _sounds("はく", "ぱく", (*_P_SOUND, "3")),
    "票": _sounds("ひょう", "ぴょう", (*_P_SOUND, "3")),
}
# Units inside a number: 10万3000, 12億, 3千.
UNITS: dict[str, Reading] = {
    "万": _plain("まん"), "億": _plain("おく"), "兆": _plain("ちょう"),
    "千": _sounds("せん", "せん", (), third="ぜん"),
    "百": _sounds("ひゃく", "ぴゃく", ("6", "8"), third="びゃく"),
}


# --- reading a sentence's words ---------------------------------------------------------------

@dataclasses.dataclass(frozen=True, slots=True)
class Word:
    surface: str
    reading: str  # hiragana, from the analyser
    counter: bool = False  # the analyser tags it as a counter (助数詞)


def reread(words: list[Word]) -> list[tuple[str, str]]:
    """(surface, reading) per word, with numbers and their counters read as described above."""
    out: list[tuple[str, str]] = []
    number: Number | None = None  # the number just before this word, if any
    previous = ""
    for word in words:
        if _HAS_DIGIT.search(word.surface) or (number is not None and word.surface in UNITS):
            parts, number = _number_parts(word.surface, number, date=previous.endswith("月"))
            out.extend(parts)
        elif number is not None and word.surface in COUNTERS:
            out.append((word.surface, COUNTERS[word.surface](number)))
            number = None
        elif number is not None and word.counter:
            out.append((word.surface, ""))  # a counter we cannot read for certain
            number = None
        else:
            out.append((word.surface, word.reading))
            number = None
        previous = word.surface
    return out


def _number_parts(surface: str, before: Number | None,
                  date: bool) -> tuple[list[tuple[str, str]], Number | None]:
    """Digits plain, 万/億/兆 read; the Number a counter after it would follow.

    The analyser sometimes keeps a counter in the same word (1人, 2人): it is read here.
    """
    match = _NUMBER.match(surface)
    rest = surface[match.end():] if match else surface
    if match is None or (rest and rest not in COUNTERS):  # digits in something else (G7)
        return [(part, "") for part in re.split(r"([0-9０-９]+)", surface) if part], None
    parts: list[tuple[str, str]] = []
    number = before
    for part in _PART.findall(match.group()):
        if part in UNITS:
            if number is None:  # 万 with no digits before it: not ours to read
                return [(surface, "")], None
            parts.append((part, UNITS[part](number)))
            number = Number(None, {"千": "1000", "百": "100"}.get(part, part), False, False)
        else:
            number = _group(part, alone=number is None, date=date)
            parts.append((part, ""))
    if rest:
        return [*parts, (rest, COUNTERS[rest](number))], None
    return parts, number


def _group(digits: str, alone: bool, date: bool) -> Number:
    digits = digits.translate(_DIGIT_VALUES).replace(",", "")
    if "." in digits:  # 3.5: the fraction is read digit by digit, the last digit decides
        return Number(None, digits[-1], alone, date)
    value = int(digits[-17:])  # bounded: a longer digit string is not a count anyone reads
    return Number(value, _ending(value), alone, date)
