"""scikit-learn's estimator parameter protocol without importing scikit-learn.

``import sklearn.base`` takes ~1.2 s (it pulls in scipy.stats), paid by every CLI run
and every batch worker before it reads a file. The protocol is small: parameters are
the keyword arguments of ``__init__``, stored under their own names, so
``sklearn.base.clone``, ``GridSearchCV`` and pipelines work with :class:`Params`
subclasses as with ``BaseEstimator`` ones. Beside it, the checks of the two view
parameters every result reader takes, ``top_k`` and ``min_score``, in the wording of
scikit-learn's parameter validation.
"""

from __future__ import annotations

import inspect
import math
import numbers
from typing import Any

__all__ = ["Params", "check_min_score", "check_top_k"]


def check_top_k(top_k: Any, owner: str) -> int | None:
    """``top_k`` if it is a positive int or None, else a ValueError naming ``owner``.

    Examples
    --------
    >>> check_top_k(3, "BatchResults.to_frame")
    3
    >>> check_top_k(0, "BatchResults.to_frame")
    Traceback (most recent call last):
    ValueError: The 'top_k' parameter of BatchResults.to_frame must be a positive int or None. Got 0 instead.
    """  # noqa: E501
    if top_k is not None and (
        isinstance(top_k, bool) or not isinstance(top_k, numbers.Integral) or top_k < 1
    ):
        raise ValueError(
            f"The 'top_k' parameter of {owner} must be a positive int or None. "
            f"Got {top_k!r} instead."
        )
    return None if top_k is None else int(top_k)


def check_min_score(min_score: Any, owner: str) -> float | None:
    """``min_score`` if it is a number in [0, 1] (not NaN) or None, else a ValueError.

    Examples
    --------
    >>> check_min_score(0.5, "BatchResults.keep")
    0.5
    >>> check_min_score(float("nan"), "BatchResults.keep")
    Traceback (most recent call last):
    ValueError: The 'min_score' parameter of BatchResults.keep must be a float in the range [0, 1] or None. Got nan instead.
    """  # noqa: E501
    if min_score is None:
        return None
    ok = isinstance(min_score, numbers.Real) and not isinstance(min_score, bool)
    if not ok or math.isnan(min_score) or not 0 <= min_score <= 1:
        raise ValueError(
            f"The 'min_score' parameter of {owner} must be a float in the range [0, 1] or "
            f"None. Got {min_score!r} instead."
        )
    return float(min_score)


class Params:
    """``get_params``, ``set_params`` and a repr of the non-default parameters.

    Examples
    --------
    >>> class Scorer(Params):
    ...     def __init__(self, *, model="e5-small", profile=None):
    ...         self.model, self.profile = model, profile
    >>> s = Scorer(model="static-zh")
    >>> s
    Scorer(model='static-zh')
    >>> s.set_params(profile="团队").get_params()
    {'model': 'static-zh', 'profile': '团队'}
    """

    @classmethod
    def _param_names(cls) -> list[str]:
        signature = inspect.signature(cls.__init__)
        return sorted(
            p.name
            for p in signature.parameters.values()
            if p.name != "self" and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        )

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor's parameters and their values (nested ones as ``a__b`` when ``deep``)."""
        out: dict[str, Any] = {}
        for name in self._param_names():
            value = getattr(self, name)
            if deep and hasattr(value, "get_params") and not isinstance(value, type):
                out.update((f"{name}__{k}", v) for k, v in value.get_params().items())
            out[name] = value
        return out

    def set_params(self, **params: Any) -> Any:
        """Set constructor parameters (nested ones as ``a__b``); returns ``self``."""
        names = self._param_names()
        nested: dict[str, dict[str, Any]] = {}
        for key, value in params.items():
            name, _, sub = key.partition("__")
            if name not in names:
                raise ValueError(
                    f"Invalid parameter {name!r} for {type(self).__name__}: expected one "
                    f"of {names}."
                )
            if sub:
                nested.setdefault(name, {})[sub] = value
            else:
                setattr(self, name, value)
        for name, sub_params in nested.items():
            getattr(self, name).set_params(**sub_params)
        return self

    def __repr__(self) -> str:
        signature = inspect.signature(type(self).__init__)
        changed = [
            f"{name}={value!r}"
            for name, value in self.get_params(deep=False).items()
            if signature.parameters[name].default is not value
            and signature.parameters[name].default != value
        ]
        return f"{type(self).__name__}({', '.join(changed)})"
