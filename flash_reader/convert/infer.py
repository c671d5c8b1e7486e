"""Which office wrote an item, when the bulletin does not say 「(パリ事務所)」.

Rules, first match wins, each reported to staff as a warning (`--strict`: an error):
1. the photo file name starts with a known office code: `PAR-128.jpg`, `01PAR148.jpg`, `par.jpg`;
2. the body names exactly one office as the actor: 「クレアロンドン事務所は…」;
3. the heading ends with a place: 「…=英・ロンドン」「=仏」「=米」「=中国・浙江省紹興市」;
4. a caption names exactly one office: 「…するクレアシドニー事務所職員」.
An office named in parentheses always wins over all of these.
"""

from __future__ import annotations

import re

from flash_reader.convert.model import Item, Kind

# CLAIR's overseas offices as the bulletin names them.
OFFICES: dict[str, str] = {
    "ニューヨーク事務所": "NYC",
    "ロンドン事務所": "LON",
    "パリ事務所": "PAR",
    "シンガポール事務所": "SIN",
    "ソウル事務所": "SEL",
    "北京事務所": "BEJ",
    "シドニー事務所": "SYD",
}
OFFICE_NAMES = {code: name for name, code in OFFICES.items()}

# The first part of a heading's place suffix → the office whose area it is in. The areas are
# CLAIR's (Paris: continental Western Europe; London: UK, Ireland, the Nordic and Baltic
# countries; New York: the Americas; Singapore: South-East and South Asia; Sydney: Oceania).
# Longest prefix first, so 「米」 does not take 「米国」's place and 「中」 never matches 「中国」.
_PLACES: dict[str, tuple[str, ...]] = {
    "LON": ("英", "イギリス", "英国", "ロンドン", "スコットランド", "ウェールズ", "アイルランド",
            "スウェーデン", "ノルウェー", "デンマーク", "フィンランド", "アイスランド",
            "エストニア", "ラトビア", "リトアニア", "ポーランド", "チェコ", "ハンガリー",
            "マンチェスター", "エディンバラ", "バーミンガム"),
    "PAR": ("仏", "フランス", "パリ", "独", "ドイツ", "伊", "イタリア", "西", "スペイン",
            "ポルトガル", "ベルギー", "オランダ", "蘭", "スイス", "オーストリア", "ギリシャ",
            "リヨン", "マルセイユ", "ボルドー", "ベルリン", "ミュンヘン", "ローマ", "ミラノ"),
    "NYC": ("米", "米国", "アメリカ", "ニューヨーク", "カナダ", "加", "ブラジル", "メキシコ",
            "ペルー", "アルゼンチン", "ワシントン", "シカゴ", "ロサンゼルス", "サンフランシスコ",
            "シアトル", "ハワイ", "ボストン", "トロント", "バンクーバー"),
    "SIN": ("シンガポール", "星", "タイ", "泰", "ベトナム", "越", "マレーシア", "インドネシア",
            "フィリピン", "比", "インド", "印", "ミャンマー", "カンボジア", "ラオス", "ブルネイ",
            "バングラデシュ", "スリランカ", "バンコク", "ハノイ", "ホーチミン", "ジャカルタ",
            "クアラルンプール", "マニラ"),
    "SEL": ("韓", "韓国", "ソウル", "釜山", "大邱", "仁川", "光州", "大田", "済州"),
    "BEJ": ("中国", "中", "北京", "上海", "天津", "重慶", "大連", "広州", "香港", "モンゴル"),
    "SYD": ("豪", "豪州", "オーストラリア", "シドニー", "メルボルン", "ブリスベン", "パース",
            "ニュージーランド", "NZ", "ウェリントン", "オークランド", "フィジー"),
}
_PLACE_PREFIXES = sorted(((prefix, code) for code, prefixes in _PLACES.items()
                          for prefix in prefixes), key=lambda pair: -len(pair[0]))

_CLAIR_OFFICE = re.compile("クレア(" + "|".join(OFFICES) + ")")
_PHOTO_CODE = re.compile(r"^\d*([A-Za-z]{2,5})")
_HEADING_PLACE = re.compile(r"[=＝]([^=＝]+)$")


def photo_code(file_name: str | None) -> str | None:
    """The letters a photo file name starts with (after a number): 01PAR148.jpg → PAR."""
    match = _PHOTO_CODE.match(file_name or "")
    return match[1].upper() if match else None


def infer_office(item: Item) -> tuple[str, Kind, str] | None:
    """(office code, how it was found, a sentence saying so), or None when nothing tells."""
    for photo in item.photos:
        code = photo_code(photo.file)
        if code in OFFICE_NAMES:
            return code, Kind.OFFICE_FROM_PHOTO, f"the photo file name 「{photo.file}」"
    named = _one_office("".join(item.paragraphs))
    if named:
        return OFFICES[named], Kind.OFFICE_FROM_BODY, f"the body names 「クレア{named}」"
    place = _HEADING_PLACE.search(item.title)
    if place:
        code = place_office(place[1])
        if code:
            return code, Kind.OFFICE_FROM_HEADING, f"the heading's place 「={place[1]}」"
    named = _one_office("".join(p.caption or "" for p in item.photos))
    if named:
        return OFFICES[named], Kind.OFFICE_FROM_CAPTION, f"the caption names 「クレア{named}」"
    return None


def place_office(place: str) -> str | None:
    """The office for a heading's place 「英・ロンドン」 (its first part decides), or None."""
    first = re.split(r"[・、,，/／\s]", place.strip(), maxsplit=1)[0]
    for prefix, code in _PLACE_PREFIXES:
        # Whole one-character country abbreviations only (「仏」, not 「仏教」): a longer
        # prefix may be followed by more (「中国・浙江省」, 「ソウル特別市」).
        if first == prefix or (len(prefix) > 1 and first.startswith(prefix)):
            return code
    return None


def _one_office(text: str) -> str | None:
    # Two different offices in one body (a joint event) tell nothing about who wrote it.
    found = set(_CLAIR_OFFICE.findall(text))
    return found.pop() if len(found) == 1 else None
