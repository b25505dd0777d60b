"""The data that flows through rolematch: roles in, résumés in. No I/O here.

``Role`` is what a role file holds. ``Resume`` is what extraction makes of a file
(or a string): the scorer-visible text, its sentences with page numbers and
sections, the personal data taken out of it, and a status saying whether it can
be scored at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rolematch.exceptions import RoleSpecError

__all__ = ["OK", "Role", "Resume", "Sentence"]

#: Status of a résumé that can be scored. Everything else carries a ``reason``.
OK = "ok"
#: The fields of a :class:`Role` that hold one item per line.
_LINE_FIELDS = ("duties", "requirements", "kpis", "majors", "preferred")


@dataclass(frozen=True)
class Role:
    """One job role.

    Parameters
    ----------
    id : str
        Stable identifier, e.g. ``"mobile-banking"``.
    title : str
        Title as posted, e.g. ``"手机银行团队主管"``.
    duties : tuple of str
        岗位描述, one item per numbered line; may be empty (a posting that lists
        requirements only).
    requirements : tuple of str
        任职要求, one item per line.
    department : str
        Department that posts the role.
    kpis : tuple of str
        主要任务指标, one item per indicator.
    majors : tuple of str
        Preferred majors named in the requirements (计算机, 金融 …).
    source : str, optional
        File the role was read from.
    preferred : tuple of str
        Requirements that are only preferred (加分项、优先条件), each also in
        ``requirements``.

    The line fields (``duties``, ``requirements``, ``kpis``, ``majors``, ``preferred``)
    may be given as lists, as ``yaml.safe_load`` of a role file gives them, or ``None``
    (an empty field): they are kept as tuples, so the role is hashable and equal to the
    one built from tuples. The rest of the role-file schema (non-empty id and title,
    non-empty lines, a duty or a requirement) is checked by
    :meth:`rolematch.Matcher.fit` (:func:`rolematch.io.roles.check_role`).

    Raises
    ------
    RoleSpecError
        A line field is neither a list nor a tuple (a str would be one line per
        character); the message names the field, the role and the value.

    Examples
    --------
    >>> r = Role(id="demo", title="演示主管", duties=["负责手机银行运营"],
    ...          requirements=["金融专业"])
    >>> r.duties, r == Role("demo", "演示主管", ("负责手机银行运营",), ("金融专业",))
    (('负责手机银行运营',), True)
    >>> Role(id="demo", title="演示主管", duties="负责手机银行运营", requirements=())
    Traceback (most recent call last):
    ...
    rolematch.exceptions.RoleSpecError: field 'duties': role 'demo' (built in Python):
    expected a list of non-empty strings, got '负责手机银行运营'
    """

    id: str
    title: str
    duties: tuple[str, ...]
    requirements: tuple[str, ...]
    department: str = ""
    kpis: tuple[str, ...] = ()
    majors: tuple[str, ...] = ()
    source: str | None = None
    preferred: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in _LINE_FIELDS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                continue
            if value is None or isinstance(value, list):
                object.__setattr__(self, name, () if value is None else tuple(value))
                continue
            # worded as check_role words it in fit, which checks the rest of the schema:
            # that check lives in io.roles, a layer above this one
            raise RoleSpecError(
                f"role {self.id!r} (built in Python): expected a list of non-empty strings, "
                f"got {value!r}",
                path=self.source,
                field=name,
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form, the same shape as a role file (read back, validated, by
        :func:`rolematch.io.roles.role_from_dict`)."""
        d: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "department": self.department,
            "duties": list(self.duties),
            "requirements": list(self.requirements),
            "kpis": list(self.kpis),
            "majors": list(self.majors),
        }
        if self.preferred:
            d["preferred"] = list(self.preferred)
        return d


@dataclass(frozen=True)
class Sentence:
    """A sentence of a résumé with where it came from.

    ``page`` is 1-based (``None`` for plain text without pages); ``section`` is the
    canonical section name (``"work"``, ``"education"`` …) or ``None``.
    """

    text: str
    page: int | None = None
    section: str | None = None


@dataclass(frozen=True)
class Resume:
    """A résumé ready for matching, or the record of why it is not.

    Parameters
    ----------
    source : str
        File path or a label for in-memory text.
    text : str
        Normalised text the scorer sees (personal data redacted when asked).
    sentences : tuple of Sentence
        ``text`` split into sentences, each with page and section.
    status : str
        ``"ok"`` or why the file cannot be scored (``"unreadable"``,
        ``"unsupported"``, ``"corrupt"``, ``"encrypted"``, ``"empty"``, ``"error"``).
    reason : str
        Human-readable reason when ``status`` is not ``"ok"``.
    pages : int
        Pages read (0 for plain text).
    warnings : tuple of str
        Non-fatal findings, e.g. ``"hidden_text: 412 chars excluded"``.
    sections : dict
        Canonical section name -> text.
    personal : dict
        Personal data found and redacted (name, phone, e-mail …), for the caller only.
    meta : dict
        Extraction details (backend per page, language, sha256 …).
    """

    source: str
    text: str
    sentences: tuple[Sentence, ...] = ()
    status: str = OK
    reason: str = ""
    pages: int = 0
    warnings: tuple[str, ...] = ()
    sections: dict[str, str] = field(default_factory=dict)
    personal: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # sentences=(text,) would fail deep in the scorer ("'str' object has no attribute")
        items = () if isinstance(self.sentences, str) else self.sentences
        bad = next(((i, s) for i, s in enumerate(items, 1) if not isinstance(s, Sentence)), None)
        if isinstance(self.sentences, str) or bad is not None:
            got = (
                f"a str ({self.sentences[:20]!r})"
                if bad is None
                else f"a {type(self.sentences).__name__} whose item {bad[0]} is a "
                f"{type(bad[1]).__name__} ({bad[1]!r:.30})"
            )
            raise TypeError(
                "The 'sentences' parameter of Resume must be a tuple of Sentence (or empty: "
                "they are then split from the text when it is scored, as "
                f"rolematch.resume_from_text splits them). Got {got} instead."
            )

    @property
    def ok(self) -> bool:
        """Whether the résumé can be scored."""
        return self.status == OK

    @property
    def language(self) -> str:
        """The script or language the text is in, as the results' ``language`` column
        says it: ``"zh-Hans"``, ``"zh-Hant"``, ``"en"``, ``"mixed"``; ``""`` where it was
        not read (a file that failed, a résumé built by hand without it in ``meta``).

        Examples
        --------
        >>> from rolematch import resume_from_text
        >>> resume_from_text("2015-至今 某银行 客服中心主管，负责坐席管理。").language
        'zh-Hans'
        """
        return str(self.meta.get("language", ""))

    @classmethod
    def failed(cls, source: str, status: str, reason: str, **kw: Any) -> Resume:
        """The record of a file that cannot be scored."""
        if status == OK:
            raise ValueError("The 'status' parameter of Resume.failed must not be 'ok'.")
        return cls(source=source, text="", status=status, reason=reason, **kw)
