"""Named random streams, one per mechanism (common random numbers).

Every mechanism draws from its own stream, spawned from one
`numpy.random.SeedSequence` with a spawn key derived from the stream's *name*
(not its position), so adding a mechanism or changing one knob does not
reshuffle the randomness of unrelated mechanisms. Comparisons between
strategies on the same seed are therefore sharp.

Draws are taken from numpy in blocks and handed out one by one: the model
asks for single numbers at event time, and a per-call numpy draw would cost
more than the SimPy event around it.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable
from itertools import chain, islice

import numpy as np

_BLOCK = 2048
POISSON_INVERSION_MAX = 30  # Poisson means up to this are drawn by inverse transform, larger ones approximated


class Stream:
    """A buffered source of uniform and standard-normal draws.

    `uniform()` and `normal()` are the `__next__` of endless C iterators over numpy's blocks (a `chain` of the
    blocks a callable iterator fetches when the previous one runs out), so a draw costs no Python call; the
    blocks are fetched at the same moments, so the draws are those of a buffer refilled on demand.
    """

    __slots__ = ("name", "_generator", "_uniforms", "uniform", "normal")

    def __init__(self, seed: int, name: str, block: int = _BLOCK):
        self.name = name
        self._generator = generator = _generator(seed, name)
        # Small blocks for the many per-customer streams, large ones for shared streams.
        self._uniforms = chain.from_iterable(iter(lambda: generator.random(block).tolist(), None))
        self.uniform: Callable[[], float] = self._uniforms.__next__  # a draw from U[0, 1)
        self.normal: Callable[[], float] = chain.from_iterable(  # a standard-normal draw
            iter(lambda: generator.standard_normal(block).tolist(), None)).__next__

    def normals(self, n: int) -> np.ndarray:
        """`n` standard-normal draws at once, for vectorised uses such as a survey of every customer."""
        return self._generator.standard_normal(n)

    def chance(self, probability: float) -> bool:
        """True with the given probability."""
        return self.uniform() < probability

    def exponential(self, mean: float) -> float:
        """Exponential with the given mean (inverse transform)."""
        return -mean * math.log(1.0 - self.uniform())

    def lognormal(self, mean: float, sigma: float) -> float:
        """Log-normal with the given *mean* and log-standard-deviation."""
        return mean * math.exp(sigma * self.normal() - 0.5 * sigma * sigma)

    def poisson(self, lam: float) -> int:
        """Poisson count by inverse transform: one uniform for the small means the model uses."""
        if lam <= 0:
            return 0
        if lam > POISSON_INVERSION_MAX:  # normal approximation keeps the loop short for large means
            return max(0, round(lam + math.sqrt(lam) * self.normal()))
        return poisson_count(self.uniform(), lam, math.exp(-lam))

    def pick(self, weights: tuple[float, ...]) -> int:
        """Index drawn with probability proportional to `weights`."""
        return pick(self.uniform(), weights)

    def block(self, n: int) -> list[float]:
        """The next `n` uniforms, for an actor that takes its draws with it (common random numbers).

        The same numbers `n` calls of `uniform` would give, taken from the buffer in C (a lead takes dozens).
        """
        return list(islice(self._uniforms, n))


class BlockStream:
    """A stream whose draws are taken as blocks: lists of `n` uniforms for actors that take their draws with them
    (a lead takes some fifty at a time).

    The same numbers a `Stream` of this name would give, in the same order, but a block is a slice of numpy's
    block (a tenth of the cost of taking its draws one by one from a `Stream`'s iterator). Nothing else draws
    from it.
    """

    __slots__ = ("name", "_generator", "_size", "_buffer", "_at")

    def __init__(self, seed: int, name: str, block: int = _BLOCK):
        self.name = name
        self._generator = _generator(seed, name)
        self._size = block
        self._buffer: list[float] = []
        self._at = 0  # the next draw's place in `_buffer`

    def block(self, n: int) -> list[float]:
        """The next `n` uniforms."""
        at, end = self._at, self._at + n
        if end <= len(self._buffer):
            self._at = end
            return self._buffer[at:end]
        taken = self._buffer[at:]
        while True:  # numpy's next block, fetched only when a draw is needed, as a `Stream` fetches it
            self._buffer = self._generator.random(self._size).tolist()
            needed = n - len(taken)
            if needed <= self._size:
                self._at = needed
                return taken + self._buffer[:needed]
            taken += self._buffer


def _generator(seed: int, name: str) -> np.random.Generator:
    """The numpy generator of the stream `name`: spawned from the run's seed by the name's checksum."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(zlib.crc32(name.encode(
        "utf-8")),))))


def poisson_count(u: float, lam: float, none: float) -> int:
    """The Poisson count of mean `lam` (at most POISSON_INVERSION_MAX) that the uniform `u` draws by inverse
    transform; `none` is exp(−lam), the chance of none, which a caller drawing from one mean month after month
    computes once (and which alone settles the count when `u` is below it)."""
    count, term = 0, none
    cumulative = term
    while u >= cumulative and term > 0:
        count += 1
        term *= lam / count
        cumulative += term
    return count


def pick(u: float, weights: tuple[float, ...]) -> int:
    """Index chosen by the uniform `u` with probability proportional to `weights`."""
    target = u * sum(weights)
    for index, weight in enumerate(weights):
        target -= weight
        if target < 0:
            return index
    return len(weights) - 1


class Streams:
    """The streams of one run, created on first use by name."""

    def __init__(self, seed: int):
        self.seed = seed
        self._streams: dict[str, Stream | BlockStream] = {}

    def __getitem__(self, name: str) -> Stream:
        return self._get(name, Stream)

    def blocks(self, name: str) -> BlockStream:
        """The stream `name`, for draws taken only as blocks (`BlockStream`)."""
        return self._get(name, BlockStream)

    def _get(self, name: str, kind: type) -> Stream | BlockStream:
        stream = self._streams.get(name)
        if stream is None:
            stream = self._streams[name] = kind(self.seed, name)
        elif type(stream) is not kind:  # a model bug: one name, one stream (a second would repeat its numbers)
            raise RuntimeError(f"the stream '{name}' is a {type(stream).__name__}, not a {kind.__name__}")
        return stream
