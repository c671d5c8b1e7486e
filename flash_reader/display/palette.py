"""Colour themes as data, and the WCAG contrast maths that checks them."""

from __future__ import annotations

import dataclasses
import re


@dataclasses.dataclass(frozen=True, slots=True)
class Palette:
    """Every colour a theme sets. Foreground and background always come as pairs (WCAG F24)."""

    bg: str
    fg: str
    muted: str  # captions, footer
    link: str
    link_visited: str
    surface: str  # header, photo frame
    badge_bg: str
    notice_bg: str
    button_bg: str
    button_fg: str
    selected_bg: str  # the chosen option in a control
    selected_fg: str
    placeholder: str
    mark_bg: str  # search highlights
    mark_fg: str
    border: str  # control boundaries: 3:1 (WCAG 1.4.11)
    focus: str  # focus indicator: 3:1 against every background it can sit on
    focus_halo: str


@dataclasses.dataclass(frozen=True, slots=True)
class Theme:
    name: str  # the value of data-theme on <html>
    label: str  # what the control says
    description: str
    palette: Palette
    scheme: str  # CSS color-scheme, for form controls and scrollbars


DEFAULT = Theme("default", "標準", "白地に濃い灰色の文字、青いリンク", Palette(
    bg="#ffffff", fg="#1a1a1a", muted="#3d3d3d", link="#0b4a8b", link_visited="#5a2d82",
    surface="#f2f4f6", badge_bg="#e8edf2", notice_bg="#fff6d5", button_bg="#ffffff",
    button_fg="#1a1a1a", selected_bg="#0b4a8b", selected_fg="#ffffff", placeholder="#4a4a4a",
    mark_bg="#fff08a", mark_fg="#1a1a1a", border="#6b7580", focus="#0b4a8b",
    focus_halo="#ffffff"), "light")

# Not offered as a button: what "follow the system" shows under prefers-color-scheme: dark.
DARK = Theme("dark", "ダーク", "濃い灰色の地に明るい文字（端末のダークモード）", Palette(
    bg="#121417", fg="#f1f3f5", muted="#c9ced4", link="#9ccaff", link_visited="#dcb8ff",
    surface="#1d2126", badge_bg="#262b31", notice_bg="#2e2a17", button_bg="#1d2126",
    button_fg="#f1f3f5", selected_bg="#9ccaff", selected_fg="#121417", placeholder="#c0c6cc",
    mark_bg="#f5e06e", mark_fg="#121417", border="#8c96a1", focus="#9ccaff",
    focus_halo="#121417"), "dark")

LIGHT_HIGH = Theme("light-high", "白地に黒", "白地に黒い文字、濃い青のリンク", Palette(
    bg="#ffffff", fg="#000000", muted="#000000", link="#0000c8", link_visited="#551a8b",
    surface="#ffffff", badge_bg="#ffffff", notice_bg="#ffffff", button_bg="#ffffff",
    button_fg="#000000", selected_bg="#000000", selected_fg="#ffffff", placeholder="#333333",
    mark_bg="#ffff00", mark_fg="#000000", border="#000000", focus="#0000c8",
    focus_halo="#ffffff"), "light")

DARK_HIGH = Theme("dark-high", "黒地に白", "黒地に白い文字、黄色のリンク", Palette(
    bg="#000000", fg="#ffffff", muted="#ffffff", link="#ffff00", link_visited="#ffc8f0",
    surface="#000000", badge_bg="#000000", notice_bg="#000000", button_bg="#000000",
    button_fg="#ffffff", selected_bg="#ffff00", selected_fg="#000000", placeholder="#e0e0e0",
    mark_bg="#ffff00", mark_fg="#000000", border="#ffffff", focus="#ffff00",
    focus_halo="#000000"), "dark")

BLUE_YELLOW = Theme("blue-yellow", "青地に黄", "紺色の地に黄色の文字、白いリンク", Palette(
    bg="#002060", fg="#ffff00", muted="#ffff00", link="#ffffff", link_visited="#ffd9a0",
    surface="#002060", badge_bg="#002060", notice_bg="#002060", button_bg="#002060",
    button_fg="#ffff00", selected_bg="#ffff00", selected_fg="#002060", placeholder="#ffffa0",
    mark_bg="#ffffff", mark_fg="#002060", border="#ffff00", focus="#ffffff",
    focus_halo="#002060"), "dark")

# The themes a reader can choose, in the order the control lists them.
CHOOSABLE = (DEFAULT, LIGHT_HIGH, DARK_HIGH, BLUE_YELLOW)
ALL = (*CHOOSABLE, DARK)

AAA_TEXT = 7.0
AA_LARGE_TEXT = 4.5
NON_TEXT = 3.0


def text_pairs(palette: Palette) -> dict[str, tuple[str, str]]:
    """Every (foreground, background) pair of text the reader can show."""
    p = palette
    pairs = {}
    for surface in ("bg", "surface", "badge_bg", "notice_bg", "button_bg"):
        background = getattr(p, surface)
        pairs[f"fg/{surface}"] = (p.fg, background)
        pairs[f"link/{surface}"] = (p.link, background)
        pairs[f"link_visited/{surface}"] = (p.link_visited, background)
        pairs[f"muted/{surface}"] = (p.muted, background)
    pairs["button_fg/button_bg"] = (p.button_fg, p.button_bg)
    pairs["selected_fg/selected_bg"] = (p.selected_fg, p.selected_bg)
    pairs["placeholder/bg"] = (p.placeholder, p.bg)
    pairs["mark_fg/mark_bg"] = (p.mark_fg, p.mark_bg)
    return pairs


def boundary_pairs(palette: Palette) -> dict[str, tuple[str, str]]:
    """Non-text colours that must stand out (3:1) from what they sit on."""
    p = palette
    pairs = {}
    for surface in ("bg", "surface", "button_bg"):
        pairs[f"border/{surface}"] = (p.border, getattr(p, surface))
        pairs[f"focus/{surface}"] = (p.focus, getattr(p, surface))
    pairs["focus/selected_bg(halo)"] = (p.focus_halo, p.selected_bg)
    pairs["selected_bg/bg"] = (p.selected_bg, p.bg)
    return pairs


_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")
_RGB = re.compile(r"^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)$")


def parse_colour(value: str) -> tuple[float, float, float, float]:
    """`#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)` → (r, g, b, alpha) with r, g, b in 0–255."""
    value = value.strip()
    if match := _HEX.match(value):
        digits = match.group(1)
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16), 1.0)
    if match := _RGB.match(value):
        r, g, b, alpha = match.groups()
        a = 1.0 if alpha is None else (
            float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha))
        return (float(r), float(g), float(b), a)
    raise ValueError(f"not a colour I can read: {value!r}")


def relative_luminance(colour: str) -> float:
    r, g, b, _ = parse_colour(colour)

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two opaque colours, 1–21."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
