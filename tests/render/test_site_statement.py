"""/accessibility states this deployment's claim from its own audit record and the staff's human
record (issue 24); the feedback route on the statement, the about page and the 404."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from flash_reader import config
from flash_reader.store import FeedStore
from tests.audit_records import audit_record, human_text, publish, write_changed

HTML = {"Accept": "text/html"}
SITE_ROW = re.compile(r'<tr data-site-criterion="([0-9.]+)" data-status="([^"]+)">')
CLAIM = re.compile(r'data-claim="([^"]+)"')


def statement_html(client: TestClient, lang: str = "") -> str:
    response = client.get("/accessibility" + (f"?lang={lang}" if lang else ""), headers=HTML)
    assert response.status_code == 200
    return response.text


def site_part(html: str) -> str:
    return html.split('id="a11y-site"')[1].split('id="a11y-result"')[0]


def test_no_audit_is_considered_and_never_conforms(client: TestClient, seeded: FeedStore) -> None:
    html = statement_html(client)
    assert CLAIM.findall(html) == ["配慮"]
    assert "JIS X 8341-3:2016 に配慮" in html
    # Neither the site's claim nor the project's run claims it: 準拠 is only the policy's goal.
    assert html.count("準拠") == html.count("準拠することを目標") == 1
    assert SITE_ROW.findall(html) == []


def test_a_clean_audit_with_a_complete_human_record_conforms(client: TestClient,
                                                             seeded: FeedStore) -> None:
    publish(audit_record(), human_text())
    html = statement_html(client)
    site = site_part(html)
    assert CLAIM.findall(html) == ["準拠"]
    assert "JIS X 8341-3:2016 の適合レベル AA に準拠" in site
    assert "2026年12月1日" in site  # the record's date
    assert "<code>https://flash.example.lg.jp</code> 以下の全ページ" in site
    assert "HTML、CSS、WAI-ARIA、JavaScript" in site
    assert "無作為抽出 25 ページ" in site and "axe-core 4.11.0" in site
    assert '<a href="/about"><code>/about</code></a>' in site  # each sampled page, linked
    rows = dict(SITE_ROW.findall(site))
    assert len(rows) == 55 and set(rows.values()) == {"適合"}
    assert "人による確認（2026-12-02、広報課）" in site


def test_one_human_result_removed_is_partial_naming_the_criterion(client: TestClient,
                                                                  seeded: FeedStore) -> None:
    publish(audit_record(), human_text(skip=("2.4.6",)))
    html = statement_html(client)
    assert CLAIM.findall(html) == ["一部準拠"]
    assert "適合を確認できていない達成基準：2.4.6" in html
    assert dict(SITE_ROW.findall(html))["2.4.6"] == "未確認"


def test_a_tool_violation_is_named_with_its_page(client: TestClient, seeded: FeedStore) -> None:
    pages = [{"kind": "top", "path": "/", "status": "ok",
              "violations": [{"rule": "color-contrast", "criteria": ["1.4.3"]}]}]
    publish(audit_record(pages=pages), human_text())
    html = statement_html(client)
    assert dict(SITE_ROW.findall(html))["1.4.3"] == "不適合"
    assert "適合を確認できていない達成基準：1.4.3" in html


def test_a_hostile_record_reaches_the_page_as_text_and_own_links_only(
        client: TestClient, seeded: FeedStore) -> None:
    pages = [{"kind": "top", "path": p, "status": "ok", "violations": []}
             for p in ("/", "//evil.example/x", "javascript:alert(1)", "/a\"><script>x</script>")]
    publish(audit_record(base_url="javascript:alert(1)", pages=pages,
                         method="<img src=x onerror=alert(1)>",
                         tools={"<b>axe</b>": "1"}), human_text())
    site = site_part(statement_html(client))
    assert "javascript:" not in site and "evil.example" not in site
    assert "<script>x" not in site and "<img src=x" not in site and "<b>axe" not in site
    assert "&lt;img src=x onerror=alert(1)&gt;" in site
    assert '<a href="/a&#34;&gt;&lt;script&gt;x&lt;/script&gt;">' in site


def test_a_bad_newer_record_or_human_file_keeps_the_last_good_statement(
        client: TestClient, seeded: FeedStore) -> None:
    publish(audit_record(), human_text())
    assert CLAIM.findall(statement_html(client)) == ["準拠"]
    # Another version's record named LATEST: not used, the older good one stays.
    publish(audit_record(date="2026-12-05T00:00:00+00:00", version="0.0.1"), None)
    assert CLAIM.findall(statement_html(client)) == ["準拠"]
    write_changed(Path(os.environ["FLASH_AUDIT_HUMAN"]), human_text() + '\n[criteria."1.1.1"\n')
    assert CLAIM.findall(statement_html(client)) == ["準拠"]


def test_the_statement_in_english_says_the_claim_in_english(client: TestClient,
                                                            seeded: FeedStore) -> None:
    assert "Made with JIS X 8341-3:2016 in mind" in statement_html(client, "en")
    publish(audit_record(), human_text(skip=("3.3.1",)))
    html = statement_html(client, "en")
    assert "Partially conforms to JIS X 8341-3:2016 level AA" in html
    assert "Criteria not yet confirmed to conform: 3.3.1" in html


PAGES = ("/accessibility", "/about", "/no/such/page")


def test_with_no_contact_configured_the_pages_say_where_to_ask(client: TestClient,
                                                               seeded: FeedStore) -> None:
    for path in PAGES:
        html = client.get(path, headers=HTML).text
        assert "窓口はまだ設定されていません" in html, path
        assert '<a href="https://www.clair.or.jp/" rel="external">' in html, path
        assert "mailto:" not in html and 'href=""' not in html, path


def test_a_configured_contact_is_on_the_statement_about_and_404(
        client: TestClient, seeded: FeedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASH_CONTACT_EMAIL", "a11y@example.lg.jp")
    monkeypatch.setenv("FLASH_CONTACT_URL", "https://www.example.lg.jp/form?topic=a11y&x=1")
    for path in PAGES:
        html = client.get(path, headers=HTML).text
        assert '<a href="mailto:a11y@example.lg.jp">a11y@example.lg.jp</a>' in html, path
        assert '<a href="https://www.example.lg.jp/form?topic=a11y&amp;x=1" rel="external">' in (
            html), path
        assert "別の形式" in html and "窓口はまだ設定されていません" not in html, path


@pytest.mark.parametrize(("name", "value"), [
    ("FLASH_CONTACT_EMAIL", "not an address"),
    ("FLASH_CONTACT_EMAIL", "a@b.jp?cc=all@b.jp"),
    ("FLASH_CONTACT_EMAIL", "a@localhost"),
    ("FLASH_CONTACT_URL", "javascript:alert(1)"),
    ("FLASH_CONTACT_URL", "https:///no-host"),
    ("FLASH_CONTACT_URL", 'https://x.jp/"><script>'),
])
def test_a_contact_that_is_not_one_stops_the_start_and_is_never_a_link(
        name: str, value: str, monkeypatch: pytest.MonkeyPatch, client: TestClient,
        seeded: FeedStore) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit, match=name):
        config.contact()
    html = client.get("/about", headers=HTML).text
    assert "窓口はまだ設定されていません" in html and f"href=\"{value}" not in html
