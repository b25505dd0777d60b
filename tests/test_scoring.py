"""scoring.py against slow, obvious reference implementations, plus properties."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from rolematch.scoring import (
    calibrate,
    chance_corrected,
    combine,
    duty_coverage,
    duty_support,
    half_saturate,
    keyword_coverage,
    keyword_evidence,
    keyword_focus,
    resume_baseline,
    saturate,
    saturate_parts,
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


def ref_combine(k, s, f, coef, halves):
    b0, bk, bs, bks, bf, blk, bls = coef
    kk, ss = k / (k + halves[0]), s / (s + halves[1])
    z = b0 + bk * kk + bs * ss + bks * math.sqrt(kk * ss)
    z += 0 if math.isnan(f) else bf * (f - 0.5)
    z += blk * math.log(k + 0.01) + bls * math.log(s + 0.01)
    return z, 1 / (1 + math.exp(-z))


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


COEF = (-1.0, 3.0, 2.5, 3.0, 1.0, 0.5, 0.4)


@given(arrays(np.float64, (4, 3), elements=st.one_of(unit, st.just(np.nan))))
def test_combine_matches_reference(comp):
    k, s_, f = np.nan_to_num(comp[:, 0]), np.nan_to_num(comp[:, 1]), comp[:, 2]
    raw, score = combine(k, s_, f, COEF, (0.2, 0.1))
    for i in range(4):
        z, p = ref_combine(k[i], s_[i], f[i], COEF, (0.2, 0.1))
        assert math.isclose(raw[i], z, abs_tol=1e-9) and math.isclose(score[i], p, abs_tol=1e-12)


def test_missing_facet_adds_nothing_and_a_bad_one_lowers():
    k, s_ = np.array([0.3]), np.array([0.3])
    _, missing = combine(k, s_, np.array([np.nan]), COEF, (0.2, 0.1))
    _, bad = combine(k, s_, np.array([0.0]), COEF, (0.2, 0.1))
    _, half = combine(k, s_, np.array([0.5]), COEF, (0.2, 0.1))
    assert bad[0] < missing[0] == half[0]


@given(unit, unit)
def test_evidence_gate_needs_both_components(k, s_):
    # keywords without duty coverage (or the reverse) score below the same total
    # evidence split over both: the sqrt(k·s) term is the gate
    _, one_sided = combine(np.array([k + s_]), np.array([0.0]), np.array([np.nan]), COEF, (1, 1))
    _, both = combine(np.array([k]), np.array([s_]), np.array([np.nan]), COEF, (1, 1))
    if k > 0.05 and s_ > 0.05:
        assert (
            both[0]
            > combine(np.array([k]), np.array([0.0]), np.array([np.nan]), COEF, (1, 1))[1][0]
        )
    assert one_sided[0] < 1 and both[0] < 1


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
    cos, idx, sup = duty_support(d, s, baseline=float(np.median((d @ s.T).max(axis=1))))
    for j in range(5):
        sims = [float(d[j] @ s[i]) for i in range(7)]
        assert idx[j] == int(np.argmax(sims))
        assert math.isclose(cos[j], max(sims), rel_tol=1e-9)
    assert np.all((sup >= 0) & (sup <= 1))
    assert sup[np.argmin(cos)] == 0


def test_no_sentences_means_no_support():
    cos, idx, sup = duty_support(np.eye(3), np.zeros((0, 3)), baseline=0.5)
    assert idx.tolist() == [-1, -1, -1] and sup.tolist() == [0, 0, 0]


@given(unit, unit)
def test_calibration_and_half_saturation_are_monotone_and_bounded(a, b):
    lo, hi = sorted([a, b])
    assert calibrate(np.array(lo)) <= calibrate(np.array(hi))
    assert 0 <= half_saturate(np.array(lo), 0.1) <= half_saturate(np.array(hi), 0.1) < 1


def test_top_terms_measures_against_the_heaviest_terms_and_caps_at_one():
    w = np.array([[4.0, 3.0, 1.0, 1.0, 1.0]])
    hits = np.array([[1.0, 1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0, 1.0]])
    assert keyword_coverage(hits, w, top_terms=2)[:, 0].tolist() == [1.0, 1.0]
    assert keyword_coverage(hits, w)[0, 0] == 0.7


def test_resume_baseline_depends_on_the_resume_not_on_roles():
    rng = np.random.default_rng(1)
    ref = rng.normal(size=(40, 8))
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    cv = rng.normal(size=(6, 8))
    cv /= np.linalg.norm(cv, axis=1, keepdims=True)
    b = resume_baseline(ref, cv, 0.9)
    assert b == float(np.quantile((ref @ cv.T).max(axis=1), 0.9))
    # more sentences can only raise a résumé's best cosines, so its baseline
    assert resume_baseline(ref, np.vstack([cv, cv[:1] * -1]), 0.9) >= b


@given(
    arrays(np.float64, (3, 6), elements=unit),
    arrays(np.float64, (6,), elements=st.floats(0, 5, allow_nan=False)),
    arrays(np.float64, (2, 6), elements=st.floats(0, 3, allow_nan=False)),
    arrays(np.float64, (3,), elements=st.floats(0, 50, allow_nan=False)),
)
def test_keyword_focus_is_the_role_share_of_the_mass(hits, term_weight, role_weights, mass):
    got = keyword_focus(hits, term_weight, role_weights, mass)
    for i in range(3):
        for r in range(2):
            rows = zip(hits[i], term_weight, role_weights[r], strict=True)
            part = sum(h * w for h, w, rw in rows if rw > 0)
            want = min(1.0, part / mass[i]) if mass[i] > 1e-9 else 0.0
            assert math.isclose(got[i, r], want, rel_tol=1e-9, abs_tol=1e-12)


def test_keyword_focus_counts_which_terms_are_a_roles_not_how_much_they_weigh():
    hits = np.array([[1.0, 1.0, 0.0]])
    tw = np.array([1.0, 1.0, 1.0])
    light = keyword_focus(hits, tw, np.array([[0.1, 0.1, 9.0]]), np.array([4.0]))
    heavy = keyword_focus(hits, tw, np.array([[9.0, 9.0, 0.1]]), np.array([4.0]))
    assert light.tolist() == heavy.tolist() == [[0.5]]


@given(unit, unit)
def test_keyword_evidence_is_the_geometric_mean_at_one_half_and_coverage_at_zero(c, f):
    cov, foc = np.array([c]), np.array([f])
    assert keyword_evidence(cov, foc, 0.0)[0] == c
    assert math.isclose(keyword_evidence(cov, foc, 0.5)[0], math.sqrt(c * f), abs_tol=1e-12)
    assert min(c, f) - 1e-12 <= keyword_evidence(cov, foc, 0.3)[0] <= max(c, f) + 1e-12


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31 - 1), st.booleans())
def test_own_hits_give_each_roles_dense_coverage_and_focus(seed, top):
    # the sparse per-role compound hits give what each role's dense hit matrix gives
    rng = np.random.default_rng(seed)
    n, n_roles, n_terms = 4, 3, 7
    counts = rng.integers(0, 3, (n, n_terms))
    weights = rng.random((n_roles, n_terms)) * (rng.random((n_roles, n_terms)) < 0.6)
    term_weight, mass = rng.random(n_terms), rng.random(n) * 5 + 1e-3
    parts = [
        {r: {int(t): int(rng.integers(1, 3))} for r in range(n_roles) if rng.random() < 0.5
         for t in [rng.integers(0, n_terms)]}
        for _ in range(n)
    ]  # fmt: skip
    top_terms = 3 if top else None
    shared, own = saturate(counts, 0.25), saturate_parts(counts, parts, 0.25)
    cov = keyword_coverage(shared, weights, top_terms, own)
    foc = keyword_focus(shared, term_weight, weights, mass, own)
    for r in range(n_roles):
        dense = counts.copy()
        for i, by_role in enumerate(parts):
            for t, k in by_role.get(r, {}).items():
                dense[i, t] += k
        hits = saturate(dense, 0.25)
        w = weights[r : r + 1]
        np.testing.assert_allclose(cov[:, r], keyword_coverage(hits, w, top_terms)[:, 0])
        np.testing.assert_allclose(foc[:, r], keyword_focus(hits, term_weight, w, mass)[:, 0])


@given(
    arrays(np.float64, (4, 3), elements=unit),
    arrays(np.float64, (3,), elements=st.floats(0, 0.9, allow_nan=False)),
)
def test_chance_corrected_focus_is_zero_at_chance_one_at_one_and_keeps_order(focus, null):
    got = chance_corrected(focus, null)
    assert ((got >= 0) & (got <= 1)).all()
    assert (got[focus <= null] == 0).all()
    assert np.allclose(chance_corrected(np.ones((1, 3)), null), 1.0)
    for r in range(3):  # within a role the order of résumés stays
        a, b = focus[:, r], got[:, r]
        assert all(b[i] <= b[j] for i in range(4) for j in range(4) if a[i] <= a[j])
    assert np.array_equal(chance_corrected(focus, np.zeros(3)), focus)


def test_a_repeated_sentence_is_the_evidence_at_its_first_place_whatever_the_float_noise():
    # a CV pasted twice: one run encoded its copies 1e-7 apart one way, a cached rerun the
    # other, and the reason said "by 2 sentences" in one and "by 4" in the other
    duty = np.array([[1.0, 0.0]])
    copy = np.array([0.8, 0.6])
    for noise in (1e-7, -1e-7):
        sents = np.array([copy, [0.0, 1.0], copy + [noise, 0.0]])
        cos, idx, _ = duty_support(duty, sents, 0.5)
        assert idx.tolist() == [0] and cos[0] == max(0.8, 0.8 + noise)  # the score: the best
