"""The committed shapes and their join to the data (test codes: shp)."""

from __future__ import annotations

import json

import pycountry
import pytest
import shapely
from shapely.geometry import shape

from geodata.names import COUNTRIES, FOCUS
from geodata.shapes import DEFAULT_PATH, join

# Published land + water areas (km²), CIA World Factbook / national statistics.
PUBLISHED_AREA_KM2 = {"MLI": 1_240_192, "BFA": 274_200, "NER": 1_267_000, "TCD": 1_284_000}


def test_shp001_names_table_matches_iso(shapes):
    for iso3, (numeric, name_en, name_fr) in COUNTRIES.items():
        assert pycountry.countries.get(alpha_3=iso3).numeric == numeric
        assert name_en and name_fr
    assert set(shapes.ids) == set(COUNTRIES)


@pytest.mark.parametrize("iso3", FOCUS)
def test_shp002_focus_country_area_within_ten_percent(shapes, iso3):
    frame = shapes.frame.to_crs("ESRI:54009")  # Mollweide, equal-area
    area = frame.geometry.loc[iso3].area / 1e6
    assert abs(area - PUBLISHED_AREA_KM2[iso3]) / PUBLISHED_AREA_KM2[iso3] < 0.10, area


def test_shp003_focus_bounds_plausible(shapes):
    minx, miny, maxx, maxy = shapes.frame.geometry.loc["TCD"].bounds
    assert 13 < minx < 14.5 and 23 < maxx < 24.5 and 7 < miny < 8 and 23 < maxy < 23.6
    assert shapes.contains("MLI", -8.0, 12.65)  # Bamako
    assert shapes.contains("NER", 2.11, 13.51)  # Niamey
    assert not shapes.contains("MLI", 2.11, 13.51)


def test_shp004_valid_coverage_with_shared_borders(shapes):
    geoms = shapes.frame.geometry.to_numpy()
    assert all(g.is_valid and not g.is_empty for g in geoms)
    assert shapely.coverage_is_valid(geoms)


def test_shp005_outer_rings_clockwise_for_plotly():
    collection = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        geom = shape(feature["geometry"])
        polygons = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
        for polygon in polygons:
            assert not polygon.exterior.is_ccw, feature["id"]
            assert all(ring.is_ccw for ring in polygon.interiors), feature["id"]
        assert feature["id"] == feature["properties"]["id"]


def test_shp006_join_keeps_every_shape_once(shapes):
    table = join(shapes, {"MLI": {"colour": "x"}, "ZZZ": {"colour": "y"}}, ["colour"])
    assert list(table["id"]) == list(shapes.ids)
    assert table.set_index("id").at["MLI", "colour"] == "x"
    assert table.set_index("id").at["NER", "colour"] is None


def test_shp007_shapes_file_is_small():
    assert DEFAULT_PATH.stat().st_size < 250_000
