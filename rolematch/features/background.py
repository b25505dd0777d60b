"""Genre background: how rare a term is across job postings and résumés of many professions.

``data/background/genre_df.tsv`` holds, for every term of a fixed corpus of synthetic
postings and résumé paragraphs (``data/background/corpus/``, ~50 professions), the number
of documents that contain it; ``scripts/build_background.py`` derives it with the default
:class:`~rolematch.tokenize.JiebaTokenizer`. Words that every profession's postings use
(负责, 熟悉, 项目, 沟通, 本科, 经验) get a genre idf near 0; words of one trade (坐席,
银联, 反洗钱) near 1. The background is fixed, so a role's term weights do not depend on
which other roles are loaded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from rolematch._resources import data_dir

__all__ = [
    "Background",
    "corpus_documents",
    "corpus_files",
    "genre_idf",
    "load_background",
    "reference_duties",
    "reference_resumes",
]

_DOCUMENTS = re.compile(r"\bdocuments=(\d+)\b")


class Background(NamedTuple):
    """The genre background: corpus size and document frequency of each term."""

    n_documents: int
    df: Mapping[str, int]


def _default_path() -> Path:
    return data_dir() / "background" / "genre_df.tsv"


@lru_cache(maxsize=4)
def _load(path: str) -> Background:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    m = _DOCUMENTS.search(lines[0]) if lines and lines[0].startswith("#") else None
    if m is None:
        raise ValueError(
            f"The genre background {path} must start with a '# …documents=N…' header line. "
            f"Got {lines[0][:80] if lines else ''!r} instead."
        )
    df: dict[str, int] = {}
    for lineno, line in enumerate(lines[1:], start=2):
        term, sep, count = line.partition("\t")
        if not sep or not count.isdigit():
            raise ValueError(
                f"Line {lineno} of the genre background {path} must be 'term<TAB>df'. "
                f"Got {line[:80]!r} instead."
            )
        df[term] = int(count)
    return Background(int(m.group(1)), MappingProxyType(df))


def load_background(path: str | Path | None = None) -> Background:
    """Read the genre background (once per process and path).

    Parameters
    ----------
    path : path, optional
        A ``genre_df.tsv``; default ``data/background/genre_df.tsv``.

    Returns
    -------
    Background
        ``(n_documents, df)``: the number of corpus documents and a read-only mapping
        term -> number of documents containing it.

    Raises
    ------
    ValueError
        If the file has no ``documents=N`` header line or a malformed row.

    Examples
    --------
    >>> n, df = load_background()
    >>> n > 200, df["负责"] > n // 2, df.get("坐席", 0) < n // 50
    (True, True, True)
    """
    return _load(str(Path(path) if path is not None else _default_path()))


def genre_idf(terms: Sequence[str], *, path: str | Path | None = None) -> np.ndarray:
    """Genre rarity of each term, in [0, 1] (1 = absent from the background corpus).

    Smoothed idf ``ln((1 + N) / (1 + df))`` over the background's ``N`` documents,
    divided by ``ln(1 + N)``, its value for a term in no document.

    Parameters
    ----------
    terms : sequence of str
        Tokens as :class:`~rolematch.tokenize.JiebaTokenizer` produces them
        (canonical synonyms, ASCII lower-cased).
    path : path, optional
        A ``genre_df.tsv``; default the bundled background.

    Returns
    -------
    ndarray of float64, shape (len(terms),)

    Examples
    --------
    >>> w = genre_idf(["负责", "熟练掌握", "坐席", "银联", "不在语料里的词"])
    >>> bool(w[0] < w[1] < 0.3 < 0.7 < w[2] <= w[3] <= w[4] == 1.0)
    True
    >>> genre_idf([]).shape
    (0,)
    """
    n, df = load_background(path)
    counts = np.array([df.get(t, 0) for t in terms], dtype=np.float64)
    return np.asarray(np.log((1.0 + n) / (1.0 + counts)) / math.log(1.0 + n))


_DUTY_HEADING = re.compile(
    r"^\s*(岗位职责|工作职责|工作内容|职位描述|主要职责|岗位描述|职责描述|Responsibilities)"
)
_OTHER_HEADING = re.compile(
    r"^\s*(任职要求|任职资格|岗位要求|职位要求|应聘条件|资格要求|基本要求|加分项|Requirements)"
)
_BULLET = re.compile(r"^\s*(\d+[.、)]|[-•*·])\s*")


@lru_cache(maxsize=4)
def reference_duties(n: int = 200, language: str = "zh") -> tuple[str, ...]:
    """Duty lines of the background postings: a fixed, role-independent reference.

    A résumé's best cosines to these duties of many professions are its baseline
    (:func:`rolematch.scoring.resume_baseline`). Every ``k``-th duty line of the
    corpus, in file order, so the choice is deterministic and spans the professions.
    ``language="en"``: the English postings of ``corpus_en/`` (the same professions),
    the baseline of duties written in English (not part of the genre table).

    Examples
    --------
    >>> d = reference_duties(50)
    >>> len(d), all(len(x) >= 6 for x in d)
    (50, True)
    >>> reference_duties(50, "en")[0].split()[0]
    'Develop'
    """
    if language not in ("zh", "en"):
        raise ValueError(
            f"The 'language' parameter must be 'zh' or 'en'. Got {language!r} instead."
        )
    folder = "corpus" if language == "zh" else "corpus_en"
    corpus = data_dir() / "background" / folder / "postings"
    lines: list[str] = []
    for path in sorted(corpus.glob("*.txt")):
        in_duties = False
        for raw in path.read_text(encoding="utf-8").splitlines():
            if raw.strip() == "---" or _OTHER_HEADING.match(raw):
                in_duties = False
            elif _DUTY_HEADING.match(raw):
                in_duties = True
            elif in_duties and raw.strip():
                text = _BULLET.sub("", raw).strip()
                if len(text) >= 6:
                    lines.append(text)
    if len(lines) < 2 * n:  # every k-th would be the first n: spread them instead
        return tuple(lines[i * len(lines) // n] for i in range(min(n, len(lines))))
    step = len(lines) // n
    return tuple(lines[::step][:n])


def _corpus(corpus: str | Path | None) -> Path:
    return Path(corpus) if corpus is not None else data_dir() / "background" / "corpus"


def corpus_files(corpus: str | Path | None = None) -> list[Path]:
    """The corpus text files (``**/*.txt``), in a fixed order: relative POSIX path."""
    root = _corpus(corpus)
    files = [p for p in root.rglob("*.txt") if p.is_file()]
    if not files:
        raise FileNotFoundError(f"The corpus folder {root} must hold *.txt files. Found none.")
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def corpus_documents(corpus: str | Path | None = None) -> list[tuple[str, str]]:
    """``(doc_id, text)`` for every non-empty document of the corpus (documents are
    separated by a line ``---``); ``doc_id`` is ``file#k`` (``resumes/x.txt#2``)."""
    root = _corpus(corpus)
    docs: list[tuple[str, str]] = []
    for path in corpus_files(root):
        rel = path.relative_to(root).as_posix()
        chunk: list[str] = []
        k = 0
        for line in [*path.read_text(encoding="utf-8").splitlines(), "---"]:
            if line.strip() != "---":
                chunk.append(line)
                continue
            text = "\n".join(chunk).strip()
            if text:
                k += 1
                docs.append((f"{rel}#{k}", text))
            chunk = []
    return docs


@lru_cache(maxsize=1)
def reference_resumes() -> tuple[str, ...]:
    """The background's résumé documents: paragraphs of many professions' CVs.

    What a role's vocabulary takes from any résumé by chance is measured on them (its
    null focus, :func:`rolematch.scoring.chance_corrected`): a role of 270 terms holds
    more of an unrelated CV's words than one of 120.

    Examples
    --------
    >>> docs = reference_resumes()
    >>> len(docs) > 100, all(d.strip() == d and d for d in docs)
    (True, True)
    """
    return tuple(text for doc, text in corpus_documents() if doc.startswith("resumes/"))
