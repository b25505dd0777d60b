"""rolematch's own outputs left among the résumés: a report is no résumé.

The HTML report is told by its ``generator`` tag (:func:`rolematch.io._html.is_rolematch_report`);
the other outputs of ``rolematch score -o`` by their content here.
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["OVERVIEW_SHEET", "own_output"]

#: The first sheet of the workbook ``rolematch score -o report.xlsx`` writes
#: (:mod:`rolematch.excel`), which tells it from any other workbook.
OVERVIEW_SHEET = "总览 Overview"


def own_output(suffix: str, data: bytes) -> str:
    """Why a file named with ``suffix`` and holding ``data`` is no résumé, when it is a
    report ``rolematch score -o`` wrote; ``""`` for any other file.

    Recognised by content: a workbook whose sheets include the overview, a CSV whose
    header starts ``file,status,`` (the long and the wide tables), a JSONL file whose
    first record starts with those keys.

    Examples
    --------
    >>> own_output(".csv", "\\ufefffile,status,language,role_id\\n".encode("utf-8"))
    'a rolematch report (the .csv that rolematch score -o writes), not a résumé'
    >>> own_output(".csv", b"file,role_id,decision\\n"), own_output(".pdf", b"%PDF-1.7")
    ('', '')
    """
    suffix = suffix.lower()
    if suffix not in (".xlsx", ".csv", ".jsonl"):
        return ""
    try:
        if suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                found = f'name="{OVERVIEW_SHEET}"'.encode() in z.read("xl/workbook.xml")
        else:
            head = data[:4096].removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0]
            if suffix == ".csv":
                found = head.startswith(b"file,status,")
            else:
                found = head.startswith(b'{"file": ') and b', "status": ' in head
    except (KeyError, ValueError, zipfile.BadZipFile):
        return ""
    if not found:
        return ""
    return f"a rolematch report (the {suffix} that rolematch score -o writes), not a résumé"
