"""No text is lost to the sentence model's token limit, and its warning's advice holds.

A résumé without sentence ends (junk, or a PDF whose extraction lost every 。 and line
break) reached e5-small as "sentences" of 2,000 characters, of which it reads ~500
tokens: most of the text never counted. Its sentences are now pieces of at most
``MAX_SENTENCE_CHARS`` characters, which the model reads whole; what can still be too
long (text passed to ``encode`` directly) warns with a split that is enough.
"""

from __future__ import annotations

import random
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from rolematch.features._truncation import truncation_message
from rolematch.features.embeddings import SentenceTransformerEncoder, TruncationWarning
from rolematch.text import MAX_SENTENCE_CHARS, split_sentences

CLAUSES = [
    "负责手机银行App运营与迭代",
    "推动月活从120万增长到310万",
    "牵头网联、银联清算对接",
    "管理80人坐席团队",
    "建立投诉分级处理与质检机制",
]
#: 20,000 characters of a résumé whose extraction lost every 。 and line break
NO_SENTENCE_ENDS = "，".join(CLAUSES * 400)[:20_000]


def _hardest_texts() -> dict[str, str]:
    """Texts of MAX_SENTENCE_CHARS characters that make the most tokens per character."""
    rng = random.Random(0)
    n = MAX_SENTENCE_CHARS

    def pick(chars: str | list[str]) -> str:
        return "".join(rng.choice(chars) for _ in range(n))

    return {
        "common ideographs": pick([chr(c) for c in range(0x4E00, 0x9FA6)]),
        "rare ideographs": pick([chr(c) for c in range(0x20000, 0x2A6E0)]),
        "punctuation": pick(".,-/:;()[]%#@!?*&^$~"),
        "digits and letters": pick("0123456789abcdefghijklmnopqrstuvwxyzABCXYZ"),
        "spaced letters": " ".join(pick("abcdefghijklmnopqrstuvwxyz"))[:n],
        "latin and greek": pick([chr(c) for c in range(0xA1, 0x3FF)]),
    }


def _number(pattern: str, message: str) -> int:
    found = re.search(pattern, message)
    assert found, (pattern, message)
    return int(found.group(1))


@pytest.mark.semantic
def test_a_sentence_of_max_sentence_chars_fits_e5_small(e5_home: Path) -> None:
    # e5-small makes at most one token of a character; the synonym table's mainland terms
    # make English or Traditional text at most 1.5x as many (電銷 -> 外呼营销), which the
    # model reads too
    from rolematch.tokenize import JiebaTokenizer

    texts = list(_hardest_texts().values())
    worst_synonyms = JiebaTokenizer().canonicalize("電銷" * (MAX_SENTENCE_CHARS // 2))
    assert worst_synonyms.startswith("外呼营销外呼营销")
    enc = SentenceTransformerEncoder("e5-small", cache=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error", TruncationWarning)
        vecs = enc.encode([*texts, worst_synonyms])
    assert vecs.shape == (len(texts) + 1, 384)
    # one character more is too long where each character is a token
    with pytest.warns(TruncationWarning):
        enc.encode(["中" * 600])


@pytest.mark.semantic
def test_a_resume_without_sentence_ends_reaches_the_model_whole(e5_home: Path) -> None:
    import rolematch
    from rolematch.features.resumes import semantic_sentences

    resume = rolematch.resume_from_text(NO_SENTENCE_ENDS)
    embedded = semantic_sentences(resume)
    # every character reaches the encoder, in pieces it reads whole
    assert sum(len(s.text) for s in embedded) == len(NO_SENTENCE_ENDS)
    assert max(len(s.text) for s in embedded) <= MAX_SENTENCE_CHARS
    matcher = rolematch.Matcher(model="e5-small").fit(rolematch.load_roles())
    with warnings.catch_warnings():
        warnings.simplefilter("error", TruncationWarning)  # nothing is truncated
        best = matcher.match([resume], top_k=1)[0][0]
    assert 0 <= best.score <= 1 and best.explanation.evidence


@pytest.mark.semantic
@pytest.mark.parametrize("local", [False, True], ids=["builtin", "local-path"])
def test_the_truncation_warning_says_a_split_that_is_enough(
    e5_home: Path, e5_built: Any, local: bool
) -> None:
    # the built-in engine and a sentence-transformers model from a folder count alike
    model = str(e5_built.path) if local else "e5-small"
    enc = SentenceTransformerEncoder(model, cache=False)
    long_text = "负责呼叫中心坐席管理和客户投诉处理，" * 60  # 1,080 characters, ~700 tokens
    with pytest.warns(TruncationWarning) as record:
        enc.encode([long_text, "短句"])
    message = str(record[0].message)
    assert message.startswith("1 of 2 sentences exceed the max_seq_length of ")
    unread = _number(r"the last (\d+) go unread", message)
    total = _number(r"of the longest \((\d+) tokens", message)
    assert 0 < unread < total
    max_chars = _number(r"split_sentences\(text, max_chars=(\d+)\)", message)
    assert MAX_SENTENCE_CHARS <= max_chars < 512
    assert "fewer tokens than a résumé" not in message  # résumé sentences fit this model
    pieces = split_sentences(long_text, max_chars=max_chars)
    assert "".join(pieces) == long_text
    with warnings.catch_warnings():
        warnings.simplefilter("error", TruncationWarning)
        enc.encode(pieces)  # the advice is enough: nothing truncated
    # the split where the warning is not needed changes nothing
    assert split_sentences("负责呼叫中心坐席管理。", max_chars=max_chars) == [
        "负责呼叫中心坐席管理。"
    ]


def test_truncation_message_scales_the_split_to_the_tokens_per_character() -> None:
    # a tokenizer making two tokens a character (byte-level BPE on Chinese) and a model
    # of 128 tokens: pieces of 63 characters fit, fewer than a résumé sentence may hold
    msg = truncation_message("m", ["字" * 100, "ok"], [202, 4], 128, lambda: 2)
    assert msg is not None
    assert "1 of 2 sentences exceed the max_seq_length of m (128 tokens)" in msg
    assert "of the longest (200 tokens: " in msg and "the last 74 go unread" in msg
    assert "split_sentences(text, max_chars=63)" in msg
    assert f"(up to {MAX_SENTENCE_CHARS} characters): the ends of long ones" in msg
    assert truncation_message("m", ["ok"], [4], 128, lambda: pytest.fail("not needed")) is None
