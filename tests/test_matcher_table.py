"""``Matcher.score_table``: the one table every batch front end (CLI, Spark, audit) scores into.

Runs the real static-zh model (0.1 s to load).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from rolematch import Matcher, Resume, load_roles, resume_from_text
from rolematch.matcher import TABLE_COLUMNS

ROLES = load_roles()

BANKING_CV = "工作经历\n负责手机银行APP运营与迭代，月活提升30%，主导用户增长活动。"
DATA_CV = "工作经历\n负责数据分析与建模，使用Python和SQL搭建风控指标体系。"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(model="static-zh").fit(ROLES)


@pytest.fixture(scope="module")
def resumes() -> list[Resume]:
    return [
        resume_from_text(BANKING_CV, source="a.txt"),
        Resume.failed("broken.pdf", "corrupt", "the PDF is damaged", warnings=("w1", "w2")),
        resume_from_text(DATA_CV, source="b.txt"),
    ]


def test_rows_columns_and_order(matcher, resumes):
    t = matcher.score_table(resumes)
    n_roles = len(matcher.role_ids_)
    assert list(t.columns) == list(TABLE_COLUMNS)
    assert len(t) == 2 * n_roles + 1
    assert t.file.tolist() == ["a.txt"] * n_roles + ["broken.pdf"] + ["b.txt"] * n_roles
    assert t.role_id.tolist()[:n_roles] == matcher.role_ids_
    assert t.role_title.tolist()[:n_roles] == [r.title for r in ROLES]
    for c in ("score", "keyword_score", "semantic_score", "facet_score"):
        assert t[c].dtype == np.float64


def test_a_bad_resume_has_one_row_with_its_reason(matcher, resumes):
    t = matcher.score_table(resumes)
    bad = t[t.file == "broken.pdf"]
    assert len(bad) == 1
    row = bad.iloc[0]
    assert row.status == "corrupt"
    assert row.reason == "the PDF is damaged"
    assert row.warnings == "w1; w2"
    assert pd.isna(row.role_id) and pd.isna(row.role_title)
    assert all(math.isnan(row[c]) for c in ("score", "keyword_score", "semantic_score"))
    assert math.isnan(row.facet_score)


def test_scores_equal_similarity(matcher, resumes):
    t = matcher.score_table(resumes)
    sim = matcher.similarity(resumes)
    ok = t[t.status == "ok"]
    got = ok.score.to_numpy().reshape(2, -1)
    np.testing.assert_array_equal(got, sim[[0, 2]])
    assert np.isnan(sim[1]).all()


def test_explain_adds_the_explanations_of_the_same_scores(matcher, resumes):
    plain = matcher.score_table(resumes)
    t = matcher.score_table(resumes, explain=True)
    assert list(t.columns) == [*TABLE_COLUMNS, "explanation"]
    pd.testing.assert_frame_equal(t.drop(columns="explanation"), plain)
    for row in t.itertuples():
        if row.status != "ok":
            assert row.explanation is None
            continue
        e = row.explanation
        assert (e.role_id, e.source, e.score, e.reason) == (
            row.role_id,
            row.file,
            row.score,
            row.reason,
        )
        assert e.keyword_score == row.keyword_score
        assert e.facet_score == (None if math.isnan(row.facet_score) else row.facet_score)


def test_explanations_match_explain(matcher, resumes):
    t = matcher.score_table(resumes[:1], explain=True)
    rid = matcher.role_ids_[1]
    got = t[t.role_id == rid].explanation.iloc[0]
    assert got == matcher.explain(resumes[0], rid)


def test_plain_texts_and_an_empty_batch(matcher):
    t = matcher.score_table([BANKING_CV])
    assert len(t) == len(matcher.role_ids_)
    assert (t.status == "ok").all()
    assert t.loc[t.score.idxmax(), "role_id"] == "mobile-banking"
    empty = matcher.score_table([])
    assert list(empty.columns) == list(TABLE_COLUMNS) and len(empty) == 0


def test_not_fitted():
    from rolematch import NotFittedError

    with pytest.raises(NotFittedError, match="not fitted"):
        Matcher(model="static-zh").score_table([BANKING_CV])
