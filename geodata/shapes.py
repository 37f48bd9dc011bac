"""Country shapes for the map, and the join of shapes to the computed state of each country.

The shapes are the committed `geodata/africa.geojson` (built by `geodata.build_shapes`). They are
read once at start; the GeoJSON dict is handed to plotly as it is, and the GeoDataFrame answers the
questions validation and layout ask (is this a country we draw, is this point inside it, where does
its label go).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import pandas as pd
import shapely
from shapely.ops import polylabel

DEFAULT_PATH = Path(__file__).with_name("africa.geojson")
CONTAINS_TOLERANCE = 0.05  # degrees; a coastal base may fall just offshore of the simplified coast

# Where a country's label sits, when the pole of inaccessibility is not the best place to read it.
LABEL_OVERRIDES: dict[str, tuple[float, float]] = {}


class ShapeRow(NamedTuple):
    id: str
    name_en: str
    name_fr: str
    label_lon: float
    label_lat: float


@dataclass(frozen=True)
class Shapes:
    frame: gpd.GeoDataFrame  # one row per country: id, name_en, name_fr, label_lon, label_lat
    geojson: Mapping  # the FeatureCollection as read, handed to plotly

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.frame["id"])

    @functools.cached_property
    def rows(self) -> tuple[ShapeRow, ...]:
        """The countries in drawing order, as plain records: read once, for code that runs per frame."""
        columns = ("id", "name_en", "name_fr", "label_lon", "label_lat")
        return tuple(ShapeRow(*values) for values in zip(*(self.frame[c] for c in columns), strict=True))

    def has_country(self, iso3: str) -> bool:
        return iso3 in self.frame.index

    def contains(self, iso3: str, lon: float, lat: float) -> bool:
        """True inside the country or within ~5 km of it (the 1:50m coastline is simplified)."""
        geom = self.frame.geometry.loc[iso3]
        return bool(shapely.dwithin(geom, shapely.Point(lon, lat), CONTAINS_TOLERANCE))

    def name(self, iso3: str, lang: str) -> str:
        return str(self.frame.at[iso3, f"name_{lang}"])

    def outline(self, members: Iterable[str], grow: float) -> tuple[list[float | None], list[float | None]]:
        """A line around several countries, `grow` degrees outside their joint border: its
        longitudes and latitudes, parts separated by None (as plotly draws lines)."""
        joined = shapely.union_all([self.frame.geometry.loc[c] for c in members])
        ring = joined.buffer(grow, quad_segs=4).simplify(0.05)
        lons: list[float | None] = []
        lats: list[float | None] = []
        for part in shapely.get_parts(ring):
            if lons:
                lons.append(None)
                lats.append(None)
            xs, ys = part.exterior.coords.xy
            lons += [round(x, 3) for x in xs]
            lats += [round(y, 3) for y in ys]
        return lons, lats

    def label_point(self, iso3: str) -> tuple[float, float]:
        row = self.frame.loc[iso3]
        return float(row["label_lon"]), float(row["label_lat"])


def _label(iso3: str, geom: shapely.Geometry) -> tuple[float, float]:
    if iso3 in LABEL_OVERRIDES:
        return LABEL_OVERRIDES[iso3]
    largest = max(shapely.get_parts(geom), key=lambda part: part.area)
    point = polylabel(largest, tolerance=0.05)
    return round(point.x, 2), round(point.y, 2)


def load_shapes(path: Path = DEFAULT_PATH) -> Shapes:
    """Read the committed shapes (GeoJSON, WGS 84)."""
    geojson = json.loads(path.read_text(encoding="utf-8"))
    frame = gpd.GeoDataFrame.from_features(geojson["features"], crs="EPSG:4326")
    labels = [_label(iso3, geom) for iso3, geom in zip(frame["id"], frame.geometry, strict=True)]
    frame["label_lon"] = [lon for lon, _ in labels]
    frame["label_lat"] = [lat for _, lat in labels]
    frame = frame.set_index("id", drop=False)
    return Shapes(frame=frame, geojson=geojson)


def join(shapes: Shapes, values: Mapping[str, Mapping[str, object]], columns: list[str]) -> pd.DataFrame:
    """One row per shape (in the shapes' order) with `columns` taken from `values[iso3]`.

    Countries without values get None: every drawn country appears once, whatever the data holds.
    """
    table = shapes.frame[["id", "name_en", "name_fr", "label_lon", "label_lat"]].copy()
    for column in columns:
        column_values = [values.get(iso3, {}).get(column) for iso3 in table["id"]]
        # object dtype keeps None as None (a str column would turn it into NaN).
        table[column] = pd.Series(column_values, index=table.index, dtype=object)
    return table.reset_index(drop=True)
