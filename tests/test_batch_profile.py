"""``score_paths(profile=...)``: what ``--profile`` means on the command line (a profile,
its JSON file or a bundled name), and the matchers it cannot be combined with."""

from __future__ import annotations

import numpy as np
import pytest

from rolematch import Matcher, load_profile
from rolematch.batch import score_paths
from tests.test_batch import MODEL, ROLES, StaticZhHashingEncoder, _scores, folder  # noqa: F401


def test_score_paths_profile_means_what_profile_means_on_the_command_line(
    folder,  # noqa: F811 - the fixture
    tmp_path,
):
    # score_paths(profile=...) raised TypeError, and Matcher(profile=...) was found only
    # in the signatures (user report s42 #4): a profile, its JSON file or a bundled name
    learned = load_profile(MODEL).with_calibration(intercept=-2.0)
    path = tmp_path / "team.json"
    learned.save(path)
    params = {"encoder": StaticZhHashingEncoder()}
    expected = _scores(score_paths(folder, matcher=Matcher(**params, profile=learned), roles=ROLES))
    plain = _scores(score_paths(folder, matcher=params, roles=ROLES))
    assert not np.allclose(expected, plain, equal_nan=True)
    for given in (learned, path, str(path)):
        got = _scores(score_paths(folder, matcher=params, profile=given, roles=ROLES))
        np.testing.assert_allclose(got, expected, equal_nan=True)
    by_name = _scores(score_paths(folder, matcher=params, profile=MODEL, roles=ROLES))
    np.testing.assert_allclose(by_name, plain, equal_nan=True)
    mine = Matcher(**params)  # an unfitted matcher: scored with the profile, left as it was
    got = _scores(score_paths(folder, matcher=mine, profile=path, roles=ROLES))
    np.testing.assert_allclose(got, expected, equal_nan=True)
    assert mine.profile is None
    # without a matcher: Matcher(model=model, profile=...), the real model
    real = _scores(score_paths(folder, model=MODEL, profile=learned, roles=ROLES))
    assert real.shape == expected.shape and np.nanmax(real) < np.nanmax(
        _scores(score_paths(folder, model=MODEL, roles=ROLES))
    )


@pytest.mark.parametrize(
    ("matcher", "profile", "said"),
    [
        (
            "fitted",
            "static-zh",
            r"The 'profile' parameter of score_paths cannot be combined with a fitted "
            r"'matcher', which scores with the profile it was fitted with \('static-zh default'\)",
        ),
        ("own", "static-zh", r"cannot be combined with a 'matcher' given its own profile"),
        ("params", "static-zh", r"cannot be combined with a 'matcher' given its own profile"),
        (None, "no-such-profile", r"The 'profile' parameter of score_paths is not valid: .*"),
        (None, 3, r"The 'profile' parameter of score_paths is not valid: "),
    ],
)
def test_score_paths_refuses_a_profile_it_cannot_apply(
    folder,  # noqa: F811 - the fixture
    matcher,
    profile,
    said,
):
    params = {"encoder": StaticZhHashingEncoder()}
    given = {
        None: None,
        "fitted": Matcher(**params).fit(ROLES) if matcher == "fitted" else None,
        "own": Matcher(**params, profile="e5-small"),
        "params": {**params, "profile": "e5-small"},
    }[matcher]
    with pytest.raises(ValueError, match=said):
        score_paths(folder, matcher=given, profile=profile, roles=ROLES)
