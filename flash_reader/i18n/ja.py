"""日本語: the reader's own language. Keys are shared with en.py (a test checks both have the
same keys). A (one, other) pair is a count's forms; Japanese has one, given twice."""

from __future__ import annotations

from flash_reader.render.wcag import CRITERIA, EXCEPTIONS, NOT_APPLICABLE

TEXT: dict[str, str | tuple[str, str]] = {
    # Site, titles, descriptions
    "site": "海外事務所フラッシュ",
    "title.reader": "海外事務所フラッシュ｜CLAIR 自治体国際化協会",
    "title.page": "{heading}｜{site}",
    "description": ("CLAIR（自治体国際化協会）の海外事務所から届くニュース"
                    "「海外事務所フラッシュ」を読みやすく表示します。"),
    "description.filtered": "{summary}。{description}",
    "og.locale": "ja_JP",
    "feed.json_title": "海外事務所フラッシュ（JSON Feed）",
    "feed.atom_title": "海外事務所フラッシュ（Atom）",
    # Header
    "skip": "本文へスキップ",
    "brand.org": "CLAIR（自治体国際化協会）",
    "brand.name": "海外事務所フラッシュ",
    "switch.label": "English",
    "search.label": "サイト内検索",
    "search.placeholder": "例：シンガポール",
    "search.button": "検索",
    # 表示設定
    "display.summary": "表示設定",
    "display.summary_hint": "（文字サイズ・色・間隔）",
    "display.size": "文字サイズ",
    "display.size_choice": "{name}（{percent}%）",
    "size.100": "標準",
    "size.150": "大",
    "size.200": "特大",
    "display.size_fine": "細かく調整",
    "display.theme": "色",
    "theme.system": "端末の設定に合わせる",
    "theme.default": "標準",
    "theme.light-high": "白地に黒",
    "theme.dark-high": "黒地に白",
    "theme.blue-yellow": "青地に黄",
    "display.no_script": ("この表示設定は JavaScript を使います。JavaScript が動かないときは、"
                          "ブラウザの拡大（Ctrl と ＋、Mac は ⌘ と ＋）で文字を大きくでき、"
                          "端末のハイコントラスト設定の色で表示されます。画面の言語は"
                          "「English」のリンクで、ふりがなは次のリンクから切り替えられます。"),
    "display.no_script.readings_on": "このページにふりがなを付ける",
    "display.no_script.readings_off": "このページのふりがなを消す",
    "display.forced_colors": "端末のハイコントラスト設定が有効なため、その色で表示しています。",
    "display.font": "フォント",
    "display.font_ud": "読みやすいフォント（BIZ UDPゴシック）",
    "display.spacing_measure": "間隔と行の長さ",
    "display.spacing": "行間・文字間・段落の間を広げる",
    "display.measure": "1行を約40字までにする",
    "display.ruler_legend": "読んでいる行",
    "display.ruler": "読んでいる行を帯で示し、ほかを薄くする（リーディングルーラー）",
    "display.layout": "記事の表示",
    "display.headlines": "見出しだけ表示（タイトル・事務所・日付）",
    "display.reset": "初期設定に戻す",
    "furigana.legend": "ふりがなを付ける漢字",
    "furigana.none": "なし",
    "furigana.all": "すべての漢字",
    **{f"furigana.grade-{g}": f"小学{g}年より上の漢字" for g in range(1, 6)},
    "furigana.grade-6": "小学校で習わない漢字",
    "rate.legend": "読み上げの速さ",
    "rate.0.7": "ゆっくり",
    "rate.0.85": "少しゆっくり",
    "rate.normal": "ふつう",
    "rate.1.2": "少し速く",
    "rate.1.5": "速く",
    # Footer, shortcuts, speech
    "footer.note": ("このリーダーは CLAIR の配信をもとにした非公式の閲覧用ページです。"
                    "元の配信の写真は含まれていないため、写真のあった場所にはその旨を表示しています。"),
    "gap": "　",
    "colon": "：",
    "list.joiner": "・",
    "external": "（外部サイト）",
    "subscribe.link": "RSS・フィードで購読",
    "subscribe.json": "（{link}）",
    "subscribe.json_label": "JSON Feed 形式",
    "subscribe.help": ("フィードとは、新しい記事の一覧を配る仕組みです。このリンクのアドレスを"
                       "フィードリーダー（RSSリーダー）のアプリに登録すると、新しい記事が届くたびに"
                       "知らせてくれます。このページを開きに来る必要はありません。"),
    "subscribe.offices": "{names}の記事をRSS・フィードで購読",
    "subscribe.offices_help": ("フィードリーダーのアプリに登録すると、この事務所の新しい記事だけ"
                               "が届きます。"),
    "shortcuts.open": "キーボード操作（?）",
    "shortcuts.title": "キーボード操作",
    "shortcut.next": "次の記事へ",
    "shortcut.previous": "前の記事へ",
    "shortcut.search": "サイト内検索へ移動",
    "shortcut.open": "この一覧を開く",
    "shortcut.close": "この一覧を閉じる",
    "shortcuts.typing": "入力欄に文字を入力している間は、これらのキーは働きません。",
    "shortcuts.enable": "1文字のショートカットキーを使う",
    "dialog.close": "閉じる",
    "speech.pause": "一時停止",
    "speech.stop": "停止",
    "speech.article_group": "この記事の読み上げ",
    "speech.article_play": "この記事を読み上げる",
    "speech.issue_group": "この号の読み上げ",
    "speech.issue_play": "表示中の記事をすべて読み上げる",
    "view.error": "表示を更新できませんでした。ページを再読み込みしてください。",
    # Articles, issues, the reader
    "item.from": "発信：",
    "item.permalink": "この記事へのリンク",
    "item.toggle": "本文",
    "item.link_lost": ("元の配信には、この記事の詳しい情報へのリンクがありました"
                       "（このリーダーには含まれていません）。"),
    "item.source": "元の配信のページを開く",
    "item.page_heading": "海外事務所フラッシュ　記事",
    "item.description": "{office}：{text}",
    "photo.none_note": "写真は掲載されていません。写真の説明は「写真：」のあとに示します。",
    "photo.placeholder": "{office}の写真（掲載なし）",
    "photo.no_caption": "写真（説明はありません）",
    "photo.svg_text": "写真は掲載されていません",
    "photo.svg_label": "{office}（写真なし）",
    "issue.label": "{date}配信",
    "issue.unknown": "配信日不明",
    "issue.description": "{issue}の海外事務所フラッシュ（{count}件）：{titles}",
    "date": "{year}年{month}月{day}日",
    **{f"month.{m}": f"{m}月" for m in range(1, 13)},
    "back.latest": "← 最新号へ",
    "more": "さらに表示",
    "more.from": "（{count}件目から）",
    "reader.results": "絞り込み・検索の結果",
    "summary.latest": "最新号の記事 {count}件",
    "summary.offices": "{offices}の記事 {count}件",
    "summary.words": "「{words}」を含む記事 {count}件",
    "summary.offices_words": "{offices}の「{words}」を含む記事 {count}件",
    "summary.issue": "{issue}の記事 {count}件",
    "filter.region": "絞り込み",
    "filter.offices": "事務所で絞り込む",
    "filter.chosen": "（{count}件選択中）",
    "filter.all": "すべて",
    "filter.count": "（{count}件）",
    "filter.submit": "この条件で絞り込む",
    "filter.unknown": "指定された事務所はありません。次の事務所から選べます：{offices}。",
    "list.sep": "、",
    "filter.empty": "条件に合う記事はありません。",
    "filter.clear": "絞り込みと検索をすべて解除",
    "office.unknown": "事務所不明",
    # The feed gives Japanese names; these are used only in English (here for the key check).
    "office.PAR": "パリ事務所",
    "office.SIN": "シンガポール事務所",
    "office.LON": "ロンドン事務所",
    "office.BEJ": "北京事務所",
    "office.NYC": "ニューヨーク事務所",
    "office.SYD": "シドニー事務所",
    "office.SEL": "ソウル事務所",
    "pager.label": "前後の配信号",
    "pager.newer": "次の号（新しい）",
    "pager.older": "前の号（古い）",
    "timeline.heading": "バックナンバー",
    "timeline.all": "すべての号を年・月ごとに見る（バックナンバー一覧）",
    "timeline.year": "{year}年（{count}号）",
    "timeline.month": "{year}年{month}月",
    "timeline.issue": "{month}月{day}日配信（{count}件）",
    "archive.heading": "バックナンバー一覧",
    "archive.title": "バックナンバー一覧（年・月ごと）",
    "archive.description": "海外事務所フラッシュのバックナンバー：{summary}",
    "archive.jump": "年へ移動",
    "archive.year": "{year}年",
    "archive.back": "年の一覧へ戻る",
    "archive.counts": "（{issues}・{items}）",
    "archive.issues": "{count}号",
    "archive.items": "{count}件",
    "archive.size": "{items}の記事、{issues}",
    "archive.loading": "{size}を表示できます。古い号を配信元から読み込んでいます。",
    "archive.partial": "{size}を表示できます。これより古い号は、このリーダーでは表示できません。",
    "archive.whole": "{size}（すべてのバックナンバー）を表示できます。",
    # Errors and 404s
    "notfound.page.heading": "ページが見つかりません",
    "notfound.page.message": "お探しのページは見つかりませんでした。URL をご確認ください。",
    "notfound.item.heading": "記事が見つかりません",
    "notfound.item.message": "この記事は見つかりませんでした。URL をご確認ください。",
    "notfound.issue.heading": "配信号が見つかりません",
    "notfound.issue.message": "この日付の配信はありません。",
    "notfound.latest": "最新号を読む",
    "notfound.search": "サイト内検索を使う",
    "unavailable.heading": "ニュースを表示できません",
    "unavailable.loading": "ニュースを読み込んでいます。しばらくしてから再読み込みしてください。",
    "stale.none": ("配信元からニュースを読み込めませんでした。しばらくしてから再読み込みしてくだ"
                   "さい。"),
    "stale.unknown_time": "最新の配信を読み込めませんでした。前回読み込んだ内容を表示しています。",
    "stale.data": "配信元のデータに問題があるため",
    "stale.down": "配信元から応答がないため",
    "stale.status": "配信元のサーバーがエラーを返したため",
    "stale.since": ("{reason}、{date} {time} に取得した内容を表示しています（最新ではない可能性が"
                    "あります）。"),
    # /about
    "about.heading": "このサイトについて",
    "about.description": ("海外事務所フラッシュとは何か、発行元（CLAIR 自治体国際化協会）への"
                          "問い合わせ方法、このリーダーが端末に保存する情報。"),
    "about.bulletin": "海外事務所フラッシュとは",
    "about.bulletin.what": (
        "「{name}」は、一般財団法人自治体国際化協会（CLAIR、クレア）が、"
        "ニューヨーク・ロンドン・パリ・シンガポール・ソウル・北京・シドニーなどの海外事務所から、"
        "各地の地方行政や地域の話題を届けるニュースです。"),
    "about.bulletin.reader": (
        "このサイトは、その配信を読みやすく表示するための閲覧用ページ（リーダー）です。"
        "文字サイズ・色・行間の変更、ふりがな、読み上げ、事務所ごとの絞り込みと検索、"
        "バックナンバーの一覧ができます。記事の内容は配信のとおりに表示しています。"),
    "about.publisher": "発行元",
    "about.publisher.text": ("記事の発行元は一般財団法人自治体国際化協会（CLAIR）です。"
                             "このリーダーは "
                             "CLAIR の配信をもとにした非公式の閲覧用ページです。"),
    "about.speech": "音声",
    "about.speech.text": ("記事の読み上げ音声は、このサーバーの上で Open JTalk（名古屋工業大学、"
                          "修正 BSD ライセンス）と音声「Mei」（名古屋工業大学、CC BY 3.0）で"
                          "作っています。外部のサービスは使いません。"),
    "about.contact": "お問い合わせ",
    "about.contact.text": ("記事の内容についてのお問い合わせは、CLAIR の公式サイトにある問い合わ"
                           "せ先をご利用ください。"),
    "about.contact.link": "一般財団法人自治体国際化協会（CLAIR）公式サイト",
    "about.data": "端末に保存する情報",
    "about.data.text": ("このリーダーが閲覧者の端末に保存するのは、次の表示の設定だけです。"
                        "名前やメールアドレスなどの個人情報は扱いません。"
                        "アクセス解析や広告のための記録も行いません。"),
    "about.data.display": ("表示設定（文字サイズ・色・間隔・1行の長さ・"
                           "ふりがな・読み上げの速さ）："
                           "ブラウザの localStorage（{key}）。"
                           "この端末の中だけに保存し、送信しません。"),
    "about.data.shortcuts": ("1文字のショートカットキーを使わない設定：ブラウザの localStorage（{"
                             "key}）。送信しません。"),
    "about.data.theme": ("画面部品の配色の方式：ブラウザの localStorage（{key}、値は {value}）。"
                         "埋め込みコードの作成ページが使っている部品（Reflex）が自動で保存します。送信しません。"),
    "about.data.lang": ("表示の言語（日本語・English）：クッキー（{key}）。"
                        "次に開くページのアドレスに選んだ言語（?lang=）を付けるためと、"
                        "埋め込みコードの作成ページの言語のためだけに使います。"
                        "ふりがなの設定も、開くページのアドレス（?furigana=1）で伝えます。"),
    "about.data.clear": ("表示設定の「初期設定に戻す」で表示の設定を消せます。"
                         "ブラウザの設定からサイトのデータを削除しても消えます。"),
    "about.a11y": "アクセシビリティ",
    "about.a11y.text": "取り組みと試験の結果は{link}で公開しています。",
    # /accessibility
    "statement.heading": "アクセシビリティ方針・試験結果",
    "statement.description": ("海外事務所フラッシュ（閲覧用ページ）のアクセシビリティ方針と、"
                              "JIS X 8341-3:2016（WCAG 2.2 の A・AA）の達成基準ごとの試験結果。"),
    "statement.policy": "アクセシビリティ方針",
    "statement.policy.text": (
        "海外事務所フラッシュの閲覧用ページ（このサイト）は、年齢や障害の有無、使う機器にかかわらず、"
        "だれもが記事を読めることを目指します。日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮"
        "設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の適合"
        "レベル AA に準拠することを目標とし、WCAG 2.2 のレベル A・AA の達成基準について試験を行い、"
        "その結果をこのページで公開します。"),
    "statement.standard": "規格",
    "statement.standard.text": "JIS X 8341-3:2016（達成基準は WCAG 2.2 のレベル A・AA）",
    "statement.target": "目標とする適合レベル",
    "statement.claim": "適合レベル及び対応度",
    "statement.claim.full": "JIS X 8341-3:2016 の適合レベル AA に準拠",
    "statement.claim.partial": "JIS X 8341-3:2016 の適合レベル AA に一部準拠",
    "statement.date": "試験日",
    "statement.date.none": "試験の記録がありません",
    "statement.record": "試験の記録",
    "statement.record.partial": ("（スイート全体ではなく、達成基準に対応づけた試験を選んで実行し"
                                 "た記録です）"),
    "statement.source.none": "試験の記録がないため、すべて未試験としています。",
    "statement.source.fresh": ("この版のテスト（make test）を最後に実行したときの記録から作成して"
                               "います。"),
    "statement.source.baseline": ("リポジトリに同梱した試験記録"
                                  "（docs/accessibility-results.json）から"
                                  "作成しています。"),
    "statement.method": "試験方法",
    "statement.method.text": (
        "自動テスト（pytest）で、サーバーが返すページを検査し、実際のブラウザで操作して確かめ、"
        "axe-core で検査しています。達成基準ごとに、対応づけた試験がすべて合格したものだけを"
        "「適合」としています。"),
    "statement.tools": "使用したツール",
    "statement.pages": "試験したページ",
    "statement.none": "記録がありません",
    "statement.counts": "結果の内訳",
    "statement.count": "{count}件",
    "statement.checklist": "達成基準チェックリスト",
    "statement.caption": "WCAG 2.2 レベル A・AA の達成基準ごとの結果",
    "statement.col.number": "番号",
    "statement.col.criterion": "達成基準",
    "statement.col.level": "レベル",
    "statement.col.result": "結果",
    "statement.col.method": "WAIC の確認方法",
    "statement.col.how": "確認方法・理由",
    "statement.exceptions": "例外事項",
    "statement.exceptions.none": "ありません。",
    "statement.contact": "ご意見・お問い合わせ",
    "statement.site": "このサイトの適合表明",
    "statement.site.date": "表明日",
    "statement.site.none": ("このサイトのページを試験した記録（flash-reader audit）は"
                            "まだありません。運営者が試験を行うと、その結果がここに表示されます。"),
    "statement.scope": "対象範囲",
    "statement.scope.text": ("{url} 以下の全ページ（記事・号・一覧・検索・埋め込み用のページを"
                             "含む）"),
    "statement.tech": "依存したウェブコンテンツ技術",
    "statement.tech.text": "HTML、CSS、WAI-ARIA、JavaScript",
    "statement.claim.considered": ("JIS X 8341-3:2016 に配慮（このサイトの試験はまだ記録されて"
                                   "いません）"),
    "statement.claim.missing": "適合を確認できていない達成基準：{numbers}",
    "statement.site.caption": "このサイトの標本ページで確かめた、達成基準ごとの結果",
    "method.automated": "自動（ツールの結果で判定）",
    "method.automated-then-human": "ツールの検査の後に人が確認",
    "method.human": "人による確認",
    "statement.dev": "開発時の試験記録",
    "statement.dev.text": ("次は、このソフトウェアの開発者が同梱の試験用フィードで行った自動試験の"
                           "記録です。開発の証拠であり、このサイトの適合表明ではありません。"),
    "status.unchecked": "未確認（人による確認の記録待ち）",
    "contact.intro": ("読みにくい箇所や使いにくい操作の報告、記事を別の形式（大きな文字・テキスト・"
                      "音声など）でご希望の場合は、次の窓口へご連絡ください。"),
    "contact.email": "メール：{link}",
    "contact.form": "問い合わせフォーム",
    "contact.none": ("このサイトの運営者の窓口はまだ設定されていません。読みにくい箇所や使いにくい"
                     "操作の報告、記事を別の形式でご希望の場合は、発行元の問い合わせ先（{link}）へ"
                     "お寄せください。"),
    "conformance.what": ("このページの埋め込み表示「{title}」（配色：{theme}、言語：{lang}）は、"
                         "{provider} が提供する第三者コンテンツです（記事は CLAIR 自治体国際化"
                         "協会の海外事務所フラッシュによります）。"),
    "conformance.no_audit": "提供元は、この埋め込み表示の試験結果をまだ公開していません。",
    "conformance.not_in_sample": ("この配色と言語の埋め込み表示は、提供元の最新の試験（{date}）"
                                  "の標本に含まれていません。"),
    "conformance.results": ("提供元が{date}に JIS X 8341-3:2016（WCAG 2.2 のレベル A・AA の"
                            "達成基準 {total} 件）でこの設定を試験した結果：適合・非適用 "
                            "{conforming} 件、不適合：{failing}、人による確認待ち：{unchecked}。"),
    "conformance.none": "なし",
    "conformance.details": "詳しい結果：{url}",
    "conformance.partial": ("部分適合に関する記述（第三者コンテンツ）：このページの埋め込み"
                            "部分は、当サイトが管理していない第三者が提供するコンテンツです。"
                            "この部分を除けば、このページは JIS X 8341-3:2016 の適合レベル AA "
                            "に準拠しています。"),
    "status.conforms": "適合",
    "status.exception": "適合（例外事項あり）",
    "status.not_applicable": "非適用",
    "status.fails": "不適合",
    "status.not_tested": "未試験",
    # The embeddable widget and cards (embed/widget.py)
    "widget.site": "海外事務所フラッシュ",
    "widget.latest": "新着",
    "widget.all_offices": "全事務所",
    "widget.more": "すべての記事を海外事務所フラッシュで読む",
    "widget.unit": "件",
    "widget.leaves": "（このページから移動します）",
    "widget.note": "見出しを押すと、このページに代わって海外事務所フラッシュの記事が開きます。",
    "widget.read_article": "この記事を海外事務所フラッシュで読む",
    "widget.read_issue": "この号を海外事務所フラッシュで読む",
    "widget.error_title": "埋め込みの設定に問題があります",
    "widget.empty": "該当する記事はまだありません。",
    "widget.no_item": "この記事は見つかりません。削除されたか、アドレスが違います。",
    "widget.no_issue": "この号は見つかりません。アドレスの日付を確かめてください。",
    "widget.not_found_title": "見つかりません",
    "widget.unavailable": ("ニュースを読み込めませんでした。しばらくしてからもう一度お試しくださ"
                           "い。"),
    "widget.photo": "写真：",
    "widget.separator": "・",
    # Words in parentheses after others: a title's scope, a frame's site
    "aside": "{text}（{aside}）",
    # Widget parameters that cannot be used (embed/params.py): said to the staff member who
    # wrote the snippet, in the widget's language
    "params.unknown": "知らないパラメータがあります: {names}（使えるのは {usable}）",
    "params.unknown_office": "office={codes} という事務所はありません（使えるのは {usable}）",
    "params.unknown_office_more": ("office={codes} ほか {count} 件 という事務所はありません"
                                   "（使えるのは {usable}）"),
    "params.not_a_number": "{name}={value} は数ではありません（{label}は {low}〜{high} の整数）",
    "params.out_of_range": "{name}={value} は範囲外です（{label}は {low}〜{high}）",
    "params.label.limit": "件数",
    "params.label.height": "高さ",
    "params.label.width": "幅",
    "params.theme": "theme={value} は使えません（使えるのは {themes}）",
    "params.lang": "lang={value} は使えません（使えるのは ja, en）",
    # oEmbed (embed/oembed.py): titles and why a URL has nothing to embed
    "oembed.widget_title": "{site}（{scope}の新着{limit}件）",
    "oembed.all_offices": "全事務所",
    "oembed.not_ours": "{url} はこのサイト（{base}）のページではありません",
    "oembed.nothing": "{url} には埋め込めるものがありません",
    "oembed.no_item": "{url} の記事はありません",
    "oembed.no_issue": "{url} の号はありません",
    # Errors of the feeds out and oEmbed (api.py), in a JSON body
    "api.unavailable": "記事を読み込めていません。しばらくしてからもう一度お試しください。",
    "api.page_not_number": "page={page} は 1 以上の整数ではありません",
    "api.no_page": "{page} ページ目はありません",
    "api.format": "format は json か xml を指定してください",
    "api.url_missing": "url パラメータに、埋め込みたいページのアドレスを指定してください",
    "api.not_positive": "{name}={value} は 1 以上の整数ではありません",
    # The embed builder (/embed/builder: pages/embed_builder.py, embed/builder_choices.py)
    "builder.page_title": "埋め込みコードの作成｜海外事務所フラッシュ",
    "builder.heading": "埋め込みコードの作成",
    "builder.intro": ("自治体のウェブサイトに、海外事務所フラッシュの新着記事を表示できます。"
                      "事務所・件数・言語・色・大きさを選ぶと、下のプレビューとコードが変わります。"),
    "builder.settings": "設定",
    "builder.offices": "表示する事務所（選ばなければ全事務所）",
    "builder.limit": "件数",
    "builder.limit_choice": "{count}件",
    "builder.lang": "言語",
    "builder.lang.ja": "日本語",
    "builder.lang.en": "英語（English）",
    "builder.theme": "色",
    "builder.theme.auto": "閲覧者の端末に合わせる",
    "builder.size": "{name}（{low}〜{high} ピクセル）",
    "builder.height": "高さ",
    "builder.width": "幅",
    "builder.size_problem": ("{name}は {low}〜{high} の整数（ピクセル）で入力してください。"
                             "今のコードは前の値のままです。"),
    "builder.preview": "プレビュー",
    "builder.sites": "埋め込みを許可されているサイト",
    "builder.sites.text": ("このコードが表示されるのは、次のサイトだけです。"
                           "ほかのサイトに貼り付けると、"
                           "ブラウザーが表示を止め、枠の中は空白になります。自分のサイトが一覧にない"
                           "ときは、この閲覧サイトの管理者に、サイトのアドレス"
                           "（https://www.city.example.lg.jp の形）を伝えて"
                           "追加を依頼してください。"),
    "builder.sites.none": "今は、許可されているサイトはありません。",
    "builder.origin": "あなたのサイトのアドレス",
    "builder.try": "このサイトで試す",
    "builder.origin.unreadable": ("サイトのアドレスとして読めませんでした。"
                                  "https://www.city.example.lg.jp のように、https:// から始まる"
                                  "アドレスを半角で入力してください。"),
    "builder.origin.from_page": ("（入力されたページのアドレスから、"
                                 "サイトのアドレス {origin} で確かめました）"),
    "builder.origin.allowed": ("{origin} は埋め込みが許可されています。コードを貼り付ければ、"
                               "プレビューと同じように表示されます。{note}"),
    "builder.origin.scheme": ("{other} は許可されていますが、"
                              "http:// と https:// は別のサイトとして扱われます。"),
    "builder.origin.refused": ("{origin} はまだ許可されていません。このままコードを貼り付けると、"
                               "枠の中が空白（またはブラウザーのエラー表示）になります。"
                               "{scheme_hint}この閲覧サイトの管理者に、"
                               "{origin} を埋め込み許可サイト"
                               "（FLASH_EMBED_ORIGINS）に加えるよう依頼してください。{note}"),
    "builder.code": "埋め込みコード",
    "builder.local_address": ("このコードのアドレス（{address}）は、このパソコンの中だけで使える"
                              "ものです。ほかのサイトに貼っても表示されません。"
                              "サーバーの公開アドレスを FLASH_PUBLIC_URL に設定してください。"),
    "builder.code_label": "このコードをウェブサイトの HTML に貼り付けてください",
    "builder.copy": "コードをコピー",
    "builder.conformance": "アクセシビリティの表明に載せる文",
    "builder.conformance.text": ("埋め込み部分は、貴サイトから見て第三者のコンテンツです。"
                                 "貴サイトの試験結果や方針のページに、次の文をお使いください。試験結果は、"
                                 "この設定（色・言語）について提供元が最新の試験で確かめたもの"
                                 "です。最後の一文（部分適合に関する記述）は、貴サイトの試験で"
                                 "確かめた場合だけお使いください。"),
    "builder.conformance_ja": "日本語の文",
    "builder.conformance_en": "英語の文",
    "builder.copy_ja": "日本語の文をコピー",
    "builder.copy_en": "英語の文をコピー",
    "builder.conformance_json": "同じ内容の JSON（CMS などのツール向け）",
    # Browser scripts (components/scripts/*.js read these from the page, never their own copy)
    "js.theme": "色：{value}",
    "js.size": "文字サイズ：{value}%",
    "js.spacing_on": "間隔を広げました",
    "js.spacing_off": "間隔を標準に戻しました",
    "js.measure_on": "1行を約40字までにしました",
    "js.measure_off": "行の長さの制限を外しました",
    "js.font_on": "読みやすいフォント（BIZ UDPゴシック）にしました",
    "js.font_off": "フォントを標準に戻しました",
    "js.furigana": "ふりがなを付ける漢字：{value}",
    "js.rate": "読み上げの速さ：{value}",
    "js.ruler_on": "読んでいる行を帯で示します（ポインター・キーボードの位置・読み上げ中の文）",
    "js.ruler_off": "リーディングルーラーを消しました",
    "js.layout_on": "見出しだけ表示にしました（「本文」で開きます）",
    "js.layout_off": "記事の本文も表示します",
    "js.reset": "表示設定を初期設定に戻しました（端末の設定に合わせます）",
    "js.no_voice": "この端末には日本語の音声がありません。",
    "js.speech_done": "読み上げが終わりました。",
    "js.speech_failed": "読み上げを続けられませんでした。",
    "js.speech_reading": "読み上げています：{label}",
    "js.speech_other_voice": ("この端末には日本語の音声がないため、{voice}（{voice_lang}）で読み"
                              "上げています：{label}"),
    "js.speech_stopped": "読み上げを停止しました。",
    "js.speech_paused": "一時停止しています：{label}",
    "js.speech_resumed": "読み上げを再開しました：{label}",
    "js.speech_article": "この記事",
    "js.speech_issue": "この号のすべての記事",
    "js.copied": "埋め込みコードをコピーしました。",
    "js.copied_statement": "表明用の文をコピーしました。",
    "js.copy_by_hand": "Ctrl+C（⌘+C）でコピーしてください。",
}
# WCAG criteria by the names of the W3C's authorised Japanese translation (render/wcag.py).
TEXT.update({f"wcag.{c.number}": c.title for c in CRITERIA})
TEXT.update({f"wcag_note.{n}": note for n, note in {**NOT_APPLICABLE, **EXCEPTIONS}.items()})
