"""The CLI's argument types: values in, argparse errors naming what was expected out."""

from __future__ import annotations

import argparse

import pytest

from rolematch._cli_types import int_at_least, positive_int, seconds, unit_float, workers


@pytest.mark.parametrize(
    ("parse", "text", "value"),
    [
        (positive_int, "3", 3),
        (int_at_least(0, "an integer >= 0"), "0", 0),
        (unit_float, "0.5", 0.5),
        (unit_float, "1", 1.0),
        (seconds, "2.5", 2.5),
        (seconds, " None ", None),
        (workers, "auto", None),
        (workers, "2", 2),
    ],
)
def test_a_good_value_is_read(parse, text, value):
    assert parse(text) == value


@pytest.mark.parametrize(
    ("parse", "text", "message"),
    [
        (positive_int, "0", "expected a positive integer, got 0"),
        (positive_int, "two", "expected a positive integer, got 'two'"),
        (int_at_least(0, "an integer >= 0"), "-1", "expected an integer >= 0, got -1"),
        (unit_float, "1.5", "expected a number in [0, 1], got 1.5"),
        (unit_float, "half", "expected a number in [0, 1], got 'half'"),
        (seconds, "0", "expected seconds > 0, or 'none' for no limit; got '0'"),
        (seconds, "inf", "got 'inf'"),
        (workers, "0", "expected a positive integer, got 0"),
    ],
)
def test_a_bad_value_says_what_was_expected_and_what_came(parse, text, message):
    with pytest.raises(argparse.ArgumentTypeError) as error:
        parse(text)
    assert message in str(error.value)
