"""scoring.py against slow, obvious reference implementations, plus properties."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from rolematch.scoring import (
    calibrate,
    combine,
    duty_coverage,
    duty_support,
    half_saturate,
    keyword_coverage,
    saturate,
)

unit = st.floats(0, 1, allow_nan=False)


def ref_keyword_coverage(hits, weights):
    out = []
    for h in hits:
        row = []
        for w in weights:
            total = sum(w)
            row.append(sum(a * b for a, b in zip(h, w, strict=True)) / total if total else 0.0)
        out.append(row)
    return out


def ref_duty_coverage(support, weights, share):
    # expand each duty into many small equal slices and average the best share of them
    slices = []
    for s, w in zip(support, weights, strict=True):
        slices += [s] * round(w * 1000)
    slices.sort(reverse=True)
    k = share * len(slices)
    whole = int(k)
    total = sum(slices[:whole]) + (k - whole) * (slices[whole] if whole < len(slices) else 0)
    return total / k


def ref_combine(components, weights):
    num = den = 0.0
    for c, w in zip(components, weights, strict=True):
        if not math.isnan(c):
            num += c * w
            den += w
    return num / den if den else 0.0


@given(
    arrays(np.float64, (3, 5), elements=unit),
    arrays(np.float64, (2, 5), elements=st.floats(0, 10, allow_nan=False)),
)
def test_keyword_coverage_matches_reference(hits, weights):
    got = keyword_coverage(hits, weights)
    assert np.allclose(got, ref_keyword_coverage(hits.tolist(), weights.tolist()))
    assert np.all((got >= 0) & (got <= 1 + 1e-12))


@given(
    arrays(np.float64, (6,), elements=unit),
    arrays(np.float64, (6,), elements=st.sampled_from([0.25, 0.5, 1.0])),
    st.sampled_from([0.25, 0.5, 1.0]),
)
def test_duty_coverage_matches_reference(support, weights, share):
    got = duty_coverage(support, weights, share)
    assert math.isclose(got, ref_duty_coverage(support, weights, share), abs_tol=1e-2)
    assert 0 <= got <= 1


def test_covering_many_duties_beats_matching_one_very_well():
    assert duty_coverage(np.array([0.5, 0.5, 0.5, 0, 0, 0])) > duty_coverage(
        np.array([1.0, 0, 0, 0, 0, 0])
    )


@given(arrays(np.float64, (4, 3), elements=st.one_of(unit, st.just(np.nan))))
def test_combine_matches_reference_and_redistributes_missing(comp):
    w = [0.5, 0.4, 0.1]
    got = combine(comp, w)
    assert np.allclose(got, [ref_combine(row, w) for row in comp.tolist()])


def test_missing_facet_is_not_a_zero():
    with_zero = combine(np.array([[0.6, 0.6, 0.0]]), [0.5, 0.4, 0.1])
    missing = combine(np.array([[0.6, 0.6, np.nan]]), [0.5, 0.4, 0.1])
    assert missing[0] == 0.6 > with_zero[0]


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=20))
def test_saturation_is_bounded_and_monotone(counts):
    s = saturate(np.array(sorted(counts)))
    assert np.all((s >= 0) & (s <= 1))
    assert np.all(np.diff(s) >= 0)
    assert saturate(np.array([50]))[0] - saturate(np.array([3]))[0] < 0.06


@settings(max_examples=50)
@given(
    arrays(np.float64, (1, 6), elements=st.integers(0, 5).map(float)),
    arrays(np.float64, (2, 6), elements=st.floats(0, 5, allow_nan=False)),
    st.integers(0, 5),
)
def test_adding_a_matched_keyword_never_lowers_keyword_coverage(counts, weights, t):
    before = keyword_coverage(saturate(counts), weights)
    more = counts.copy()
    more[0, t] += 1
    assert np.all(keyword_coverage(saturate(more), weights) >= before - 1e-12)


def test_duty_support_picks_the_best_sentence_and_stays_in_range():
    rng = np.random.default_rng(0)
    d = rng.normal(size=(5, 8))
    s = rng.normal(size=(7, 8))
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    s /= np.linalg.norm(s, axis=1, keepdims=True)
    cos, idx, sup = duty_support(d, s)
    for j in range(5):
        sims = [float(d[j] @ s[i]) for i in range(7)]
        assert idx[j] == int(np.argmax(sims))
        assert math.isclose(cos[j], max(sims), rel_tol=1e-9)
    assert np.all((sup >= 0) & (sup <= 1))
    assert sup[np.argmin(cos)] == 0


def test_no_sentences_means_no_support():
    cos, idx, sup = duty_support(np.eye(3), np.zeros((0, 3)))
    assert idx.tolist() == [-1, -1, -1] and sup.tolist() == [0, 0, 0]


@given(unit, unit)
def test_calibration_and_half_saturation_are_monotone_and_bounded(a, b):
    lo, hi = sorted([a, b])
    assert calibrate(np.array(lo), 0.4, 10) <= calibrate(np.array(hi), 0.4, 10)
    assert 0 <= half_saturate(np.array(lo), 0.1) <= half_saturate(np.array(hi), 0.1) < 1
