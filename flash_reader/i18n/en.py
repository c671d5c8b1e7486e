"""English: the chrome of the reader, the builder and the widget. The feed's text stays
Japanese (marked lang="ja"). WCAG criteria carry the W3C's English names."""

from __future__ import annotations

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_NO_MEDIA = "There is no audio or video content (articles are text and photos only)."

TEXT: dict[str, str | tuple[str, str]] = {
    # Site, titles, descriptions
    "site": "CLAIR Overseas Office Flash",
    "title.reader": ("CLAIR Overseas Office Flash | Council of Local Authorities for "
                     "International Relations"),
    "title.page": "{heading} | {site}",
    "description": ("“Overseas Office Flash”, the news from the overseas offices of CLAIR "
                    "(Council of Local Authorities for International Relations), made easy "
                    "to read."),
    "description.filtered": "{summary}. {description}",
    "og.locale": "en_GB",
    "feed.json_title": "CLAIR Overseas Office Flash (JSON Feed)",
    "feed.atom_title": "CLAIR Overseas Office Flash (Atom)",
    # Header
    "skip": "Skip to main content",
    "brand.org": "CLAIR (Council of Local Authorities for International Relations)",
    "brand.name": "Overseas Office Flash",
    "switch.label": "日本語",
    "search.label": "Search this site",
    "search.placeholder": "Words in Japanese",
    "search.button": "Search",
    # Display settings
    "display.summary": "Display settings",
    "display.summary_hint": " (text size, colours, spacing)",
    "display.size": "Text size",
    "display.size_choice": "{name} ({percent}%)",
    "size.100": "Normal",
    "size.150": "Large",
    "size.200": "Extra large",
    "display.size_fine": "Fine adjustment",
    "display.theme": "Colours",
    "theme.system": "Follow my device",
    "theme.default": "Standard",
    "theme.light-high": "Black on white",
    "theme.dark-high": "White on black",
    "theme.blue-yellow": "Yellow on blue",
    "display.no_script": ("These display settings use JavaScript. Without it, your browser's "
                          "zoom (Ctrl and +, ⌘ and + on a Mac) makes the text larger and your "
                          "device's high contrast colours apply. The page's language changes "
                          "with the language link, and furigana with the link that follows."),
    "display.no_script.readings_on": "Add furigana to this page",
    "display.no_script.readings_off": "Remove furigana from this page",
    "display.forced_colors": ("Your device's high contrast setting is on, so its colours are "
                              "used."),
    "display.font": "Font",
    "display.font_ud": "Easy-to-read font (BIZ UDPGothic)",
    "display.spacing_measure": "Spacing and line length",
    "display.spacing": "Wider line, letter and paragraph spacing",
    "display.measure": "Lines of about 40 characters at most",
    "display.ruler_legend": "The line you are reading",
    "display.ruler": "Show it in a band and fade the rest (reading ruler)",
    "display.layout": "Articles",
    "display.headlines": "Headlines only (title, office, date)",
    "display.reset": "Reset to defaults",
    "furigana.legend": "Furigana (readings) over kanji",
    "furigana.none": "None",
    "furigana.all": "All kanji",
    **{f"furigana.grade-{g}": f"Kanji above school grade {g}" for g in range(1, 6)},
    "furigana.grade-6": "Kanji not taught in primary school",
    "rate.legend": "Reading-aloud speed",
    "rate.0.7": "Slow",
    "rate.0.85": "A little slow",
    "rate.normal": "Normal",
    "rate.1.2": "A little fast",
    "rate.1.5": "Fast",
    # Footer, shortcuts, speech
    "footer.note": ("This reader is an unofficial page for reading CLAIR's bulletin. The "
                    "original photos are not included; where a photo was, the page says so."),
    "gap": " ",
    "colon": ": ",
    "list.joiner": ", ",
    "external": " (external site)",
    "subscribe.link": "Subscribe by RSS feed",
    "subscribe.json": " ({link})",
    "subscribe.json_label": "JSON Feed",
    "subscribe.help": ("A feed is a list of new articles. Add this link's address to a feed "
                       "reader (RSS reader) app and it tells you whenever a new article "
                       "arrives, without visiting this page."),
    "subscribe.offices": "Subscribe to articles from the {names} by RSS feed",
    "subscribe.offices_help": ("Add it to a feed reader app to get only this office's new "
                               "articles."),
    "shortcuts.open": "Keyboard shortcuts (?)",
    "shortcuts.title": "Keyboard shortcuts",
    "shortcut.next": "Next article",
    "shortcut.previous": "Previous article",
    "shortcut.search": "Go to the site search",
    "shortcut.open": "Open this list",
    "shortcut.close": "Close this list",
    "shortcuts.typing": "These keys do nothing while you type in a text box.",
    "shortcuts.enable": "Use single-character shortcut keys",
    "dialog.close": "Close",
    "speech.pause": "Pause",
    "speech.stop": "Stop",
    "speech.article_group": "Read this article aloud",
    "speech.article_play": "Read this article aloud",
    "speech.issue_group": "Read this issue aloud",
    "speech.issue_play": "Read all articles shown aloud",
    "view.error": "The page could not be updated. Please reload the page.",
    # Articles, issues, the reader
    "item.from": "From: ",
    "item.permalink": "Link to this article",
    "item.toggle": "Text",
    "item.link_lost": ("The original bulletin linked to more about this article (the link is "
                       "not included in this reader)."),
    "item.source": "Open the original bulletin's page",
    "item.page_heading": "Overseas Office Flash: article",
    "item.description": "{office}: {text}",
    "photo.none_note": ("The photos are not published here; each article shows its photo's "
                        "caption."),
    "photo.placeholder": "Photo from the {office} (not included)",
    "photo.no_caption": "Photo (no description)",
    "photo.svg_text": "No photo published",
    "photo.svg_label": "{office} (no photo)",
    "issue.label": "Issue of {date}",
    "issue.unknown": "Issue date unknown",
    "issue.description": ("CLAIR Overseas Office Flash, {issue} (1 article): {titles}",
                          "CLAIR Overseas Office Flash, {issue} ({count} articles): {titles}"),
    "date": "{day} {month_name} {year}",
    **{f"month.{m}": name for m, name in enumerate(MONTHS, 1)},
    "back.latest": "← Latest issue",
    "more": "Show more",
    "more.from": " (from article {count})",
    "reader.results": "Filter and search results",
    "summary.latest": ("1 article in the latest issue", "{count} articles in the latest issue"),
    "summary.offices": ("1 article from the {offices}", "{count} articles from the {offices}"),
    "summary.words": ("1 article containing “{words}”", "{count} articles containing “{words}”"),
    "summary.offices_words": ("1 article from the {offices} containing “{words}”",
                              "{count} articles from the {offices} containing “{words}”"),
    "summary.issue": ("{issue}: 1 article", "{issue}: {count} articles"),
    "filter.region": "Filter",
    "filter.offices": "Filter by office",
    "filter.chosen": (" (1 chosen)", " ({count} chosen)"),
    "filter.all": "All",
    "filter.count": (" (1 article)", " ({count} articles)"),
    "filter.submit": "Apply this filter",
    "filter.unknown": ("The address names an office that does not exist. These are the offices: "
                       "{offices}."),
    "list.sep": ", ",
    "filter.empty": "No articles match.",
    "filter.clear": "Clear all filters and the search",
    "office.unknown": "Unknown office",
    "office.PAR": "Paris office",
    "office.SIN": "Singapore office",
    "office.LON": "London office",
    "office.BEJ": "Beijing office",
    "office.NYC": "New York office",
    "office.SYD": "Sydney office",
    "office.SEL": "Seoul office",
    "pager.label": "Previous and next issues",
    "pager.newer": "Next issue (newer)",
    "pager.older": "Previous issue (older)",
    "timeline.heading": "Back numbers",
    "timeline.all": "All issues by year and month (back numbers)",
    "timeline.year": ("{year} (1 issue)", "{year} ({count} issues)"),
    "timeline.month": "{month_name} {year}",
    "timeline.issue": ("{day} {month_name} (1 article)", "{day} {month_name} ({count} articles)"),
    "archive.heading": "Back numbers",
    "archive.title": "Back numbers (by year and month)",
    "archive.description": "Back numbers of CLAIR Overseas Office Flash: {summary}",
    "archive.jump": "Go to a year",
    "archive.year": "{year}",
    "archive.back": "Back to the list of years",
    "archive.counts": " ({issues}, {items})",
    "archive.issues": ("1 issue", "{count} issues"),
    "archive.items": ("1 article", "{count} articles"),
    "archive.size": "{items} in {issues}",
    "archive.loading": "{size} can be shown. Older issues are being loaded from the source.",
    "archive.partial": "{size} can be shown. Older issues cannot be shown in this reader.",
    "archive.whole": "{size} (all back numbers) can be shown.",
    # Errors and 404s
    "notfound.page.heading": "Page not found",
    "notfound.page.message": "The page you asked for was not found. Please check the URL.",
    "notfound.item.heading": "Article not found",
    "notfound.item.message": "This article was not found. Please check the URL.",
    "notfound.issue.heading": "Issue not found",
    "notfound.issue.message": "There is no issue on this date.",
    "notfound.latest": "Read the latest issue",
    "notfound.search": "Use the site search",
    "unavailable.heading": "The news cannot be shown",
    "unavailable.loading": "The news is being loaded. Please reload the page in a little while.",
    "stale.none": "The news could not be loaded from its source. Please reload in a little while.",
    "stale.unknown_time": ("The latest bulletin could not be loaded. What was loaded last time "
                           "is shown."),
    "stale.data": "The source sent data that cannot be used",
    "stale.down": "The source does not answer",
    "stale.status": "The source's server answered with an error",
    "stale.since": ("{reason}, so what was fetched on {date} at {time} (Japan time) is shown "
                    "(it may not be the latest)."),
    # /about
    "about.heading": "About this site",
    "about.description": ("What the Overseas Office Flash is, how to contact its publisher "
                          "(CLAIR), and what this reader keeps on your device."),
    "about.bulletin": "What the Overseas Office Flash is",
    "about.bulletin.what": (
        "The Overseas Office Flash ({name}) is the news of CLAIR, the Council of "
        "Local Authorities for International Relations, from its overseas offices — New York, "
        "London, Paris, Singapore, Seoul, Beijing, Sydney and others — about local government "
        "and local news around the world. It is published in Japanese."),
    "about.bulletin.reader": (
        "This site is a reader that makes the bulletin easy to read: you can change the text "
        "size, colours and spacing, show furigana, have articles read aloud, filter by office, "
        "search, and list the back numbers. Articles are shown as published, in Japanese."),
    "about.publisher": "Publisher",
    "about.publisher.text": ("The articles are published by CLAIR (Council of Local Authorities "
                             "for International Relations). This reader is an unofficial page "
                             "based on CLAIR's bulletin."),
    "about.speech": "Speech",
    "about.speech.text": ("The articles' audio is made on this server with Open JTalk (Nagoya "
                          "Institute of Technology, modified BSD licence) and the voice “Mei” "
                          "(Nagoya Institute of Technology, CC BY 3.0). No outside service is "
                          "used."),
    "about.contact": "Contact",
    "about.contact.text": ("For questions about the articles, please use the contacts on "
                           "CLAIR's official website."),
    "about.contact.link": "CLAIR (Council of Local Authorities for International Relations) "
                          "official website",
    "about.data": "What this reader keeps on your device",
    "about.data.text": ("This reader keeps only the following display settings on your device. "
                        "It handles no personal information such as names or e-mail addresses, "
                        "and keeps no records for analytics or advertising."),
    "about.data.display": ("Display settings (text size, colours, spacing, line length, "
                           "furigana, reading-aloud speed): the browser's localStorage ({key}). "
                           "Kept on this device only, never sent."),
    "about.data.shortcuts": ("Turning single-character shortcut keys off: the browser's "
                             "localStorage ({key}). Never sent."),
    "about.data.theme": ("The colour scheme of the page's components: the browser's "
                         "localStorage ({key}, value {value}), saved by the components the "
                         "embed builder page uses (Reflex). Never sent."),
    "about.data.lang": ("Language (Japanese or English): a cookie ({key}). Used only to add the "
                        "chosen language (?lang=) to the address of the next page you open, and "
                        "for the language of the embed code builder. Furigana, too, is asked "
                        "for in the address of the page (?furigana=1)."),
    "about.data.clear": ("“Reset to defaults” in the display settings removes the display "
                         "settings. Deleting this site's data in your browser settings removes "
                         "them too."),
    "about.a11y": "Accessibility",
    "about.a11y.text": "Our approach and the test results are published in {link}.",
    # /accessibility
    "statement.heading": "Accessibility policy and test results",
    "statement.description": ("The accessibility policy of the Overseas Office Flash reader "
                              "and its test results for each JIS X 8341-3:2016 (WCAG 2.2 "
                              "level A and AA) success criterion."),
    "statement.policy": "Accessibility policy",
    "statement.policy.text": (
        "This reader of the Overseas Office Flash aims to let everyone read the articles, "
        "whatever their age, disability or device. Its target is conformance level AA of the "
        "Japanese Industrial Standard JIS X 8341-3:2016 (Guidelines for older persons and "
        "persons with disabilities — Information and communications equipment, software and "
        "services — Part 3: Web content). It is tested against the WCAG 2.2 level A and AA "
        "success criteria, and the results are published on this page."),
    "statement.standard": "Standard",
    "statement.standard.text": ("JIS X 8341-3:2016 (success criteria: WCAG 2.2 levels A "
                                "and AA)"),
    "statement.target": "Target conformance level",
    "statement.claim": "Conformance",
    "statement.claim.full": "Conforms to JIS X 8341-3:2016 level AA",
    "statement.claim.partial": "Partially conforms to JIS X 8341-3:2016 level AA",
    "statement.date": "Date tested",
    "statement.date.none": "No test run has been recorded",
    "statement.record": "Test record",
    "statement.record.partial": (" (a run of the tests mapped to success criteria, not of the "
                                 "whole suite)"),
    "statement.source.none": "No test run has been recorded, so every criterion is untested.",
    "statement.source.fresh": ("Made from the last run of this version's tests "
                               "(make test)."),
    "statement.source.baseline": ("Made from the test record shipped with the repository "
                                  "(docs/accessibility-results.json)."),
    "statement.method": "How it was tested",
    "statement.method.text": (
        "Automated tests (pytest) check the pages the server returns, use them in a real "
        "browser, and run axe-core on them. A success criterion is marked “Conforms” only "
        "when every test mapped to it passed. How each was checked is recorded in Japanese."),
    "statement.tools": "Tools used",
    "statement.pages": "Pages tested",
    "statement.none": "Not recorded",
    "statement.counts": "Results by status",
    "statement.count": ("1 criterion", "{count} criteria"),
    "statement.checklist": "Success criteria checklist",
    "statement.caption": "Results for each WCAG 2.2 level A and AA success criterion",
    "statement.col.number": "Number",
    "statement.col.criterion": "Success criterion",
    "statement.col.level": "Level",
    "statement.col.result": "Result",
    "statement.col.method": "WAIC method",
    "statement.col.how": "How checked, or why",
    "statement.exceptions": "Exceptions",
    "statement.exceptions.none": "None.",
    "statement.contact": "Feedback and contact",
    "statement.site": "This site's conformance statement",
    "statement.site.date": "Date of this statement",
    "statement.site.none": ("No audit of this site's pages (flash-reader audit) has been "
                            "recorded yet. When the operator runs one, its results appear here."),
    "statement.scope": "Scope",
    "statement.scope.text": ("Every page under {url} (articles, issues, lists, search and the "
                             "embedding pages)"),
    "statement.tech": "Technologies relied upon",
    "statement.tech.text": "HTML, CSS, WAI-ARIA, JavaScript",
    "statement.claim.considered": ("Made with JIS X 8341-3:2016 in mind (no test of this site "
                                   "has been recorded yet)"),
    "statement.claim.missing": "Criteria not yet confirmed to conform: {numbers}",
    "statement.site.caption": ("Results for each success criterion, checked on this site's "
                               "sampled pages"),
    "method.automated": "automated (the tool's result decides)",
    "method.automated-then-human": "a tool's check, then a person's",
    "method.human": "a person's check",
    "statement.dev": "The project's own test record",
    "statement.dev.text": ("What follows is the automated test record of this software's "
                           "developers, run on the bundled test feed. It is development "
                           "evidence, not this site's conformance statement."),
    "status.unchecked": "Not yet checked (awaiting a person's record)",
    "contact.intro": ("To report something hard to read or use, or to ask for an article in "
                      "another form (large print, plain text, audio …), please contact:"),
    "contact.email": "E-mail: {link}",
    "contact.form": "Contact form",
    "contact.none": ("This site's operator has not set up a contact yet. To report a barrier "
                     "or ask for an article in another form, please use the publisher's "
                     "contacts ({link})."),
    "conformance.what": ("The embedded list “{title}” on this page (colours: {theme}; "
                         "language: {lang}) is third-party content provided by {provider} "
                         "(its articles come from CLAIR's Overseas Office Flash)."),
    "conformance.no_audit": "Its provider has not yet published test results for it.",
    "conformance.not_in_sample": ("This colour and language setting was not in the sample of "
                                  "its provider's latest audit ({date})."),
    "conformance.results": ("Tested by its provider on {date} in this setting against "
                            "JIS X 8341-3:2016 ({total} WCAG 2.2 level A and AA success "
                            "criteria): {conforming} conform or do not apply; failing: "
                            "{failing}; awaiting a person's check: {unchecked}."),
    "conformance.none": "none",
    "conformance.details": "Full results: {url}",
    "conformance.partial": ("Statement of partial conformance (third-party content): this "
                            "embedded part is content from a third party this site does "
                            "not control. Without it, this page conforms to JIS X 8341-3:2016 "
                            "level AA."),
    "status.conforms": "Conforms",
    "status.exception": "Conforms (with exceptions)",
    "status.not_applicable": "Not applicable",
    "status.fails": "Does not conform",
    "status.not_tested": "Not tested",
    # The embeddable widget and cards (embed/widget.py)
    "widget.site": "CLAIR Overseas Office Flash",
    "widget.latest": "latest",
    "widget.all_offices": "All offices",
    "widget.more": "Read all news on CLAIR Overseas Office Flash",
    "widget.unit": " items",
    "widget.leaves": " (leaves this page)",
    "widget.note": ("Headlines open the article on CLAIR Overseas Office Flash, in place of "
                    "this page."),
    "widget.read_article": "Read this article on CLAIR Overseas Office Flash",
    "widget.read_issue": "Read this issue on CLAIR Overseas Office Flash",
    "widget.error_title": "This embed is not set up correctly",
    "widget.empty": "No news yet.",
    "widget.no_item": "This article was not found. It was removed, or the address is wrong.",
    "widget.no_issue": "This issue was not found. Check the date in the address.",
    "widget.not_found_title": "Not found",
    "widget.unavailable": "The news could not be loaded. Please try again later.",
    "widget.photo": "Photo: ",
    "widget.separator": ", ",
    # Words in parentheses after others: a title's scope, a frame's site
    "aside": "{text} ({aside})",
    # Widget parameters that cannot be used (embed/params.py): said to the staff member who
    # wrote the snippet, in the widget's language
    "params.unknown": "Unknown parameter: {names} (use {usable})",
    "params.unknown_office": "There is no office {codes} (office codes: {usable})",
    "params.unknown_office_more": ("There is no office {codes} and {count} more "
                                   "(office codes: {usable})"),
    "params.not_a_number": ("{name}={value} is not a number ({label} is a whole number "
                            "from {low} to {high})"),
    "params.out_of_range": "{name}={value} is out of range ({label} is {low} to {high})",
    "params.label.limit": "limit",
    "params.label.height": "height",
    "params.label.width": "width",
    "params.theme": "theme={value} is not available (use {themes})",
    "params.lang": "lang={value} is not available (use ja or en)",
    # oEmbed (embed/oembed.py): titles and why a URL has nothing to embed
    "oembed.widget_title": "{site} ({scope}, latest {limit})",
    "oembed.all_offices": "all offices",
    "oembed.not_ours": "{url} is not a page of this site ({base})",
    "oembed.nothing": "there is nothing to embed at {url}",
    "oembed.no_item": "there is no article at {url}",
    "oembed.no_issue": "there is no issue at {url}",
    # Errors of the feeds out and oEmbed (api.py), in a JSON body
    "api.unavailable": "The news is not loaded yet. Please try again later.",
    "api.page_not_number": "page={page} is not a whole number of 1 or more",
    "api.no_page": "there is no page {page}",
    "api.format": "format must be json or xml",
    "api.url_missing": "the url parameter (the address of the page to embed) is required",
    "api.not_positive": "{name}={value} is not a positive whole number",
    # The embed builder (/embed/builder: pages/embed_builder.py, embed/builder_choices.py)
    "builder.page_title": "Make the embed code | CLAIR Overseas Office Flash",
    "builder.heading": "Make the embed code",
    "builder.intro": ("Show the Overseas Office Flash's latest articles on your municipality's "
                      "website. Choose the offices, number of articles, language, colours and "
                      "size: the preview and the code below change with them."),
    "builder.settings": "Settings",
    "builder.offices": "Offices to show (none chosen: every office)",
    "builder.limit": "Number of articles",
    "builder.limit_choice": ("1 article", "{count} articles"),
    "builder.lang": "Language",
    "builder.lang.ja": "Japanese",
    "builder.lang.en": "English",
    "builder.theme": "Colours",
    "builder.theme.auto": "Follow the visitor's device",
    "builder.size": "{name} ({low}–{high} pixels)",
    "builder.height": "Height",
    "builder.width": "Width",
    "builder.size_problem": ("{name}: type a whole number of pixels from {low} to {high}. The "
                             "code keeps the previous value."),
    "builder.preview": "Preview",
    "builder.sites": "Sites allowed to embed",
    "builder.sites.text": ("This code shows only on the sites below. Pasted on any other site, "
                           "the browser stops it and the frame stays empty. If your site is not "
                           "listed, ask this reader's administrator to add your site's address "
                           "(in the form https://www.city.example.lg.jp)."),
    "builder.sites.none": "No site is allowed yet.",
    "builder.origin": "Your site's address",
    "builder.try": "Try this site",
    "builder.origin.unreadable": ("This could not be read as a site's address. Type an address "
                                  "starting with https://, such as "
                                  "https://www.city.example.lg.jp."),
    "builder.origin.from_page": " (checked as the site {origin}, from the page address typed)",
    "builder.origin.allowed": ("{origin} may embed the widget. Paste the code and it shows as "
                               "in the preview.{note}"),
    "builder.origin.scheme": ("{other} is allowed, but http:// and https:// are different "
                              "sites. "),
    "builder.origin.refused": ("{origin} is not allowed yet. If you paste the code now, the "
                               "frame stays empty (or shows the browser's error). "
                               "{scheme_hint}Ask this reader's administrator to add {origin} to "
                               "the sites allowed to embed (FLASH_EMBED_ORIGINS).{note}"),
    "builder.code": "Embed code",
    "builder.local_address": ("The address in this code ({address}) works on this computer "
                              "only: pasted on another site it shows nothing. Set "
                              "FLASH_PUBLIC_URL to the server’s public address."),
    "builder.code_label": "Paste this code into your website's HTML",
    "builder.copy": "Copy the code",
    "builder.conformance": "Text for your accessibility statement",
    "builder.conformance.text": ("To your site, the embedded part is third-party content. Use "
                                 "these texts on your site's accessibility results or policy "
                                 "page. The results are those of its provider's latest audit "
                                 "for this setting (colours and language). Use the last sentence "
                                 "(partial conformance) only if your own tests show it holds."),
    "builder.conformance_ja": "In Japanese",
    "builder.conformance_en": "In English",
    "builder.copy_ja": "Copy the Japanese text",
    "builder.copy_en": "Copy the English text",
    "builder.conformance_json": "The same as JSON (for CMS tools)",
    # Browser scripts
    "js.theme": "Colours: {value}",
    "js.size": "Text size: {value}%",
    "js.spacing_on": "Wider spacing on",
    "js.spacing_off": "Spacing back to normal",
    "js.measure_on": "Lines limited to about 40 characters",
    "js.measure_off": "Line length no longer limited",
    "js.font_on": "Easy-to-read font (BIZ UDPGothic) on",
    "js.font_off": "Font back to normal",
    "js.furigana": "Furigana: {value}",
    "js.rate": "Reading-aloud speed: {value}",
    "js.ruler_on": ("Reading ruler on: it follows the pointer, the keyboard focus and the "
                    "sentence being read aloud"),
    "js.ruler_off": "Reading ruler off",
    "js.layout_on": "Headlines only (open an article with “Text”)",
    "js.layout_off": "Articles shown in full",
    "js.reset": "Display settings reset (following your device's settings)",
    "js.no_voice": "This device has no Japanese voice.",
    "js.speech_done": "Finished reading aloud.",
    "js.speech_failed": "Reading aloud could not continue.",
    "js.speech_reading": "Reading aloud: {label}",
    "js.speech_other_voice": ("This device has no Japanese voice, so {voice} ({voice_lang}) is "
                              "reading aloud: {label}"),
    "js.speech_stopped": "Stopped reading aloud.",
    "js.speech_paused": "Paused: {label}",
    "js.speech_resumed": "Reading aloud again: {label}",
    "js.speech_article": "this article",
    "js.speech_issue": "all articles in this issue",
    "js.copied": "Embed code copied.",
    "js.copied_statement": "Statement text copied.",
    "js.copy_by_hand": "Press Ctrl+C (⌘+C) to copy.",
    # WCAG 2.2 success criteria, by their W3C names
    "wcag.1.1.1": "Non-text Content",
    "wcag.1.2.1": "Audio-only and Video-only (Prerecorded)",
    "wcag.1.2.2": "Captions (Prerecorded)",
    "wcag.1.2.3": "Audio Description or Media Alternative (Prerecorded)",
    "wcag.1.2.4": "Captions (Live)",
    "wcag.1.2.5": "Audio Description (Prerecorded)",
    "wcag.1.3.1": "Info and Relationships",
    "wcag.1.3.2": "Meaningful Sequence",
    "wcag.1.3.3": "Sensory Characteristics",
    "wcag.1.3.4": "Orientation",
    "wcag.1.3.5": "Identify Input Purpose",
    "wcag.1.4.1": "Use of Color",
    "wcag.1.4.2": "Audio Control",
    "wcag.1.4.3": "Contrast (Minimum)",
    "wcag.1.4.4": "Resize Text",
    "wcag.1.4.5": "Images of Text",
    "wcag.1.4.10": "Reflow",
    "wcag.1.4.11": "Non-text Contrast",
    "wcag.1.4.12": "Text Spacing",
    "wcag.1.4.13": "Content on Hover or Focus",
    "wcag.2.1.1": "Keyboard",
    "wcag.2.1.2": "No Keyboard Trap",
    "wcag.2.1.4": "Character Key Shortcuts",
    "wcag.2.2.1": "Timing Adjustable",
    "wcag.2.2.2": "Pause, Stop, Hide",
    "wcag.2.3.1": "Three Flashes or Below Threshold",
    "wcag.2.4.1": "Bypass Blocks",
    "wcag.2.4.2": "Page Titled",
    "wcag.2.4.3": "Focus Order",
    "wcag.2.4.4": "Link Purpose (In Context)",
    "wcag.2.4.5": "Multiple Ways",
    "wcag.2.4.6": "Headings and Labels",
    "wcag.2.4.7": "Focus Visible",
    "wcag.2.4.11": "Focus Not Obscured (Minimum)",
    "wcag.2.5.1": "Pointer Gestures",
    "wcag.2.5.2": "Pointer Cancellation",
    "wcag.2.5.3": "Label in Name",
    "wcag.2.5.4": "Motion Actuation",
    "wcag.2.5.7": "Dragging Movements",
    "wcag.2.5.8": "Target Size (Minimum)",
    "wcag.3.1.1": "Language of Page",
    "wcag.3.1.2": "Language of Parts",
    "wcag.3.2.1": "On Focus",
    "wcag.3.2.2": "On Input",
    "wcag.3.2.3": "Consistent Navigation",
    "wcag.3.2.4": "Consistent Identification",
    "wcag.3.2.6": "Consistent Help",
    "wcag.3.3.1": "Error Identification",
    "wcag.3.3.2": "Labels or Instructions",
    "wcag.3.3.3": "Error Suggestion",
    "wcag.3.3.4": "Error Prevention (Legal, Financial, Data)",
    "wcag.3.3.7": "Redundant Entry",
    "wcag.3.3.8": "Accessible Authentication (Minimum)",
    "wcag.4.1.2": "Name, Role, Value",
    "wcag.4.1.3": "Status Messages",
    "wcag_note.1.2.1": _NO_MEDIA,
    "wcag_note.1.2.2": _NO_MEDIA,
    "wcag_note.1.2.3": _NO_MEDIA,
    "wcag_note.1.2.4": "There is no live audio or video.",
    "wcag_note.1.2.5": _NO_MEDIA,
    "wcag_note.2.2.1": "Nothing has a time limit.",
    "wcag_note.1.4.13": ("Nothing appears when the pointer rests on or the keyboard moves to an"
                         " element (no tooltips; checked in the browser tests)."),
    "wcag_note.2.5.1": ("Nothing is operated with several fingers or by drawing a path"
                        " (checked in the browser tests)."),
    "wcag_note.2.5.4": "Nothing is operated by tilting or shaking the device.",
    "wcag_note.3.3.4": "Nothing submits a contract, a payment, or changes or deletes data.",
    "wcag_note.3.3.7": "There is no input in several steps.",
    "wcag_note.3.3.8": "There is no login or authentication.",
    "wcag_note.3.1.2": ("Foreign words in the source's article text carry no language mark "
                        "(the bulletin's data has no language information)."),
}
