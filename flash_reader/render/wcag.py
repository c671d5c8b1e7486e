"""WCAG 2.2 level A and AA success criteria (JIS X 8341-3:2016 is WCAG 2.0; the statement
reports against 2.2, which contains every 2.0 criterion except 4.1.1, removed in 2.2).

Data only: numbers, levels and the Japanese names of the W3C's authorised translation. What
the reader does not have at all (so the criterion does not apply) and where its conformance has
an exception are judgements written down here, each with its reason; conformance itself comes
only from the recorded test run (flash_reader/render/statement.py).
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, slots=True)
class Criterion:
    number: str
    level: str  # "A" or "AA"
    title: str


CRITERIA: tuple[Criterion, ...] = tuple(Criterion(n, level, title) for n, level, title in (
    ("1.1.1", "A", "非テキストコンテンツ"),
    ("1.2.1", "A", "音声のみ及び映像のみ（収録済）"),
    ("1.2.2", "A", "キャプション（収録済）"),
    ("1.2.3", "A", "音声解説、又はメディアに対する代替（収録済）"),
    ("1.2.4", "AA", "キャプション（ライブ）"),
    ("1.2.5", "AA", "音声解説（収録済）"),
    ("1.3.1", "A", "情報及び関係性"),
    ("1.3.2", "A", "意味のあるシーケンス"),
    ("1.3.3", "A", "感覚的な特徴"),
    ("1.3.4", "AA", "表示の向き"),
    ("1.3.5", "AA", "入力目的の特定"),
    ("1.4.1", "A", "色の使用"),
    ("1.4.2", "A", "音声の制御"),
    ("1.4.3", "AA", "コントラスト（最低限）"),
    ("1.4.4", "AA", "テキストのサイズ変更"),
    ("1.4.5", "AA", "文字画像"),
    ("1.4.10", "AA", "リフロー"),
    ("1.4.11", "AA", "非テキストのコントラスト"),
    ("1.4.12", "AA", "テキストの間隔"),
    ("1.4.13", "AA", "ホバー又はフォーカスで表示されるコンテンツ"),
    ("2.1.1", "A", "キーボード"),
    ("2.1.2", "A", "キーボードトラップなし"),
    ("2.1.4", "A", "文字キーのショートカット"),
    ("2.2.1", "A", "タイミング調整可能"),
    ("2.2.2", "A", "一時停止、停止、非表示"),
    ("2.3.1", "A", "3回の閃光、又は閾値以下"),
    ("2.4.1", "A", "ブロックスキップ"),
    ("2.4.2", "A", "ページタイトル"),
    ("2.4.3", "A", "フォーカス順序"),
    ("2.4.4", "A", "リンクの目的（コンテキスト内）"),
    ("2.4.5", "AA", "複数の手段"),
    ("2.4.6", "AA", "見出し及びラベル"),
    ("2.4.7", "AA", "フォーカスの可視化"),
    ("2.4.11", "AA", "フォーカスが隠されない（最低限）"),
    ("2.5.1", "A", "ポインタのジェスチャ"),
    ("2.5.2", "A", "ポインタのキャンセル"),
    ("2.5.3", "A", "ラベルを含む名前（name）"),
    ("2.5.4", "A", "動きによる起動"),
    ("2.5.7", "AA", "ドラッグ動作"),
    ("2.5.8", "AA", "ターゲットのサイズ（最低限）"),
    ("3.1.1", "A", "ページの言語"),
    ("3.1.2", "AA", "一部分の言語"),
    ("3.2.1", "A", "フォーカス時"),
    ("3.2.2", "A", "入力時"),
    ("3.2.3", "AA", "一貫したナビゲーション"),
    ("3.2.4", "AA", "一貫した識別性"),
    ("3.2.6", "A", "一貫したヘルプ"),
    ("3.3.1", "A", "エラーの特定"),
    ("3.3.2", "A", "ラベル又は説明"),
    ("3.3.3", "AA", "エラー修正の提案"),
    ("3.3.4", "AA", "エラー回避（法的、金融、データ）"),
    ("3.3.7", "A", "冗長な入力"),
    ("3.3.8", "AA", "アクセシブルな認証（最低限）"),
    ("4.1.2", "A", "名前（name）・役割（role）及び値（value）"),
    ("4.1.3", "AA", "ステータスメッセージ"),
))
NUMBERS = frozenset(c.number for c in CRITERIA)

_NO_MEDIA = "音声・映像のコンテンツはありません（記事は文章と写真だけです）。"
# Criteria about something the reader does not have. A recorded test that fails for one of
# these still shows it as 不適合 (the reason would then be false).
NOT_APPLICABLE: dict[str, str] = {
    "1.2.1": _NO_MEDIA,
    "1.2.2": _NO_MEDIA,
    "1.2.3": _NO_MEDIA,
    "1.2.4": "ライブ配信の音声・映像はありません。",
    "1.2.5": _NO_MEDIA,
    "2.2.1": "制限時間のある操作はありません。",
    "1.4.13": ("マウスを重ねたりキーボードで移動したりしたときに現れる内容"
               "（ツールチップなど）はありません（ブラウザ試験で確認）。"),
    "2.5.1": ("複数の指で操作する機能や、なぞる軌跡で操作する機能はありません"
              "（ブラウザ試験で確認）。"),
    "2.5.4": "端末を傾ける・振るなどの動きで起動する機能はありません。",
    "3.3.4": "契約・支払い・データの変更や削除を行う送信はありません。",
    "3.3.7": "複数の手順に分かれた入力はありません。",
    "3.3.8": "ログイン・認証はありません。",
}

# Criteria that pass their tests but hold content the reader does not control: stated as
# 例外事項 in the JIS X 8341-3 form.
EXCEPTIONS: dict[str, str] = {
    "3.1.2": ("配信元の記事本文に含まれる外国語の語句には言語の指定がありません"
              "（配信データに言語の情報がないため）。"),
}
