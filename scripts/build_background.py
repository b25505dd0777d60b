"""Build the genre background: document frequencies of terms in job postings and résumés.

The corpus (``data/background/corpus/**/*.txt``, written for rolematch) holds synthetic
Chinese job postings and résumé paragraphs of many professions; documents are separated by
a line ``---``. Every document is tokenised with rolematch's
:class:`~rolematch.tokenize.JiebaTokenizer` with its default domain lexicon and synonym
table, as the scorer tokenises roles and résumés (Traditional -> Simplified, synonyms to
their canonical term, no HMM, single characters and bare numbers dropped, ASCII
lower-cased), but with NO stop words: the background also counts 负责, 熟悉, 团队, 经验,
so it does not change when the stop-word list does, and a word taken off that list still
gets its (tiny) genre weight. The number of documents that contain each term is written to
``data/background/genre_df.tsv``::

    # rolematch genre background: corpus_sha256=… documents=N tokenizer=… …
    term<TAB>df            (one line per term with df >= 1, sorted by term)

The output is deterministic: the same corpus, lexicon and jieba give the same bytes.

Run::

    python scripts/build_background.py           # rebuild the TSV
    python scripts/build_background.py --check   # exit 1 if the TSV is stale
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from rolematch.features.background import corpus_documents, corpus_files

ROOT = Path(__file__).resolve().parent.parent
BACKGROUND = ROOT / "data" / "background"
CORPUS = BACKGROUND / "corpus"
OUT = BACKGROUND / "genre_df.tsv"
HEADER = "# rolematch genre background:"


def corpus_sha256(corpus: Path = CORPUS) -> str:
    """SHA-256 over the corpus files' relative paths and bytes, in :func:`corpus_files` order."""
    h = hashlib.sha256()
    for path in corpus_files(corpus):
        h.update(path.relative_to(corpus).as_posix().encode("utf-8") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def tokenizer_fingerprint() -> str:
    """jieba's version and a hash of the lexicon files the background tokenizer reads."""
    import jieba

    from rolematch._resources import data_dir

    h = hashlib.sha256()
    lex = data_dir() / "lexicon"
    for name in ("domain.txt", "synonyms.yaml"):
        h.update(name.encode() + b"\0" + (lex / name).read_bytes() + b"\0")
    return f"jieba-{jieba.__version__}+lexicon-{h.hexdigest()[:16]}"


def document_frequencies(
    docs: Sequence[tuple[str, str]], tokenizer: Callable[[str], list[str]]
) -> Counter[str]:
    """Number of documents each token occurs in."""
    df: Counter[str] = Counter()
    for _, text in docs:
        df.update(set(tokenizer(text)))
    return df


def render(corpus: Path = CORPUS) -> str:
    """The full text of ``genre_df.tsv`` for ``corpus``."""
    from rolematch.tokenize import JiebaTokenizer

    docs = corpus_documents(corpus)
    df = document_frequencies(docs, JiebaTokenizer(stopwords=()))
    header = (
        f"{HEADER} corpus_sha256={corpus_sha256(corpus)} documents={len(docs)} "
        f"tokenizer={tokenizer_fingerprint()} built by scripts/build_background.py"
    )
    rows = [f"{term}\t{n}" for term, n in sorted(df.items()) if n >= 1]
    return "\n".join([header, *rows]) + "\n"


def is_up_to_date(corpus: Path = CORPUS, out: Path = OUT) -> bool:
    """Whether ``out`` holds exactly what :func:`render` builds from ``corpus`` now."""
    if not out.is_file():
        return False
    return out.read_text(encoding="utf-8") == render(corpus)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder")
    ap.add_argument("--out", type=Path, default=OUT, help="TSV to write or check")
    ap.add_argument("--check", action="store_true", help="exit 1 if the TSV is stale")
    args = ap.parse_args(argv)
    text = render(args.corpus)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.is_file() else None
        if current != text:
            print(f"{args.out} is stale: run python scripts/build_background.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date", file=sys.stderr)
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8", newline="\n")
    n_docs = text.split("documents=", 1)[1].split()[0]
    print(f"wrote {args.out}: {n_docs} documents, {text.count(chr(10)) - 1} terms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
