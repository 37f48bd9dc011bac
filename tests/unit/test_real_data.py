"""The bundled dataset: valid, joined to the shapes, and telling the known story (test codes: dat)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from data.loader import DATA_DIR, load_dataset
from data.state import (
    EUROPEAN_UNION,
    FRANCE,
    RUSSIA,
    TURKEY,
    UNITED_NATIONS,
    UNITED_STATES,
    Alignment,
    country_state,
)
from data.view import PARTNER_LENSES
from geodata.names import FOCUS
from layouts import theme

A = Alignment


@pytest.fixture(scope="module")
def dataset(shapes):
    return load_dataset(DATA_DIR, geography=shapes)


def test_dat001_loads_and_every_code_is_a_shape(dataset, shapes):
    codes = {c for e in dataset.events for c in e.country}
    codes |= {p.country for p in dataset.partnerships} | {b.country for b in dataset.bases}
    assert codes <= set(shapes.ids)
    assert set(FOCUS) <= codes


def test_dat002_size_and_coverage(dataset):
    assert len(dataset.events) >= 150
    years = Counter(e.date.year for e in dataset.events)
    assert all(years[y] > 0 for y in range(2012, 2026)), years
    for iso3 in FOCUS:
        assert any(p.country == iso3 for p in dataset.partnerships), iso3


def test_dat003_sources_unique_and_cited(dataset):
    urls = [s.url for s in dataset.sources.values()]
    assert len(urls) == len(set(urls))
    assert all(s.publisher and s.title for s in dataset.sources.values())


# Checkpoints a reader can verify in the sources: (country, date, expected colour).
CHECKPOINTS = [
    ("MLI", "2012-12-31", A.NONE),  # after the coup, before Serval
    ("MLI", "2013-01-11", A.FRANCE),  # Serval begins
    ("MLI", "2022-02-17", A.FRANCE_LEAVING),  # Paris announces the withdrawal
    ("MLI", "2022-08-15", A.RUSSIA),  # last French soldiers leave Gao
    ("BFA", "2022-12-31", A.FRANCE),  # Sabre still in Ouagadougou
    ("BFA", "2023-02-18", A.NONE),  # Sabre's flag lowered
    ("BFA", "2024-12-31", A.RUSSIA),
    ("NER", "2023-08-03", A.FRANCE_LEAVING),  # the junta denounces the accords
    ("NER", "2023-12-31", A.OTHER_FORCES),  # French gone, US troops still there
    ("NER", "2024-12-31", A.RUSSIA),
    ("TCD", "2024-11-28", A.FRANCE_LEAVING),  # Chad ends the defence accord
    ("TCD", "2025-01-30", A.NONE),  # last French base handed over
]


@pytest.mark.parametrize(("iso3", "day", "expected"), CHECKPOINTS)
def test_dat004_known_turning_points(dataset, iso3, day, expected):
    state = country_state(dataset.partnerships, iso3, dt.date.fromisoformat(day))
    assert state.alignment is expected, [p.id for p in state.active]


def test_dat005_sources_page_is_current(dataset):
    from data.report import DEFAULT_OUT, sources_markdown

    assert DEFAULT_OUT.read_text(encoding="utf-8") == sources_markdown(dataset), "run `make docs`"


STATE_OUTLETS = ("Sputnik", "RT ", "TASS", "TRT", "Anadolu", "Xinhua", "CGTN", "Press TV", "Pravda")


def test_dat006_no_row_rests_on_state_media_alone(dataset):
    def state_only(source_ids) -> bool:
        publishers = [dataset.sources[s].publisher for s in source_ids]
        # A wire story republished by a state site ("AFP via TRT") counts as the wire's.
        return all(
            any(o in p for o in STATE_OUTLETS) and not p.startswith(("AFP", "Reuters", "AP "))
            for p in publishers
        )

    rows = [*dataset.events, *dataset.partnerships, *dataset.bases]
    assert [r.id for r in rows if state_only(r.source_ids)] == []


def test_dat007_codes_the_program_names_are_in_the_data(dataset):
    named = {FRANCE, RUSSIA, UNITED_NATIONS, EUROPEAN_UNION, UNITED_STATES, TURKEY}
    named |= set(PARTNER_LENSES) | set(theme.BASE_STYLES)
    assert named <= set(dataset.partners), named - set(dataset.partners)
