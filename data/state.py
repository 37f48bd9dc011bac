"""The state of the region on a date: who is present where, and the map colour that follows.

Pure functions over the loaded rows; no I/O and no dash. The alignment rule is written out in
`docs/methodology.md` (English and French) and must stay in step with `alignment()` below.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from data.schema import Base, Event, EventType, Level, Partnership

# Partner codes (`partners.csv`) the code names: the rule reads France and Russia; the lenses and the
# bases' marks name the others. A test checks each one is in the data.
FRANCE = "FRA"
RUSSIA = "RUS"
UNITED_NATIONS = "UN"
EUROPEAN_UNION = "EU"
UNITED_STATES = "USA"
TURKEY = "TUR"


class Alignment(StrEnum):
    """The principal security partner, as the map colours it. Order = legend order."""

    FRANCE = "france"  # French forces deployed, no end announced
    FRANCE_LEAVING = "france_leaving"  # French forces still deployed, their end announced
    RUSSIA = "russia"  # Russian forces, instructors or arms present (level 2 or 3), no French forces
    OTHER_FORCES = "other_forces"  # another foreign force deployed (US, UN…), neither of the above
    NONE = "none"  # no foreign force deployed and no Russian instructors or arms


@dataclass(frozen=True)
class CountryState:
    country: str
    on: dt.date
    alignment: Alignment
    active: tuple[Partnership, ...]  # deepest presence first
    deciding: tuple[Partnership, ...]  # the partnerships the rule looked at to choose the colour


@dataclass(frozen=True)
class Change:
    """A country's colour changing on a day."""

    on: dt.date
    country: str
    before: Alignment
    after: Alignment


def active_partnerships(
    partnerships: Iterable[Partnership], country: str, on: dt.date
) -> tuple[Partnership, ...]:
    """The partnerships in force in `country` on `on`, deepest level first, then by start date."""
    found = [p for p in partnerships if p.country == country and p.active_on(on)]
    return tuple(sorted(found, key=lambda p: (-p.level, p.start_date, p.id)))


def alignment(active: Sequence[Partnership], on: dt.date) -> tuple[Alignment, tuple[Partnership, ...]]:
    """Apply the written rule to a country's active partnerships; return the class and why.

    1. French forces deployed (France, level 3) and not all of them announced to end: France.
    2. French forces deployed, every one of them with its end announced: French withdrawal under way.
    3. Russian forces, instructors or arms (Russia, level 2 or 3): Russia. Level 2 counts for Russia
       alone (Turkish drones or Emirati equipment colour nothing); the methodology's "Why this rule"
       says why, with `tests/unit/test_guide.py` pinning its example.
    4. Any other foreign force deployed (level 3): other foreign forces.
    5. Otherwise: no principal foreign force.
    """
    french = tuple(p for p in active if p.partner == FRANCE and p.level == Level.FORCES)
    if french:
        leaving = all(p.ending_announced_by(on) for p in french)
        return (Alignment.FRANCE_LEAVING if leaving else Alignment.FRANCE), french
    russian = tuple(p for p in active if p.partner == RUSSIA and p.level >= Level.EQUIPMENT_TRAINING)
    if russian:
        return Alignment.RUSSIA, russian
    others = tuple(p for p in active if p.level == Level.FORCES)
    if others:
        return Alignment.OTHER_FORCES, others
    return Alignment.NONE, ()


def country_state(partnerships: Sequence[Partnership], country: str, on: dt.date) -> CountryState:
    active = active_partnerships(partnerships, country, on)
    klass, deciding = alignment(active, on)
    return CountryState(country=country, on=on, alignment=klass, active=active, deciding=deciding)


def region_state(
    partnerships: Sequence[Partnership], countries: Iterable[str], on: dt.date
) -> dict[str, CountryState]:
    return {c: country_state(partnerships, c, on) for c in countries}


def _boundaries(partnerships: Iterable[Partnership], start: dt.date, end: dt.date) -> list[dt.date]:
    """Every day in (start, end] on which some partnership starts, ends or has its end announced."""
    days = set()
    for p in partnerships:
        for day in (p.start_date, p.end_date, p.end_announced):
            if day is not None and start < day <= end:
                days.add(day)
    return sorted(days)


def changes(
    partnerships: Sequence[Partnership],
    countries: Iterable[str],
    start: dt.date,
    end: dt.date,
) -> list[Change]:
    """Each change of colour after `start` up to and including `end`, in date order."""
    found: list[Change] = []
    for country in countries:
        mine = [p for p in partnerships if p.country == country]
        before = country_state(mine, country, start).alignment
        for day in _boundaries(mine, start, end):
            after = country_state(mine, country, day).alignment
            if after != before:
                found.append(Change(on=day, country=country, before=before, after=after))
                before = after
    return sorted(found, key=lambda t: (t.on, t.country))


def partner_level(partnerships: Iterable[Partnership], country: str, partner: str, on: dt.date) -> int:
    """The deepest level at which `partner` is present in `country` on `on` (0 when absent)."""
    levels = [int(p.level) for p in active_partnerships(partnerships, country, on) if p.partner == partner]
    return max(levels, default=0)


def active_bases(bases: Iterable[Base], on: dt.date) -> tuple[Base, ...]:
    return tuple(b for b in bases if b.active_on(on))


COUP_BADGE_MONTHS = 12  # a coup is marked on its country for the year after it


def last_coup(events: Iterable[Event], country: str, on: dt.date) -> Event | None:
    """The latest coup in a country on or before `on`."""
    coups = [e for e in events if e.type == EventType.COUP and country in e.country and e.date <= on]
    return max(coups, key=lambda e: e.date, default=None)


def military_rule_since(events: Iterable[Event], country: str, on: dt.date) -> Event | None:
    """The coup that opened the military government still in power in `country` on `on`, if any.

    A government that came from a coup stays military through later coups (Mali's of May 2021
    follows August 2020's) until an event of type `civilian_rule` hands power back to civilians.
    """
    opened: Event | None = None
    for event in sorted(events, key=lambda e: e.date):
        if event.date > on or country not in event.country:
            continue
        if event.type == EventType.COUP and opened is None:
            opened = event
        elif event.type == EventType.CIVILIAN_RULE:
            opened = None
    return opened


def recent_coup(events: Iterable[Event], country: str, on: dt.date) -> Event | None:
    """The latest coup in a country if it is less than COUP_BADGE_MONTHS old on `on`."""
    coup = last_coup(events, country, on)
    if coup is None:
        return None
    months = (on.year - coup.date.year) * 12 + on.month - coup.date.month
    return coup if months < COUP_BADGE_MONTHS else None
