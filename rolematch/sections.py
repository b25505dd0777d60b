"""Turn extracted page texts into a :class:`~rolematch.documents.Resume` (no I/O).

:func:`build_resume` is the one place where text becomes a résumé, whatever file it
came from:

1. every page is made valid Unicode (:func:`rolematch.text.make_valid`: surrogate
   pairs joined, lone surrogates replaced and counted in ``warnings`` as
   ``invalid_unicode: …``), then normalised (:func:`rolematch.text.normalize_text`);
2. each line is assigned a section: headings such as ``【工作经历】``,
   ``教育背景 Education``, ``3. 项目经验`` or ``自我评价：…`` switch to the canonical
   section (:data:`SECTIONS`); lines before the first heading are ``personal``
   when they hold personal data or open the résumé, otherwise ``other``;
3. personal data is found (:mod:`rolematch.pii`), kept in ``personal`` and, when
   ``redact`` is true, cut out of the text the scorer sees;
4. the text is split into sentences that keep their page and section; a stretch
   without sentence ends is cut into pieces of at most
   :data:`~rolematch.text.MAX_SENTENCE_CHARS` characters (at clause marks where it has
   any), which the sentence model reads whole (:func:`rolematch.text.split_sentences`);
5. its language is detected (:func:`rolematch.language.detect_language`:
   ``zh-Hans``, ``zh-Hant``, ``en`` or ``mixed``) and recorded in ``meta["language"]``.

Headings are recognised in Simplified and Traditional Chinese (a Traditional
heading is looked up after conversion: 工作經驗, 學歷, 專業證照, 自傳) and in
English (Work Experience, Education, Core Competencies, Professional Summary …).

A résumé with no text left is returned with status ``empty``, never as an empty
``ok`` résumé.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from rolematch._resources import data_dir, load_yaml
from rolematch.documents import Resume, Sentence
from rolematch.io._wraps import FOLIO_IN_TEXT, join_text_wraps
from rolematch.language import detect_language, has_traditional, to_simplified
from rolematch.pii import redact_lines
from rolematch.text import make_valid, normalize_line, normalize_text, split_sentences

__all__ = [
    "CLAIM_SECTIONS",
    "MAX_TEXT_CHARS",
    "MIN_EXPERIENCE_LETTERS",
    "SECTIONS",
    "build_resume",
    "claim_flags",
    "claims_only",
    "detect_heading",
    "experience_text",
    "is_heading_line",
    "resume_from_text",
]

#: Canonical section names.
SECTIONS: tuple[str, ...] = (
    "personal",
    "education",
    "work",
    "projects",
    "skills",
    "certificates",
    "summary",
    "other",
)

#: Sections where a résumé describes itself rather than its work (技能, 自我评价 …): what
#: it names only there counts as far as the rest of the résumé bears it out (the profile's
#: ``claims_share``), so pasting a post's words into a skills line makes no fit.
CLAIM_SECTIONS: tuple[str, ...] = ("skills", "summary")
#: ... when the rest holds at least this many letters (one work line has ~20): a form or
#: a one-line summary is all self-description, and is scored on it.
MIN_EXPERIENCE_LETTERS = 20

#: Where the heading words live: ``data/lexicon/headings.yaml`` maps each canonical
#: section to its headings (Simplified, regional and English).
HEADINGS_FILE = "headings.yaml"


@functools.cache
def headings() -> dict[str, tuple[str, ...]]:
    """Heading words per section, read once from ``data/lexicon/headings.yaml``.

    Matching ignores spaces, case and decoration, and a translation next to the
    Chinese ("教育背景 Education"). Traditional headings are looked up after
    conversion to Simplified, so only regional words need their converted form in
    the file (證照 -> 证照, 自傳 -> 自传).

    Raises
    ------
    ValueError
        If the file names a section that is not in :data:`SECTIONS`.

    Examples
    --------
    >>> "工作经历" in headings()["work"], list(headings()) == list(SECTIONS)
    (True, True)
    """
    path = data_dir() / "lexicon" / HEADINGS_FILE
    raw = load_yaml(path.read_text(encoding="utf-8"))
    unknown = sorted(set(raw) - set(SECTIONS))
    if unknown:
        raise ValueError(
            f"The sections of {path} must be among {list(SECTIONS)}. Got {unknown} instead."
        )
    return {section: tuple(str(w) for w in raw.get(section) or ()) for section in SECTIONS}


def _key(text: str) -> str:
    return re.sub(r"[\s:：|/_\-—–·.、&]+", "", text).lower()


@functools.cache
def _heading_keys() -> dict[str, str]:
    return {_key(h): section for section, hs in headings().items() for h in hs}


# Words that are also the labels of ordinary fields ("学历：本科", "工作经验：5年"):
# with a colon and a value after them they are not headings.
_NOT_INLINE = {_key(h) for h in ("学历", "工作", "项目", "经历", "教育", "工作经验", "简历")}
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\d{1,2}[、.)]|\(?[一二三四五六七八九十\d]{1,2}\))\s*"
)
_BRACKETED = re.compile(
    r"^[\[【〔「『<《(]\s*([^\]】〕」』>》)]{1,20}?)\s*[\]】〕」』>》)]\s*(.*)$"
)
_INLINE = re.compile(r"^([^:：]{1,12}?)\s*[:：]\s*(.+)$")
_CJK_RE = re.compile("[\u4e00-\u9fff]")
_COMBINED = re.compile(r"\s*(?:[/、&]|与|及|和)\s*")


def _lookup(words: str) -> str | None:
    if has_traditional(words):  # 工作經驗, 專業證照: look up the Simplified heading
        words = to_simplified(words)
    key = _key(words)
    section = _heading_keys().get(key)
    if section is None and _CJK_RE.search(key):
        # "教育背景 Education", "EDUCATION 教育背景": the Chinese decides
        key = re.sub(r"[a-z]+", "", key)  # not digits: "联系方式:138…" is a field
        section = _heading_keys().get(key)
    if section is None and _COMBINED.search(words):
        # "实习/项目经历", "技能与证书": the first part that is a heading decides
        for part in _COMBINED.split(words):
            section = _heading_keys().get(_key(part))
            if section:
                break
    return section


def detect_heading(line: str) -> tuple[str, str] | None:
    """Recognise a section heading at the start of a normalised line.

    Parameters
    ----------
    line : str
        One normalised line.

    Returns
    -------
    (section, rest) or None
        The canonical section and the text after the heading on the same line
        (``""`` for a heading on its own line); ``None`` if the line is no heading.

    Examples
    --------
    >>> detect_heading("【工作经历】")
    ('work', '')
    >>> detect_heading("教育背景 Education")
    ('education', '')
    >>> detect_heading("【证书】物流师(中级)")
    ('certificates', '物流师(中级)')
    >>> detect_heading("自我评价:一线出身,能扛压。")
    ('summary', '一线出身,能扛压。')
    >>> detect_heading("学历:本科") is None
    True
    >>> detect_heading("CORE COMPETENCIES"), detect_heading("專業證照")
    (('skills', ''), ('certificates', ''))
    """
    text = _NUMBERING.sub("", line.strip())
    m = _BRACKETED.match(text)
    if m:
        section = _lookup(m.group(1))
        if section:
            return section, m.group(2).strip()
    if len(text) <= (32 if text.isascii() else 24):
        section = _lookup(text.rstrip(":："))
        if section:
            return section, ""
    m = _INLINE.match(text)
    if m and _key(m.group(1)) not in _NOT_INLINE:
        section = _lookup(m.group(1))
        if section:
            return section, m.group(2).strip()
    return None


#: Lines longer than this are split (between sentences: see split_sentences) before
#: sectioning: a file without line breaks (2 MB on one line) would otherwise cost
#: the line-by-line steps, redaction above all, time that grows with its square.
MAX_LINE_CHARS = 2000


def _split_long(line: str) -> list[str]:
    """``line``, or its pieces of at most :data:`MAX_LINE_CHARS` characters.

    Examples
    --------
    >>> [len(p) for p in _split_long("负责手机银行运营。" * 500)]
    [1998, 1998, 504]
    """
    if len(line) <= MAX_LINE_CHARS:
        return [line]
    parts: list[str] = []
    current = ""
    # split_sentences cuts a stretch without sentence ends to MAX_SENTENCE_CHARS, well
    # under a line
    for sentence in split_sentences(line):
        if current and len(current) + len(sentence) > MAX_LINE_CHARS:
            parts.append(current)
            current = ""
        space = current and current[-1].isascii() and sentence[0].isascii()
        current += f" {sentence}" if space else sentence
    if current:
        parts.append(current)
    return parts


def is_heading_line(text: str) -> bool:
    """Whether a raw laid-out line (not yet normalised) opens a section.

    The heading test the layout engine (:mod:`rolematch.io._layout`) is given, so
    that it never joins a wrapped line to a heading.

    Examples
    --------
    >>> is_heading_line("【 工作经历 】"), is_heading_line("负责手机银行运营")
    (True, False)
    """
    return detect_heading(normalize_line(text)) is not None


#: Characters of text a résumé is read to (~100 pages); the rest is left, with a warning.
#: A 20 MB text file took 104 s and 2.4 GB to segment and embed, near the time limit.
MAX_TEXT_CHARS = 200_000
#: Fewer letters than this (a one-line career summary has about 50) and a résumé's
#: scores rest on a few words: ``手机银行`` alone reads as a fit. Warned, not refused.
SHORT_TEXT_LETTERS = 30


def _within_limit(page_texts: Sequence[str]) -> tuple[list[str], int]:
    """The page texts cut to :data:`MAX_TEXT_CHARS` in all, and their full length."""
    out, left = [], MAX_TEXT_CHARS
    for text in page_texts:
        if left > 0:
            out.append(text[:left])
            left -= len(out[-1])
    return out, sum(map(len, page_texts))


def build_resume(
    source: str,
    page_texts: Sequence[str],
    *,
    warnings: Sequence[str] = (),
    meta: dict[str, Any] | None = None,
    redact: bool = True,
    paged: bool = True,
) -> Resume:
    """Normalise page texts into a résumé with sections, sentences and personal data.

    Parameters
    ----------
    source : str
        File path or label.
    page_texts : sequence of str
        Raw text per page (one item for files without pages).
    warnings : sequence of str
        Extraction warnings to carry.
    meta : dict, optional
        Extraction details to carry.
    redact : bool
        Cut personal data out of ``text``, ``sentences`` and ``sections`` (it is
        always reported in ``personal``).
    paged : bool
        Whether ``page_texts`` are real pages; if not, sentences get ``page=None``
        and ``pages`` is 0.

    Returns
    -------
    Resume
        Status ``ok``, or ``empty`` (reason ``"no text"``) when nothing is left.
        ``meta["language"]`` is the language of the text (``zh-Hans``, ``zh-Hant``,
        ``en`` or ``mixed``; see :func:`rolematch.language.detect_language`),
        unless ``meta`` already names one.

    Examples
    --------
    >>> page = "姓名:张伟 性别:男\\n【工作经历】\\n负责手机银行运营。熟悉反洗钱"
    >>> r = build_resume("cv.pdf", [page])
    >>> [(s.text, s.page, s.section) for s in r.sentences]
    [('负责手机银行运营。', 1, 'work'), ('熟悉反洗钱', 1, 'work')]
    >>> r.text
    '【工作经历】\\n负责手机银行运营。熟悉反洗钱'
    >>> r.personal
    {'name': '张伟', 'gender': '男'}
    >>> r.meta["language"]
    'zh-Hans'
    >>> build_resume("cv.txt", ["WORK EXPERIENCE\\nLed the contact centre team"]).meta
    {'language': 'en'}
    """
    pages: list[int | None] = []
    lines: list[str] = []
    invalid = long_lines = 0
    page_texts, total = _within_limit(page_texts)
    if total > MAX_TEXT_CHARS:
        warnings = (
            *warnings,
            f"long_text: only the first {MAX_TEXT_CHARS:,} of {total:,} characters read "
            "(no résumé is that long: a data file or a book?)",
        )
    for number, raw in enumerate(page_texts, start=1):
        # every backend's text passes here first: nothing downstream sees a surrogate
        raw, replaced = make_valid(raw)
        invalid += replaced
        # a printed page number (- 1 -, 第1页 共2页) is no part of the CV: not scored, and
        # a PDF and its copied text read the same without it
        body = "\n".join(ln for ln in raw.splitlines() if not FOLIO_IN_TEXT.match(ln))
        for line in normalize_text(body).splitlines():
            parts = _split_long(line)
            if len(parts) > 1:
                long_lines += 1
            for part in parts:
                pages.append(number if paged else None)
                lines.append(part)

    # sections: heading lines switch; content is the line without its heading
    sections: list[str] = []
    headings: list[str] = []  # the heading part of each line ("" for none)
    contents: list[str] = []
    current: str | None = None
    for line in lines:
        found = detect_heading(line)
        if not found:
            headings.append("")
            contents.append(line)
            sections.append(current or "")
            continue
        section, rest = found
        heading = line[: len(line) - len(rest)].rstrip() if rest else line
        if rest and section == "skills" and current in ("work", "projects"):
            # "Tools: SQL, SAS" among a job's lines is that line's label: the job goes on
            headings.append(heading)
            contents.append(rest)
            sections.append(section)
            continue
        current = section
        headings.append(heading)
        contents.append(rest)
        sections.append(current)
    first_heading = next((i for i, h in enumerate(headings) if h), len(lines))
    context = [i < first_heading and i < 8 or sections[i] == "personal" for i in range(len(lines))]
    redacted, personal = redact_lines(contents, context=context)
    for i in range(first_heading):
        # the opening lines: personal details, unless they are something else
        opened = i < 2 or redacted[i] != contents[i]
        sections[i] = "personal" if opened else "other"

    kept: list[str] = []
    sentences: list[Sentence] = []
    by_section: dict[str, list[str]] = {}
    referees = False  # under a References heading: other people's names and posts
    for i in range(len(lines)):
        content = redacted[i] if redact else contents[i]
        if headings[i]:
            referees = bool(_REFEREES.match(headings[i]))
        if referees and redact:
            content = "" if headings[i] else None
        section = sections[i] or "other"
        if headings[i]:
            kept.append(f"{headings[i]}{content}" if content else headings[i])
        elif content is not None:
            kept.append(content)
        if not content:
            continue
        by_section.setdefault(section, []).append(content)
        sentences.extend(Sentence(s, pages[i], section) for s in split_sentences(content))

    text = "\n".join(kept)
    if long_lines:
        warnings = (
            *warnings,
            f"long_lines: {long_lines} lines over {MAX_LINE_CHARS} characters split "
            "(a text without line breaks?)",
        )
    if invalid:
        warnings = (
            *warnings,
            f"invalid_unicode: {invalid} code points that are not valid Unicode replaced "
            "(lone UTF-16 surrogates: a broken emoji or symbol)",
        )
    meta = dict(meta or {})
    if sentences:
        meta.setdefault("language", detect_language(text))
    common: dict[str, Any] = {
        "pages": len(page_texts) if paged else 0,
        "warnings": tuple(warnings),
        "personal": personal,
        "meta": meta,
    }
    if not sentences:
        reason = "no text besides personal details" if personal else "no text"
        return Resume.failed(source, "empty", reason, **common)
    letters = sum(c.isalpha() for c in text)
    if letters < 2:  # "——", "1.", "A": nothing a score could read
        return Resume.failed(source, "empty", "no words (fewer than two letters)", **common)
    if letters < SHORT_TEXT_LETTERS:
        common["warnings"] = (
            *common["warnings"],
            f"short_text: {letters} letters besides personal details; its scores rest on "
            "a few words (a one-line career summary has about 50)",
        )
    return Resume(
        source=source,
        text=text,
        sentences=tuple(sentences),
        sections={name: "\n".join(parts) for name, parts in by_section.items()},
        **common,
    )


#: A heading whose section names other people (referees): its lines are cut when redacting.
_REFEREES = re.compile(r"^\W*(?:references?|referees?)\W*$", re.I)


def resume_from_text(text: str, source: str = "<text>", *, redact: bool = True) -> Resume:
    """A résumé from a string (no pages): normalised, sectioned, redacted.

    Text that is HTML (a web page's source, or text with many HTML tags: a form field
    pasted from a job board) is read as :func:`rolematch.read_resume` reads it from a
    ``.txt`` file: its visible text, with the warnings ``markup: N HTML tags removed``
    and, for hidden elements, ``hidden_text: N chars excluded``. A stray ``<`` (``年龄<35岁``,
    ``a<b``) is text.

    Examples
    --------
    >>> r = resume_from_text("王芳 女 1990年5月\\n自我评价:熟悉支付清算")
    >>> r.text, r.sections, r.personal["name"]
    ('自我评价:熟悉支付清算', {'summary': '熟悉支付清算'}, '王芳')
    >>> resume_from_text("  ").status
    'empty'
    >>> r = resume_from_text("<html><body><p>负责客服质检</p><style>p{}</style></body></html>")
    >>> r.text, r.warnings[0]
    ('负责客服质检', 'markup: 6 HTML tags removed')
    """
    if not isinstance(text, str):
        raise TypeError(
            f"The 'text' parameter of resume_from_text must be a str (decode bytes first, "
            f"or read a file with read_resume). Got {type(text).__name__} instead."
        )
    warnings: list[str] = []
    if "<" in text:
        # the .txt reader's rule, so a string scores as the same text read from a file
        from rolematch.io._txt import strip_markup

        text, tags, hidden = strip_markup(text)
        if tags:
            warnings.append(f"markup: {tags} HTML tags removed")
        if hidden:
            warnings.append(f"hidden_text: {hidden} chars excluded")  # read_resume's wording
    text = join_text_wraps(text, is_heading_line)[0]  # as the .txt reader does
    return build_resume(source, [text], warnings=warnings, redact=redact, paged=False)


def claims_only(sentences: Sequence[Sentence], indices: Sequence[int]) -> bool:
    """Whether the sentences at ``indices`` (those that support a role's duties) are all
    self-description while the résumé describes work too (:func:`claim_flags`): nothing
    it says it did bears them out.

    Examples
    --------
    >>> cook = resume_from_text("2010-至今 某酒楼 厨师长，负责后厨管理、菜品研发和食材采购"
    ...                         "\\n技能：手机银行 反欺诈").sentences
    >>> claims_only(cook, [1]), claims_only(cook, [0, 1]), claims_only(cook, [])
    (True, False, False)
    """
    flags = claim_flags(sentences)
    return flags is not None and bool(indices) and all(flags[k] for k in indices)


def claim_flags(sentences: Sequence[Sentence]) -> tuple[bool, ...] | None:
    """Which sentences are self-description (:data:`CLAIM_SECTIONS`), or ``None``.

    ``None`` when no sentence is, or when the others hold fewer than
    :data:`MIN_EXPERIENCE_LETTERS` letters (nothing to bear the claims out).

    Examples
    --------
    >>> cook = "2010-至今 某酒楼 厨师长，负责后厨管理、菜品研发和食材采购"
    >>> claim_flags(resume_from_text(cook + "\\n技能：手机银行 反欺诈").sentences)
    (False, True)
    >>> claim_flags(resume_from_text("技能：呼叫中心运营、坐席管理、质检").sentences) is None
    True
    """
    flags = tuple(s.section in CLAIM_SECTIONS for s in sentences)
    if not any(flags):
        return None
    rest = sum(
        ch.isalpha() for s, f in zip(sentences, flags, strict=True) if not f for ch in s.text
    )
    return flags if rest >= MIN_EXPERIENCE_LETTERS else None


def experience_text(resume: Resume) -> str | None:
    """The résumé's text without its self-description, or ``None`` where
    :func:`claim_flags` finds none to leave out.

    Examples
    --------
    >>> cook = "2010-至今 某酒楼 厨师长，负责后厨管理、菜品研发和食材采购"
    >>> experience_text(resume_from_text(cook + "\\n技能：手机银行"))
    '2010-至今 某酒楼 厨师长,负责后厨管理、菜品研发和食材采购'
    """
    flags = claim_flags(resume.sentences) if resume.ok else None
    if flags is None:
        return None
    return "\n".join(s.text for s, f in zip(resume.sentences, flags, strict=True) if not f)
