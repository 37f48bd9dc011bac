"""Bases that share a place: one marker per place, with a count, instead of glyphs stacked on top of
each other (Niamey has five operators at one airport).

Bases within `near` degrees of each other form a site: a marker is 13 to 20 px wide, so bases a few
pixels apart at the map's scale would overlap (Timbuktu and Ber, Tessalit and Aguelhok). A map
draws a fixed list of `SitePoint`s: one per base (shown when it is alone in use at its site) and one
per set of bases in use together at a site on some day (shown, with their count, while exactly that
set is in use). Which point shows on a day is `visible_points`; the list itself does not depend on
the day, so a map can be drawn once and stepped through its dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from data.schema import Base

NEAR_DEGREES = 0.8  # about 90 km: under 17 px on the page's map at 1920 px, 11 px at 1280 px
COMPACT_NEAR_DEGREES = 1.3  # on a phone's map of the four, about 13 px
EARLIEST = dt.date(1900, 1, 1)


@dataclass(frozen=True)
class SitePoint:
    """A marker: one base (`members` of one) or several in use together at one place."""

    members: tuple[int, ...]  # indexes into the bases given
    site: tuple[int, ...]  # every base at its place
    lon: float
    lat: float

    @property
    def together(self) -> bool:
        return len(self.members) > 1


def sites(bases: Sequence[Base], near: float = NEAR_DEGREES) -> list[list[int]]:
    """Groups of base indexes whose places are near one another (single linkage), in data order."""
    parent = list(range(len(bases)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(bases):
        for j in range(i):
            b = bases[j]
            if abs(a.lon - b.lon) <= near and abs(a.lat - b.lat) <= near:
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(bases)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda group: group[0])


def _in_use_together(bases: Sequence[Base], site: list[int]) -> list[tuple[int, ...]]:
    """Every set of two or more of the site's bases in use together on some day, in date order."""
    days = {EARLIEST}
    for i in site:
        days.update(d for d in (bases[i].start_date, bases[i].end_date) if d is not None)
    found: list[tuple[int, ...]] = []
    for day in sorted(days):
        members = tuple(i for i in site if bases[i].active_on(day))
        if len(members) > 1 and members not in found:
            found.append(members)
    return found


def site_points(bases: Sequence[Base], near: float = NEAR_DEGREES) -> list[SitePoint]:
    """The markers of a map of these bases: each base, then each set in use together, per site."""
    points: list[SitePoint] = []
    for site in sites(bases, near):
        place = tuple(site)
        points += [SitePoint((i,), place, bases[i].lon, bases[i].lat) for i in site]
        for members in _in_use_together(bases, site):
            lon = sum(bases[i].lon for i in members) / len(members)
            lat = sum(bases[i].lat for i in members) / len(members)
            points.append(SitePoint(members, place, round(lon, 4), round(lat, 4)))
    return points


def visible_points(bases: Sequence[Base], points: Sequence[SitePoint], day: dt.date) -> list[bool]:
    """Which markers show on a day: at each site, the one whose members are exactly those in use."""
    in_use = {i for i, base in enumerate(bases) if base.active_on(day)}
    return [set(point.members) == in_use.intersection(point.site) for point in points]
