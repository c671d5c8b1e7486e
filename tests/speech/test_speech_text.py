"""What is heard is what the furigana shows (issue 22): the synthesizer's own reading of each
sentence of the seed issue contains every furigana reading, in order; hostile texts never crash."""

from __future__ import annotations

import pytest

from flash_reader.reading.furigana import annotate
from flash_reader.speech.synth import SAMPLE_RATE, phonemes, synthesize
from flash_reader.speech.text import MAX_SENTENCE, Sentence, sentences, spoken
from tests.conftest import SEED

_SHIFT = 0x60


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + _SHIFT) if "\u3041" <= c <= "\u3096" else c for c in text)


def _unheard(sentence: str, heard: str) -> list[str]:
    """The furigana readings of `sentence` not found, in order, in `heard`."""
    missing, at = [], 0
    for segment in annotate(sentence):
        if not segment.reading:
            continue
        found = heard.find(_katakana(segment.reading), at)
        if found < 0:
            missing.append(f"{segment.text}({segment.reading})")
        else:
            at = found + len(segment.reading)
    return missing


def test_seed_issue_is_heard_as_its_furigana_reads() -> None:
    checked = 0
    for sentence in sentences(SEED.read_text(encoding="utf-8")):
        assert _unheard(sentence.text, phonemes(sentence.spoken)) == [], sentence.text
        checked += 1
    assert checked > 20


def test_the_engine_alone_would_read_otherwise() -> None:
    # Why the readings are fed: given the text as written, Open JTalk reads 11月10日 じゅうにち.
    text = "11月10日、交流会を開いた。"
    assert _unheard(text, phonemes(text)) != []
    assert _unheard(text, phonemes(spoken(text))) == []


def test_numbers_said_once() -> None:
    assert spoken("2日間") == "フツカカン"
    assert spoken("1人で") == "ヒトリで"
    assert spoken("20人") == "20ニン"


@pytest.mark.parametrize("text", [
    "", "   \n\n", "※※※・・・――", "😀🎉👍", "\x00\x01\x07\x1b\u200b\u202e",
    "\ud800", "!!!???...", "\t\r\n",
])
def test_nothing_to_say_gives_no_sentence(text: str) -> None:
    assert list(sentences(text)) == []


def test_latin_and_mixed_text_is_spoken() -> None:
    [said] = list(synthesize(sentences("CLAIR Paris office 😀\x00")))
    assert said.sentence.text == "CLAIR Paris office"
    assert said.seconds > 0.5 and said.samples.dtype.name == "int16"


def test_a_long_article_is_cut_into_bounded_sentences() -> None:
    text = "自治体の職員、" * 8000  # 56,000 characters, no full stop
    count = 0
    for sentence in sentences(text):
        assert isinstance(sentence, Sentence) and 0 < len(sentence.text) <= MAX_SENTENCE
        count += 1
        if count > 3:  # the generator yields as it goes: no need to read it all
            break
    assert count == 4


def test_two_sentences_become_audio_with_their_durations() -> None:
    said = list(synthesize(sentences("日本の自治体。研修を受けた。")))
    assert [s.sentence.text for s in said] == ["日本の自治体。", "研修を受けた。"]
    assert all(len(s.samples) == round(s.seconds * SAMPLE_RATE) for s in said)
