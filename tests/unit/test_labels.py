"""Labels placed for a picture of known size (test codes: lbl)."""

from __future__ import annotations

import itertools

import pytest

from data.context import AppData
from data.loader import DATA_DIR, load_dataset
from data.view import View
from geodata.shapes import Shapes
from layouts import theme
from layouts.image import image_figure
from layouts.labels import Box, MapFrame, label_box, place, text_width
from tests.conftest import TODAY, month

FRAME = MapFrame.fit(Box(0, 0, 1000, 500), theme.LON_RANGE, theme.LAT_RANGE)
AREA = FRAME.box(theme.LON_RANGE, theme.LAT_RANGE)


def test_lbl001_projection_round_trip():
    for lon, lat in [(-10.0, 5.0), (2.1, 13.5), (30.0, 25.0)]:
        x, y = FRAME.xy(lon, lat)
        back = FRAME.lonlat(x, y)
        assert back == pytest.approx((lon, lat), abs=1e-9)
    # North is up, east is right, and the ranges fill the width of a wide box.
    assert FRAME.xy(0, 20)[1] < FRAME.xy(0, 10)[1] and FRAME.xy(10, 0)[0] > FRAME.xy(0, 0)[0]
    assert AREA.right - AREA.left == pytest.approx(1000 - 8)


def test_lbl002_text_widths():
    assert text_width("MALI", 16, bold=True) > text_width("MALI", 16)
    assert text_width("Mali", 16) < text_width("MALI", 16)
    # Accented letters count as their letter; about half an em a character for lowercase.
    assert text_width("Sénégal", 11) == text_width("Senegal", 11)
    assert 0.4 * 11 * 7 < text_width("Senegal", 11) < 0.65 * 11 * 7
    two = label_box("<b>MALI</b><br>French forces", 16, 2)
    one = label_box("<b>MALI</b><br>French forces", 16, 1)
    assert two.bottom - two.top > one.bottom - one.top and two.right > one.right


def place_one(shapes: Shapes, labels: list[str], markers: list[tuple[float, float, float]]):
    ids = ["MLI", "SEN"][: len(labels)]
    points = [shapes.label_point(i) for i in ids]
    return list(
        place(FRAME, AREA, shapes, ids, [p[0] for p in points], [p[1] for p in points], labels,
              [16, 11][: len(labels)], markers)
    )  # fmt: skip


def test_lbl003_a_label_moves_or_shortens_off_a_marker(shapes: Shapes):
    lon, lat = shapes.label_point("MLI")
    alone = place_one(shapes, ["<b>MALI</b><br>French forces"], [])
    assert alone[0].text == "<b>MALI</b><br>French forces" and (alone[0].lon, alone[0].lat) == (lon, lat)
    placed = place_one(shapes, ["<b>MALI</b><br>French forces"], [(lon, lat, 20)])[0]
    assert placed.text.startswith("<b>MALI</b>")
    x, y = FRAME.xy(placed.lon, placed.lat)
    keep = placed.text.count("<br>") + 1
    box = label_box(placed.text, 16, keep).moved(x, y)
    mx, my = FRAME.xy(lon, lat)
    assert not box.hits(Box(mx - 10, my - 10, mx + 10, my + 10))


def test_lbl004_a_neighbour_with_no_room_is_left_out(shapes: Shapes):
    lon, lat = shapes.label_point("SEN")
    # Markers all around Senegal's label: no place near it is free.
    around = [(lon + dx, lat + dy, 20) for dx in (-2, -1, 0, 1, 2) for dy in (-1, -0.5, 0, 0.5, 1)]
    placed = place_one(shapes, ["<b>MALI</b>", "Senegal"], around)
    assert placed[0].text == "<b>MALI</b>" and placed[1].text == ""


@pytest.fixture(scope="module")
def real_data(shapes: Shapes) -> AppData:
    return AppData(dataset=load_dataset(DATA_DIR, geography=shapes), shapes=shapes, clock=lambda: TODAY)


@pytest.mark.parametrize("size", [(600, 400), (1200, 540), (1920, 1080)])
def test_lbl005_published_pictures_place_every_label_apart(real_data: AppData, size: tuple[int, int]):
    for period, lang in itertools.product([month(2013, 6), month(2022, 6), month(2023, 10)], ["en", "fr"]):
        figure = image_figure(real_data, View(period=period, lang=lang), size)
        labels, bases = figure.data[1], figure.data[2]
        geo = figure.layout.geo
        margin = figure.layout.margin
        width, height = figure.layout.width or size[0], figure.layout.height or size[1]
        plot_width, plot_height = width - margin.l - margin.r, height - margin.t - margin.b
        domain = Box(
            margin.l + geo.domain.x[0] * plot_width, margin.t + (1 - geo.domain.y[1]) * plot_height,
            margin.l + geo.domain.x[1] * plot_width, margin.t + (1 - geo.domain.y[0]) * plot_height,
        )  # fmt: skip
        frame = MapFrame.fit(domain, geo.lonaxis.range, geo.lataxis.range)
        area = frame.box(geo.lonaxis.range, geo.lataxis.range)
        boxes = []
        for text, lon, lat, font in zip(
            labels.text, labels.lon, labels.lat, labels.textfont.size, strict=True
        ):
            if text:
                x, y = frame.xy(lon, lat)
                boxes.append(label_box(text, font, text.count("<br>") + 1).moved(x, y))
        markers = [
            Box(x - s / 2, y - s / 2, x + s / 2, y + s / 2)
            for lon, lat, s in zip(bases.lon, bases.lat, bases.marker.size, strict=True)
            if lon is not None and bases.visible is not False  # a small canvas leaves its bases out
            for x, y in [frame.xy(lon, lat)]
        ]
        assert len(boxes) >= 4 and (markers or bases.visible is False)
        for box in boxes:
            assert box.within(area)
            assert not any(box.hits(m) for m in markers)
        for a, b in itertools.combinations(boxes, 2):
            assert not a.hits(b)
