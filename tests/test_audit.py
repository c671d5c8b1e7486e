"""The audit's plain logic: the WAIC sample, the method table, the human record, the claim."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from flash_reader.audit import checklist, claim, human, methods, sample
from flash_reader.render.wcag import CRITERIA

POPULATION = [f"/items/{n:04d}" for n in range(2520)] + [
    f"/issues/2026-{m:02d}-01" for m in range(1, 13)]
CHOSEN = sample.chosen(office="PAR", word="祭り", item_path="/items/0001",
                       issue_path="/issues/2026-01-01")


def test_the_sample_is_reproducible_from_its_seed_and_covers_every_kind():
    first = sample.sample(CHOSEN, POPULATION, seed=2026)
    again = sample.sample(CHOSEN, list(reversed(POPULATION)), seed=2026)
    other = sample.sample(CHOSEN, POPULATION, seed=7)
    assert first == again
    assert first != other
    assert {p.kind for p in first} >= set(sample.KINDS)
    randoms = [p for p in first if p.kind == sample.RANDOM]
    assert len(randoms) >= sample.MIN_RANDOM
    assert len({p.path for p in first}) == len(first)


def test_axe_tags_map_to_success_criteria():
    assert methods.criteria_of_tags(["wcag2aa", "wcag1410", "wcag143", "cat.color"]) == (
        "1.4.10", "1.4.3")
    assert methods.criteria_of_tags(["wcag2a", "best-practice"]) == ()


def test_every_criterion_has_a_waic_method():
    assert set(methods.METHODS) == {c.number for c in CRITERIA}
    assert set(methods.METHODS.values()) == {methods.AUTOMATED, methods.AUTOMATED_THEN_HUMAN,
                                              methods.HUMAN}


def _complete_record() -> str:
    return "\n".join(
        f'[criteria."{n}"]\nresult = "適合"\ndate = 2026-12-01\nwho = "広報課"\n'
        f'pages = ["/"]\n'
        for n, method in methods.METHODS.items() if method != methods.AUTOMATED)


RECORD = {"pages": [{"path": "/", "kind": "top", "violations": []}]}


def test_no_audit_is_no_conformance_claim():
    assert claim.judge(None, human.parse(_complete_record())).wording == claim.CONSIDERED


def test_a_clean_audit_with_a_complete_human_record_conforms():
    result = claim.judge(RECORD, human.parse(_complete_record()))
    assert result.wording == claim.FULL, result.missing


def test_one_missing_human_result_is_partial_conformance_naming_it():
    checks = human.parse(_complete_record())
    del checks["1.3.3"]
    result = claim.judge(RECORD, checks)
    assert result.wording == claim.PARTIAL
    assert result.missing == ("1.3.3",)


def test_a_tool_violation_fails_its_criterion_whatever_a_person_wrote():
    record = {"pages": [{"path": "/x", "violations": [{"rule": "image-alt",
                                                        "criteria": ["1.1.1"]}]}]}
    result = claim.judge(record, human.parse(_complete_record()))
    assert result.wording == claim.PARTIAL
    assert result.missing == ("1.1.1",)


def test_automated_criteria_alone_are_not_enough():
    assert claim.judge(RECORD, {}).wording == claim.PARTIAL


@pytest.mark.parametrize(("text", "line", "words"), [
    ('[criteria."1.1.1"]\nresult = "ok"\ndate = 2026-12-01\nwho = "a"\npages = ["/"]\n', 2,
     "result"),
    ('# note\n\n[criteria."1.3.3"]\nresult = "適合"\ndate = "soon"\nwho = "a"\n'
     'pages = ["/"]\n', 5, "date"),
    ('[criteria."9.9.9"]\nresult = "適合"\n', 1, "not a WCAG"),
    ('[criteria."1.1.1"]\nresult = "適合\n', 2, "line 2"),
])
def test_a_malformed_human_record_names_the_line(text, line, words):
    with pytest.raises(human.HumanRecordError) as error:
        human.parse(text)
    message = str(error.value)
    assert f"line {line}" in message
    assert words in message


def test_a_good_human_record_reads_back():
    checks = human.parse('[criteria."1.1.1"]\nresult = "非適用"\ndate = 2026-12-01\n'
                         'who = "山田"\nnote = "写真なし"\npages = ["/", "/about"]\n')
    assert checks["1.1.1"] == human.HumanCheck("1.1.1", "非適用", dt.date(2026, 12, 1), "山田",
                                                "写真なし", ("/", "/about"))


def _write_record(folder, name="audit-2026-12-01T000000.json", version="0.1.0", status="ok"):
    folder.mkdir(parents=True, exist_ok=True)
    record = {"schema": checklist.SCHEMA, "version": version, "date": "2026-12-01T00:00:00+00:00",
              "pages": [{"path": "/", "kind": "top", "status": status, "violations": []}]}
    (folder / name).write_text(json.dumps(record), encoding="utf-8")


def test_the_site_claim_is_considered_only_without_an_audit(tmp_path):
    wording = checklist.site_claim(tmp_path / "none", tmp_path / "h.toml", "0.1.0")[0].wording
    assert wording == claim.CONSIDERED
    _write_record(tmp_path / "a")
    (tmp_path / "h.toml").write_text(_complete_record(), encoding="utf-8")
    assert checklist.site_claim(tmp_path / "a", tmp_path / "h.toml", "0.1.0")[0].wording == (
        claim.FULL)


def test_a_record_from_another_version_or_with_untested_pages_is_not_used(tmp_path):
    _write_record(tmp_path, version="0.0.9")
    _write_record(tmp_path, name="audit-2026-12-02T000000.json", status="timeout")
    result, record, problems = checklist.site_claim(tmp_path, tmp_path / "h.toml", "0.1.0")
    assert (result.wording, record) == (claim.CONSIDERED, None)
    assert any("0.0.9" in p for p in problems)
    assert any("not tested" in p for p in problems)


def test_a_malformed_human_record_keeps_the_previous_good_statement(tmp_path):
    _write_record(tmp_path / "a")
    path = tmp_path / "human.toml"
    path.write_text(_complete_record(), encoding="utf-8")
    assert checklist.site_claim(tmp_path / "a", path, "0.1.0")[0].wording == claim.FULL
    path.write_text(_complete_record() + '\n[criteria."1.1.1"\n', encoding="utf-8")
    result, _, problems = checklist.site_claim(tmp_path / "a", path, "0.1.0")
    assert result.wording == claim.FULL
    assert problems and "line" in problems[0]


def test_the_checklist_lists_what_a_person_still_has_to_check():
    checks = human.parse(_complete_record())
    del checks["3.3.1"]
    listed = checklist.text(RECORD, checks)
    assert "[ ] 3.3.1" in listed
    assert listed.count("[ ]") == 1


def test_the_audit_says_plainly_when_chromium_is_missing(tmp_path):
    import subprocess
    import sys
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    (tmp_path / "feed.json").write_text(json.dumps({"items": [
        {"url": "http://x/items/a", "_flash": {"office": "PAR", "issue_date": "2026-01-01"}}]}),
        encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "flash_reader.cli", "audit",
             f"http://127.0.0.1:{server.server_address[1]}", "--out", str(tmp_path / "out")],
            capture_output=True, text=True, timeout=60,
            env={"PATH": "/usr/bin:/bin", "FLASH_CHROMIUM": str(tmp_path / "no-chromium"),
                 "FLASH_AUDIT_HUMAN": str(tmp_path / "h.toml")})
    finally:
        server.shutdown()
    assert result.returncode == 1
    assert "Chromium was not found" in result.stderr
    assert "FLASH_CHROMIUM" in result.stderr
    assert not (tmp_path / "out").exists()
