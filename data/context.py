"""What every part of the app is given: the loaded data, the shapes, the clock, and the state of
the region at each period, worked out once per app and shared by the map, the panel, the summary
and the alt text.

`load_app_data` reads everything from disk (shapes, dataset, methodology) and raises `DataErrors`
listing every problem when the data is invalid.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from data.alliances import ALLIANCE_GROW, OutlineLine, every_outline, outlines_on
from data.csv_out import neutralised
from data.i18n import LANGS, t
from data.loader import DATA_DIR, Dataset, load_dataset
from data.period import Calendar, Period
from data.schema import Base
from data.state import Change, CountryState, active_bases, changes, partner_level, region_state
from data.view import ALIGNMENT_LENS, TableChoices, View
from geodata.names import FOCUS
from geodata.shapes import DEFAULT_PATH as SHAPES_PATH
from geodata.shapes import Shapes, load_shapes

DOCS_DIR = Path(__file__).resolve().parent.parent / "docs"
METHODOLOGY_PATH = DOCS_DIR / "methodology.md"
DATA_CHANGES_PATH = DOCS_DIR / "data-changes.md"
CACHE_SIZE = 256  # periods and days; the whole map is about 15 years, a briefing about 20 days


@dataclass(frozen=True)
class AppData:
    dataset: Dataset
    shapes: Shapes
    clock: Callable[[], dt.date] = field(default=dt.date.today)
    methodology: Mapping[str, str] = field(default_factory=dict)  # language -> Markdown
    data_changes: str = ""  # docs/data-changes.md: one entry per data release (Markdown)

    def __post_init__(self) -> None:
        # Per app (so per worker), keyed by date: the period under way is drawn as of today, and
        # today moves on while a server runs.
        cache = functools.lru_cache(maxsize=CACHE_SIZE)
        object.__setattr__(self, "_states_on", cache(self._compute_states))
        object.__setattr__(self, "_changes_between", cache(self._compute_changes))
        object.__setattr__(self, "_lens_turning", cache(self._compute_lens_turning))

    def today(self) -> dt.date:
        return self.clock()

    @functools.cached_property
    def outlines(self) -> tuple[OutlineLine, ...]:
        """Every alliance outline the data ever shows, with its line (computed once per app)."""
        return tuple(
            OutlineLine(outline, *self.shapes.outline(outline.members, ALLIANCE_GROW[outline.alliance]))
            for outline in every_outline(self.dataset.partnerships)
        )

    @functools.cached_property
    def release_tag(self) -> str:
        """A fingerprint of the data release: every file as validated (an HTTP `ETag`, a cache key)."""
        digest = hashlib.sha256()
        for name, text in sorted(self.dataset.files.items()):
            digest.update(f"{name}\0{len(text)}\0".encode())
            digest.update(text.encode("utf-8"))
        return digest.hexdigest()[:20]

    @functools.cached_property
    def downloads(self) -> Mapping[str, bytes]:
        """The data files offered for download, as validated at start (risky cells neutralised)."""
        return {name: neutralised(text).encode("utf-8") for name, text in self.dataset.files.items() if text}

    @functools.cached_property
    def table_choices(self) -> TableChoices:
        """What the events table's filters offer: every country of the events, the four first, and
        every partner."""
        others = {code for event in self.dataset.events for code in event.country} - set(FOCUS)
        return TableChoices(countries=(*FOCUS, *sorted(others)), partners=tuple(self.dataset.partners))

    def outlines_shown(self, period: Period) -> frozenset[str]:
        """The keys of the outlines shown in a period (its as-of date)."""
        return self.outlines_shown_on(self.as_of(period))

    def outlines_shown_on(self, day: dt.date) -> frozenset[str]:
        return frozenset(o.key for o in outlines_on(self.dataset.partnerships, day))

    def reviewed_up_to(self) -> dt.date:
        """The day up to which the data was reviewed (`release.csv`)."""
        return self.dataset.reviewed_up_to

    def calendar(self) -> Calendar:
        return Calendar.until(self.clock())

    def as_of(self, period: Period) -> dt.date:
        return period.as_of(self.clock())

    def days_shown(self, view: View) -> tuple[dt.date, dt.date | None]:
        """The days a view shows (its period's as-of date, and its comparison's): the month under way
        shows a later day each day, so they belong to what makes two answers for a view the same."""
        compared = self.as_of(view.compare) if view.compare is not None else None
        return self.as_of(view.period), compared

    def states(self, period: Period) -> Mapping[str, CountryState]:
        """Each focus country's state at the period's as-of date."""
        return self.states_on(self.as_of(period))

    def states_on(self, day: dt.date) -> Mapping[str, CountryState]:
        return self._states_on(day)  # type: ignore[attr-defined]

    def changes(self, period: Period) -> tuple[Change, ...]:
        """What changed during the period's month, up to its as-of date (a day's view shows no later
        change of its month)."""
        start = period.month_start - dt.timedelta(days=1)
        return self._changes_between(None, start, self.as_of(period))  # type: ignore[attr-defined]

    def year_changes(self, period: Period) -> tuple[Change, ...]:
        """What changed from the start of the period's year up to its as-of date."""
        start = dt.date(period.year, 1, 1) - dt.timedelta(days=1)
        return self._changes_between(None, start, self.as_of(period))  # type: ignore[attr-defined]

    def country_changes(self, country: str) -> tuple[Change, ...]:
        """Every change of one country's colour from the map's first period until today."""
        start = self.calendar().first.first_day - dt.timedelta(days=1)
        return self._changes_between(country, start, self.clock())  # type: ignore[attr-defined]

    def turning_periods(self, lens: str = ALIGNMENT_LENS) -> frozenset[Period]:
        """The periods in which some country's principal partner changed; under a partner lens,
        those in which that partner's level changed in some country."""
        if lens == ALIGNMENT_LENS:
            return frozenset(p for p in self.calendar() if self.changes(p))
        return self._lens_turning(lens, self.calendar())

    def _compute_lens_turning(self, lens: str, calendar: Calendar) -> frozenset[Period]:
        turning, before = set(), None
        for period in calendar:
            on = self.as_of(period)
            levels = tuple(partner_level(self.dataset.partnerships, c, lens, on) for c in FOCUS)
            if before is not None and levels != before:
                turning.add(period)
            before = levels
        return frozenset(turning)

    def bases(self, period: Period) -> tuple[Base, ...]:
        return self.bases_on(self.as_of(period))

    def bases_on(self, day: dt.date) -> tuple[Base, ...]:
        return active_bases(self.dataset.bases, day)

    def _compute_states(self, day: dt.date) -> Mapping[str, CountryState]:
        return region_state(self.dataset.partnerships, FOCUS, day)

    def _compute_changes(self, country: str | None, start: dt.date, end: dt.date) -> tuple[Change, ...]:
        countries = FOCUS if country is None else (country,)
        return tuple(changes(self.dataset.partnerships, countries, start, end))


def load_methodology(path: Path = METHODOLOGY_PATH) -> dict[str, str]:
    """docs/methodology.md split into one page per language: the part under the level-2 heading
    that names the language in itself (`## English`, `## Français`), its headings one level up
    (`###` becomes `##`, `####` becomes `###`). The page's title is the layout's."""
    parts: dict[str, str] = {}
    heading = ""
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("## "):
            heading = line[3:].strip()
            parts[heading] = ""
        elif heading:
            parts[heading] += line[1:] if line.startswith(("### ", "#### ")) else line
    return {lang: parts.get(t("language.name", lang), "") for lang in LANGS}


def load_app_data(data_dir: Path = DATA_DIR, shapes_path: Path = SHAPES_PATH) -> AppData:
    """Load shapes and dataset; raises `DataErrors` with every problem if the data is invalid."""
    shapes = load_shapes(shapes_path)
    dataset = load_dataset(data_dir, geography=shapes)
    changes = DATA_CHANGES_PATH.read_text(encoding="utf-8") if DATA_CHANGES_PATH.is_file() else ""
    return AppData(dataset=dataset, shapes=shapes, methodology=load_methodology(), data_changes=changes)
