"""What ``Matcher`` methods accept as ``resumes`` (rolematch/_inputs.py): a bare string,
a mapping, a path given as text, a ``Resume`` built by hand, and the labels of plain texts.

Runs the real static-zh model (0.1 s to load).
"""

from __future__ import annotations

import numpy as np
import pytest

from rolematch import Matcher, Resume, Sentence, load_roles, resume_from_text

ROLES = load_roles()
CV = "2016年至今 某银行 手机银行团队负责人，负责手机银行APP的运营与版本迭代，月活提升30%。"
SERVICE_CV = "2014年至今 某银行远程银行中心 客服主管，负责呼叫中心坐席排班和投诉处理。"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(model="static-zh").fit(ROLES)


@pytest.mark.parametrize(
    "call",
    [
        lambda m, x: m.match(x),
        lambda m, x: m.score_matrix(x),
        lambda m, x: m.similarity(x),
        lambda m, x: m.score_table(x),
        lambda m, x: m.shortlist("mobile-banking", x),
        lambda m, x: m.score(x, ["mobile-banking"]),
    ],
)
def test_a_bare_string_is_not_a_list_of_one_character_resumes(matcher, call):
    with pytest.raises(
        TypeError,
        match=r"The 'resumes' parameter of Matcher\.\w+ must be an iterable of Resume or "
        r"résumé texts \(str\)\. Got a str \('2016年至今.*\) instead; pass \[text\]",
    ):
        call(matcher, CV)


def test_a_mapping_or_none_is_refused_with_the_parameter_named(matcher):
    with pytest.raises(TypeError, match=r"'resumes' .* Got a dict instead.*list\(d\.values\(\)\)"):
        matcher.match({"a": CV})
    with pytest.raises(TypeError, match=r"'resumes' .* Got None instead"):
        matcher.score_matrix(None)


def test_an_item_that_is_neither_names_its_position(matcher):
    with pytest.raises(
        TypeError,
        match=r"Item 2 of the .resumes. parameter of Matcher.score_matrix must be .*Got float instead",
    ):
        matcher.score_matrix([CV, float("nan")])


def test_a_string_that_names_an_existing_file_says_to_use_read_resume(matcher, tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text(CV, encoding="utf-8")
    with pytest.raises(
        TypeError,
        match=r"Item 1 of the .resumes. parameter of Matcher.match names an existing file.*read_resume",
    ):
        matcher.match([str(path)])
    with pytest.raises(TypeError, match=r"read_resume"):
        matcher.explain(str(path), "mobile-banking")
    with pytest.raises(TypeError, match=r"score_paths"):
        matcher.score_matrix([str(tmp_path)])  # a folder
    # the same words as text, or a text that happens to be a file's name and more, score
    assert np.isfinite(matcher.score_matrix([CV, f"{path}\n{CV}"])).all()


def test_plain_texts_get_distinct_labels_in_input_order(matcher):
    t = matcher.score_table([CV, resume_from_text(CV, "a.txt"), SERVICE_CV])
    assert list(dict.fromkeys(t.file)) == ["<text 1>", "a.txt", "<text 3>"]
    t.pivot(index="file", columns="role_id", values="score")  # rows can be told apart
    assert [r[0].source for r in matcher.match([CV, SERVICE_CV], top_k=1)] == [
        "<text 1>",
        "<text 2>",
    ]
    assert matcher.explain(CV, "mobile-banking").source == "<text 1>"


def test_a_resume_built_by_hand_scores_like_its_text(matcher):
    by_hand = Resume("x", CV)
    scores = matcher.score_matrix([CV, by_hand])
    np.testing.assert_allclose(scores[1], scores[0], atol=1e-6)
    e = matcher.explain(by_hand, "mobile-banking")
    assert e.source == "x" and e.evidence[0].sentence  # its sentences were found
    assert matcher.score_table([by_hand]).language.iloc[0] == "zh-Hans"


def test_a_resume_with_blank_text_is_empty_not_scored_zero(matcher):
    for blank in (Resume("x", ""), Resume("y", " \n ")):
        assert np.isnan(matcher.score_matrix([blank])).all()
        row = matcher.score_table([blank]).iloc[0]
        assert row.status == "empty" and row.reason == "no text"
        assert matcher.match([blank]) == [[]]


def test_a_resume_whose_sentences_are_strings_is_refused():
    with pytest.raises(TypeError, match=r"'sentences' .* Sentence.*item 1 is a str"):
        Resume("x", CV, sentences=(CV,))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"'sentences' .* Sentence.*Got a str"):
        Resume("x", CV, sentences=CV)  # type: ignore[arg-type]
    assert Resume("x", CV, sentences=(Sentence(CV),)).sentences[0].text == CV


def test_bytes_say_to_read_them_with_read_resume(matcher):
    # an upload's bytes: read_resume reads them as the file they are
    data = CV.encode()
    with pytest.raises(
        TypeError,
        match=r"Got a bytes \(.*\) instead: read a file's content with "
        r"rolematch\.read_resume\(data, filename=\.\.\.\) and pass \[resume\]",
    ):
        matcher.match(data)
    with pytest.raises(
        TypeError,
        match=r"Item 1 of the 'resumes' parameter of Matcher\.match must be .*Got bytes "
        r"instead: read a file's content with rolematch\.read_resume\(data, filename=\.\.\.\)",
    ):
        matcher.match([data])


class _Rows:
    """An encoder that returns the rows it is given, whatever the texts."""

    def __init__(self, rows):
        self.rows = np.asarray(rows, dtype=np.float32)

    def encode(self, texts):
        return self.rows


@pytest.mark.parametrize(
    ("rows", "texts", "message"),
    [
        ([[1.0, 0.0], [0.0, 1.0]], ["a"], "_Rows.encode returned 2 rows for 1 text."),
        ([[1.0, 0.0]], ["a", "b"], "_Rows.encode returned 1 row for 2 texts."),
        ([[np.nan, 0.0]], ["a"], "_Rows.encode returned 1 row (of 1) that is not finite"),
        ([[np.nan, 0.0], [np.inf, 0.0]], ["a", "b"], "returned 2 rows (of 2) that are not"),
        ([[1.0]], ["a"], "_Rows.encode returned rows of 1 value; the roles were encoded with 2"),
        ([1.0], ["a"], "(one row per text) for 1 text; got shape (1,)"),
    ],
)
def test_an_encoders_bad_output_is_told_in_singular_for_one(rows, texts, message):
    from rolematch._inputs import encoded

    with pytest.raises(ValueError) as err:
        encoded(_Rows(rows), texts, dim=2)
    assert message in str(err.value)
