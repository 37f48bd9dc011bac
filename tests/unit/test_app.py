"""The Dash app in-process, through Flask's test client (test codes: app)."""

from __future__ import annotations

import json

import pytest
from dash import html
from plotly.offline import get_plotlyjs_version

from app import create_app
from callbacks import pages
from layouts import theme
from layouts.ids import Id
from layouts.theme import css_variables
from publish.render import plotly_bundle
from tests.conftest import month


def call(client, outputs: list[tuple[str, str]], inputs: list[dict], state: list[dict], changed: int = 0):
    """Ask the app for a callback's outputs, as the browser would when `inputs[changed]` changed."""
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
        "changedPropIds": [f"{inputs[changed]['id']}.{inputs[changed]['property']}"],
    }
    return client.post("/_dash-update-component", json=payload)


def render(client, pathname: str, search: str) -> str:
    """The page the router draws for an address, as the JSON Dash sends."""
    response = call(
        client,
        [(Id.PAGE, "children")],
        [{"id": Id.LOCATION, "property": "pathname", "value": pathname}],
        [{"id": Id.LOCATION, "property": "search", "value": search}],
    )
    assert response.status_code == 200
    return json.dumps(response.get_json()["response"][Id.PAGE]["children"], ensure_ascii=False)


def test_app001_the_shell_carries_the_theme_and_the_layout_is_the_shell(client):
    html = client.get("/?year=<script>").get_data(as_text=True)
    assert f"<style>{css_variables()}</style>" in html
    assert html.index(css_variables()) < html.index("/assets/style.css")  # defined before use
    layout = client.get("/_dash-layout").get_json()
    ids = [child["props"].get("id") for child in layout["props"]["children"]]
    assert ids == [Id.LOCATION, Id.DOC_LANG, Id.PAGE]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("?year=2023", "Situation on 31 December 2023"),
        ("?date=2022-05-03", "Situation on 3 May 2022"),
        (
            "?year=abc",
            "“abc” is not a date the map covers (a month from 2012-01 to 2026-11, or a day of one); "
            "showing November 2026.",
        ),
        ("?year=1900&lang=xx", "Language “xx” is not available; showing English."),
        ("?lang=fr", "Carte des réalignements au Sahel"),
    ],
)
def test_app002_router_renders_any_query(client, search, expected):
    assert expected in render(client, "/", search)


@pytest.mark.parametrize(
    ("pathname", "marker"),
    [
        ("/", '"className": "page"'),
        ("/embed/", '"className": "embed"'),
        ("/present", '"className": "present"'),
        ("/methodology", '"className": "methodology"'),
        ("/data-changes", '"className": "methodology data-changes"'),
        ("/nowhere", "There is no page at this address."),
    ],
)
def test_app003_the_registry_routes_every_page(client, pathname, marker):
    assert marker in render(client, pathname, "")


def test_app004_page_parameters_belong_to_their_page(client):
    assert "not a controls setting" in render(client, "/embed", "?controls=maybe")
    assert "not a controls setting" not in render(client, "/", "?controls=maybe")
    assert "not a step of the story" in render(client, "/present", "?step=99")


def test_app005_map_frames_carry_colours_and_links_not_shapes(client, fixture_app_data):
    response = call(
        client,
        [(Id.MAP_FRAMES, "data"), (Id.LEGEND, "children"), (Id.YEAR_SLIDER, "marks")],
        [
            {"id": Id.COUNTRY, "property": "data", "value": None},
            {"id": Id.LENS, "property": "value", "value": "alignment"},
            {"id": Id.BASES, "property": "value", "value": ["on"]},
            {"id": Id.COMPACT, "property": "data", "value": False},
        ],
        [
            {"id": Id.LANG, "property": "data", "value": "en"},
            {"id": Id.SETTLED, "property": "data", "value": month(2023, 12).slider_value()},
            {"id": Id.YEAR_SLIDER, "property": "marks", "value": None},
        ],
    )
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "coordinates" not in body and "geometry" not in body
    frames = json.loads(body)["response"][Id.MAP_FRAMES]["data"]
    # Every month, keyed by its slider value: a cell per country (an index into the distinct
    # looks), the bases in use, and its texts.
    calendar = fixture_app_data.calendar()
    assert set(frames["periods"]) == {str(p.slider_value()) for p in calendar}
    assert len(frames["cells"]) < len(calendar)  # the looks repeat: they are sent once
    assert all(len(json.dumps(frame)) < 2_000 for frame in frames["periods"].values())
    frame = frames["periods"][str(month(2023, 12).slider_value())]
    assert frame["as_of"] == "Situation on 31 December 2023" and frame["label"] == "December 2023"
    assert frame["links"]["permalink"] == "/?date=2023-12"
    assert frame["links"]["txt"] == "/snapshot/2023-12.txt"
    mali = frames["locations"].index("MLI")
    states = fixture_app_data.states(month(2023, 12))
    cell = frames["cells"][frame["c"][mali]]
    assert cell[1] == theme.CLASS_ORDER.index(states["MLI"].alignment.value)
    assert frames["day"] is None  # a month's view: the slider's months are all there is


def test_app015_a_days_view_is_drawn_for_that_day(client, fixture_app_data):
    inputs = [
        {"id": Id.COUNTRY, "property": "data", "value": None},
        {"id": Id.LENS, "property": "value", "value": "alignment"},
        {"id": Id.BASES, "property": "value", "value": []},
        {"id": Id.COMPACT, "property": "data", "value": False},
    ]
    state = [
        {"id": Id.LANG, "property": "data", "value": "fr"},
        {"id": Id.SETTLED, "property": "data", "value": "2023-08-15"},
        {"id": Id.YEAR_SLIDER, "property": "marks", "value": None},
    ]
    response = call(
        client, [(Id.MAP_FRAMES, "data"), (Id.LEGEND, "children"), (Id.YEAR_SLIDER, "marks")], inputs, state
    )
    day = json.loads(response.get_data(as_text=True))["response"][Id.MAP_FRAMES]["data"]["day"]
    assert day["value"] == month(2023, 8).slider_value() and day["token"] == "2023-08-15"
    assert day["label"] == "15 août 2023" and day["links"]["permalink"] == "/?date=2023-08-15&bases=0&lang=fr"


def test_app006_the_bundle_the_page_loads_is_compressed(client):
    url = f"/assets/plotly-{get_plotlyjs_version()}-geo-bar.min.js"
    assert url in client.get("/").get_data(as_text=True)
    # What Chromium asks for; assets are streamed, which flask-compress compresses with zstd or br.
    response = client.get(url, headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
    assert response.status_code == 200
    assert response.headers.get("Content-Encoding") in ("zstd", "br")
    assert len(response.get_data()) < plotly_bundle().stat().st_size / 2


def test_app007_the_wsgi_server_is_built_once():
    import app

    assert app.server is app.server


def test_app008_a_new_page_is_one_entry_in_the_registry(fixture_app_data, monkeypatch):
    def hello(data, view, topojson_url):
        return html.Div(html.P(f"hello {view.period.token()}", id="hello-text"), className="hello")

    monkeypatch.setattr(pages, "PAGES", (*pages.PAGES, pages.Page("/hello", hello, framable=True)))
    app = create_app(fixture_app_data)
    assert "hello-text" in [child.id for child in app.validation_layout.children]
    client = app.server.test_client()
    assert '"hello 2019-12"' in render(client, "/hello", "?year=2019")
    response = client.get("/hello")
    assert response.headers["Content-Security-Policy"].endswith("frame-ancestors *")
    assert "X-Frame-Options" not in response.headers


def test_app016_a_step_within_the_year_rewrites_the_panels_first_part_only(client):
    def step(key: str, lens: str = "alignment") -> str:
        response = call(
            client,
            [(Id.PANEL, "children"), (Id.PANEL_KEY, "data")],
            [
                {"id": Id.SETTLED, "property": "data", "value": month(2023, 8).slider_value()},
                {"id": Id.COUNTRY, "property": "data", "value": None},
                {"id": Id.LENS, "property": "value", "value": lens},
            ],
            [
                {"id": Id.LANG, "property": "data", "value": "en"},
                {"id": Id.PANEL_KEY, "property": "data", "value": key},
            ],
        )
        assert response.status_code == 200
        return response.get_data(as_text=True)

    same_year = step("2023||en")
    assert "__dash_patch_update" in same_year and "What changed in August 2023" in same_year
    assert "Key events of 2023" not in same_year
    new_year = step("2022||en")
    assert "__dash_patch_update" not in new_year and "Key events of 2023" in new_year
    assert '"2023||en"' in new_year
    # Under a partner lens the panel opens on that partner's presence, country by country.
    russia = step("2023||en", lens="RUS")
    assert "Presence of Russia" in russia and "At a glance" not in russia


@pytest.mark.parametrize(
    ("pathname", "search"),
    [("/", ""), ("/", "?date=2021-12&compare=2024-12"), ("/embed", ""), ("/present", "")],
)
def test_app017_no_plotly_toolbar_and_no_outside_service(client, pathname, search):
    page = json.loads(render(client, pathname, search))
    configs = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Graph":
                configs.append(node["props"].get("config", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(page)
    assert configs and all(c.get("displayModeBar") is False for c in configs)
    assert all(c.get("showSendToCloud") is False for c in configs)
    text = json.dumps(page)
    assert "plotly.com" not in text and "chart-studio" not in text


def test_app018_the_same_view_in_other_words_keeps_its_address(fixture_app_data):
    app = create_app(fixture_app_data)
    client = app.server.test_client()
    output = next(key for key in app.callback_map if key.startswith("..page-location.search..."))
    following = output.split("...")[1].removesuffix("..")

    def write(search: str, settled: object, followed: str | None = None) -> dict:
        body = {
            "output": output,
            "outputs": [
                {"id": Id.PAGE_LOCATION, "property": "search"},
                {"id": Id.FOLLOWING, "property": following.split(".", 1)[1]},
            ],
            "inputs": [
                {"id": Id.SETTLED, "property": "data", "value": settled},
                {"id": Id.COUNTRY, "property": "data", "value": None},
                {"id": Id.LENS, "property": "value", "value": "alignment"},
                {"id": Id.BASES, "property": "value", "value": ["on"]},
                {"id": Id.TABLE_QUERY, "property": "data", "value": {}},
            ],
            "state": [
                {"id": Id.PAGE_LOCATION, "property": "search", "value": search},
                {"id": Id.LANG, "property": "data", "value": "en"},
                {"id": Id.FOLLOWING, "property": "data", "value": followed},
            ],
            "changedPropIds": [f"{Id.COUNTRY}.data"],
        }
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code in (200, 204), response.data
        return response.get_json()["response"] if response.status_code == 200 else {}

    # Going back to `?year=2015` sets the slider to December 2015: no new history entry.
    assert write("?year=2015", month(2015, 12).slider_value()) == {}
    assert write("?year=2015", month(2016, 1).slider_value()) == {
        Id.PAGE_LOCATION: {"search": "?date=2016-01"}
    }
    # Back to `?year=2015` while the slider has not yet rested on December (the country came first):
    # nothing is written, which would cut off the way forward.
    assert write("?year=2015", month(2016, 1).slider_value(), followed="?year=2015") == {}
    # Once it has, the address is caught up with, and the reader's next change is written again.
    assert write("?year=2015", month(2015, 12).slider_value(), followed="?year=2015") == {
        Id.FOLLOWING: {"data": None}
    }


def test_app019_the_sliders_marks_follow_the_lens(client, fixture_app_data):
    def marks(lens: str, shown: dict | None = None):
        response = call(
            client,
            [(Id.MAP_FRAMES, "data"), (Id.LEGEND, "children"), (Id.YEAR_SLIDER, "marks")],
            [
                {"id": Id.COUNTRY, "property": "data", "value": None},
                {"id": Id.LENS, "property": "value", "value": lens},
                {"id": Id.BASES, "property": "value", "value": ["on"]},
                {"id": Id.COMPACT, "property": "data", "value": False},
            ],
            [
                {"id": Id.LANG, "property": "data", "value": "en"},
                {"id": Id.SETTLED, "property": "data", "value": month(2023, 12).slider_value()},
                {"id": Id.YEAR_SLIDER, "property": "marks", "value": shown},
            ],
            changed=1,  # the lens
        )
        return json.loads(response.get_data(as_text=True))["response"].get(Id.YEAR_SLIDER, {}).get("marks")

    def ticks(found: dict) -> set[int]:
        return {int(value) for value, mark in found.items() if mark == ""}

    russia = marks("RUS")
    assert ticks(russia) == {p.slider_value() for p in fixture_app_data.turning_periods("RUS")}
    alignment = marks("alignment")
    assert ticks(russia) != ticks(alignment)
    # The marks shown already are not sent again: a slider given marks is drawn again and would
    # lose the keyboard's focus.
    assert marks("alignment", shown=alignment) is None
