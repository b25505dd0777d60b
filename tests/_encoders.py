"""A tiny deterministic encoder for unit tests of the scoring arithmetic.

It is not a language model: character bigrams hashed into 256 dimensions. Tests
that need meaning use the real default model (``@pytest.mark.semantic``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np


class HashingEncoder:
    model_id = "test-hashing-bigrams"
    dim = 256

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, sentences: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        for i, s in enumerate(sentences):
            grams = [s[j : j + 2] for j in range(max(1, len(s) - 1))]
            for g in grams:
                h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
                out[i, h % self.dim] += 1.0
            n = np.linalg.norm(out[i])
            if n:
                out[i] /= n
        return out
