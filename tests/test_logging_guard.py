"""What clients can make the server log (issue 14.5), without a server: the filter and the
handlers on real logging records. tests/scale/test_hostile_clients.py drives the real app."""

from __future__ import annotations

import logging
import sys

import pytest

from flash_reader import logging_guard
from flash_reader.logging_guard import LineBudget, client_text

FORGED = "boom\n[ERROR] forged line\r\n\x1b[31mred"


def test_client_text_with_newlines_and_escapes_stays_on_one_line() -> None:
    text = client_text(FORGED)
    assert "\n" not in text and "\r" not in text and "\x1b" not in text
    assert text == "boom\\n[ERROR] forged line\\r\\n\\x1b[31mred"


def test_client_text_of_a_megabyte_is_cut_short() -> None:
    text = client_text("x" * 1_000_000)
    assert len(text) < logging_guard.CLIENT_TEXT_CHARS + 40
    assert text.endswith("…(+999700 chars)")


def test_line_budget_per_connection_then_in_all_then_a_new_window() -> None:
    now = [0.0]
    budget = LineBudget(per_key=3, in_all=5, window_s=60, clock=lambda: now[0])
    assert [budget.take("a") for _ in range(4)] == ["log", "log", "last", None]
    assert [budget.take("b") for _ in range(3)] == ["log", "last in all", None]
    assert budget.take("c") is None  # five lines in all this window
    now[0] = 61.0
    assert budget.take("a") == "log"


@pytest.fixture
def fresh_budget(monkeypatch: pytest.MonkeyPatch) -> LineBudget:
    budget = LineBudget(per_key=10, in_all=200)
    monkeypatch.setattr(logging_guard, "budget", budget)
    monkeypatch.setattr(logging_guard, "_seen_places", set())
    return budget


def unknown_event_record(sid: str, name: str) -> logging.LogRecord:
    """The record Reflex 0.10.1's event processor writes for an unknown event name."""
    try:
        try:
            {}[name]
        except KeyError as missing:
            raise KeyError(f"No registered handler found for event: {name}") from missing
    except KeyError:
        exc_info = sys.exc_info()
    message = (f"Error processing event queue entry for Event(name={name!r}, "
               f"router_data={{'pathname': '/index', 'sid': {sid!r}}}, payload={{}}) "
               f"[txid=abc]:")
    return logging.LogRecord(logging_guard.PROCESSOR_LOGGER, logging.ERROR, __file__, 1,
                             message, (), exc_info)


def test_2000_unknown_events_from_one_connection_give_10_one_line_records(
        fresh_budget: LineBudget) -> None:
    guard = logging_guard.ClientRecordFilter()
    kept = [record for i in range(2000)
            if guard.filter(record := unknown_event_record("sid-1", f"x.nope_{i}\n[ERROR] x"))]
    assert len(kept) == 10
    for record in kept:
        assert record.exc_info is None and record.levelno == logging.WARNING
        assert "\n" not in record.getMessage()
        assert "sid-1" in record.getMessage()
    assert "not logged" in kept[-1].getMessage()
    # Another connection still gets its own lines.
    assert guard.filter(unknown_event_record("sid-2", "x.nope"))


def test_other_records_pass_untouched(fresh_budget: LineBudget) -> None:
    record = logging.LogRecord(logging_guard.PROCESSOR_LOGGER, logging.ERROR, __file__, 1,
                               "Error in event processor queue task during shutdown:", (),
                               None)
    assert logging_guard.ClientRecordFilter().filter(record)
    assert record.getMessage() == "Error in event processor queue task during shutdown:"


def test_frontend_exception_with_a_forged_line_is_logged_as_one_line(
        fresh_budget: LineBudget, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger=logging_guard.log.name):
        logging_guard.frontend_exception_handler(Exception(FORGED))
    (record,) = caplog.records
    assert "\n" not in record.getMessage()
    assert "boom\\n[ERROR] forged line" in record.getMessage()


def test_backend_exception_traceback_once_per_place_then_one_line(
        fresh_budget: LineBudget, caplog: pytest.LogCaptureFixture) -> None:
    def handler(value: str) -> None:
        raise ValueError(f"bad value {value}")

    with caplog.at_level(logging.ERROR, logger=logging_guard.log.name):
        for _ in range(3):
            try:
                handler("a\nb" * 1000)
            except ValueError as error:
                logging_guard.backend_exception_handler(error)
    assert [record.exc_info is not None for record in caplog.records] == [True, False, False]
    assert all("\n" not in record.getMessage() for record in caplog.records)
