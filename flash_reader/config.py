"""Settings read from the environment (documented in README.md)."""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_FEED = PROJECT_ROOT / "assets" / "feeds" / "default.json"
DEFAULT_CACHE_DIR = PROJECT_ROOT / "var" / "cache"


def feed_source() -> str:
    """FLASH_FEED_URL: an http(s) URL or a local path. Default: the bundled seed feed."""
    return os.environ.get("FLASH_FEED_URL", "").strip() or str(BUNDLED_FEED)


def refresh_seconds() -> float:
    """FLASH_REFRESH_SECONDS: how often this process re-checks the feed (default 300)."""
    return _number("FLASH_REFRESH_SECONDS", 300.0, minimum=1.0)


def start_wait_seconds() -> float:
    """FLASH_START_WAIT_SECONDS: how long start-up waits for the feed server before it serves
    the last good copy (or the loading notice) and goes on trying in the background (default 5)."""
    return _number("FLASH_START_WAIT_SECONDS", 5.0, minimum=0.0)


def cache_dir() -> Path | None:
    """FLASH_CACHE_DIR: where the last good copy of every page is kept ('off' to disable)."""
    value = os.environ.get("FLASH_CACHE_DIR", "").strip()
    if value.lower() == "off":
        return None
    return Path(value) if value else DEFAULT_CACHE_DIR


_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:\d{1,5})?$")


def configured_public_url(value: str | None = None) -> str:
    """FLASH_PUBLIC_URL: the origin readers reach the app at (e.g. https://flash.example.lg.jp,
    behind a proxy), validated; "" when not set."""
    raw = (os.environ.get("FLASH_PUBLIC_URL", "") if value is None else value).strip()
    if not raw:
        return ""
    origin = raw.rstrip("/")
    if not _ORIGIN.match(origin):
        raise SystemExit(f"FLASH_PUBLIC_URL: {raw!r} is not an origin such as "
                         "https://flash.example.lg.jp")
    return origin


def public_url() -> str:
    """Where every absolute URL the app emits starts — never a request's Host header: the
    configured FLASH_PUBLIC_URL, else the app's own listening address."""
    configured = configured_public_url()
    if configured:
        return configured
    from reflex.config import get_config

    return f"http://localhost:{get_config().backend_port or 3000}"


def cache_max_age() -> int:
    """FLASH_CACHE_MAX_AGE: how long a shared cache (nginx, a CDN) or a browser may serve a
    page, view or feed without asking again (seconds, default 60): a new issue reaches readers
    within FLASH_REFRESH_SECONDS + this."""
    return int(_number("FLASH_CACHE_MAX_AGE", 60, minimum=0))


def stale_if_error_seconds() -> int:
    """FLASH_STALE_IF_ERROR: how long a shared cache may go on serving its last copy while
    every app worker is down or answering errors (seconds, default 86,400: a day)."""
    return int(_number("FLASH_STALE_IF_ERROR", 86_400, minimum=0))


def max_pages() -> int:
    """FLASH_MAX_PAGES: the most feed pages followed through next_url (default 400)."""
    return int(_number("FLASH_MAX_PAGES", 400, minimum=1))


def _number(name: str, default: float, *, minimum: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a number") from None
    if value < minimum:
        raise SystemExit(f"{name}={raw!r} must be at least {minimum:g}")
    return value


def audit_dir() -> Path:
    """FLASH_AUDIT_DIR: where `flash-reader audit` writes its dated records and reports, and
    where the statement reads the latest one (default var/audit)."""
    value = os.environ.get("FLASH_AUDIT_DIR", "").strip()
    return Path(value) if value else PROJECT_ROOT / "var" / "audit"


def human_record() -> Path:
    """FLASH_AUDIT_HUMAN: the staff's record of the checks only a person can make (TOML;
    default human.toml in the audit folder)."""
    value = os.environ.get("FLASH_AUDIT_HUMAN", "").strip()
    return Path(value) if value else audit_dir() / "human.toml"


def audio_dir() -> Path:
    """FLASH_AUDIO_DIR: where the synthesized audio of articles is kept (issue 22)."""
    value = os.environ.get("FLASH_AUDIO_DIR", "").strip()
    return Path(value) if value else DEFAULT_CACHE_DIR.parent / "audio"


def audio_max_bytes() -> int:
    """FLASH_AUDIO_MAX_MB: the most the audio cache may hold; the oldest files go first."""
    return int(_number("FLASH_AUDIO_MAX_MB", 500.0, minimum=1.0) * 1_000_000)


def audio_prerender() -> bool:
    """FLASH_AUDIO_PRERENDER: 'off' to make no audio until a reader asks (default on: the
    latest issue is synthesized in the background after each start and each new issue)."""
    return os.environ.get("FLASH_AUDIO_PRERENDER", "").strip().lower() != "off"


@dataclasses.dataclass(frozen=True, slots=True)
class Contact:
    """Where readers report a barrier or ask for an article in another form."""

    email: str = ""
    url: str = ""


_EMAIL = re.compile(r"[^@\s<>\"'(),;:\\?&#%/]{1,64}"
                    r"@[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")
_CONTACT_URL = re.compile(r"https?://[^\s<>\"'`\\]{1,2000}", re.IGNORECASE)


def contact() -> Contact:
    """FLASH_CONTACT_EMAIL (an address) and/or FLASH_CONTACT_URL (an http(s) page or form):
    shown on the statement, the about page and the 404. A value that is not one is refused
    at start with the reason (never shown as a broken link)."""
    email = os.environ.get("FLASH_CONTACT_EMAIL", "").strip()
    url = os.environ.get("FLASH_CONTACT_URL", "").strip()
    if email and (not _EMAIL.fullmatch(email) or "." not in email.rsplit("@", 1)[1]):
        raise SystemExit(f"FLASH_CONTACT_EMAIL={email[:80]!r} is not an e-mail address "
                         "(name@example.lg.jp)")
    if url and (not _CONTACT_URL.fullmatch(url) or not urlsplit(url).hostname):
        raise SystemExit(f"FLASH_CONTACT_URL={url[:80]!r} is not an http(s) address "
                         "(https://www.example.lg.jp/contact/)")
    return Contact(email, url)


def shown_contact() -> Contact:
    """The contact for a page: an invalid setting (refused at start) is shown as none."""
    try:
        return contact()
    except SystemExit:
        return Contact()
