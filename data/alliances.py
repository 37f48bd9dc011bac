"""The regional alliances the map outlines: the Alliance of Sahel States (AES) and the G5 Sahel
before it, each around its members among the four countries on a date.

Membership is read from the partnerships (kind `membership`, partner `AES` or `G5S`), so the outline
follows the data: the G5 Sahel from its founding (16 February 2014) loses Mali in May 2022, Burkina
Faso and Niger in November 2023 and Chad in December 2023; the AES is founded on 16 September 2023.
Mauritania, a G5 member outside the four, is not outlined: the data covers the four only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from data.schema import Partnership
from geodata.names import FOCUS

ALLIANCE_OF_SAHEL_STATES = "AES"
G5_SAHEL = "G5S"
ALLIANCES = (ALLIANCE_OF_SAHEL_STATES, G5_SAHEL)
# How far outside its members' border an alliance's line runs (degrees): the G5 Sahel's further
# out, so both show in the months the two overlap (September to November 2023).
ALLIANCE_GROW = {ALLIANCE_OF_SAHEL_STATES: 0.25, G5_SAHEL: 0.6}


@dataclass(frozen=True)
class Outline:
    """An alliance with a given set of members: one outline the map can show."""

    alliance: str
    members: tuple[str, ...]  # in the order of FOCUS

    @property
    def key(self) -> str:
        return f"{self.alliance}:{'+'.join(self.members)}"


@dataclass(frozen=True)
class OutlineLine:
    """An outline and its line on the map (longitudes and latitudes, parts separated by None)."""

    outline: Outline
    lons: list[float | None]
    lats: list[float | None]


def members_on(partnerships: Iterable[Partnership], alliance: str, on: dt.date) -> tuple[str, ...]:
    """The four's members of an alliance on a date, in the order of FOCUS."""
    found = {p.country for p in partnerships if p.partner == alliance and p.active_on(on)}
    return tuple(c for c in FOCUS if c in found)


def outlines_on(partnerships: Iterable[Partnership], on: dt.date) -> tuple[Outline, ...]:
    """The alliances with members among the four on a date."""
    rows = tuple(partnerships)
    return tuple(
        Outline(alliance, members) for alliance in ALLIANCES if (members := members_on(rows, alliance, on))
    )


def every_outline(partnerships: Iterable[Partnership]) -> tuple[Outline, ...]:
    """Every outline the data ever shows: one per alliance and set of members, in date order."""
    rows = tuple(p for p in partnerships if p.partner in ALLIANCES)
    days = sorted({d for p in rows for d in (p.start_date, p.end_date) if d is not None})
    found: dict[str, Outline] = {}
    for day in days:
        for outline in outlines_on(rows, day):
            found.setdefault(outline.key, outline)
    return tuple(found.values())
