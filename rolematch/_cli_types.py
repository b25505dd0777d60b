"""The CLI's argument types: each turns an option's text into its value or says, in
argparse's words, what it expected and what it got."""

from __future__ import annotations

import argparse
from collections.abc import Callable

__all__ = ["int_at_least", "positive_int", "seconds", "unit_float", "workers"]


def int_at_least(minimum: int, words: str) -> Callable[[str], int]:
    """An integer type refusing values below ``minimum`` ("expected {words}, got …")."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {words}, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected {words}, got {value}")
        return value

    return parse


positive_int = int_at_least(1, "a positive integer")


def unit_float(text: str) -> float:
    """A number in [0, 1] (a score threshold)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1], got {text!r}") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"expected a number in [0, 1], got {value}")
    return value


def seconds(text: str) -> float | None:
    """A time limit in seconds > 0, or ``none`` (as the API's ``file_timeout=None``)."""
    if text.strip().lower() == "none":
        return None
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(
            f"expected seconds > 0, or 'none' for no limit; got {text!r}"
        )
    return value


def workers(text: str) -> int | None:
    """A worker count, or ``auto`` (``None``: as many as the files and cores allow)."""
    if text == "auto":
        return None
    return positive_int(text)
