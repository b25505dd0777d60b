"""Score résumés on a Spark cluster: the same scores as the local engine, computed by
the executors.

``pip install 'rolematch[spark]'`` (pyspark is imported inside the functions only).

How it works
------------
:func:`score_files` lists résumé files with Spark's ``binaryFile`` source (any
Hadoop-compatible path or glob: local, ``hdfs://``, ``s3a://``), and
:func:`score_texts` takes résumé text already in a table. Both hand the rows to
``mapInPandas``: each Python worker builds and fits one
:class:`~rolematch.matcher.Matcher` the first time it sees a batch (roles and
matcher parameters reach it through a broadcast variable) and keeps it in a
module-level cache, keyed by a fingerprint of the roles and parameters, for every
later batch and task that the same worker runs (Spark reuses its Python workers).
Files are read and scored in chunks of :data:`CHUNK` through the public
:meth:`Matcher.score_table <rolematch.matcher.Matcher.score_table>`, so a result
row is exactly what the local engine computes. One bad file never fails a task: a
file that cannot be read is one row with its status and reason, and a chunk whose
scoring raises is scored again file by file, a file that still fails getting
status ``error``. Nothing about the résumés is collected to the driver.

Ranks: ``role_rank`` (1 = the file's best role) is computed in the worker, where
all of a file's roles are together (the same stable ordering as the local engine:
ties keep role order), which saves a shuffle; ``resume_rank`` (1 = the role's best
file in the whole batch) by a window over each role, ties in file order (the
order of the listed paths, compared folder by folder as :class:`pathlib.Path`
compares them, or the order of ``names``).

Cascade (``rerank=K``): ``static-zh`` scores every file; each role's top ``K`` and
any file within ``margin`` of a role's ``K``-th score are re-scored with the
full model; every other file keeps its ``static-zh`` scores (and says so in
``warnings``), and ranks below the re-scored files in every role.
"""

from __future__ import annotations

from rolematch.spark.engine import cascade_candidates, score_files, score_texts
from rolematch.spark.worker import CASCADE_WARNING, COLUMNS

__all__ = ["CASCADE_WARNING", "COLUMNS", "cascade_candidates", "score_files", "score_texts"]
