"""The size-bounded cache behind rendered views and their encoded answers."""

from __future__ import annotations

from flash_reader.render.cache import SizedCache


def test_oldest_entries_go_when_the_total_is_over_the_bound() -> None:
    cache: SizedCache[str] = SizedCache(10, len)
    cache.put("a", "xxxx")
    cache.put("b", "xxxx")
    assert cache.get("a") == "xxxx"  # used: now the newest
    cache.put("c", "xxxx")  # 12 > 10: the least recently used goes
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == ("xxxx", None, "xxxx")


def test_an_entry_larger_than_the_bound_is_still_kept_alone() -> None:
    cache: SizedCache[str] = SizedCache(3, len)
    cache.put("a", "x")
    cache.put("big", "x" * 10)
    assert cache.get("big") == "x" * 10 and cache.get("a") is None


def test_the_value_held_first_wins_and_is_made_once() -> None:
    cache: SizedCache[str] = SizedCache(100, len)
    made: list[str] = []
    first = cache.get_or_make("k", lambda: made.append("1") or "one")
    again = cache.get_or_make("k", lambda: made.append("2") or "two")
    assert first == again == "one" and made == ["1"]
    assert cache.put("k", "other") == "one"
