"""Bases at one place: one marker with a count (test codes: sit)."""

from __future__ import annotations

import datetime as dt

from data.context import AppData
from data.loader import DATA_DIR, load_dataset
from data.schema import Base
from data.sites import site_points, sites, visible_points
from data.view import View
from layouts.map_figure import map_arrays_for
from tests.conftest import month

D = dt.date


def base(i: str, lon: float, lat: float, operator: str, start: dt.date | None, end: dt.date | None) -> Base:
    return Base(
        id=i, name=f"Camp {i}", label_en=f"Camp {i}", label_fr=f"Camp {i}", country="NER", lat=lat,
        lon=lon, operator=operator,
        start_date=start, end_date=end, source_ids=["S1"],
    )  # fmt: skip


# Two at one airport, a third a few km away, and one far off.
BASES = [
    base("A", 2.18, 13.48, "FRA", D(2013, 1, 1), D(2023, 12, 22)),
    base("B", 2.18, 13.48, "USA", D(2014, 6, 1), D(2024, 9, 15)),
    base("C", 2.25, 13.52, "RUS", D(2024, 4, 12), None),
    base("D", 15.03, 12.13, "FRA", None, None),
]


def test_sit001_near_bases_form_one_site():
    assert sites(BASES) == [[0, 1, 2], [3]]


def test_sit002_one_marker_per_place_and_day():
    points = site_points(BASES)
    together = [p.members for p in points if p.together]
    assert together == [(0, 1), (1, 2)]  # France and the US to December 2023; the US and Russia in 2024

    def shown(day: dt.date) -> list[tuple[int, ...]]:
        return [p.members for p, on in zip(points, visible_points(BASES, points, day), strict=True) if on]

    assert shown(D(2013, 6, 1)) == [(0,), (3,)]
    assert shown(D(2020, 1, 1)) == [(0, 1), (3,)]
    assert shown(D(2024, 1, 1)) == [(1,), (3,)]
    assert shown(D(2024, 6, 1)) == [(1, 2), (3,)]
    assert shown(D(2025, 1, 1)) == [(2,), (3,)]
    assert shown(D(2012, 1, 1)) == [(3,)]


def test_sit003_the_map_draws_a_count_and_lists_every_base_in_its_hover(fixture_app_data):
    real = AppData(
        dataset=load_dataset(DATA_DIR), shapes=fixture_app_data.shapes, clock=fixture_app_data.clock
    )
    arrays = map_arrays_for(real, View(period=month(2022, 12)))
    shown = [i for i, on in enumerate(arrays.base_visible) if on]
    counts = [arrays.base_text[i] for i in shown if arrays.base_text[i]]
    assert counts and all(int(count) >= 2 for count in counts)
    niamey = next(i for i in shown if arrays.base_text[i] and "Niamey" in arrays.base_hover[i])
    hover = arrays.base_hover[niamey]
    assert hover.startswith(f"<b>{arrays.base_text[niamey]} bases in use at this place</b>")
    assert "France" in hover and "United States" in hover
    singles = [size for size, text in zip(arrays.base_sizes, arrays.base_text, strict=True) if not text]
    assert arrays.base_sizes[niamey] > max(singles) >= 12
    # No two markers shown on a day share a place.
    places = [(arrays.base_lon[i], arrays.base_lat[i]) for i in shown]
    assert len(places) == len(set(places))


def test_sit010_markers_do_not_overlap_at_the_maps_scale(shapes):
    """On the real data, every month: no two markers drawn together overlap on the laptop's map
    (805 px wide) or the phone's map of the four (366 px wide)."""
    import itertools

    from layouts import theme
    from layouts.labels import Box, MapFrame
    from tests.conftest import TODAY

    data = AppData(dataset=load_dataset(DATA_DIR, geography=shapes), shapes=shapes, clock=lambda: TODAY)
    for compact, width in ((False, 805), (True, 366)):
        lon_range = theme.COMPACT_LON_RANGE if compact else theme.LON_RANGE
        lat_range = theme.COMPACT_LAT_RANGE if compact else theme.LAT_RANGE
        frame = MapFrame.fit(Box(0, 0, width, width), lon_range, lat_range)
        for period in data.calendar():
            arrays = map_arrays_for(data, View(period=period), compact=compact)
            drawn = [
                (frame.xy(lon, lat), size)
                for lon, lat, size in zip(arrays.base_lon, arrays.base_lat, arrays.base_sizes, strict=True)
                if lon is not None and lat is not None
            ]
            for ((x1, y1), s1), ((x2, y2), s2) in itertools.combinations(drawn, 2):
                apart = max(abs(x1 - x2), abs(y1 - y2))
                assert apart >= (s1 + s2) / 2 - 2, (period.token(), compact, (x1, y1), (x2, y2))


def test_sit011_markers_in_their_operators_colour_and_sent_with_the_frames(shapes):
    from layouts import theme
    from layouts.map_figure import map_frames
    from tests.conftest import TODAY, month

    data = AppData(dataset=load_dataset(DATA_DIR, geography=shapes), shapes=shapes, clock=lambda: TODAY)
    arrays = map_arrays_for(data, View(period=month(2016, 6)))
    bases = data.dataset.bases
    for lon, colour, symbol in zip(arrays.base_lon, arrays.base_colours, arrays.base_symbols, strict=True):
        if lon is not None and symbol == "square":  # a French base
            assert colour == theme.LENS_RAMPS["FRA"][2]
    assert any(b.operator == "FRA" for b in bases)
    # The frames carry their markers: a phone's map groups bases more widely than the page's.
    wide, phone = (map_frames(data, View(period=month(2016, 6)), compact=c)["bases"] for c in (False, True))
    every = map_arrays_for(data, View(period=month(2016, 6)), draw_every_base=True)
    assert wide["lon"] == every.base_lon and phone["lon"] != wide["lon"]
