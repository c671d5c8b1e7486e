"""axe-core for the browser tests: the same runner `flash-reader audit` uses."""

from flash_reader.audit.axe import AXE_JS, AXE_VERSION, WCAG_TAGS, axe_violations, format_violations

__all__ = ["AXE_JS", "AXE_VERSION", "WCAG_TAGS", "axe_violations", "format_violations"]
