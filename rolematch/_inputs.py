"""The ``resumes`` argument of :class:`~rolematch.matcher.Matcher`'s methods, checked and
made into :class:`~rolematch.documents.Resume` records.

What a caller may pass, and what is refused with a message naming the parameter:

* an iterable (list, tuple, generator, pandas Series) of ``Resume`` records and résumé
  texts; a text gets the label ``<text N>``, N its 1-based position in the input, so
  rows of a table of plain texts can be told apart;
* not a bare ``str`` (it would be one résumé per character), a mapping (it would be
  its keys) or ``None``;
* not a ``str`` item that names an existing file or folder and nothing else: a path
  given as text would be scored as the words of its file name. A real résumé text is
  never an existing path, so this refuses no résumé; ``read_resume`` reads the file;
* a ``Resume`` built by hand (``Resume("x", text)``) gets its sentences from its text
  as :func:`~rolematch.sections.resume_from_text` splits them (without redacting: the
  text is what the caller chose to score), and one whose text is blank is ``empty``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Mapping
from typing import Any

from rolematch.documents import Resume

__all__ = ["as_resume", "as_resumes"]

# a one-line text shorter than this may be a path (Windows' MAX_PATH is 260)
_MAX_PATH_CHARS = 260
_EXPECTED = "an iterable of Resume or résumé texts (str)"


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
    if isinstance(resumes, str | bytes):
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
    raise TypeError(
        f"{what} must be a Resume (see rolematch.read_resume) or résumé text (str). "
        f"Got {type(x).__name__} instead."
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


def _short(x: str | bytes, n: int = 40) -> str:
    return repr(x if len(x) <= n else x[:n]) + ("" if len(x) <= n else "…")
