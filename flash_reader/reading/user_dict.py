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
