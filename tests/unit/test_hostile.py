"""Hostile input: property tests over URL parameters and callback inputs, malformed callback
requests, markup in data and URLs, the security headers (test codes: hos)."""

from __future__ import annotations

import json
import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callbacks.guard import envelope_problem, signatures
from data.present import PresentState
from data.view import EXTRAS, LENSES, SnapshotRequest, View, parse_query, parse_snapshot, view_from_inputs
from layouts.map_figure import base_hover
from layouts.table import events_rows
from layouts.text import plotly_text
from tests.conftest import CALENDAR, ROOT

KEYS = ("year", "lang", "country", "lens", "bases", "controls", "step", "width", "height", "scale")
SETTINGS = settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

query_values = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["2013", "fr", "MLI", "RUS", "0", "1", "-1", "1e309", "nan", "٣", "２０２０", "<b>x</b>", "9" * 4400]
    ),
)
queries = st.dictionaries(st.sampled_from(KEYS), query_values, max_size=6)
# Any JSON a client may send, with values the app reads specially: huge numbers, days, codes.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["9" * 4400, "2023-08-15", "MLI", "RUS", "fr", 10**309, -1]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@SETTINGS
@given(queries)
def test_hos001_url_parsers_never_fail(args):
    view = parse_query(args, CALENDAR, extras=EXTRAS, steps=19)
    assert view.period in CALENDAR and view.lang in ("en", "fr") and view.lens in LENSES
    assert 1 <= view.step <= 19 and isinstance(view.controls, bool)
    assert all(isinstance(n.message("fr"), str) for n in view.notices)
    for name in ("2020.png", f"{args.get('year', '')}.svg", "x.txt"):
        parsed = parse_snapshot(name, args, CALENDAR)
        assert isinstance(parsed, SnapshotRequest) or all(isinstance(p.error("en"), str) for p in parsed)


@SETTINGS
@given(json_values, json_values, json_values, json_values, json_values)
def test_hos002_callback_values_become_a_valid_view(period, lang, country, lens, bases):
    view = view_from_inputs(CALENDAR, period, lang, country, lens, bases)
    assert isinstance(view, View)
    assert view.period in CALENDAR and view.lang in ("en", "fr") and view.lens in LENSES
    assert view.country in (None, "MLI", "BFA", "NER", "TCD")
    raw = {"step": period, "lang": lang, "period": country, "playing": bases}
    state = PresentState.from_dict(raw, 5, CALENDAR)
    assert 1 <= state.step <= 5 and (state.period is None or state.period in CALENDAR)


@SETTINGS
@given(st.sampled_from(["/", "/embed", "/present", "/methodology", "/nowhere"]), queries)
def test_hos004_pages_never_fail(client, path, args):
    shell = client.get(path + "?" + urlencode(args))
    assert shell.status_code == (404 if path == "/nowhere" else 200)
    assert b'id="react-entry-point"' in shell.data
    render = {
        "output": "page.children",
        "outputs": {"id": "page", "property": "children"},
        "inputs": [{"id": "location", "property": "pathname", "value": path}],
        "state": [{"id": "location", "property": "search", "value": "?" + urlencode(args)}],
        "changedPropIds": ["location.pathname"],
    }
    response = client.post("/_dash-update-component", json=render)
    assert response.status_code == 200
    page = response.get_json()["response"]["page"]["children"]
    assert page["props"]["className"] in ("page", "embed", "present")


@SETTINGS
@given(st.text(max_size=20), queries)
def test_hos005_snapshot_urls_never_fail(client, name, args):
    args = {k: v for k, v in args.items() if k != "width"}  # keep clear of real image rendering
    response = client.get("/snapshot/" + quote(name + ".txt", safe="") + "?" + urlencode(args))
    assert response.status_code in (200, 400, 404)
    assert b"Traceback" not in response.data


def _callbacks(app) -> list[tuple[str, dict]]:
    """Every server callback whose ids are plain (not pattern-matching), with its envelope."""
    found = []
    for output, spec in app.callback_map.items():
        ids = [str(i["id"]) for i in spec["inputs"] + spec.get("state", [])]
        if "callback" not in spec or "{" in output or any("{" in i for i in ids):
            continue
        found.append((output, spec))
    return found


def _outputs(output: str) -> list[dict] | dict:
    parts = output.strip(".").split("...") if output.startswith("..") else [output]
    items = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
    return items if output.startswith("..") else items[0]


def test_hos006_every_callback_survives_hostile_values(app, client):
    callbacks = _callbacks(app)
    assert len(callbacks) >= 10

    @SETTINGS
    @given(st.sampled_from(callbacks), st.data())
    def check(callback, data):
        output, spec = callback
        inputs = [dict(i, value=data.draw(json_values)) for i in spec["inputs"]]
        state = [dict(s, value=data.draw(json_values)) for s in spec.get("state", [])]
        changed = data.draw(st.sampled_from(inputs))
        body = {
            "output": output,
            "outputs": _outputs(output),
            "inputs": inputs,
            "state": state,
            "changedPropIds": [f"{changed['id']}.{changed['property']}"],
        }
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code in (200, 204), (output, inputs, state, response.data[:300])

    check()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("not json at all", "the body is not a JSON object"),
        ([1, 2], "the body is not a JSON object"),
        ({}, "'output' is missing or not a string"),
        ({"output": "nope.children"}, "'output' names no server callback of this app"),
        (
            {"output": "compare-go.href", "outputs": 3},
            "'outputs' entry 1 does not match compare-go.href",
        ),
        (
            {"output": "compare-go.href", "outputs": {"id": "compare-go", "property": "href"}},
            "'inputs' must be a list",
        ),
        (
            {"output": "compare-go.href", "outputs": {"id": "compare-go", "property": "href"}, "inputs": [1]},
            "'inputs' entry 1 does not match compare-pick.value",
        ),
        (
            {"output": "compare-go.href", "outputs": {"id": "compare-go", "property": "href"}, "inputs": []},
            "'inputs' must have 1 entry, one per declared input",
        ),
        (
            {
                "output": "compare-go.href",
                "outputs": {"id": "compare-go", "property": "href"},
                "inputs": [{"id": "compare-pick", "property": "value", "value": "2020-01"}],
                "state": [
                    {"id": "settled-store", "property": "data"},
                    {"id": "country-store", "property": "data"},
                    {"id": "lens", "property": "value"},
                    {"id": "bases-toggle", "property": "value"},
                    {"id": "lang-store", "property": "data"},
                ],
                "changedPropIds": [None],
            },
            "'changedPropIds' must be a list of strings",
        ),
    ],
)
def test_hos007_malformed_callback_requests_get_400(app, client, body, reason):
    if isinstance(body, str):
        response = client.post("/_dash-update-component", data=body, content_type="application/json")
    else:
        response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert response.get_data(as_text=True) == f"Bad callback request: {reason}\n"
    assert envelope_problem(body if not isinstance(body, str) else None, signatures(app)) == reason


def test_hos008_markup_in_data_is_text(fixture_app_data):
    dataset = fixture_app_data.dataset
    event = dataset.events[0].model_copy(
        update={"title_en": "<script>alert(1)</script>", "summary_en": "[x](javascript:alert(1)) <img src=x>"}
    )
    table = events_rows(fixture_app_data, [event], "en")
    # Plain strings, which assets/table.js writes as text (`textContent`), never as markup.
    row = table["rows"][0]
    assert row[2] == "<script>alert(1)</script>" and row[4] == "[x](javascript:alert(1)) <img src=x>"
    script = (ROOT / "assets" / "table.js").read_text()
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert (
        plotly_text("<a href='javascript:x'>b</a> & c") == "&lt;a href='javascript:x'&gt;b&lt;/a&gt; &amp; c"
    )
    if dataset.bases:
        base = dataset.bases[0].model_copy(update={"name": "<a href='x'>Camp</a>"})
        hover = base_hover(dataset, base, CALENDAR.first, "en")
        assert "<a href" not in hover and "&lt;a href" in hover


def test_hos009_markup_in_the_url_comes_back_as_text(client):
    layout_call = {
        "output": "page.children",
        "outputs": {"id": "page", "property": "children"},
        "inputs": [{"id": "location", "property": "pathname", "value": "/"}],
        "state": [{"id": "location", "property": "search", "value": "?year=<script>alert(1)</script>"}],
        "changedPropIds": ["location.pathname"],
    }
    response = client.post("/_dash-update-component", json=layout_call)
    assert response.status_code == 200
    text = json.dumps(response.get_json())
    # The value is echoed inside a notice as a plain string property, never as markup.
    assert "<script>alert(1)</script>" in text
    assert '"dangerously_allow_html": true' not in text.lower()


def test_hos010_security_headers(app, client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'self'"
    scripts = directives["script-src"].split()
    assert scripts[0] == "'self'" and "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert set(scripts[1:]) == set(app.csp_hashes())
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+=*'", s) for s in scripts[1:])
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'self'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors *" in client.get("/embed").headers["Content-Security-Policy"]
