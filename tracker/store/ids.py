"""Record ids and hybrid logical clock timestamps.

Ids are UUIDv7 (RFC 9562): time-ordered, so indexes stay append-mostly, and
globally unique, so records made on many offline devices merge without clashes.

The hybrid logical clock (Kulkarni et al., 2014) gives every change a timestamp
that stays near wall-clock time but never goes backwards on a device and always
exceeds any timestamp seen from a peer, so "last writer" stays meaningful when
a field laptop's clock is wrong.
"""

from __future__ import annotations

import time

import uuid_utils


def new_id() -> str:
    # uuid-utils (Rust) makes ids monotonic within a process and about 15x faster than a pure
    # Python UUIDv7, which matters on bulk loads (one id per record).
    return str(uuid_utils.uuid7())


# An HLC is written as fixed-width text so plain string comparison orders it:
# 15 digits of milliseconds since the epoch, a dash, 6 digits of counter.
_MS_WIDTH = 15
_COUNTER_WIDTH = 6


def format_hlc(ms: int, counter: int) -> str:
    return f"{ms:0{_MS_WIDTH}d}-{counter:0{_COUNTER_WIDTH}d}"


def parse_hlc(text: str) -> tuple[int, int]:
    ms, _, counter = text.partition("-")
    if not (ms.isdigit() and counter.isdigit() and len(ms) == _MS_WIDTH and len(counter) == _COUNTER_WIDTH):
        raise ValueError(f"not a clock timestamp: {text!r}")
    return int(ms), int(counter)


# A peer's clock value may pull this clock forward by at most this much past the wall clock
# (sync refuses changes further ahead before they get here: tracker/sync/bundle.check_clocks).
MAX_AHEAD_MS = 24 * 3_600_000


class ClockTooFarAhead(ValueError):
    """A peer's clock value further ahead of the wall clock than allowed."""


class HybridClock:
    """A hybrid logical clock. ``now()`` ticks for a local event, ``observe()`` for a peer's."""

    def __init__(self, last: str | None = None, wall=None):
        self._wall = wall or (lambda: int(time.time() * 1000))
        self.ms, self.counter = parse_hlc(last) if last else (0, 0)

    def now(self) -> str:
        wall = self._wall()
        if wall > self.ms:
            self.ms, self.counter = wall, 0
        else:
            self.counter += 1
        return format_hlc(self.ms, self.counter)

    def observe(self, remote: str, max_ahead_ms: int = MAX_AHEAD_MS) -> str:
        """Move past a peer's clock value; one more than ``max_ahead_ms`` ahead of the wall clock
        is refused (ClockTooFarAhead) and leaves this clock as it was, so a peer whose clock is
        years ahead cannot drag this one (and every later local write) along."""
        r_ms, r_counter = parse_hlc(remote)
        wall = self._wall()
        if r_ms > wall + max_ahead_ms:
            raise ClockTooFarAhead(f"clock value {remote} is more than {max_ahead_ms / 3_600_000:g} h ahead of "
                                   "this device's clock")
        top = max(wall, self.ms, r_ms)
        if top == self.ms == r_ms:
            self.counter = max(self.counter, r_counter) + 1
        elif top == self.ms:
            self.counter += 1
        elif top == r_ms:
            self.counter = r_counter + 1
        else:
            self.counter = 0
        self.ms = top
        return format_hlc(self.ms, self.counter)

    def wall(self) -> int:
        """This device's wall clock, in milliseconds since the epoch."""
        return self._wall()

    def last(self) -> str:
        return format_hlc(self.ms, self.counter)
