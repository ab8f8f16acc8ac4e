"""VADER reads the same words with the faster split as with nltk's own, and scores alike."""

from __future__ import annotations

import json

from nltk.sentiment import vader

from console.resources import resource_path
from console.triage.sentiment import EnglishScorer
from console.triage.vader_tokens import QuickSentiText, stock

TRICKY = [
    "", "!", "a", "ok!", "!ok", "!!ok", "ok!!!", "'ok'", "?!?!wait", "wait?!?!", ":-) :D <3",
    "don't can't it's", "...and then... nothing.", "-- dash -- dash--", '"quoted" words',
    "cat, dog; bird: fish.", "WHY is my ORDER late?!", "e-mail re-sent", "#fail @brand",
    "¡¿Qué?! pasó…", "x, y, z", "http://example.com/a?b=c!", "!!! ??? ... ,,,",
    "same same! same, !same", "kind of bad", "emoji 😡😡 !😡", "tab\tand\nnew line!",
]


def _posts() -> list[str]:
    path = resource_path("triage", "eval.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [row["text"] for row in rows] + TRICKY


def test_the_split_is_nltks_on_every_written_post() -> None:
    constants = vader.VaderConstants()
    for text in _posts():
        quick = QuickSentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
        with stock():
            slow = vader.SentiText(text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION)
        assert type(slow) is not QuickSentiText
        assert quick.words_and_emoticons == slow.words_and_emoticons, text
        assert quick.is_cap_diff == slow.is_cap_diff, text


def test_vader_scores_the_same_either_way() -> None:
    analyzer = EnglishScorer.analyzer()  # installs the faster split
    for text in _posts():
        quick = analyzer.polarity_scores(text)
        with stock():
            slow = analyzer.polarity_scores(text)
        assert quick == slow, text
    assert vader.SentiText is QuickSentiText
