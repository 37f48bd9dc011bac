"""Build `geodata/africa.geojson` from Natural Earth 1:50m country shapes.

Source: the npm package world-atlas@2 (`countries-50m.json`, TopoJSON of Natural Earth 1:50m; the
data are public domain). `make shapes` fetches the package with `npm pack` and runs this script; the
result is committed, so neither the app nor its tests need the network.

Steps: keep the countries in `geodata.names.COUNTRIES`, repair geometries, simplify them as one
coverage (shared borders stay shared), round coordinates, and orient outer rings clockwise, which
plotly's geo choropleth needs (counter-clockwise outer rings paint the whole view).

    python -m geodata.build_shapes path/to/countries-50m.json [geodata/africa.geojson]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.polygon import orient

from geodata.names import COUNTRIES

DEFAULT_OUT = Path(__file__).with_name("africa.geojson")
SIMPLIFY_TOLERANCE = 0.02  # degrees; about 2 km, invisible at the map's scale
DECIMALS = 3


def _clockwise(geom: shapely.Geometry) -> shapely.Geometry:
    """Orient every outer ring clockwise and every hole counter-clockwise."""
    if geom.geom_type == "Polygon":
        return orient(geom, sign=-1.0)
    if geom.geom_type == "MultiPolygon":
        return shapely.MultiPolygon([orient(p, sign=-1.0) for p in geom.geoms])
    raise ValueError(f"unexpected geometry type {geom.geom_type}")


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygons of a geometry that `make_valid` may have turned into a collection."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts)


def build(topojson_path: Path) -> dict:
    """Return the GeoJSON FeatureCollection for the countries in the names table."""
    world = gpd.read_file(topojson_path, layer="countries")
    by_numeric = {numeric: iso3 for iso3, (numeric, _, _) in COUNTRIES.items()}
    world = world[world["id"].isin(by_numeric)].copy()
    missing = set(by_numeric) - set(world["id"])
    if missing:
        raise SystemExit(f"countries missing from {topojson_path}: {sorted(missing)}")
    world["iso3"] = world["id"].map(by_numeric)
    world = world.sort_values("iso3").reset_index(drop=True)

    geoms = shapely.make_valid(world.geometry.to_numpy())
    geoms = np.array([_polygonal(g) for g in geoms])
    geoms = shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, DECIMALS))
    geoms = shapely.make_valid(geoms)

    features = []
    for iso3, geom in zip(world["iso3"], geoms, strict=True):
        geom = _clockwise(_polygonal(geom))
        if not geom.is_valid or geom.is_empty:
            raise SystemExit(f"{iso3}: invalid geometry after simplification")
        _, name_en, name_fr = COUNTRIES[iso3]
        features.append(
            {
                "type": "Feature",
                "id": iso3,
                "properties": {"id": iso3, "name_en": name_en, "name_fr": name_fr},
                "geometry": mapping(geom),
            }
        )
    return {
        "type": "FeatureCollection",
        "metadata": {
            "source": "Natural Earth 1:50m admin 0 countries, via world-atlas@2 (countries-50m.json)",
            "licence": "Public domain (Natural Earth)",
        },
        "features": features,
    }


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    collection = build(Path(argv[0]))
    # Plain JSON with no spaces: shapes are sent once per page load, so every byte counts.
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(collection['features'])} countries, {len(text) / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
