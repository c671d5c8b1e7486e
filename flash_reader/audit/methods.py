"""How WAIC's 試験実施方法 checks each WCAG 2.2 A/AA criterion, kept as data in one place.

AUTOMATED: a tool's result decides it (no violation on any sampled page is 適合).
AUTOMATED_THEN_HUMAN: a tool can find failures; a pass still needs a person to confirm it.
HUMAN: only a person can judge it (an alt text's equivalence, whether a heading describes).
"""

from __future__ import annotations

import re

from flash_reader.render.wcag import CRITERIA

AUTOMATED = "automated"
AUTOMATED_THEN_HUMAN = "automated-then-human"
HUMAN = "human"

# Criteria where axe-core's rules exist but cannot confirm a pass on their own.
_AUTOMATED_THEN_HUMAN = frozenset({
    "1.1.1", "1.3.1", "1.3.5", "1.4.4", "1.4.12", "2.1.1", "2.4.1", "2.4.2", "2.4.4",
    "2.5.3", "3.3.2", "4.1.2",
})
# Checked by a tool alone: the page's language is declared, text meets the contrast ratio.
_AUTOMATED = frozenset({"3.1.1", "1.4.3"})

METHODS: dict[str, str] = {
    c.number: (AUTOMATED if c.number in _AUTOMATED
               else AUTOMATED_THEN_HUMAN if c.number in _AUTOMATED_THEN_HUMAN else HUMAN)
    for c in CRITERIA
}

_TAG = re.compile(r"^wcag(\d)(\d)(\d{1,2})$")


def criteria_of_tags(tags: list[str]) -> tuple[str, ...]:
    """The success criteria an axe rule's tags name: "wcag1410" is 1.4.10, "wcag2aa" is a
    level, not a criterion. Only A/AA criteria of WCAG 2.2 are kept."""
    found = []
    for tag in tags:
        match = _TAG.match(tag) if isinstance(tag, str) else None
        if match:
            number = ".".join(match.groups())
            if number in METHODS and number not in found:
                found.append(number)
    return tuple(found)


def needs_person(number: str) -> bool:
    return METHODS.get(number, HUMAN) != AUTOMATED
