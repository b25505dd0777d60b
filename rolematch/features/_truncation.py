"""What a sentence model misses of texts longer than it reads, said in one warning.

:class:`~rolematch.features.embeddings.SentenceTransformerEncoder` encodes a text of more
tokens than the model's ``max_seq_length`` truncated, and warns
(:class:`~rolematch.features.embeddings.TruncationWarning`) with the message built here:
how many texts, how many tokens of the longest go unread, and how to split such text so
that none is lost. Résumés never reach it with the built-in models: their sentences are
cut to :data:`rolematch.text.MAX_SENTENCE_CHARS` characters, which e5-small reads whole;
text passed to ``encode`` directly (a long duty in a role file, a caller's own text) can.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rolematch.text import MAX_SENTENCE_CHARS

__all__ = ["truncation_message"]


def truncation_message(
    model_id: str,
    texts: Sequence[str],
    lengths: Sequence[int],
    limit: int,
    overhead: Callable[[], int],
) -> str | None:
    """The warning for the texts whose token count is over ``limit``, or ``None``.

    Parameters
    ----------
    model_id : str
        The model, as the message names it.
    texts : sequence of str
        The texts encoded (without the prompt).
    lengths : sequence of int
        Tokens of each text with its prompt and special tokens, untruncated.
    limit : int
        Tokens the model reads (its ``max_seq_length``, special tokens included).
    overhead : callable
        Returns the tokens of the prompt and special tokens alone; called only when a
        text is over the limit.

    Returns
    -------
    str or None
        The message, with the ``max_chars`` for :func:`rolematch.text.split_sentences`
        that makes pieces the model reads whole at the long texts' tokens per character
        (at least one: e5-small's tokenizer makes at most one token of a character).

    Examples
    --------
    >>> msg = truncation_message("e5", ["短句", "长" * 600], [8, 606], 512, lambda: 6)
    >>> print(msg)  # doctest: +NORMALIZE_WHITESPACE
    1 of 2 sentences exceed the max_seq_length of e5 (512 tokens) and are truncated: of the
    longest (600 tokens: '长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长'...) the
    last 94 go unread. Split such text into pieces of at most 506 characters before
    encoding: rolematch.text.split_sentences(text, max_chars=506) cuts it at sentence ends,
    then at commas or spaces.
    >>> truncation_message("e5", ["短句"], [8], 512, lambda: 6) is None
    True
    """
    over = [(n, t) for n, t in zip(lengths, texts, strict=True) if n > limit]
    if not over:
        return None
    fixed = overhead()
    n, text = max(over)
    # tokens per character of the texts cut (at least one), hence the characters that fit
    per_char = max(1.0, *((k - fixed) / max(len(t), 1) for k, t in over))
    fit = max(1, int((limit - fixed) / per_char))
    message = (
        f"{len(over)} of {len(texts)} sentences exceed the max_seq_length of {model_id} "
        f"({limit} tokens) and are truncated: of the longest ({n - fixed} tokens: "
        f"{text[:30]!r}...) the last {n - limit} go unread. Split such text into pieces of "
        f"at most {fit} characters before encoding: rolematch.text.split_sentences(text, "
        f"max_chars={fit}) cuts it at sentence ends, then at commas or spaces."
    )
    if fit < MAX_SENTENCE_CHARS:
        message += (
            f" This model reads fewer tokens than a résumé's sentences may hold (up to "
            f"{MAX_SENTENCE_CHARS} characters): the ends of long ones are not read."
        )
    return message
