"""How long an answer stays fresh, for browsers and for shared caches (nginx, a CDN).

Every reader page, view, feed and widget is the same for everyone who asks for the same URL
(the language and the readings are in the URL, never in a cookie), so they are `public`
and vary only on Accept-Encoding. A cache may serve its copy for `max-age`, go on serving it
while it asks the app again (`stale-while-revalidate`), and keep serving it while the app is
down or failing (`stale-if-error`). A new issue therefore reaches a reader within the feed's
refresh interval plus `max-age` (docs/deploy.md).
"""

from __future__ import annotations

from flash_reader import config

VARY = "Accept-Encoding"  # the only request header that changes the bytes we send
IMMUTABLE = "public, max-age=31536000, immutable"  # names that carry their content's digest


def shared() -> str:
    """Cache-Control for content every reader of a URL gets alike."""
    max_age = config.cache_max_age()
    return (f"public, max-age={max_age}, stale-while-revalidate={max(max_age, 30)}, "
            f"stale-if-error={config.stale_if_error_seconds()}")
