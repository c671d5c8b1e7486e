"""読み上げ controls: plain buttons; components/scripts/speech.js does the speaking in the browser.

Hidden (by CSS) where the browser has no speech synthesis.
"""

from __future__ import annotations

import reflex as rx

STATUS_ID = "speech-status"


def speech_controls(label: str, play_text: str) -> rx.Component:
    return rx.el.div(
        rx.el.button(play_text, type="button", data_speech_action="play", class_name="button"),
        # Nothing to pause or stop until this group is read; speech.js keeps these honest.
        rx.el.button("一時停止", type="button", data_speech_action="pause", aria_pressed="false",
                     aria_disabled="true", class_name="button"),
        rx.el.button("停止", type="button", data_speech_action="stop", aria_disabled="true",
                     class_name="button"),
        role="group",
        aria_label=label,
        class_name="speech-controls",
    )


def speech_status() -> rx.Component:
    return rx.el.p(id=STATUS_ID, role="status", aria_live="polite", class_name="speech-status")
