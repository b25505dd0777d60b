"""The ``resumes`` argument of :class:`~rolematch.matcher.Matcher`'s methods, checked and
made into :class:`~rolematch.documents.Resume` records.

What a caller may pass, and what is refused with a message naming the parameter:

* an iterable (list, tuple, generator, pandas Series) of ``Resume`` records and résumé
  texts; a text gets the label ``<text N>``, N its 1-based position in the input, so
  rows of a table of plain texts can be told apart;
* not a bare ``str`` (it would be one résumé per character), a mapping (it would be
  its keys) or ``None``; not ``bytes`` (a file's content: ``read_resume(data,
  filename=...)`` reads it);
* not a ``str`` item that names an existing file or folder and nothing else: a path
  given as text would be scored as the words of its file name. A real résumé text is
  never an existing path, so this refuses no résumé; ``read_resume`` reads the file;
* what a custom encoder returns is checked (:func:`encoded`);
* a ``Resume`` built by hand (``Resume("x", text)``) gets its sentences from its text
  as :func:`~rolematch.sections.resume_from_text` splits them (without redacting: the
  text is what the caller chose to score), and one whose text is blank is ``empty``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from rolematch.documents import Resume

__all__ = ["as_resume", "as_resumes", "check_encoder", "encoded"]

# a one-line text shorter than this may be a path (Windows' MAX_PATH is 260)
_MAX_PATH_CHARS = 260
_EXPECTED = "an iterable of Resume or résumé texts (str)"
# bytes are a file's content (an upload), which only the reader knows how to decode
_READ_BYTES = "read a file's content with rolematch.read_resume(data, filename=...)"


def as_resumes(resumes: Any, method: str) -> list[Resume]:
    """``resumes`` as a list of Resume records, or a ``TypeError`` saying what is wrong.

    Parameters
    ----------
    resumes : iterable of Resume or str
        What the caller passed.
    method : str
        The ``Matcher`` method, named in errors.

    Examples
    --------
    >>> [r.source for r in as_resumes(["负责手机银行运营", "负责坐席管理"], "match")]
    ['<text 1>', '<text 2>']
    >>> as_resumes("负责手机银行运营", "match")
    Traceback (most recent call last):
    ...
    TypeError: The 'resumes' parameter of Matcher.match must be an iterable of Resume or
    résumé texts (str). Got a str ('负责手机银行运营') instead; pass [text] for one résumé.
    """
    where = f"The 'resumes' parameter of Matcher.{method} must be {_EXPECTED}."
    if isinstance(resumes, bytes | bytearray):
        raise TypeError(
            f"{where} Got a {type(resumes).__name__} ({_short(bytes(resumes))}) instead: "
            f"{_READ_BYTES} and pass [resume]."
        )
    if isinstance(resumes, str):
        raise TypeError(
            f"{where} Got a {type(resumes).__name__} ({_short(resumes)}) instead; "
            "pass [text] for one résumé."
        )
    if isinstance(resumes, Mapping):
        raise TypeError(
            f"{where} Got a {type(resumes).__name__} instead (a mapping is not a list of "
            "résumés); pass list(d.values()) for its texts."
        )
    if resumes is None or not isinstance(resumes, Iterable):
        got = "None" if resumes is None else type(resumes).__name__
        raise TypeError(f"{where} Got {got} instead.")
    return [
        as_resume(x, i, f"item {i} of the 'resumes' parameter of Matcher.{method}")
        for i, x in enumerate(resumes, start=1)
    ]


def as_resume(x: Any, position: int, where: str) -> Resume:
    """One résumé as a Resume record: ``position`` (1-based) labels a text, ``where``
    names the argument in errors.

    Raises
    ------
    TypeError
        ``x`` is neither a Resume nor a str, or it is a str naming an existing path.
    """
    if isinstance(x, Resume):
        return _completed(x)
    what = where[:1].upper() + where[1:]
    if isinstance(x, str):
        if _names_a_path(x):
            how = (
                "read the folder with rolematch.score_paths(path)"
                if os.path.isdir(x)
                else "read the file with rolematch.read_resume(path) and pass the Resume"
            )
            raise TypeError(
                f"{what} names an existing file or folder ({_short(x)}); a str is résumé "
                f"text, not a path: {how}."
            )
        from rolematch.sections import resume_from_text

        return resume_from_text(x, f"<text {position}>")
    hint = f": {_READ_BYTES}" if isinstance(x, bytes | bytearray | memoryview) else ""
    raise TypeError(
        f"{what} must be a Resume (see rolematch.read_resume) or résumé text (str). "
        f"Got {type(x).__name__} instead{hint}."
    )


def _names_a_path(text: str) -> bool:
    if "\n" in text or not text.strip() or len(text) >= _MAX_PATH_CHARS:
        return False
    try:
        return os.path.exists(text)
    except (OSError, ValueError):  # a NUL byte, a name too long for the system
        return False


def _completed(doc: Resume) -> Resume:
    """A hand-built Resume with its sentences (and language) derived from its text."""
    if not doc.ok or doc.sentences:
        return doc
    if not doc.text.strip():
        return dataclasses.replace(doc, status="empty", reason="no text")
    from rolematch.sections import resume_from_text

    derived = resume_from_text(doc.text, doc.source, redact=False)
    if not derived.sentences:  # nothing to split: the record stays as it was made
        return doc
    return dataclasses.replace(
        doc,
        sentences=derived.sentences,
        sections=doc.sections or derived.sections,
        meta={**derived.meta, **doc.meta},
    )


def _n(count: int, word: str) -> str:
    """``count`` and ``word``, plural unless one: ``_n(1, "text")`` is ``'1 text'``."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def _short(x: str | bytes, n: int = 40) -> str:
    return repr(x if len(x) <= n else x[:n]) + ("" if len(x) <= n else "…")


def check_encoder(encoder: Any) -> None:
    """A ``TypeError`` unless ``encoder`` is ``None`` or has an ``encode`` method.

    Examples
    --------
    >>> check_encoder("static-zh")
    Traceback (most recent call last):
    ...
    TypeError: The 'encoder' parameter of Matcher must be an Encoder object (with
    encode(list[str]) -> ndarray) or None. Got the str 'static-zh' instead: pass
    model='static-zh' for a model by name.
    """
    if encoder is None or (
        not isinstance(encoder, str | bytes) and callable(getattr(encoder, "encode", None))
    ):
        return
    where = (
        "The 'encoder' parameter of Matcher must be an Encoder object "
        "(with encode(list[str]) -> ndarray) or None."
    )
    if isinstance(encoder, str):
        raise TypeError(
            f"{where} Got the str {encoder!r} instead: pass model={encoder!r} for a model by name."
        )
    raise TypeError(f"{where} Got {type(encoder).__name__} instead.")


def encoded(encoder: Any, texts: list[str], dim: int | None = None) -> np.ndarray:
    """``encoder.encode(texts)`` checked: float32, one finite row per text (of ``dim``
    columns when given), each of unit length or zero.

    Rows already of unit length (within 1e-3, as every bundled model gives them) are
    kept bit for bit; others are scaled to it, since every score takes their dot
    products as cosines.

    Raises
    ------
    ValueError
        The output is not a 2-D array of ``len(texts)`` finite rows; the message names
        the encoder's class.
    """
    name = f"{type(encoder).__name__}.encode"
    raw = encoder.encode(texts)
    try:
        out = np.asarray(raw, dtype=np.float32)
    except (TypeError, ValueError) as e:  # ragged rows, strings, None
        raise ValueError(
            f"{name} must return a 2-D float array; got {type(raw).__name__}: {e}"
        ) from e
    if out.ndim != 2:
        raise ValueError(
            f"{name} must return a 2-D array (one row per text) for {_n(len(texts), 'text')}; "
            f"got shape {out.shape}."
        )
    if out.shape[0] != len(texts):
        raise ValueError(f"{name} returned {_n(out.shape[0], 'row')} for {_n(len(texts), 'text')}.")
    if dim is not None and out.shape[1] != dim:
        raise ValueError(
            f"{name} returned rows of {_n(out.shape[1], 'value')}; the roles were encoded "
            f"with {dim}."
        )
    finite = np.isfinite(out).all(axis=1)
    if not finite.all():
        bad = np.flatnonzero(~finite)
        raise ValueError(
            f"{name} returned {_n(len(bad), 'row')} (of {len(texts)}) that "
            f"{'is' if len(bad) == 1 else 'are'} not finite "
            f"(NaN or inf), e.g. for {texts[int(bad[0])][:40]!r}."
        )
    norms = np.linalg.norm(out, axis=1)
    off = (np.abs(norms - 1.0) > 1e-3) & (norms > 0)
    if off.any():
        out = out.copy()  # not the encoder's own array
        out[off] /= norms[off, None]
    return out
