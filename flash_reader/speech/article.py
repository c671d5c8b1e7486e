"""An article's spoken text: title, body and photo caption, as one reader would hear them."""

from __future__ import annotations

from flash_reader.feed.model import Item
from flash_reader.speech.text import Sentence, sentences

CAPTION = "写真："  # the bulletin's own caption label; the articles are Japanese whatever the UI


def article_sentences(item: Item) -> list[Sentence]:
    body = "\n".join("".join(span.text for span in paragraph) for paragraph in item.paragraphs)
    caption = CAPTION + item.photo.caption if item.photo and item.photo.caption.strip() else ""
    return list(sentences("\n".join((item.title, body, caption))))
