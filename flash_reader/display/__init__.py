"""Display preferences for low-vision readers: themes, text size, spacing.

The preferences run in the browser (components/scripts/display.js); this package holds the
colour palettes and generates `assets/display.css` from them, so every colour pair is checked
by a unit test before any browser sees it.
"""
