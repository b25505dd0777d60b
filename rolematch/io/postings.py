"""Job postings in the layouts people publish them in -> :class:`Posting` -> :class:`Role`.

This module parses: it sorts a posting's lines into duties (岗位职责、工作内容 …),
requirements (任职要求、岗位要求 …; 加分项 and lines ending in 优先 are marked
preferred) and dropped lines, each dropped line with the reason (company
introduction, pay and benefits, contact, web navigation …). Without headings, or
under one heading for both (职位描述及要求), each line is sorted by what it says:
doing (负责、参与 …) is a duty, having (…以上学历、熟悉 …) a requirement. One file
may hold several postings (岗位一：…, 职位二：…, Job 1: …, （一）风险管理岗, 2. 安全员（3名）,
1、支付产品经理 over its own 岗位职责, a bare title right above its 岗位职责, a table row
per post: :mod:`rolematch.io._posting_headings`; a headcount is no part of the title;
a job board's tags above the description are no title). Postings
in Traditional Chinese are matched against the same Simplified vocabulary and keep
their text; English ones have their own headings and words in the vocabulary.

The text comes from :mod:`rolematch.io.posting_sources` (``.txt``, ``.md``, ``.html``,
``.docx``, ``.pdf``) and :mod:`rolematch.io.posting_exports` (job-board exports
``.csv``/``.jsonl``/``.json``/``.xlsx``);
what one line is (heading, numbered item, title, noise) and the ids made from titles
(:func:`slug`) come from :mod:`rolematch.io.posting_lines`, by the vocabulary in
``data/lexicon/postings.yaml``; the line sorter itself and :class:`Posting` live in
:mod:`rolematch.io._posting_parser`.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from rolematch.documents import Role
from rolematch.exceptions import RoleSpecError
from rolematch.io._posting_common import spread_common_conditions
from rolematch.io._posting_parser import (
    BEFORE_HEADING,
    EMPLOYER,
    Dropped,
    Item,
    LineSorter,
    Posting,
)
from rolematch.io.posting_exports import export_jobs, sheet_lines
from rolematch.io.posting_lines import (
    Lexicon,
    board_id,
    clean_title,
    fold,
    load_lexicon,
    noise_reason,
    post_title_like,
    slug,
)
from rolematch.io.posting_sources import (
    EXPORT_SUFFIXES,
    POSTING_SUFFIXES,
    Line,
    document_lines,
    html_lines,
    numbered_lines,
)
from rolematch.io.roles import ROLE_ID, RoleFileWarning
from rolematch.text import title_note

__all__ = [
    "EXPORT_SUFFIXES",
    "POSTING_SUFFIXES",
    "Dropped",
    "Item",
    "Posting",
    "assign_ids",
    "board_id",
    "html_lines",
    "parse_posting_text",
    "read_postings",
    "report",
    "roles_from_postings",
    "roles_from_text",
    "slug",
]


# ---------------------------------------------------------------------------
# the parser
def parse_posting_text(
    text: str | Sequence[Line],
    *,
    source: str = "",
    title: str | None = None,
    lexicon: str | Path | None = None,
) -> list[Posting]:
    """Split a text into postings and sort each posting's lines.

    Parameters
    ----------
    text : str
        The posting text (markdown marks are understood).
    source : str
        File name for reports and errors.
    title : str, optional
        The title when it is known from elsewhere (an export's title field); the
        whole text is then one posting. Without it, a notice's conditions for every
        post (二、基本条件) go to each of its posts.
    lexicon : path, optional
        Another vocabulary file in the format of ``data/lexicon/postings.yaml``.

    Returns
    -------
    list of Posting
        Ids made from the titles (:func:`read_postings` makes them unique across
        files).

    Examples
    --------
    >>> p = parse_posting_text('''招聘岗位：Java后端开发工程师
    ... 工作职责：
    ... 1. 负责交易系统后端服务开发；
    ... 2. 参与系统架构设计
    ... 任职资格：本科及以上学历；3年以上Java开发经验
    ... 加分项：有金融行业经验
    ... 薪资：15k-25k''')[0]
    >>> p.title, [d.text for d in p.duties]
    ('Java后端开发工程师', ['负责交易系统后端服务开发；', '参与系统架构设计'])
    >>> [(r.text, r.preferred) for r in p.requirements]
    [('本科及以上学历', False), ('3年以上Java开发经验', False), ('有金融行业经验', True)]
    >>> [(d.text, d.reason) for d in p.dropped]
    [('薪资：15k-25k', 'pay and benefits')]
    """
    lex = load_lexicon(None if lexicon is None else str(lexicon))
    lines = numbered_lines(text) if isinstance(text, str) else list(text)
    postings = LineSorter(lex, source, title).run(lines)
    resume = _resume_headings(lines)
    for p in postings:
        if not p.title and (first := _first_line_title(p, lex)):
            p.title, p.line = clean_title(first.text), first.line
            p.dropped.remove(first)
        bare, note, department = title_note(p.title)
        if department and not p.department:  # 合规风控岗（合规管理部）
            p.department = note
        p.id = slug(bare if department else p.title) if p.title else ""
        if resume:
            p.warnings.append(f"{_RESUME} ({'、'.join(resume)}), not a job posting")
        if not p.title and (n := _sections(p)) > 1:
            p.warnings.append(_SEVERAL.format(n=n))
    return postings if title is not None else spread_common_conditions(postings)


_SEVERAL_MARK = "岗位职责/任职要求 sections in one untitled posting"
_SEVERAL = (
    "{n} " + _SEVERAL_MARK + ": are these several posts? Put each post's title on the line "
    "above its 岗位职责 (岗位一：… or 岗位名称：…) to import them as {n} roles"
)


def _sections(post: Posting) -> int:
    """How many duty-then-requirement sections a posting holds, in line order: more
    than one in an untitled posting is several posts whose titles went unread."""
    if not post.headed:
        return 1
    kinds = [
        k
        for _, k in sorted(
            [(d.line, 0) for d in post.duties] + [(r.line, 1) for r in post.requirements]
        )
    ]
    return 1 + sum(a == 1 and b == 0 for a, b in zip(kinds, kinds[1:], strict=False))


#: what no title holds: an announcement's 招聘/急聘, a year (2024年社会招聘)
_NO_TITLE = re.compile(r"[招聘]|(?:19|20)\d\d")


def _first_line_title(post: Posting, lex: Lexicon) -> Dropped | None:
    """A title without a title word (HRBP, 人力资源业务伙伴, PMC) on the posting's first
    kept line, above its duties: a job board's layout, where the title is the first
    line and no 岗位名称 label says so. Left out, the title would be the file's name."""
    items = [i.line for i in (*post.duties, *post.requirements)]
    first = min(post.dropped, key=lambda d: d.line, default=None)
    if first is None or first.reason != BEFORE_HEADING or first.line > min(items, default=0):
        return None
    text = fold(first.text)
    if EMPLOYER.search(text) or _NO_TITLE.search(text):  # 某某公司, 急聘
        return None
    return first if post.headed and post_title_like(first.text, lex) else None


def _title_named_file(stem: str, lexicon: str | Path | None) -> bool:
    """Whether a file's name reads as the title of the posting it holds (门店店长.htm),
    not as a name the file was given (p8_hrbp_boss.txt, 招聘信息.docx)."""
    lex = load_lexicon(None if lexicon is None else str(lexicon))
    return (
        re.search(r"[\u4e00-\u9fff]", stem) is not None
        and re.search(r"[0-9_]", stem) is None  # p8_hrbp, 2024
        and _NO_TITLE.search(stem) is None
        and post_title_like(stem, lex)
    )


_RESUME = "the text reads like a résumé"
_UNTITLED = (
    "no title line: titled with the file's name ({stem}); to title it otherwise, put the "
    "title on the posting's first line or after 岗位名称："
)

#: a line that starts with a period of someone's career: 2017年3月—至今, 2012-2016
_PERIOD = re.compile(r"^\d{4}\s*(?:[年./-]\s*\d{1,2}\s*月?)?\s*[-—–~至]")


def _resume_headings(lines: Sequence[Line]) -> list[str]:
    """The résumé section headings (工作经历, 教育背景 …) of a text that reads like a
    résumé given where a posting was expected (``--roles`` naming the wrong folder):
    three kinds of them, or two and lines that start with periods (2017年3月—至今). A
    posting names one at most (a 工作经历 requirement)."""
    from rolematch.sections import detect_heading
    from rolematch.text import normalize_line

    found: dict[str, str] = {}
    periods = 0
    for ln in lines:
        text = ln.text.strip()
        periods += bool(_PERIOD.match(text))
        if 2 <= len(text) <= 12 and (head := detect_heading(normalize_line(text))):
            found.setdefault(head[0], text.rstrip(":："))
    resume = len(found) >= 3 or (len(found) == 2 and periods >= 2)
    return list(found.values()) if resume else []


def _export_postings(
    path: Path,
    title_field: str | None,
    text_field: str | None,
    id_field: str | None,
    lexicon: str | Path | None,
) -> list[Posting]:
    postings = []
    lex = None if lexicon is None else str(lexicon)
    try:
        jobs = list(export_jobs(path, title_field, text_field, id_field, lex))
    except RoleSpecError as e:
        no_field = e.field == "title_field" or (e.field == "text_field" and not text_field)
        if not no_field or title_field or path.suffix.lower() != ".xlsx":
            raise
        # a workbook that is no table of posts (a sheet per post, one item a row, or a
        # form of labels and values): each sheet read as a document
        sheets = [
            post
            for lines in sheet_lines(path)
            for post in parse_posting_text(lines, source=str(path), lexicon=lexicon)
        ]
        if not any(p.duties or p.requirements for p in sheets):
            raise
        return sheets
    vocab = load_lexicon(lex)
    for job in jobs:
        # keep the file's own numbering: line n of the record's text is reported as row:n
        found = parse_posting_text(
            job.lines, source=f"{path}:{job.no}", title=job.title, lexicon=lexicon
        )
        p = found[0]
        if len(found) > 1:  # an export record is one posting
            for extra in found[1:]:
                p.duties += extra.duties
                p.requirements += extra.requirements
                p.dropped += extra.dropped
                p.headings += extra.headings
        p.title, p.line = job.title, job.no
        p.department = job.department or p.department
        # a column no field reads (工作地点, 招聘人数): said as a dropped line is
        p.dropped += [
            Dropped(job.no, text, noise_reason(text, vocab) or "a column no field reads")
            for text in (f"{name}：{value}" for name, value in job.unread)
        ]
        if job.id:
            p.id = job.id  # as the board wrote it; the role's id is board_id(job.id)
        postings.append(p)
    return postings


def read_postings(
    paths: str | Path | Iterable[str | Path],
    *,
    ids: Sequence[str] | None = None,
    title_field: str | None = None,
    text_field: str | None = None,
    id_field: str | None = None,
    lexicon: str | Path | None = None,
) -> list[Posting]:
    """Read postings from files or folders of them, in file-name order.

    Parameters
    ----------
    paths : path or list of paths
        Posting files (``.txt``, ``.md``, ``.html``, ``.htm``, ``.docx``, ``.pdf``,
        ``.csv``, ``.jsonl``, ``.json``) or folders holding them.
    ids : list of str, optional
        Role ids, one per posting in reading order; default: made from the titles.
    title_field, text_field, id_field : str, optional
        Field names of job-board exports (several text fields: comma-separated,
        each one block in that order: the first the duties and the second the
        requirements, unless a field is named as a section or has headings of its
        own). Default: the first present of ``title``, ``job_title``, ``职位名称`` …
        and ``text``, ``description``, ``职位描述`` …. Ids in the id field (default: a
        record's ``id``, where it has one) are made role ids by :func:`board_id`
        (``J1001`` -> ``j1001``). A field holding a JSON list is one line an item.
    lexicon : path, optional
        Another vocabulary file (``data/lexicon/postings.yaml`` format).

    Returns
    -------
    list of Posting
        With ids set (unique, ASCII).

    Raises
    ------
    RoleSpecError
        An unreadable file, an export record without the mapped fields (the error
        names the file, line and field), a posting with no duty or requirement, or
        ids that do not fit.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in POSTING_SUFFIXES)
            if not found:
                raise RoleSpecError(
                    f"no posting files ({', '.join(POSTING_SUFFIXES)}) in this folder", path=p
                )
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in POSTING_SUFFIXES:
                raise RoleSpecError(
                    f"unsupported posting file type {p.suffix!r}; expected one of "
                    f"{list(POSTING_SUFFIXES)}",
                    path=p,
                )
            files.append(p)
        else:
            if "\n" in str(p):  # a posting's text given for its file
                raise RoleSpecError(
                    "this is a posting's text, not a file; roles_from_text(text) reads it",
                    path=str(p).splitlines()[0][:40] + " …",
                )
            raise RoleSpecError("no such file or folder", path=p)
    postings: list[Posting] = []
    skipped: list[RoleSpecError] = []
    failed: RoleSpecError | None = None  # an export's error, after the résumé check below
    untitled: list[str] = []  # warned after it too: a résumé folder is one error, not 30
    read = 0  # files that held postings
    for f in files:
        got: list[Posting]
        if f.suffix.lower() in EXPORT_SUFFIXES:
            try:
                got = _export_postings(f, title_field, text_field, id_field, lexicon)
            except RoleSpecError as error:  # a résumé folder's labels.json: say it is résumés
                failed = failed or error
                continue
            for post in got:
                if not (post.duties or post.requirements):
                    raise _nothing_found(post, f)
        else:
            got, why = _document_postings(document_lines(f), f, lexicon)
            if why is not None:
                skipped.append(why)  # a résumé, notes: no posting, said once below
                continue
            for post in got:
                if not post.title:
                    post.title = f.stem
                    several = [w for w in post.warnings if _SEVERAL_MARK in w]
                    if not _title_named_file(f.stem, lexicon):  # p8_hrbp_boss, posting
                        post.warnings.append(_UNTITLED.format(stem=f.stem))
                        several.append(post.warnings[-1])
                    untitled += [f"{f}: {w}" for w in several]
        postings.extend(got)
        read += 1
    resumes = [e for e in skipped if str(e).find(_RESUME) >= 0]
    if failed is not None and len(resumes) <= max(read, 1):
        raise failed
    if skipped and not postings:
        raise skipped[0]
    if len(resumes) > max(read, 1):
        # a folder of résumés given for the roles: a short one that reads as a posting
        # would be the one role every résumé is ranked against
        raise RoleSpecError(
            f"{len(resumes)} of {len(resumes) + read} files read like résumés, not job "
            f"postings (e.g. {resumes[0].path}): roles come from postings or role files; "
            "the résumés are what score reads",
            path=parents.pop() if len(parents := {f.parent for f in files}) == 1 else None,
        )
    for note in untitled:
        warnings.warn(note, RoleFileWarning, stacklevel=2)
    for e in skipped:  # a file among the postings that is none: as load_roles does
        warnings.warn(f"{e.path}: skipped: {_why(e)}", RoleFileWarning, stacklevel=2)
    assign_ids(postings, ids)
    return postings


def _document_postings(
    text: str | Sequence[Line], path: Path, lexicon: str | Path | None
) -> tuple[list[Posting], RoleSpecError | None]:
    """The postings of one document (a file's or a text's), each with a duty or a
    requirement, or none and why when it holds none (a résumé, notes). Raises for a
    posting with neither duty nor requirement beside others that have them."""
    got = parse_posting_text(text, source=str(path), lexicon=lexicon)
    if why := _not_a_posting(got, path):
        return [], why
    for post in got:
        if not (post.duties or post.requirements):
            raise _nothing_found(post, path)
    return got, None


def _nothing_found(post: Posting, f: Path) -> RoleSpecError:
    # point at the text below the title, which is what went unread
    body = next((d.line for d in post.dropped if d.line > post.line), post.line)
    return RoleSpecError(
        f"line {body}: no duty or requirement found in posting {post.title or f.stem!r}; "
        "put the duties under a 岗位职责 heading and the requirements under 任职要求",
        path=post.source or f,
        field="requirements",
    )


def _not_a_posting(got: Sequence[Posting], f: Path) -> RoleSpecError | None:
    """Why a document is no job posting, or None: it reads like a résumé, or nothing
    in it is one — no duty or requirement found, or a line or two that read as duties
    with no 岗位职责 heading, no requirement and no title over them (a notes file)."""
    if any(w.startswith(_RESUME) for p in got for w in p.warnings):
        return RoleSpecError(next(w for w in got[0].warnings if w.startswith(_RESUME)), path=f)
    if all(not (p.duties or p.requirements) for p in got):
        return _nothing_found(got[0], f)
    if any(p.headed or (p.duties and p.requirements) for p in got):
        return None
    if any(p.title and len(p.duties) + len(p.requirements) >= 2 for p in got):
        return None  # 司机 over a numbered list of duties
    return RoleSpecError(
        "not a job posting: no 岗位职责 or 任职要求 heading, no requirement and no title; "
        f"{len(got[0].duties)} line(s) that read as duties",
        path=f,
    )


def _why(e: RoleSpecError) -> str:
    text = str(e)
    return text.removeprefix(f"{e.path}: ") if e.path is not None else text


def assign_ids(postings: Sequence[Posting], ids: Sequence[str] | None = None) -> None:
    """Set ids: the given ones in order, exactly as given (each a role id, no two the
    same: a later ``--role`` names them), else ones made from the titles, made unique."""
    if ids is not None:
        if len(ids) != len(postings):
            titles = ", ".join(p.title for p in postings)
            raise RoleSpecError(
                f"{len(ids)} ids given for {len(postings)} postings ({titles}); give one "
                "id per posting, in this order",
                field="id",
            )
        bad = [i for i in ids if not ROLE_ID.match(str(i))]
        if bad:
            raise RoleSpecError(
                f"ids must be lower-case ASCII letters, digits, '-' and '_', starting with "
                f"a letter or digit (as role files need). Got {bad} instead.",
                field="id",
            )
        twice = sorted({i for i in ids if list(ids).count(i) > 1})
        if twice:
            raise RoleSpecError(f"each posting needs its own id; given twice: {twice}", field="id")
        for p, i in zip(postings, ids, strict=True):
            p.id = i
    seen: dict[str, int] = {}
    for p in postings:
        base = p.id or slug(p.title)
        n = seen.get(base, 0) + 1
        seen[base] = n
        p.id = base if n == 1 else f"{base}-{n}"
    ids_now = [p.id for p in postings]
    dup = sorted({i for i in ids_now if ids_now.count(i) > 1})
    if dup:
        raise RoleSpecError(f"duplicate ids {dup}", field="id")


def roles_from_postings(postings: Sequence[Posting]) -> list[Role]:
    """Each posting's :class:`Role`, validated."""
    return [p.to_role() for p in postings]


def roles_from_text(
    text: str,
    *,
    source: str = "<text>",
    ids: Sequence[str] | None = None,
    lexicon: str | Path | None = None,
) -> list[Role]:
    """Roles from the text of one or more postings (an HR database's field, a form),
    read as :func:`read_postings` reads a ``.txt`` posting.

    Parameters
    ----------
    text : str
        The postings' text, in any layout a ``.txt`` posting may have.
    source : str, default "<text>"
        What errors and the roles' ``source`` call it.
    ids, lexicon
        As :func:`read_postings`'s.

    Raises
    ------
    RoleSpecError
        The text reads like a résumé, holds no duty or requirement, or names no title
        (the message says which, with the line).
    TypeError
        ``text`` is not a str.

    Examples
    --------
    >>> text = "岗位名称：客服主管\\n岗位职责：\\n1. 负责坐席排班和质检\\n任职要求：\\n1. 本科"
    >>> [(r.id, r.title, r.duties) for r in roles_from_text(text)]
    [('customer-service-lead', '客服主管', ('负责坐席排班和质检',))]
    """
    if not isinstance(text, str):
        raise TypeError(
            "The 'text' parameter of roles_from_text must be a str (read a file with "
            f"read_postings). Got {type(text).__name__} instead."
        )
    got, why = _document_postings(text, Path(source), lexicon)
    if why is not None:
        raise why
    for post in got:
        if not post.title:
            raise RoleSpecError(
                f"line {post.line}: no title; start the posting with its title or 岗位名称：…"
                + "".join(f" ({w})" for w in post.warnings if _SEVERAL_MARK in w),
                path=source,
                field="title",
            )
    assign_ids(got, ids)
    return roles_from_postings(got)


def report(postings: Sequence[Posting]) -> str:
    """The dry-run report of several postings."""
    return "\n\n".join(p.report() for p in postings)
