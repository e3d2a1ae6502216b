"""The random streams entente's runs draw from, so the port can be fed the same numbers.

derive_seed is src/model/rng.ts's deriveSeed (the first 52 bits of a SHA-256), and Alea is
seedrandom's `alea` generator (Johannes Baagøe's algorithm, as seedrandom 3.0.5 writes it), in
the same double-precision arithmetic: the same seed gives the same stream, bit for bit.
"""

import hashlib

_2_POW_32 = 4294967296.0
_2_POW_MINUS_32 = 2.3283064365386963e-10


def derive_seed(base: int, point: int, replication: int) -> int:
    digest = hashlib.sha256(f"entente/{base}/{point}/{replication}".encode()).hexdigest()
    return int(digest[:13], 16)


def _mash():
    n = 0xEFC8249D

    def mash(data: str) -> float:
        nonlocal n
        for ch in data:
            n += ord(ch)
            h = 0.02519603282416938 * n
            n = int(h) % 0x100000000  # h >>> 0
            h -= n
            h *= n
            n = int(h) % 0x100000000
            h -= n
            n += h * _2_POW_32
        return (int(n) % 0x100000000) * _2_POW_MINUS_32

    return mash


class Alea:
    """seedrandom.alea(str(seed)): call it for the next number in [0, 1)."""

    def __init__(self, seed) -> None:
        mash = _mash()
        text = str(seed)
        self.c = 1
        self.s0 = mash(" ")
        self.s1 = mash(" ")
        self.s2 = mash(" ")
        self.s0 -= mash(text)
        if self.s0 < 0:
            self.s0 += 1
        self.s1 -= mash(text)
        if self.s1 < 0:
            self.s1 += 1
        self.s2 -= mash(text)
        if self.s2 < 0:
            self.s2 += 1

    def __call__(self) -> float:
        t = 2091639 * self.s0 + self.c * _2_POW_MINUS_32
        self.s0 = self.s1
        self.s1 = self.s2
        self.c = int(t)  # t | 0, t in [0, 2^31)
        self.s2 = t - self.c
        return self.s2
