"""The :class:`Matcher` estimator: fit on roles, score résumés, explain each score."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from rolematch._inputs import as_resume, as_resumes, check_encoder, encoded
from rolematch._params import Params, check_top_k
from rolematch.documents import Resume, Role, Sentence
from rolematch.exceptions import NotFittedError, RoleSpecError
from rolematch.explain import Evidence, Explanation, KeywordHit, MatchResult, component_weights
from rolematch.features.facets import (
    FacetFinding,
    RoleFacets,
    facet_findings,
    facet_score,
    role_facets,
    without_age_limits,
)
from rolematch.features.keywords import KeywordVectorizer, listed_terms
from rolematch.features.resumes import ResumeFeatures, model_text, resume_features
from rolematch.profile import (
    MAX_TERM_BONUS,
    ScoringProfile,
    check_profile_fit,
    load_profile,
    model_profile,
    scoring_model,
)
from rolematch.results import TABLE_COLUMNS
from rolematch.scoring import (
    SaturatedHits,
    cap_claims,
    combine,
    duty_coverage,
    duty_support,
    keyword_evidence,
    lived_evidence,
    resume_baseline,
)
from rolematch.sections import CLAIM_SECTIONS, claims_only

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TABLE_COLUMNS", "Matcher"]


COMPONENTS = ("keyword", "semantic", "facet")
# Reference duties of other professions a résumé's baseline is measured against.
_N_REFERENCE = 200


@dataclass
class _Scores:
    keyword: np.ndarray  # (n, R) keyword evidence, from:
    coverage: np.ndarray  # (n, R) share of the role's heaviest terms named
    focus: np.ndarray  # (n, R) share of the résumé's distinctive words that are the role's
    semantic: np.ndarray  # (n, R)
    facet: np.ndarray  # (n, R), NaN where no facet has data
    raw: np.ndarray  # (n, R)
    score: np.ndarray  # (n, R), NaN for résumés that are not ok
    # per résumé: (best cosine, sentence index, support) each (n_duties,), baseline(s)
    duty: list[tuple[np.ndarray, np.ndarray, np.ndarray, float | np.ndarray]]
    findings: list[list[list[FacetFinding]]]  # [i][r]
    capped: np.ndarray  # (n, R) bool: self-description the experience does not bear out
    # per résumé, filled when first shown: ``duty`` as the evidence shows it (lived_evidence)
    shown: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=dict)


class Matcher(Params):
    """Score résumés against roles: keywords + duty coverage + requirement facets.

    For each résumé × role, three components in [0, 1]:

    - ``keyword``: the role's keywords found in the résumé at word boundaries, each
      term weighted by its count in the role's own text, its rarity in general
      Chinese and its rarity across job postings of many professions (a fixed
      background), so generic posting words weigh ~nothing; the geometric mean of
      the weighted share of the role's terms the résumé names (coverage) and the
      share of the résumé's distinctive words that are the role's beyond what its
      vocabulary takes from any CV by chance (focus), so a terse summary and a long
      CV read on one scale;
    - ``semantic``: duty coverage: each duty's best-supporting résumé sentence,
      its cosine measured above the résumé's own baseline (its best cosines to
      reference duties of other professions), averaged over the best-covered half
      of the duties (the requirements stand in for a role that lists no duties);
    - ``facet``: preferred major, degree, years, certificates where the role states
      them and the résumé has data.

    A logistic model of the three, with an evidence gate (keywords *and* duty
    coverage), gives the score: the chance that the résumé fits the role at least
    partly. Nothing in a score depends on the other roles loaded. Every constant
    comes from the model's scoring profile (:mod:`rolematch.profile`).

    Parameters
    ----------
    model : str, default "e5-small"
        Sentence-transformers model: ``"e5-small"``, ``"static-zh"``, a local path
        or a model name available offline.
    profile : str, path, dict or ScoringProfile, optional
        The scoring constants; default the bundled profile of the model that scores:
        ``model``, or the one ``encoder`` says it runs (``load_model("static-zh")``); a
        local model, or an encoder that does not say, gets ``default``. One fitted for
        another model, or calibrating roles :meth:`fit` is not given, is named in a
        :class:`~rolematch.profile.ProfileWarning`. ``rolematch learn`` writes them.
    tokenizer : callable, optional
        ``str -> list[str]``; default :class:`~rolematch.tokenize.JiebaTokenizer`.
    encoder : Encoder, optional
        Overrides ``model``: any object with ``encode(list[str]) -> ndarray``
        returning one finite row per text. Rows are scaled to unit length (a zero
        row stays zero: it supports nothing); a wrong shape or a NaN is an error.

    Attributes
    ----------
    roles_ : list of Role
    role_ids_ : list of str
    profile_ : ScoringProfile
    vocabulary_ : ndarray of str
        Keyword vocabulary of the roles.
    null_focus_ : ndarray of shape (n_roles,)
        Each role's keyword focus on the background's résumés of other professions,
        what its vocabulary takes from any CV by chance and focus counts beyond
        (profile ``keyword.null_quantile``; zeros where that is 0).
    role_embeddings_ : ndarray of shape (n_units_total, dim)
        Duty (or requirement) embeddings of all roles, role after role.

    Examples
    --------
    >>> from rolematch import Matcher, load_roles
    >>> m = Matcher(model="static-zh").fit(load_roles())
    >>> cv = "2016年至今 某银行 手机银行团队负责人，负责手机银行APP的运营与版本迭代，月活提升30%。"
    >>> m.match([cv], top_k=1)[0][0].role_id
    'mobile-banking'
    """

    def __init__(
        self,
        *,
        model: str = "e5-small",
        profile: Any = None,
        tokenizer: Any = None,
        encoder: Any = None,
    ) -> None:
        self.model = model
        self.profile = profile
        self.tokenizer = tokenizer
        self.encoder = encoder

    # ------------------------------------------------------------------ fit
    def _validate_params(self) -> ScoringProfile:
        name = type(self).__name__
        check_encoder(self.encoder)
        if not isinstance(self.model, str) and self.encoder is None:
            raise ValueError(
                f"The 'model' parameter of {name} must be a model name or path (str). "
                f"Got {self.model!r} instead."
            )
        # no profile given: the one of the model that makes the cosines
        profile = model_profile(self._model()) if self.profile is None else self.profile
        try:
            return load_profile(profile)
        except (TypeError, ValueError) as e:
            raise ValueError(f"The 'profile' parameter of {name} is not valid: {e}") from None

    def _model(self) -> str | None:
        """The model that scores: ``model``, or with an encoder the model it says it runs
        (``None`` where it does not say)."""
        return scoring_model(self.encoder, self.model)

    def fit(self, roles: Sequence[Role], y: None = None) -> Matcher:
        """Learn keyword weights and embed the duties of ``roles``.

        Parameters
        ----------
        roles : sequence of Role
            At least one role; ids must be unique.
        y : None
            Ignored (scikit-learn convention).

        Returns
        -------
        self
        """
        profile = self._validate_params()
        given = roles
        roles = list(roles) if isinstance(roles, Iterable) and not isinstance(roles, str) else []
        if not roles or not all(isinstance(r, Role) for r in roles):
            raise ValueError(
                "The 'roles' parameter of Matcher.fit must be a non-empty sequence of Role "
                f"(see rolematch.load_roles). Got {given!r:.80} instead."
            )
        from rolematch.io.roles import check_role

        ids = [check_role(r).id for r in roles]
        if len(set(ids)) != len(ids):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            raise RoleSpecError(f"duplicate role ids {dup}", field="id")
        if self.profile is not None:  # before the model loads
            check_profile_fit(profile, self.profile, self._model(), ids)
        self.profile_ = profile
        self.roles_ = roles
        self.role_ids_ = ids
        kw = profile.keyword
        self.keywords_ = KeywordVectorizer(
            self.tokenizer,
            requirement_weight=kw["requirement_weight"],
            specificity_power=kw["specificity_power"],
            genre_power=kw["genre_power"],
        ).fit(roles)
        vocab = set(self.keywords_.vocabulary_)
        for term, factor in profile.keyword_adjustments.items():
            if term in vocab:  # a learned emphasis on a term these roles do not use is moot
                self.keywords_.role_weights_[:, self.keywords_.index(term)] *= factor
        self.vocabulary_ = self.keywords_.vocabulary_
        self.null_focus_ = self._null_focus(kw["null_quantile"])
        self.role_facets_: list[RoleFacets] = [role_facets(r) for r in roles]

        if (encoder := self.encoder) is None:
            from rolematch.features.embeddings import SentenceTransformerEncoder

            encoder = SentenceTransformerEncoder(self.model)
        self.encoder_ = encoder
        # A role without duties (many job-board posts) is compared on its requirements.
        self.role_units_ = [
            tuple(r.duties) or tuple(u for u in map(without_age_limits, r.requirements) if u)
            for r in roles
        ]
        units = [u for us in self.role_units_ for u in us]
        self._spelt = [(r.title, *r.duties, *r.requirements) for r in roles]  # keywords shown
        self.duty_role_ = np.repeat(np.arange(len(roles)), [len(u) for u in self.role_units_])
        from rolematch.features.background import reference_duties
        from rolematch.language import detect_language

        canon = getattr(self.keywords_.tokenizer_, "canonicalize", None)
        read = [model_text(u, canon, english=False) for u in units]
        self.role_embeddings_ = encoded(self.encoder_, read)

        def references(language: str) -> np.ndarray:
            duties = list(reference_duties(_N_REFERENCE, language))
            return encoded(self.encoder_, duties, self.role_embeddings_.shape[1])

        self.reference_embeddings_ = references("zh")
        # a duty in English is measured against English duties of other trades: across
        # languages every cosine is lower, and under a Chinese baseline none is supported
        self.english_duties_ = np.array([detect_language(u) == "en" for u in units], dtype=bool)
        self.reference_embeddings_en_ = references("en") if self.english_duties_.any() else None
        self._terms = [str(t) for t in self.vocabulary_]
        self._duty_ids = [np.flatnonzero(self.duty_role_ == r) for r in range(len(roles))]
        self._coef = np.array([profile.coef(rid) for rid in ids])  # (R, 7)
        return self

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "roles_")

    def set_params(self, **params: Any) -> Matcher:
        """Set constructor parameters (nested ones as ``a__b``); returns ``self``.

        A fitted matcher forgets its fit: what it learnt came from the old model,
        encoder or profile, and scoring with it would silently ignore the new ones.
        Call :meth:`fit` again.
        """
        fitted = self.__sklearn_is_fitted__()
        super().set_params(**params)
        if fitted:
            for name in [a for a in vars(self) if a.endswith("_") and not a.startswith("_")]:
                delattr(self, name)
            self._params_changed = sorted(params)
        return self

    def _check_is_fitted(self) -> None:
        if not self.__sklearn_is_fitted__():
            changed = getattr(self, "_params_changed", None)
            why = f" since set_params({', '.join(changed)}=…) changed it" if changed else " yet"
            raise NotFittedError(
                f"This Matcher instance is not fitted{why}. Call 'fit' with the roles "
                "(e.g. Matcher().fit(rolematch.load_roles())) before using this method."
            )

    def _null_focus(self, quantile: float) -> np.ndarray:
        """Each role's focus on the background's résumés (its ``quantile``): what its
        vocabulary takes from any CV by chance (:func:`~rolematch.scoring.chance_corrected`);
        zeros where the profile does not correct for it."""
        from rolematch.features.background import reference_resumes

        none = np.zeros(len(self.roles_))
        if quantile <= 0:
            return none
        kv, scale = self.keywords_, self.profile_.keyword["saturation"]
        found, mass = kv.count_with_mass(list(reference_resumes()), scale)
        focus = SaturatedHits.of(found.counts, found.parts, scale).focus(
            kv.mass_weight_, kv.role_weights_, mass, none
        )
        return np.asarray(np.quantile(focus, quantile, axis=0))

    # ------------------------------------------------------------ features
    def _batch(
        self, resumes: Iterable[Resume | str], method: str = "score_matrix"
    ) -> ResumeFeatures:
        docs = as_resumes(resumes, method)
        dim = self.role_embeddings_.shape[1]
        return resume_features(docs, self.keywords_, self.encoder_, dim, self.profile_)

    def _score(self, batch: ResumeFeatures) -> _Scores:
        from rolematch._threads import single_threaded_blas

        # many small products (sentences × duties): one BLAS thread is ~50x faster here
        with single_threaded_blas():
            return self._score_batch(batch)

    def _score_batch(self, batch: ResumeFeatures) -> _Scores:
        n, R = len(batch.resumes), len(self.roles_)
        prof = self.profile_
        weights, scale = self.keywords_.role_weights_, prof.keyword["saturation"]
        top, kw_share = int(prof.keyword["top_terms"]), prof.keyword["claims_share"]
        mass_weight, null = self.keywords_.mass_weight_, self.null_focus_
        full = SaturatedHits.of(batch.hits.counts, batch.hits.parts, scale)
        coverage = full.coverage(weights, top)
        focus = full.focus(mass_weight, weights, batch.mass, null)
        capped = np.zeros((n, R), dtype=bool)
        rows = batch.claimed if kw_share < 1 else batch.claimed[:0]
        if len(rows):
            free = keyword_evidence(coverage[rows], focus[rows], prof.keyword["focus_power"])
            bared = SaturatedHits.of(batch.experience.counts, batch.experience.parts, scale)
            coverage[rows] = cap_claims(coverage[rows], bared.coverage(weights, top), kw_share)
            focus[rows] = cap_claims(
                focus[rows], bared.focus(mass_weight, weights, batch.mass[rows], null), kw_share
            )
        keyword = keyword_evidence(coverage, focus, prof.keyword["focus_power"])
        if len(rows):
            capped[rows] = keyword[rows] < free - 0.005
        semantic = np.zeros((n, R))
        facet = np.full((n, R), np.nan)
        duty = []
        findings: list[list[list[FacetFinding]]] = []
        share = prof.semantic["duty_share"]
        for i in range(n):
            emb = batch.embeddings[i]
            q = prof.semantic["baseline_quantile"]
            base: Any = resume_baseline(self.reference_embeddings_, emb, q)
            if self.reference_embeddings_en_ is not None:  # one baseline a duty
                en = resume_baseline(self.reference_embeddings_en_, emb, q)
                base = np.where(self.english_duties_, en, base)
            cos, idx, sup = duty_support(self.role_embeddings_, emb, base)
            duty.append((cos, idx, sup, base))
            bare = None  # each duty's support without the résumé's self-description
            claims = batch.claims[i]
            if claims is not None and claims.any() and prof.semantic["claims_share"] < 1:
                bare = duty_support(self.role_embeddings_, emb[~claims], base)[2]
            per_role = []
            for r in range(R):
                semantic[i, r] = duty_coverage(sup[self._duty_ids[r]], None, share)
                if bare is not None:
                    lived = duty_coverage(bare[self._duty_ids[r]], None, share)
                    was = semantic[i, r]
                    semantic[i, r] = cap_claims(
                        np.array(was), np.array(lived), prof.semantic["claims_share"]
                    )
                    capped[i, r] |= semantic[i, r] < was - 0.005
                rf = batch.facets[i]
                found = facet_findings(self.role_facets_[r], rf) if rf is not None else []
                facet[i, r] = facet_score(found)
                per_role.append(found)
            findings.append(per_role)
        halves = (prof.keyword["half"], prof.semantic["half"])
        raw = np.zeros((n, R))
        score = np.zeros((n, R))
        # a team's learned word preferences shift every role's log-odds alike
        # (all of them together at most MAX_TERM_BONUS either way, as the learner fits them)
        total = [sum(b for _, b in found) for found in batch.bonus]
        shift = np.clip(np.array(total), -MAX_TERM_BONUS, MAX_TERM_BONUS)
        for r in range(R):
            raw[:, r], score[:, r] = combine(
                keyword[:, r], semantic[:, r], facet[:, r], self._coef[r], halves, shift
            )
        ok = np.array([d.ok for d in batch.resumes], dtype=bool)
        score[~ok] = np.nan
        return _Scores(
            keyword, coverage, focus, semantic, facet, raw, score, duty, findings, capped
        )

    # ------------------------------------------------------------- public
    def score_matrix(self, resumes: Iterable[Resume | str]) -> np.ndarray:
        """Scores of each résumé for each role: calibrated chances of a fit, not cosines.

        Parameters
        ----------
        resumes : iterable of Resume or str
            Résumés (``read_resume`` results) or plain résumé texts (not a bare str,
            not a path: see :mod:`rolematch._inputs`).

        Returns
        -------
        ndarray of shape (n_resumes, n_roles)
            Scores in [0, 1], columns in ``role_ids_`` order; a row of NaN for a
            résumé whose status is not ``ok`` (it has no score, not a low one).
        """
        self._check_is_fitted()
        return self._score(self._batch(resumes, "score_matrix")).score

    def similarity(self, resumes: Iterable[Resume | str]) -> np.ndarray:
        """Deprecated name of :meth:`score_matrix` (the scores are not similarities)."""
        return self.score_matrix(resumes)

    def match(
        self, resumes: Iterable[Resume | str], top_k: int | None = 5
    ) -> list[list[MatchResult]]:
        """Each résumé's best roles with explanations, best first.

        Returns one list per résumé (empty for a résumé that is not ``ok``).
        """
        self._check_is_fitted()
        top_k = check_top_k(top_k, "Matcher.match")
        batch = self._batch(resumes, "match")
        scores = self._score(batch)
        out: list[list[MatchResult]] = []
        for i, doc in enumerate(batch.resumes):
            if not doc.ok:
                out.append([])
                continue
            order = np.argsort(-scores.score[i], kind="stable")[:top_k]
            out.append([self._result(batch, scores, i, int(r)) for r in order])
        return out

    def shortlist(
        self, role_id: str, resumes: Iterable[Resume | str], top_k: int | None = 10
    ) -> list[MatchResult]:
        """A role's best résumés with explanations, best first (unreadable ones left out).

        ``role_id`` may also be a role's title, where no other role has it.
        """
        self._check_is_fitted()
        r = self._role_index(role_id, "Matcher.shortlist")
        top_k = check_top_k(top_k, "Matcher.shortlist")
        batch = self._batch(resumes, "shortlist")
        scores = self._score(batch)
        col = np.where(np.isnan(scores.score[:, r]), -np.inf, scores.score[:, r])
        order = [i for i in np.argsort(-col, kind="stable") if batch.resumes[i].ok][:top_k]
        return [self._result(batch, scores, int(i), r) for i in order]

    def explain(self, resume: Resume | str, role_id: str) -> Explanation:
        """The explanation of one résumé's score for one role.

        ``role_id`` may also be the role's title (手机银行团队主管), where no other role
        has it, as ``rolematch explain --role`` takes it.
        """
        self._check_is_fitted()
        r = self._role_index(role_id, "Matcher.explain")
        where = "the 'resume' parameter of Matcher.explain"
        batch = self._batch([as_resume(resume, 1, where)], "explain")
        if not batch.resumes[0].ok:
            doc = batch.resumes[0]
            raise ValueError(
                f"The résumé {doc.source!r} has status {doc.status!r} ({doc.reason}); "
                "it has no score to explain."
            )
        return self._explanation(batch, self._score(batch), 0, r)

    def score_table(
        self, resumes: Iterable[Resume | str], *, explain: bool = False
    ) -> pd.DataFrame:
        """Every résumé × role score of a batch as one long table (no ranks).

        Parameters
        ----------
        resumes : iterable of Resume or str
            Résumés (``read_resume`` results) or plain résumé texts.
        explain : bool, default False
            Add an ``explanation`` column holding each row's
            :class:`~rolematch.explain.Explanation` (about three times the work of
            the scores and one-line reasons alone).

        Returns
        -------
        pandas.DataFrame
            One row per ``ok`` résumé × role, résumés in input order and roles in
            ``role_ids_`` order, and exactly one row for a résumé that is not ``ok``.
            Columns :data:`TABLE_COLUMNS`: ``file`` (``Resume.source``; ``<text N>``
            for the N-th input given as text), ``status``,
            ``language``, ``role_id``, ``role_title`` (missing, ``pd.isna``, for a
            résumé that is not ok), ``score``, ``keyword_score``, ``semantic_score``,
            ``facet_score`` (float64; NaN where missing: ``facet_score`` where no facet has data,
            every score of a résumé that is not ok), ``warnings`` (joined by
            ``"; "``) and ``reason`` (``Explanation.reason``, or why the résumé
            could not be scored); ``explanation`` with ``explain=True`` (``None``
            for a résumé that is not ok).

        Examples
        --------
        >>> from rolematch import Matcher, load_roles
        >>> m = Matcher(model="static-zh").fit(load_roles())
        >>> t = m.score_table(["负责手机银行APP运营与迭代，月活提升30%"])
        >>> len(t) == len(m.role_ids_), t.loc[t.score.idxmax(), "role_id"]
        (True, 'mobile-banking')
        """
        import pandas as pd

        self._check_is_fitted()
        batch = self._batch(resumes, "score_table")
        scores = self._score(batch)
        n_roles = len(self.roles_)
        cols: dict[str, list[Any]] = {c: [] for c in TABLE_COLUMNS}
        expl: list[Explanation | None] = []
        for i, doc in enumerate(batch.resumes):
            k = n_roles if doc.ok else 1
            cols["file"] += [doc.source] * k
            cols["status"] += [doc.status] * k
            cols["language"] += [str(doc.meta.get("language", ""))] * k
            cols["warnings"] += ["; ".join(doc.warnings)] * k
            if not doc.ok:
                for c in ("role_id", "role_title"):
                    cols[c].append(None)
                for c in ("score", "keyword_score", "semantic_score", "facet_score"):
                    cols[c].append(math.nan)
                cols["reason"].append(doc.reason)
                expl.append(None)
                continue
            cols["role_id"] += self.role_ids_
            cols["role_title"] += [r.title for r in self.roles_]
            cols["score"] += scores.score[i].tolist()
            cols["keyword_score"] += scores.keyword[i].tolist()
            cols["semantic_score"] += scores.semantic[i].tolist()
            cols["facet_score"] += scores.facet[i].tolist()
            if explain:
                es = [self._explanation(batch, scores, i, r) for r in range(n_roles)]
                expl += es
                cols["reason"] += [e.reason for e in es]
            else:
                cols["reason"] += [self._reason(batch, scores, i, r) for r in range(n_roles)]
        frame = pd.DataFrame(cols, columns=list(TABLE_COLUMNS))
        for c in ("score", "keyword_score", "semantic_score", "facet_score"):
            frame[c] = frame[c].astype("float64")
        if explain:
            frame["explanation"] = pd.Series(expl, dtype=object)
        return frame

    def score(self, resumes: Iterable[Resume | str], y: Sequence[str]) -> float:
        """Top-1 accuracy: the share of résumés whose best role is ``y[i]``."""
        self._check_is_fitted()
        sim = self.score_matrix(resumes)
        if len(y) != sim.shape[0]:
            raise ValueError(
                f"The 'y' parameter of Matcher.score must have one role id per résumé "
                f"({sim.shape[0]}). Got {len(y)} instead."
            )
        best = [self.role_ids_[int(np.nanargmax(row))] if np.isfinite(row).any() else None
                for row in sim]  # fmt: skip
        return float(np.mean([b == t for b, t in zip(best, y, strict=True)]))

    # ---------------------------------------------------------- internals
    def _role_index(self, role_id: str, where: str) -> int:
        """The index of the role ``role_id`` names: its id, or a title only it has."""
        from rolematch.io.roles import require_role

        return self.role_ids_.index(require_role(self.roles_, role_id, where).id)

    def _result(self, batch: ResumeFeatures, scores: _Scores, i: int, r: int) -> MatchResult:
        e = self._explanation(batch, scores, i, r)
        return MatchResult(e.role_id, e.role_title, e.source, e.score, e)

    def _reason(self, batch: ResumeFeatures, scores: _Scores, i: int, r: int) -> str:
        """``self._explanation(batch, scores, i, r).reason`` without building the rest."""
        from rolematch.explain import posting_word, reason_line, supporting

        covered = self.profile_.semantic["covered_support"]
        vocab, weights = self._terms, self.keywords_.role_weights_[r]
        top, gaps = listed_terms(weights, batch.hits.role_counts(i, r), vocab, 5, 3)
        _, idx, support = self._shown_evidence(batch, scores, i, r)
        shown = supporting(idx, support, covered)
        return reason_line(
            [posting_word(vocab[t], self._spelt[r]) for t in top],
            [posting_word(vocab[t], self._spelt[r]) for t in gaps],
            len(shown),
            len(support),
            scores.findings[i][r],
            batch.bonus[i],
            "duties" if self.roles_[r].duties else "requirements",
            bool(scores.capped[i, r]),
            len(set(shown)),
            claims_only(batch.sentences[i], shown),
        )

    def _shown_evidence(
        self, batch: ResumeFeatures, scores: _Scores, i: int, r: int
    ) -> tuple[list[float], list[int], list[float]]:
        """Each of role ``r``'s duties' (cosine, sentence index, support) as the evidence
        shows them: :func:`~rolematch.scoring.lived_evidence`."""
        if i not in scores.shown:  # all duties at once: a résumé's reasons show every role
            c0, k0, s0, base = scores.duty[i]
            claims = np.array([s.section in CLAIM_SECTIONS for s in batch.sentences[i]], bool)
            bases = np.broadcast_to(base, c0.shape)  # the duties' baselines
            covered = self.profile_.semantic["covered_support"]
            scores.shown[i] = lived_evidence(
                self.role_embeddings_, batch.embeddings[i], claims, bases, (c0, k0, s0), covered
            )
        ids = self._duty_ids[r]
        cos, idx, sup = (a[ids].tolist() for a in scores.shown[i])
        return cos, idx, sup

    def _explanation(self, batch: ResumeFeatures, scores: _Scores, i: int, r: int) -> Explanation:
        role = self.roles_[r]
        weights = self.keywords_.role_weights_[r]
        counts = batch.hits.role_counts(i, r)
        vocab = self._terms
        # Python scalars once per call: per-element numpy conversions dominate otherwise
        has, lacks = listed_terms(weights, counts, vocab, None, 15)
        w_list, c_list = weights.tolist(), counts.tolist()
        sents = batch.sentences[i]
        texts = [s.text.casefold() for s in sents]  # once, for all its keywords
        spelt = self._spelt[r]
        matched = tuple(KeywordHit.found(vocab[t], w_list[t], c_list[t], texts, spelt) for t in has)
        missing = tuple(KeywordHit.lacking(vocab[t], w_list[t], spelt) for t in lacks)
        cos_l, idx_l, sup_l = self._shown_evidence(batch, scores, i, r)
        evidence, covered = [], self.profile_.semantic["covered_support"]
        for duty, c, k, su in zip(self.role_units_[r], cos_l, idx_l, sup_l, strict=True):
            s = sents[k] if k >= 0 else Sentence("")
            evidence.append(Evidence(duty, s.text, round(c, 4), round(su, 4), s.page, s.section))
        from rolematch.explain import supporting

        shown = supporting(idx_l, sup_l, covered)
        evidence.sort(key=lambda e: -e.support)
        fac = float(scores.facet[i, r])
        return Explanation(
            role_id=role.id,
            role_title=role.title,
            source=batch.resumes[i].source,
            score=float(scores.score[i, r]),
            keyword_score=float(scores.keyword[i, r]),
            semantic_score=float(scores.semantic[i, r]),
            facet_score=None if np.isnan(fac) else fac,
            weights=component_weights(self._coef[r], not np.isnan(fac)),
            raw_score=float(scores.raw[i, r]),
            matched_keywords=matched,
            missing_keywords=missing,
            evidence=tuple(evidence),
            facets=tuple(scores.findings[i][r]),
            covered_support=covered,
            profile=self.profile_.name,
            semantic_source="duties" if role.duties else "requirements",
            keyword_coverage=float(scores.coverage[i, r]),
            keyword_focus=float(scores.focus[i, r]),
            term_bonus=batch.bonus[i],
            claims_capped=bool(scores.capped[i, r]),
            skills_only=claims_only(sents, shown),
        )
