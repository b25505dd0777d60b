"""Score folders of résumé files: files in, one record per file out, streamed.

A file that cannot be read, or whose reading, scoring or explaining fails, still gets
its record (status and reason); nothing in a batch raises for one bad file, and no file
can stall it for longer than its time limit.

The package, one job per module, in the order data flows:

* :mod:`~rolematch.batch.discover`: paths -> the sorted list of files, every one of
  which gets a record (non-documents, hidden and lock files in folders are skipped and counted);
* :mod:`~rolematch.batch.reader`: reading files in a child process under a time limit;
* :mod:`~rolematch.batch.runner`: one chunk of files read (through the extraction
  cache, :mod:`rolematch.cache`) and scored (:meth:`~rolematch.matcher.Matcher.score_table`)
  in one process, each file's faults isolated;
* :mod:`~rolematch.batch.pool`: the chunks run in this process or in a crash-isolating
  pool of worker processes (:func:`iter_results`);
* :mod:`~rolematch.batch.score`: the public :func:`score_paths`, which streams the
  results into one :class:`~rolematch.results.BatchResults` and ranks them once.

With ``cache=DIR``, extraction results are kept in ``DIR/extractions.sqlite`` keyed by the
SHA-256 of the file's bytes, the extractor version and the read options, and sentence
embeddings in ``DIR/embeddings.sqlite`` keyed by model id and sentence: a re-run over a
folder where a few files changed re-reads and re-encodes only those, and a re-run after a
role was edited re-scores every file without re-reading or re-encoding any of them.
"""

from __future__ import annotations

from rolematch.batch.discover import alias_note, collect_files, no_files_warning, skipped_note
from rolematch.batch.pool import (
    CHUNK,
    DEFAULT_FILE_TIMEOUT,
    MIN_FILES_PER_WORKER,
    BatchStats,
    default_workers,
    iter_results,
)
from rolematch.batch.score import score_paths

__all__ = [
    "CHUNK",
    "DEFAULT_FILE_TIMEOUT",
    "MIN_FILES_PER_WORKER",
    "BatchStats",
    "alias_note",
    "collect_files",
    "default_workers",
    "iter_results",
    "score_paths",
    "no_files_warning",
    "skipped_note",
]
