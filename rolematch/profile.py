"""Scoring profiles: every constant of the scorer, as versioned data per model.

A profile says how keywords are weighted, how duty support is measured, how the
components are combined and calibrated, where a duty counts as covered and what the
verdict bands are. The bundled ones (``data/profiles/<model>.json``) are written by
``benchmarks/tune_weights.py``; ``rolematch learn`` writes a team's own, in the same
format, with the decisions it learned from. A profile is plain JSON with a schema
version, validated on load: an error names the field, the expectation and the value.

Examples
--------
>>> p = load_profile("e5-small")
>>> p.model, p.schema_version
('e5-small', 1)
>>> 0 < p.calibration["intercept"] + 100
True
"""

from __future__ import annotations

import json
import math
import numbers
import sys
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rolematch._resources import data_dir
from rolematch.scoring import COEFFICIENTS as _COEF

__all__ = [
    "MAX_TERM_BONUS",
    "SCHEMA_VERSION",
    "ProfileWarning",
    "ScoringProfile",
    "check_profile_fit",
    "encoder_model",
    "load_profile",
    "model_family",
    "model_profile",
    "profile_names",
    "scoring_model",
]

#: The profile format this version of rolematch reads and writes.
SCHEMA_VERSION = 1
#: A learned word's bonus is at most this many log-odds either way (e²: ×7.4 the odds).
MAX_TERM_BONUS = 2.0

#: field -> (low, high, low inclusive); every number is checked against its range.
_RANGES: dict[str, dict[str, tuple[float, float, bool]]] = {
    "keyword": {
        "requirement_weight": (1.0, math.inf, True),
        "specificity_power": (0.0, math.inf, True),
        "genre_power": (0.0, math.inf, True),
        "saturation": (0.0, math.inf, False),
        "top_terms": (1.0, 10000.0, True),
        "half": (0.0, 1.0, False),
        "focus_power": (0.0, 1.0, True),
        "claims_share": (0.0, 1.0, True),
        "null_quantile": (0.0, 1.0, True),
    },
    "semantic": {
        "baseline_quantile": (0.0, 1.0, True),
        "duty_share": (0.0, 1.0, False),
        "half": (0.0, 1.0, False),
        "covered_support": (0.0, 1.0, True),
        "claims_share": (0.0, 1.0, True),
    },
    "calibration": {
        "intercept": (-math.inf, math.inf, True),
        "keyword": (0.0, math.inf, True),
        "semantic": (0.0, math.inf, True),
        "both": (0.0, math.inf, True),
        "facet": (0.0, math.inf, True),
        "log_keyword": (0.0, math.inf, True),
        "log_semantic": (0.0, math.inf, True),
    },
    "verdicts": {
        "strong": (0.0, 1.0, True),
        "partial": (0.0, 1.0, True),
        "weak": (0.0, 1.0, True),
    },
}

#: The top-level fields of a profile document (what :meth:`ScoringProfile.to_dict` writes).
_FIELDS = (
    "schema_version", "name", "model", "keyword", "semantic", "calibration", "verdicts",
    "roles", "keyword_adjustments", "term_bonus", "provenance",
)  # fmt: skip

#: Fields added to schema 1 later, with the value that reproduces the older scores.
_ADDED: dict[str, dict[str, float]] = {
    "keyword": {"focus_power": 0.0, "claims_share": 1.0, "null_quantile": 0.0},
    "semantic": {"claims_share": 1.0},
}


@dataclass(frozen=True)
class ScoringProfile:
    """The constants of the scorer for one model (see :func:`load_profile`).

    Attributes
    ----------
    model : str
        The model the profile was fitted for (semantic support is on its scale).
    keyword : dict
        ``requirement_weight``, ``specificity_power``, ``genre_power`` (term
        weighting), ``saturation`` (hits count as ``1 - e^(-n/saturation)``),
        ``top_terms`` (coverage is measured against the weight of the role's
        heaviest terms), ``focus_power`` (the keyword component is
        ``coverage^(1 - p) · focus^p``, see :func:`rolematch.scoring.keyword_evidence`;
        0 in profiles written before it existed), ``claims_share`` (the largest share of
        the component that skills and self-description lines alone may supply, see
        :func:`rolematch.scoring.cap_claims`; 1, no limit, in profiles written before it
        existed), ``null_quantile`` (focus counts beyond this quantile of the role's focus
        on the background's résumés, see :func:`rolematch.scoring.chance_corrected`; 0,
        no correction, in profiles written before it existed) and ``half`` (the keyword
        evidence that counts as half way).
    semantic : dict
        ``baseline_quantile`` (of the résumé's best cosines over the reference
        duties), ``duty_share`` (share of duties averaged, best covered first),
        ``claims_share`` (as the keyword one), ``half`` and ``covered_support`` (a duty
        counts as covered in explanations).
    calibration : dict
        Logistic coefficients ``intercept``, ``keyword``, ``semantic``, ``both``
        (the evidence gate ``sqrt(k·s)``), ``facet``, ``log_keyword`` and
        ``log_semantic`` (see :func:`rolematch.scoring.calibration_features`).
    verdicts : dict
        Lower score bounds of the words the CLI prints: ``strong``, ``partial``,
        ``weak``.
    roles : dict
        Per-role calibration overrides ``{role_id: {coefficient: value}}`` (learned
        profiles only).
    keyword_adjustments : dict
        ``{term: factor}``: learned emphasis on terms (learned profiles only).
    term_bonus : dict
        ``{word: log-odds}``: added to every role's calibrated log-odds when the
        résumé holds the word — a team's preference for a background the roles do not
        name (支付 for a payments background; learned profiles only).
    name, provenance : str, dict
        What the profile is and how it was made (data, commands, metrics).
    """

    model: str
    keyword: Mapping[str, float]
    semantic: Mapping[str, float]
    calibration: Mapping[str, float]
    verdicts: Mapping[str, float]
    roles: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    keyword_adjustments: Mapping[str, float] = field(default_factory=dict)
    term_bonus: Mapping[str, float] = field(default_factory=dict)
    name: str = ""
    provenance: Mapping[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    def coef(self, role_id: str | None = None) -> tuple[float, ...]:
        """Calibration coefficients in :data:`rolematch.scoring.COEFFICIENTS` order,
        with ``role_id``'s overrides where the profile has them."""
        c = {**self.calibration, **(self.roles.get(role_id, {}) if role_id else {})}
        return tuple(float(c[k]) for k in _COEF)

    def verdict(self, score: float) -> str:
        """The word for a score: ``strong fit``, ``partial fit``, ``weak`` or ``no fit``."""
        v = self.verdicts
        if score >= v["strong"]:
            return "strong fit"
        if score >= v["partial"]:
            return "partial fit"
        return "weak" if score >= v["weak"] else "no fit"

    def to_dict(self) -> dict[str, Any]:
        """The profile as the JSON document :func:`load_profile` reads."""
        return {
            "schema_version": self.schema_version,
            "name": self.name,
            "model": self.model,
            "keyword": dict(self.keyword),
            "semantic": dict(self.semantic),
            "calibration": dict(self.calibration),
            "verdicts": dict(self.verdicts),
            "roles": {r: dict(c) for r, c in self.roles.items()},
            "keyword_adjustments": dict(self.keyword_adjustments),
            "term_bonus": dict(self.term_bonus),
            "provenance": dict(self.provenance),
        }

    def save(self, path: str | Path) -> None:
        """Write the profile as JSON (UTF-8, keys in a stable order)."""
        Path(path).write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )

    def with_calibration(self, **coef: float) -> ScoringProfile:
        """A copy with some calibration coefficients replaced (validated)."""
        return from_dict({**self.to_dict(), "calibration": {**self.calibration, **coef}})

    def replace(self, **changes: Any) -> ScoringProfile:
        """A copy with fields replaced, validated like a loaded profile."""
        return from_dict(replace(self, **changes).to_dict())


def _check_number(
    where: str, value: Any, low: float, high: float, closed: bool, source: str = "profile"
) -> float:
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or not (low <= value if closed else low < value) or value > high:
        lo = ("[" if closed else "(") + f"{low:g}"
        raise ValueError(
            f"{source}: the profile field {where!r} must be a finite number in {lo}, {high:g}]. "
            f"Got {value!r:.80} instead."
        )
    return float(value)


def _section(data: Mapping[str, Any], name: str, source: str) -> dict[str, float]:
    sec = data.get(name)
    if not isinstance(sec, Mapping):
        raise ValueError(
            f"{source}: the profile field {name!r} must be an object. Got {sec!r:.60} instead."
        )
    ranges = _RANGES[name]
    # Keys added after schema 1 was published default to the value that scores as before.
    sec = {**_ADDED.get(name, {}), **sec}
    unknown = sorted(set(sec) - set(ranges))
    missing = sorted(set(ranges) - set(sec))
    if unknown or missing:
        raise ValueError(
            f"{source}: the profile field {name!r} must have exactly the keys {sorted(ranges)}. "
            f"Got unknown {unknown} and missing {missing} instead."
        )
    return {k: _check_number(f"{name}.{k}", sec[k], *ranges[k], source) for k in ranges}


def from_dict(data: Mapping[str, Any], source: str = "profile") -> ScoringProfile:
    """Validate a profile document and build the :class:`ScoringProfile`.

    Raises
    ------
    ValueError
        A field is missing, unknown, of the wrong type or out of range; the message
        names the field (``calibration.keyword``), the expectation and the value.
    """
    if not isinstance(data, Mapping):
        raise ValueError(f"{source}: a profile must be a JSON object. Got {data!r:.60} instead.")
    unknown = sorted(set(map(str, data)) - set(_FIELDS))
    if unknown:  # a typo ("term_bonuss") would silently drop what it holds
        raise ValueError(
            f"{source}: a profile has the fields {list(_FIELDS)}. Got unknown {unknown} instead."
        )
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ValueError(
            f"{source}: the profile field 'schema_version' must be {SCHEMA_VERSION}. "
            f"Got {version!r} instead."
        )
    model = data.get("model")
    if not isinstance(model, str) or not model:
        raise ValueError(
            f"{source}: the profile field 'model' must be a model name. Got {model!r} instead."
        )
    verdicts = _section(data, "verdicts", source)
    if not verdicts["weak"] <= verdicts["partial"] <= verdicts["strong"]:
        raise ValueError(
            f"{source}: the profile field 'verdicts' must satisfy weak <= partial <= strong. "
            f"Got {verdicts} instead."
        )
    roles = data.get("roles", {}) or {}
    if not isinstance(roles, Mapping):
        raise ValueError(f"{source}: the profile field 'roles' must be an object.")
    checked_roles = {}
    for rid, over in roles.items():
        if not isinstance(over, Mapping) or set(over) - set(_COEF):
            raise ValueError(
                f"{source}: the profile field 'roles.{rid}' must be an object with keys from "
                f"{list(_COEF)}. Got {over!r:.80} instead."
            )
        checked_roles[str(rid)] = {
            k: _check_number(f"roles.{rid}.{k}", v, *_RANGES["calibration"][k], source)
            for k, v in over.items()
        }
    adj = data.get("keyword_adjustments", {}) or {}
    if not isinstance(adj, Mapping):
        raise ValueError(f"{source}: the profile field 'keyword_adjustments' must be an object.")
    nested = [t for t, v in adj.items() if isinstance(v, Mapping)]
    if nested:
        raise ValueError(
            f"{source}: the profile field 'keyword_adjustments' must map each term to one "
            f"factor in [0, 10] for every role ({{term: factor}}, not per role). "
            f"Got an object for {nested[0]!r} instead."
        )
    checked_adj = {
        str(t): _check_number(f"keyword_adjustments.{t}", v, 0.0, 10.0, True, source)
        for t, v in adj.items()  # {term: factor}: a term's value is one number, no object
    }
    bonus = data.get("term_bonus", {}) or {}
    if not isinstance(bonus, Mapping):
        raise ValueError(f"{source}: the profile field 'term_bonus' must be an object.")
    checked_bonus = {
        str(t): _check_number(f"term_bonus.{t}", v, -MAX_TERM_BONUS, MAX_TERM_BONUS, True, source)
        for t, v in bonus.items()
    }
    return ScoringProfile(
        model=model,
        keyword=_section(data, "keyword", source),
        semantic=_section(data, "semantic", source),
        calibration=_section(data, "calibration", source),
        verdicts=verdicts,
        roles=checked_roles,
        keyword_adjustments=checked_adj,
        term_bonus=checked_bonus,
        name=str(data.get("name", "")),
        provenance=dict(data.get("provenance", {}) or {}),
    )


def profiles_dir() -> Path:
    """Folder of the bundled profiles."""
    return data_dir() / "profiles"


def profile_names() -> list[str]:
    """The bundled profiles' names, sorted (``default``, ``e5-small``, ``static-zh`` …)."""
    return sorted(p.stem for p in profiles_dir().glob("*.json"))


#: e5-small's engines score on one cosine scale and share its profile.
_ENGINES = ("-bf16", "-fp32", "-int8")


def model_family(model: str) -> str:
    """The model whose profile scores ``model``: e5-small for its engines, else itself.

    Examples
    --------
    >>> model_family("e5-small-bf16"), model_family("static-zh")
    ('e5-small', 'static-zh')
    """
    for engine in _ENGINES:
        model = model.removesuffix(engine)
    return model


def _is_model_folder(path: Path) -> bool:
    return path.is_dir() and any(
        (path / f).is_file() for f in ("modules.json", "config.json", "model.safetensors")
    )


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")  # Notepad saves UTF-8 with a BOM
    except UnicodeDecodeError as e:
        raise ValueError(
            f"{path}: a profile must be UTF-8 JSON. Got a byte {e.object[e.start]:#04x} at "
            f"position {e.start} that is not UTF-8 instead; save it as UTF-8."
        ) from None
    except OSError as e:
        raise ValueError(f"{path}: cannot read the profile ({e.strerror}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON (line {e.lineno}): {e.msg}") from None


def load_profile(profile: str | Path | Mapping[str, Any] | ScoringProfile) -> ScoringProfile:
    """A scoring profile from a bundled profile's name, a JSON file or a dict.

    Parameters
    ----------
    profile : str, path, dict or ScoringProfile
        A bundled profile's name (:func:`profile_names`: ``"e5-small"``,
        ``"static-zh"``, ``"default"`` …; an e5-small engine such as
        ``"e5-small-bf16"`` gets e5-small's and a local sentence-transformers model
        folder the ``default`` one), the path of a profile JSON file, or the
        document itself.

    Raises
    ------
    ValueError
        The file or document is not a valid profile (the message names the field), or
        ``profile`` names neither a bundled profile nor a JSON file (the message lists
        the bundled names).
    """
    if isinstance(profile, ScoringProfile):
        return profile
    if isinstance(profile, Mapping):
        return from_dict(profile)
    path = Path(profile)
    names = profile_names()
    if isinstance(profile, str) and model_family(profile) in names:
        bundled = profiles_dir() / f"{model_family(profile)}.json"
        return from_dict(_read_json(bundled), str(bundled))
    if path.is_file() and path.suffix.lower() == ".json":
        return from_dict(_read_json(path), str(path))
    if str(profile) and _is_model_folder(path):  # Matcher(model="folder") scores with it
        bundled = profiles_dir() / "default.json"
        return from_dict(_read_json(bundled), str(bundled))
    if not str(profile):
        why = "Got '' instead."
    elif path.is_dir():
        why = f"Got {str(profile)!r} instead, a folder."
    elif path.exists() and path.suffix.lower() != ".json":
        why = f"Got {str(profile)!r} instead, a file that is not .json."
    elif path.suffix.lower() == ".json":
        why = f"Got {str(profile)!r} instead, which does not exist."
    else:
        hint = path.with_name(path.name + ".json")
        also = f" (did you mean {hint}?)" if hint.is_file() else ""
        why = f"Got {str(profile)!r} instead{also}."
    raise ValueError(
        f"A profile must be a bundled profile's name ({', '.join(names)}) or a profile "
        f".json file. {why}"
    )


# ------------------------------------------------------------ which profile, and does it fit


class ProfileWarning(UserWarning):
    """A profile that does not fit what it scores (see :func:`check_profile_fit`)."""


def model_profile(model: str | None) -> str:
    """The bundled profile that scores ``model`` when none is given: the model's own
    (e5-small's for its engines), else ``default`` (a local or hub model, or ``None``:
    an encoder that does not say which model it runs).

    Examples
    --------
    >>> model_profile("e5-small-int8"), model_profile("static-zh"), model_profile(None)
    ('e5-small', 'static-zh', 'default')
    """
    family = model_family(model) if model else ""
    bundled = family and "/" not in family and "\\" not in family
    return family if bundled and (profiles_dir() / f"{family}.json").is_file() else "default"


def encoder_model(encoder: Any) -> str | None:
    """The model an encoder object runs, where it says: ``None`` where it does not.

    A :class:`~rolematch.features.embeddings.SentenceTransformerEncoder` names its
    ``model``; a ``SentenceTransformer`` from :func:`rolematch.load_model` is the built-in
    model it was loaded as (``"static-zh"``, ``"e5-small"``); another encoder says it by
    a ``model_id`` of a bundled profile's model (``"static-zh@…"``).

    Examples
    --------
    >>> from rolematch.features.embeddings import SentenceTransformerEncoder
    >>> encoder_model(SentenceTransformerEncoder("static-zh")), encoder_model(object())
    ('static-zh', None)
    """
    from rolematch.features.embeddings import SentenceTransformerEncoder

    if isinstance(encoder, SentenceTransformerEncoder):
        return encoder.model if isinstance(encoder.model, str) else None
    st = sys.modules.get("sentence_transformers")
    if st is not None and isinstance(encoder, st.SentenceTransformer):
        return _builtin_model(encoder)
    model_id = getattr(encoder, "model_id", None)
    name = model_family(model_id.rsplit("@", 1)[0]) if isinstance(model_id, str) else ""
    return name if name in profile_names() and name != "default" else None


def scoring_model(encoder: Any, model: Any) -> str | None:
    """The model that scores: the one ``encoder`` runs (:func:`encoder_model`) where
    there is an encoder, else ``model`` where it is a name, else ``None``.

    Examples
    --------
    >>> scoring_model(None, "e5-small"), scoring_model(object(), "e5-small")
    ('e5-small', None)
    """
    if encoder is not None:
        return encoder_model(encoder)
    return model if isinstance(model, str) else None


def _builtin_model(model: Any) -> str | None:
    """The built-in model a ``SentenceTransformer`` is, without loading another one."""
    from rolematch.exceptions import ModelError
    from rolematch.features.embeddings import SentenceTransformerEncoder, load_model

    first = next(iter(model), None)
    if type(first).__name__ == "StaticEmbedding":  # load_model gives one object a model
        try:
            return "static-zh" if load_model("static-zh") is model else None
        except ModelError:
            return None
    # e5-small's network (every engine's) is built in one folder, named by its version
    folder = getattr(
        getattr(getattr(first, "auto_model", None), "config", None), "name_or_path", ""
    )
    e5 = SentenceTransformerEncoder("e5-small-fp32", cache=False).spec.path
    return "e5-small" if isinstance(folder, str) and Path(folder).name == e5.name else None


def check_profile_fit(
    profile: ScoringProfile,
    given: Any,
    model: str | None,
    role_ids: Iterable[str] | None = None,
    stacklevel: int = 2,
) -> None:
    """Warn (:class:`ProfileWarning`) where ``profile`` does not fit what it scores.

    One warning each: the profile was fitted for another model than ``model`` (the
    ``default`` profile fits any), and it has per-role coefficients for roles that
    ``role_ids`` lacks (a typo in a hand-edited role id would silently drop that role's
    calibration). ``Matcher.fit`` and the command line's ``--profile`` both say it here.
    A process that :mod:`multiprocessing` started (a batch worker) says nothing: its
    warning would be a stray copy, one a worker, of what its parent says (the command
    line before it starts them).

    Parameters
    ----------
    profile : ScoringProfile
        The loaded profile.
    given : str, path, dict or ScoringProfile
        What ``profile`` was loaded from: a name or path names it as given, else its
        ``name``.
    model : str or None
        The model that scores (``None``: not known, so not checked).
    role_ids : iterable of str, optional
        The loaded roles (``None``: not checked).
    stacklevel : int
        As :func:`warnings.warn`'s, counted from the caller of this function.

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     check_profile_fit(load_profile("e5-small"), "e5-small", "static-zh")
    >>> print(caught[0].message)
    profile e5-small was fitted for model e5-small; scoring with static-zh
    """
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        return
    if isinstance(given, str | Path):
        label = str(given)
    else:
        label = repr(profile.name) if profile.name else "(unnamed)"
    fitted = model_family(profile.model)
    if model is not None and fitted not in ("default", model_family(model)):
        warnings.warn(
            f"profile {label} was fitted for model {profile.model}; scoring with {model}",
            ProfileWarning,
            stacklevel=stacklevel + 1,
        )
    if role_ids is not None and profile.roles:
        ids = set(role_ids)
        unknown = sorted(set(profile.roles) - ids)
        if unknown:
            warnings.warn(
                f"profile {label}: the field 'roles' has coefficients for "
                f"{', '.join(unknown)}, which no loaded role has (loaded: "
                f"{', '.join(sorted(ids))}); they are not used",
                ProfileWarning,
                stacklevel=stacklevel + 1,
            )
