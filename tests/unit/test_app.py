"""The Dash app in-process, through Flask's test client (test codes: app)."""

from __future__ import annotations

import json

import pytest

from app import create_app
from layouts.ids import Id


@pytest.fixture(scope="module")
def client(fixture_app_data):
    return create_app(fixture_app_data).server.test_client()


def call(client, outputs: list[tuple[str, str]], inputs: list[dict], state: list[dict]):
    payload = {
        "output": (
            f"{outputs[0][0]}.{outputs[0][1]}"
            if len(outputs) == 1
            else ".." + "...".join(f"{i}.{p}" for i, p in outputs) + ".."
        ),
        "outputs": (
            {"id": outputs[0][0], "property": outputs[0][1]}
            if len(outputs) == 1
            else [{"id": i, "property": p} for i, p in outputs]
        ),
        "inputs": inputs,
        "state": state,
        "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"],
    }
    return client.post("/_dash-update-component", json=payload)


def test_app001_index_and_layout(client):
    assert client.get("/").status_code == 200
    assert client.get("/?year=<script>").status_code == 200
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200


@pytest.mark.parametrize("search", ["?year=2023", "?year=abc", "?year=1900&lang=xx", "?lang=fr"])
def test_app002_router_renders_any_query(client, search):
    response = call(
        client,
        [(Id.PAGE, "children")],
        [{"id": Id.LOCATION, "property": "pathname", "value": "/"}],
        [{"id": Id.LOCATION, "property": "search", "value": search}],
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    if "abc" in search or "xx" in search:
        assert "is not" in body or "n'est pas" in body


def test_app003_map_frames_carry_colours_not_shapes(client, fixture_app_data):
    response = call(
        client,
        [(Id.MAP_FRAMES, "data"), (Id.LEGEND, "children")],
        [
            {"id": Id.COUNTRY, "property": "data", "value": None},
            {"id": Id.LENS, "property": "value", "value": "alignment"},
            {"id": Id.BASES, "property": "value", "value": ["on"]},
            {"id": Id.COMPACT, "property": "data", "value": False},
        ],
        [{"id": Id.LANG, "property": "data", "value": "en"}],
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "coordinates" not in body and "geometry" not in body
    frames = json.loads(body)["response"][Id.MAP_FRAMES]["data"]
    assert set(frames["years"]) == {str(y) for y in fixture_app_data.years()}
    # Every year's step is small: colours, outlines, labels, bases and the title, never the shapes.
    assert all(len(json.dumps(frame)) < 30_000 for frame in frames["years"].values())
    paths = [op[0] for op in frames["years"]["2023"]["ops"]]
    assert ["data", 0, "z"] in paths and ["layout", "title", "text"] in paths
    assert frames["years"]["2023"]["as_of"] == "Situation on 31 December 2023"


def test_app004_compressed_responses(client):
    url = "/_dash-component-suites/plotly/package_data/plotly.min.js"
    response = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") == "gzip"
