"""The embed conformance block (issue 24): the widget's results for its exact setting, from
the provider's audit record, as text in both languages and as JSON over HTTP."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from flash_reader import routes
from flash_reader.api import create_api
from flash_reader.audit import human, methods, sample
from flash_reader.embed import conformance
from flash_reader.embed.params import LANGS, THEMES, WidgetParams
from flash_reader.store import FeedStore, store
from tests.audit_records import audit_record, human_text, publish
from tests.conftest import DEFAULT_FEED

PUBLIC = "https://flash.example.lg.jp"
ALL = len(methods.METHODS)


def widget_page(path: str, *violations: str) -> dict:
    return {"kind": "widget", "path": path, "status": "ok",
            "violations": [{"rule": "r", "criteria": [number]} for number in violations]}


RECORD = audit_record(pages=[
    widget_page("/embed"),
    widget_page("/embed?limit=5&theme=dark-high&lang=en"),
    widget_page("/embed?limit=5&theme=blue-yellow", "1.4.3"),
    {"kind": "top", "path": "/", "status": "ok",
     "violations": [{"rule": "r", "criteria": ["2.4.1"]}]},  # not the widget's
])
CHECKS = human.parse(human_text())


def block(params: WidgetParams, record: dict | None = RECORD,
          checks: dict | None = None) -> dict:
    return conformance.facts(params, record, CHECKS if checks is None else checks, PUBLIC, "t")


def test_the_audit_samples_the_widget_in_every_theme_and_language() -> None:
    chosen = sample.chosen(office="PAR", word="w", item_path="/items/a", issue_path="/issues")
    settings = {conformance._setting(p.path) for p in chosen if p.kind == "widget"}
    assert settings == {(theme, lang) for theme in THEMES for lang in LANGS}


def test_a_tested_setting_gives_its_own_pages_results() -> None:
    audit = block(WidgetParams(theme="dark-high", lang="en", offices=("PAR",), limit=3))["audit"]
    assert audit["tested"] is True
    assert audit["tested_urls"] == [f"{PUBLIC}/embed?limit=5&theme=dark-high&lang=en"]
    assert (audit["conforming"], audit["failing"], audit["unchecked"]) == (ALL, [], [])
    assert audit["date"] == "2026-12-01"


def test_a_violation_on_that_setting_is_named_and_another_pages_is_not() -> None:
    audit = block(WidgetParams(theme="blue-yellow"))["audit"]
    assert audit["failing"] == ["1.4.3"] and audit["conforming"] == ALL - 1
    assert "2.4.1" not in audit["failing"]  # the top page's violation is not the widget's
    results = {r["criterion"]: r["status"] for r in audit["results"]}
    assert results["1.4.3"] == "不適合" and len(results) == ALL


def test_a_missing_human_result_is_awaiting_a_person() -> None:
    checks = human.parse(human_text(skip=("1.1.1",)))
    audit = block(WidgetParams(), checks=checks)["audit"]
    assert audit["unchecked"] == ["1.1.1"]
    ja = conformance.text({**block(WidgetParams(), checks=checks)}, "ja")
    assert f"適合・非適用 {ALL - 1} 件" in ja and "人による確認待ち：1.1.1" in ja


def test_a_setting_outside_the_sample_or_no_audit_claims_no_result() -> None:
    untested = block(WidgetParams(theme="light-high"))
    assert untested["audit"]["tested"] is False and "results" not in untested["audit"]
    assert "標本に含まれていません" in conformance.text(untested, "ja")
    none = block(WidgetParams(), record=None)
    assert none["audit"] is None
    assert "まだ公開していません" in conformance.text(none, "ja")
    assert "has not yet published" in conformance.text(none, "en")


def test_the_texts_name_the_setting_the_third_party_and_the_statement() -> None:
    facts = block(WidgetParams(theme="dark-high", lang="en"))
    ja, en = conformance.text(facts, "ja"), conformance.text(facts, "en")
    assert "第三者" in ja and "黒地に白" in ja and "英語" in ja
    assert f"{PUBLIC}{routes.ACCESSIBILITY}" in ja and f"{PUBLIC}{routes.ACCESSIBILITY}" in en
    assert f"{ALL} conform or do not apply" in en and "third-party" in en
    assert "部分適合に関する記述" in ja and "partial conformance" in en


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[TestClient]:
    monkeypatch.setenv("FLASH_PUBLIC_URL", PUBLIC)
    monkeypatch.setenv("FLASH_AUDIT_DIR", str(tmp_path))
    monkeypatch.setenv("FLASH_AUDIT_HUMAN", str(tmp_path / "human.toml"))
    store.load(str(DEFAULT_FEED))
    with TestClient(create_api()) as test_client:
        yield test_client


def test_the_json_block_over_http_matches_the_record(client: TestClient) -> None:
    assert os.environ["FLASH_AUDIT_DIR"]
    publish(RECORD, human_text())
    answer = client.get(f"{routes.EMBED_CONFORMANCE}?office=PAR&limit=3&theme=blue-yellow"
                        "&height=600&width=320")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-cache"
    data = answer.json()
    assert data["schema"] == conformance.SCHEMA and data["third_party"] is True
    assert data["widget"]["url"] == f"{PUBLIC}/embed?office=PAR&limit=3&theme=blue-yellow"
    assert (data["widget"]["height"], data["widget"]["width"]) == (600, 320)
    assert data["audit"]["failing"] == ["1.4.3"]
    assert set(data["text"]) == {"ja", "en"} and "1.4.3" in data["text"]["ja"]


@pytest.mark.parametrize("query", ["theme=<script>", "office=NOPE", "limit=9999", "zzz=1"])
def test_a_bad_setting_is_a_clear_json_error(client: TestClient, query: str) -> None:
    answer = client.get(f"{routes.EMBED_CONFORMANCE}?{query}")
    assert answer.status_code == 400
    assert answer.json()["error"] and answer.headers["content-type"] == "application/json"


def test_without_a_feed_the_block_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from flash_reader import api

    monkeypatch.setattr(api, "store", FeedStore())
    with TestClient(create_api()) as test_client:
        answer = test_client.get(routes.EMBED_CONFORMANCE)
    assert answer.status_code == 503 and answer.json()["error"]
