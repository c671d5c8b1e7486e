"""What clients can make the server log: one escaped, cut-short line per rejected event, and
only so many lines per connection and per minute (issue 14.5).

Any websocket client can send any event name and any text. Reflex 0.10.1 logs each unknown
event name with a 21-line traceback, and its frontend exception handler writes the client's
text as it came, newlines included, so a client could flood the log or forge lines in it.
Three hooks, all of them Reflex's or the standard library's own:
- `frontend_exception_handler` and `backend_exception_handler` for `rx.App`;
- a `logging.Filter` on the loggers that write what a client sent with no option to control
  it: Reflex's event processor (unknown event names, with a traceback), `reflex.app` (event
  data that is not a dict), and engine.io (the traceback of Reflex's error for such data).

No `from __future__ import annotations` here: Reflex checks the handlers' annotations with
eval() in its own module.
"""

import logging
import re
import threading
import time
import traceback
from collections.abc import Callable

CLIENT_TEXT_CHARS = 300
WINDOW_S = 60.0
LINES_PER_CONNECTION = 10  # per window
LINES_IN_ALL = 200  # per window, across connections (a client can open many)
# The one sink Reflex's CLI attaches handlers to is the `reflex` logger, so our lines go there.
log = logging.getLogger("reflex.flash_reader")
# Reflex's console handler wraps at the terminal's width (80 columns when not a terminal):
# a long line would become several.
ONE_LINE = {"rich_kwargs": {"soft_wrap": True}}

PROCESSOR_LOGGER = "reflex_base.event.processor.event_processor"
APP_LOGGER = "reflex.app"
ENGINEIO_LOGGER = "engineio.server"
_UNKNOWN_EVENT = "Error processing event queue entry for "
_CLIENT_DATA = ("Received event from session", "Received event data as a string")
_HANDLER_ERROR = "message async handler error"
# The socket.io session id in the event's repr, set by the server. A client can write a
# look-alike into its event name or payload to get a fresh per-connection budget; the shared
# budget (LINES_IN_ALL) still bounds what it can write.
_SID = re.compile(r"""'sid': '([^']{1,64})'|session (\S{1,64})""")


def client_text(value: object, limit: int = CLIENT_TEXT_CHARS) -> str:
    """Client text fit for one log line: control characters and newlines backslash-escaped
    (as repr does), at most `limit` characters of it."""
    text = value if isinstance(value, str) else repr(value)
    cut = text[:limit]
    escaped = repr(cut)[1:-1]
    return escaped + (f"…(+{len(text) - limit} chars)" if len(text) > limit else "")


class LineBudget:
    """How many lines each connection (and everyone together) may cause per window."""

    def __init__(self, per_key: int = LINES_PER_CONNECTION, in_all: int = LINES_IN_ALL,
                 window_s: float = WINDOW_S, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_key, self.in_all, self.window_s, self.clock = per_key, in_all, window_s, clock
        self._lock = threading.Lock()
        self._start = clock()
        self._total = 0
        # Bounded: a key is only added while the shared budget lasts.
        self._counts: dict[str, int] = {}

    def take(self, key: str) -> str | None:
        """'log' to write the line; 'last' (this client) or 'last in all' (everyone) to write
        it and say that more will be dropped; None to drop it."""
        with self._lock:
            now = self.clock()
            if now - self._start >= self.window_s:
                self._start, self._total, self._counts = now, 0, {}
            if self._total >= self.in_all:
                return None
            count = self._counts.get(key, 0)
            if count >= self.per_key:
                return None
            self._counts[key] = count + 1
            self._total += 1
            if self._total == self.in_all:
                return "last in all"
            return "last" if count + 1 == self.per_key else "log"


budget = LineBudget()


def _suffix(verdict: str) -> str:
    if verdict == "last":
        return f" (more from this client are not logged for {WINDOW_S:.0f} s)"
    if verdict == "last in all":
        return (f" ({LINES_IN_ALL} such lines this minute: no more client errors are logged "
                f"for up to {WINDOW_S:.0f} s)")
    return ""


def _connection() -> str:
    """The client token of the event being handled, when there is one."""
    try:
        from reflex_base.event.context import EventContext

        return EventContext.get().token
    except (LookupError, ImportError):
        return "?"


def frontend_exception_handler(exception: Exception) -> None:
    """A browser reported an error: its text is the client's, so one cut-short line."""
    key = _connection()
    verdict = budget.take(key)
    if verdict:
        log.warning("browser error from client %s: %s%s", client_text(key[:12]),
                    client_text(str(exception)), _suffix(verdict), extra=ONE_LINE)


def backend_exception_handler(exception: Exception) -> None:
    """An event handler raised: the traceback the first time each place raises (a bug to
    fix), one line afterwards (a client repeating a payload that fails). Readers are told
    nothing: the message would not help them, and a hostile client asks for it."""
    key = _connection()
    verdict = budget.take(key)
    if not verdict:
        return
    where = _raised_at(exception)
    summary = (f"event handler failed at {where} for client {client_text(key[:12])}: "
               f"{type(exception).__name__}: {client_text(str(exception))}{_suffix(verdict)}")
    if _first_time(where):
        log.error(summary, exc_info=exception, extra=ONE_LINE)
    else:
        log.error(summary, extra=ONE_LINE)


_seen_places: set[str] = set()
_MAX_PLACES = 1_000


def _raised_at(exception: BaseException) -> str:
    frames = traceback.extract_tb(exception.__traceback__)
    if not frames:
        return "?"
    last = frames[-1]
    return f"{last.filename.rsplit('/', 1)[-1]}:{last.lineno}"


def _first_time(where: str) -> bool:
    if where in _seen_places or len(_seen_places) >= _MAX_PLACES:
        return False
    _seen_places.add(where)
    return True


class ClientRecordFilter(logging.Filter):
    """Rewrites Reflex's records about a client's rejected event into one bounded line, and
    drops them past the budget."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.msg if isinstance(record.msg, str) else ""
        problem = record.exc_info[1] if record.exc_info else None
        if record.name == PROCESSOR_LOGGER and message.startswith(_UNKNOWN_EVENT):
            key = _session(message)
            reason = problem.args[0] if problem and problem.args else "?"
            return self._rewrite(record, key, f"rejected event from session "
                                              f"{client_text(key[:20])}: {client_text(reason)}")
        if record.name == APP_LOGGER and message.startswith(_CLIENT_DATA):
            return self._rewrite(record, _session(message),
                                 f"rejected event data: {client_text(message)}")
        if record.name == ENGINEIO_LOGGER and message == _HANDLER_ERROR and problem:
            # No session id in this record: all such lines share one budget.
            return self._rewrite(record, "malformed event data",
                                 f"rejected event data: {type(problem).__name__}: "
                                 f"{client_text(str(problem))}")
        return True

    @staticmethod
    def _rewrite(record: logging.LogRecord, key: str, line: str) -> bool:
        verdict = budget.take(key)
        if not verdict:
            return False
        record.msg, record.args = line + _suffix(verdict), ()
        record.exc_info = record.exc_text = record.stack_info = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.rich_kwargs = ONE_LINE["rich_kwargs"]
        return True


def _session(message: str) -> str:
    found = _SID.search(message)
    return (found.group(1) or found.group(2)) if found else "?"


_filter = ClientRecordFilter()


def install() -> None:
    """Attach the filter (idempotent: logging ignores a filter already attached)."""
    for name in (PROCESSOR_LOGGER, APP_LOGGER, ENGINEIO_LOGGER):
        logging.getLogger(name).addFilter(_filter)
