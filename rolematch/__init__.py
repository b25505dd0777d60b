"""rolematch: match Chinese résumés to Chinese job roles, and explain every match.

>>> import rolematch
>>> roles = rolematch.load_roles()                    # the bundled roles
>>> roles[0].id, roles[0].title
('mobile-banking', '手机银行团队主管')

Everything public is re-exported here. Attributes load their module on first
use, so ``import rolematch`` stays cheap (no torch, pandas or pdfplumber).

Public API (``__all__``; ``tests/test_architecture.py`` checks this list):

- roles and résumés: ``Role``, ``Resume``, ``Sentence``, ``load_roles``,
  ``read_postings`` (job postings in any layout), ``roles_from_text`` (a posting's
  text), ``parse_posting`` (the bank's own plain-text format), ``read_resume``,
  ``resume_from_text``;
- scoring: ``Matcher`` (``fit``, ``score_matrix``, ``match``, ``shortlist``,
  ``explain``, ``score_table``), ``ScoringProfile`` and ``load_profile`` (every
  constant of the scorer, per model), ``Encoder`` (the protocol an ``encoder=``
  follows), ``load_model``;
- explanations: ``Explanation``, ``Evidence``, ``KeywordHit``, ``MatchResult``;
- batches: ``score_paths``, returning ``BatchResults`` (``to_frame``, the writers'
  input); ``audit``, the bias audit of a batch's shortlists (:mod:`rolematch.fairness`);
- learning: ``learn_profile``, a team's ``ScoringProfile`` and its report from the team's
  decisions (``rolematch learn``; :mod:`rolematch.learn`, a module, holds ``learn`` and
  ``report_table``); score with it through ``score_paths(profile=...)`` or ``Matcher(profile=...)``;
- errors: ``RolematchError``, ``ExtractionError``, ``ModelError``,
  ``NotFittedError``, ``RoleSpecError``, ``MissingDependencyError``;
- ``__version__``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from rolematch._version import __version__

_EXPORTS = {
    "BatchResults": "rolematch.results",
    "Encoder": "rolematch.features.embeddings",
    "ScoringProfile": "rolematch.profile",
    "Evidence": "rolematch.explain",
    "Explanation": "rolematch.explain",
    "ExtractionError": "rolematch.exceptions",
    "KeywordHit": "rolematch.explain",
    "MatchResult": "rolematch.explain",
    "Matcher": "rolematch.matcher",
    "MissingDependencyError": "rolematch.exceptions",
    "ModelError": "rolematch.exceptions",
    "NotFittedError": "rolematch.exceptions",
    "Resume": "rolematch.documents",
    "Role": "rolematch.documents",
    "RoleSpecError": "rolematch.exceptions",
    "RolematchError": "rolematch.exceptions",
    "Sentence": "rolematch.documents",
    "audit": "rolematch.fairness",
    "learn_profile": "rolematch.learn",
    "load_model": "rolematch.features.embeddings",
    "load_profile": "rolematch.profile",
    "load_roles": "rolematch.io.roles",
    "parse_posting": "rolematch.io.roles",
    "read_postings": "rolematch.io.postings",
    "read_resume": "rolematch.io.extract",
    "resume_from_text": "rolematch.sections",
    "roles_from_text": "rolematch.io.postings",
    "score_paths": "rolematch.batch",
}

__all__ = [
    "BatchResults",
    "Encoder",
    "Evidence",
    "Explanation",
    "ExtractionError",
    "KeywordHit",
    "MatchResult",
    "Matcher",
    "MissingDependencyError",
    "ModelError",
    "NotFittedError",
    "Resume",
    "Role",
    "RoleSpecError",
    "RolematchError",
    "ScoringProfile",
    "Sentence",
    "__version__",
    "audit",
    "learn_profile",
    "load_model",
    "load_profile",
    "load_roles",
    "parse_posting",
    "read_postings",
    "read_resume",
    "resume_from_text",
    "roles_from_text",
    "score_paths",
]

if TYPE_CHECKING:
    from rolematch.batch import score_paths
    from rolematch.documents import Resume, Role, Sentence
    from rolematch.exceptions import (
        ExtractionError,
        MissingDependencyError,
        ModelError,
        NotFittedError,
        RolematchError,
        RoleSpecError,
    )
    from rolematch.explain import Evidence, Explanation, KeywordHit, MatchResult
    from rolematch.fairness import audit
    from rolematch.features.embeddings import Encoder, load_model
    from rolematch.io.extract import read_resume
    from rolematch.io.postings import read_postings, roles_from_text
    from rolematch.io.roles import load_roles, parse_posting
    from rolematch.learn import learn_profile
    from rolematch.matcher import Matcher
    from rolematch.profile import ScoringProfile, load_profile
    from rolematch.results import BatchResults
    from rolematch.sections import resume_from_text


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'rolematch' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
