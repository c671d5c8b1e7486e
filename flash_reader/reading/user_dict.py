"""Readings the analyser gets wrong (or that must never vary) for names in the bulletin.

Checked against the seed issue; each entry is a whole word as it appears in text.
"""

# surface → reading (hiragana). Longest entries win.
USER_READINGS: dict[str, str] = {
    "自治体国際化協会": "じちたいこくさいかきょうかい",
    "海外事務所": "かいがいじむしょ",
    "大連": "だいれん",
    "遼寧省": "りょうねいしょう",
    "北京": "ぺきん",
    "三原市": "みはらし",
    "日韓": "にっかん",
    "仏": "ふつ",  # フランス (as in 仏コミューン), not ほとけ
    "中日": "ちゅうにち",
    "草の根": "くさのね",
}


# Whole words as the analyser splits them → the reading readers expect. Unlike the entries
# above these are never matched inside other text (毎日本 is 毎日 + 本), and a longer word keeps
# its own reading (日本銀行 is にっぽんぎんこう, 日本語 にほんご): only the word itself changes.
WORD_READINGS: dict[str, str] = {
    "日本": "にほん",  # the analyser says にっぽん; 「日本の自治体」「日本文化」 are read にほん
}
