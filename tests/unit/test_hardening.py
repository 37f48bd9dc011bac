"""Hardening, round two: each finding of the attack on the production server, reproduced (test codes:
hrd). Callback requests checked against the callback map, bounded bodies and numbers, 404s,
downloads from the validated data, CSV cells neutralised, links never pasted into markup, the
renderer's queue and restarts, export safety, and headers."""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import json
import logging
import os
import threading
import time
from dataclasses import replace
from multiprocessing.connection import Listener

import plotly.graph_objects as go
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from bench.common import descendants, process_name
from callbacks.guard import MAX_BODY_BYTES, MAX_DEPTH, Prop, signatures
from data.context import AppData
from data.csv_out import csv_text, neutralised
from data.describe import view_csv
from data.loader import load_dataset
from data.period import Period
from data.view import View, parse_query, parse_snapshot, rounded_size
from layouts.table import events_rows
from publish.export import export, write_file
from publish.render import ImageRenderer, RenderUnavailable
from publish.render_service import DiskCache, Paths, RenderBusy, RenderClient, renderer_pid
from tests.conftest import CALENDAR, ROOT, TODAY
from tests.unit.test_hostile import json_values

ENDPOINT = "/_dash-update-component"
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Tracebacks(logging.Handler):
    """Every log record that carries an exception: what a 500 leaves in the server's log."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info or record.levelno >= logging.ERROR:
            self.records.append(record)


def concrete(prop: Prop, value: object) -> object:
    """What the page sends for a declared property: a pattern's ids made concrete."""
    if isinstance(prop.id, str):
        return {"id": prop.id, "property": prop.name, "value": value}
    ids = {
        key: ("MLI" if wanted in ("ALL", "MATCH", "ALLSMALLER") else wanted)
        for key, wanted in prop.id.items()
    }
    item = {"id": ids, "property": prop.name, "value": value}
    return [item] if prop.many else item


def valid_request(output: str, app, draw) -> dict:
    signature = signatures(app)[output]
    outputs = [concrete(p, None) for p in signature.outputs]
    for item in outputs:
        for entry in item if isinstance(item, list) else [item]:
            entry.pop("value")
    inputs = [concrete(p, draw(json_values)) for p in signature.inputs]
    first = inputs[0][0] if isinstance(inputs[0], list) else inputs[0]
    return {
        "output": output,
        "outputs": outputs if signature.multi else outputs[0],
        "inputs": inputs,
        "state": [concrete(p, draw(json_values)) for p in signature.state],
        "changedPropIds": [f"{json.dumps(first['id']) if isinstance(first['id'], dict) else first['id']}."
                           f"{first['property']}"],
    }  # fmt: skip


def mutate(body: dict, how: str, draw) -> dict:
    """A request the page would never send, built from one it would."""
    body = json.loads(json.dumps(body))
    if how == "drop":
        body.pop(draw(st.sampled_from(sorted(body))))
    elif how == "outputs-shape":
        outputs = body["outputs"]
        body["outputs"] = outputs[0] if isinstance(outputs, list) and outputs else [outputs]
    elif how == "wrong-id":
        part = draw(st.sampled_from(["outputs", "inputs", "state"]))
        items = body[part] if isinstance(body[part], list) else [body[part]]
        if items:
            target = items[0][0] if isinstance(items[0], list) and items[0] else items[0]
            if isinstance(target, dict):
                target["id"] = draw(st.sampled_from(["nope", {"type": "x"}, 3, None, {"country": "MLI"}]))
    elif how == "one-more":
        body[draw(st.sampled_from(["inputs", "state"]))].append(
            {"id": "lens", "property": "value", "value": 1}
        )
    elif how == "one-less":
        if body["inputs"]:
            body["inputs"].pop()
    elif how == "any-json":
        body[draw(st.sampled_from(["outputs", "inputs", "state", "changedPropIds"]))] = draw(json_values)
    return body


def test_hrd001_no_callback_request_gets_a_500_or_a_traceback(app, client):
    """F1, F2, F4, F5: requests built from the callback map, valid or mutated, to every callback."""
    outputs = sorted(signatures(app))
    assert len(outputs) >= 13 and any("country-button" in o for o in outputs)
    handler = Tracebacks()
    loggers = [app.server.logger, logging.getLogger()]
    for logger in loggers:
        logger.addHandler(handler)

    @SETTINGS
    @given(
        st.sampled_from(outputs),
        st.sampled_from(["none", "drop", "outputs-shape", "wrong-id", "one-more", "one-less", "any-json"]),
        st.data(),
    )
    def check(output, how, data):
        body = valid_request(output, app, data.draw)
        if how != "none":
            body = mutate(body, how, data.draw)
        response = client.post(ENDPOINT, json=body)
        assert response.status_code in (200, 204, 400), (output, how, body, response.data[:300])
        if how == "none":
            assert response.status_code in (200, 204), (output, body, response.data[:300])
        if response.status_code == 400:
            assert response.get_data(as_text=True).count("\n") == 1  # one line
        assert handler.records == [], (output, how, body)

    try:
        check()
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def test_hrd002_deep_and_large_bodies_get_a_one_line_answer(client):
    """F3 and F13: nesting beyond the JSON parser's recursion, beyond `MAX_DEPTH`, and a large body."""
    for depth in (5000, MAX_DEPTH):  # inside an object: one level more
        body = '{"output": ' + "[" * depth + "]" * depth + "}"
        response = client.post(ENDPOINT, data=body, content_type="application/json")
        assert response.status_code == 400
        assert response.get_data(as_text=True) == (
            f"Bad callback request: the body is nested more than {MAX_DEPTH} levels deep\n"
        )
    large = json.dumps({"output": "page.children", "padding": "x" * MAX_BODY_BYTES})
    response = client.post(ENDPOINT, data=large, content_type="application/json")
    assert response.status_code == 413
    assert response.get_data(as_text=True) == f"Request too large: at most {MAX_BODY_BYTES // 1024} kB\n"


def test_hrd003_huge_numbers_fall_back_with_a_notice(client):
    """F4 and F5: a year of 10^309 and digit strings over 4,300 characters, in addresses and callbacks."""
    nines = "9" * 4400
    for key in ("year", "date", "width", "height", "scale", "step", "compare"):
        view = parse_query({key: nines}, CALENDAR)
        assert view.period in CALENDAR
    assert not isinstance(parse_snapshot(nines + ".png", {"width": nines}, CALENDAR), type(None))
    render = {
        "output": "page.children",
        "outputs": {"id": "page", "property": "children"},
        "inputs": [{"id": "location", "property": "pathname", "value": "/"}],
        "state": [{"id": "location", "property": "search", "value": f"?year={nines}"}],
        "changedPropIds": ["location.pathname"],
    }
    response = client.post(ENDPOINT, json=render)
    assert response.status_code == 200
    assert "is not a date the map covers" in json.dumps(response.get_json())
    panel = {
        "output": "..panel.children...panel-key.data..",
        "outputs": [{"id": "panel", "property": "children"}, {"id": "panel-key", "property": "data"}],
        "inputs": [
            {"id": "settled-store", "property": "data", "value": 1e308 * 10},
            {"id": "country-store", "property": "data", "value": nines},
            {"id": "lens", "property": "value", "value": None},
        ],
        "state": [
            {"id": "lang-store", "property": "data", "value": "fr"},
            {"id": "panel-key", "property": "data"},
        ],
        "changedPropIds": ["settled-store.data"],
    }
    assert client.post(ENDPOINT, data=json.dumps(panel), content_type="application/json").status_code == 200
    digits = '{"output": "page.children", "inputs": [' + nines + "]}"
    assert client.post(ENDPOINT, data=digits, content_type="application/json").status_code == 400
    assert client.get(f"/snapshot/2023.txt?width={nines}").status_code == 400


def test_hrd004_unknown_paths_answer_404(client):
    """F6 and F17: an unknown script and an unknown page; the page is drawn in the reader's language."""
    for path in ("/_dash-component-suites/nope/x.js", "/_dash-component-suites/dash/nope.js"):
        response = client.get(path)
        assert response.status_code == 404 and b"Traceback" not in response.data
    response = client.get("/no/such/page?lang=fr")
    assert response.status_code == 404 and b'id="react-entry-point"' in response.data
    for path in ("/", "/embed", "/embed/", "/present", "/methodology", "/data-changes"):
        assert client.get(path).status_code == 200, path
    render = {
        "output": "page.children",
        "outputs": {"id": "page", "property": "children"},
        "inputs": [{"id": "location", "property": "pathname", "value": "/no/such/page"}],
        "state": [{"id": "location", "property": "search", "value": "?lang=fr"}],
        "changedPropIds": ["location.pathname"],
    }
    page = json.dumps(client.post(ENDPOINT, json=render).get_json(), ensure_ascii=False)
    assert "Il n'y a pas de page à cette adresse." in page


def test_hrd005_downloads_are_the_validated_data_whatever_the_disk_says(data_copy, shapes):
    """F7 and F8: the `--data` folder's files as loaded; truncating or deleting them later changes nothing."""
    dataset = load_dataset(data_copy, geography=shapes)
    data = AppData(dataset=dataset, shapes=shapes, clock=lambda: TODAY)
    client = create_app(data).server.test_client()
    expected = neutralised((data_copy / "events.csv").read_text(encoding="utf-8")).encode()
    first = client.get("/download/events.csv")
    assert first.status_code == 200 and first.data == expected
    assert first.headers["ETag"] == f'"{data.release_tag}"'
    (data_copy / "events.csv").write_text("id,date\n", encoding="utf-8")
    (data_copy / "sources.csv").unlink()
    assert client.get("/download/events.csv").data == expected
    assert client.get("/download/sources.csv").status_code == 200
    again = client.get("/download/events.csv", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert client.get("/download/nope.csv").status_code == 404
    assert client.get("/download/../app.csv").status_code == 404


def test_hrd006_csv_cells_a_spreadsheet_would_run_are_neutralised(fixture_app_data):
    """F9: both CSV routes. A cell starting with = + - @ gets a leading apostrophe; numbers stay."""
    rows = [['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "-3.5", "1,200", "plain", "|cmd"]]
    assert list(csv.reader(io.StringIO(csv_text(rows)))) == [
        ['\'=HYPERLINK("http://x")', "'+1+1", "'-2+3", "'@SUM(A1)", "-3.5", "1,200", "plain", "'\\|cmd"]
    ]
    assert neutralised('a,b\n"=1+2",-4\n') == "a,b\n'=1+2,-4\n"
    dataset = fixture_app_data.dataset
    risky = dataset.partnerships[0].model_copy(update={"name_en": "=cmd|' /C calc'!A0"})
    data = AppData(
        dataset=replace(dataset, partnerships=(risky, *dataset.partnerships[1:])),
        shapes=fixture_app_data.shapes,
        clock=lambda: TODAY,
    )
    view = View(period=Period.containing(risky.start_date), country=risky.country)
    cells = [cell for row in csv.reader(io.StringIO(view_csv(data, view))) for cell in row]
    assert "'=cmd\\|' /C calc'!A0" in cells
    assert not any(cell.startswith(("=", "+", "@", "-")) for cell in cells)
    for name, body in fixture_app_data.downloads.items():
        for row in csv.reader(io.StringIO(body.decode())):
            assert not any(cell.startswith(("=", "+", "@")) for cell in row), name


def test_hrd007_source_addresses_are_links_never_markup(fixture_app_data):
    """F10: an address holding `)[text](…)` is one link with that exact address, nothing more."""
    dataset = fixture_app_data.dataset
    event = dataset.events[0]
    source = dataset.sources[event.source_ids[0]]
    tricky = source.model_copy(update={"url": "https://example.org/a)[click](https://evil.example)"})
    data = AppData(
        dataset=replace(dataset, sources={**dataset.sources, source.id: tricky}),
        shapes=fixture_app_data.shapes,
        clock=lambda: TODAY,
    )
    row = events_rows(data, [event], "en")["rows"][0]
    assert [source[1] for source in row[5]] == [tricky.url] + [
        dataset.sources[s].url for s in event.source_ids[1:]
    ]
    assert "click" not in json.dumps([row[:5], [source[0] for source in row[5]]])
    script = (ROOT / "assets" / "table.js").read_text()
    assert "link.href = url" in script and "innerHTML" not in script  # an address only as an address


def test_hrd008_nearby_sizes_share_one_image():
    """F11: a tiny change of `scale` or size no longer misses the cache."""
    a = parse_snapshot("2023.png", {"scale": "1", "width": "600"}, CALENDAR)
    b = parse_snapshot("2023.png", {"scale": "1.01", "width": "603"}, CALENDAR)
    assert a.key() == b.key() and (b.width, b.scale) == (600, 1.0)
    assert rounded_size(1199, 461, 2.6) == (1200, 460, 3.0)


class FakeRenderer:
    """A renderer at the server's socket that holds each job, or hangs up on it (a renderer dying)."""

    def __init__(self, paths: Paths, *, hang_up: bool = False) -> None:
        self.listener = Listener(str(paths.socket), "AF_UNIX", authkey=paths.authkey())
        self.release = threading.Event()
        self.received = threading.Event()
        self.hang_up = hang_up
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        connection = self.listener.accept()
        self.listener.close()  # one job only, and its socket gone before any new renderer starts
        with connection:
            connection.recv()
            self.received.set()
            if self.hang_up:
                return
            self.release.wait(10)
            connection.send(("ok", b"\x89PNG fake"))

    def close(self) -> None:
        self.release.set()


def test_hrd009_a_full_queue_answers_503_with_retry_after(tmp_path, fixture_app_data, monkeypatch):
    """F11: images wait in one bounded queue per server; beyond it, 503 at once, not a slow site."""
    paths = Paths(tmp_path / "render")
    paths.prepare()
    renderer = FakeRenderer(paths)
    client = RenderClient(paths.root, slots=1, wait_s=0.2, browser=lambda: "/usr/bin/chromium")
    figure = go.Figure
    first = threading.Thread(target=client.render, args=("first", figure, "png", 320, 240))
    first.start()
    assert renderer.received.wait(10)
    started = time.monotonic()
    with pytest.raises(RenderBusy):
        client.render("second", figure, "png", 320, 240)
    assert time.monotonic() - started < 2
    renderer.close()
    first.join(10)
    assert DiskCache(paths.cache).get("first") == b"\x89PNG fake"  # in the cache every worker reads
    assert client.render("first", figure, "png", 320, 240) == b"\x89PNG fake"

    # Through the address: the only place taken (by another worker, say), the reader gets 503 at once.
    full = lambda: RenderClient(paths.root, slots=1, wait_s=0.1, browser=lambda: "/usr/bin/chromium")  # noqa: E731
    monkeypatch.setattr("callbacks.snapshot.RenderClient", full)
    with paths.slot(0).open("a") as taken:
        fcntl.flock(taken, fcntl.LOCK_EX | fcntl.LOCK_NB)
        response = create_app(fixture_app_data).server.test_client().get("/snapshot/2019.png")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert response.get_data(as_text=True).startswith("Too many images")


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Chromium")
def test_hrd010_a_renderer_that_dies_is_replaced_at_once(tmp_path, fixture_app_data):
    """F12: the request it was working on gets 503; the next one is served by a new renderer."""
    paths = Paths(tmp_path / "render")
    paths.prepare()
    FakeRenderer(paths, hang_up=True)
    client = RenderClient(paths.root)
    data = fixture_app_data
    request = parse_snapshot("2019.png", {"width": "320", "height": "240"}, CALENDAR)

    def figure():
        from layouts.image import image_figure

        return image_figure(data, request.view, (request.width, request.height))

    with pytest.raises(RenderUnavailable) as failed:
        client.render("x", figure, "png", 320, 240)
    assert not isinstance(failed.value, RenderBusy)
    try:
        started = time.monotonic()
        image = client.render("y", figure, "png", 320, 240)
        assert image.startswith(b"\x89PNG")
        assert time.monotonic() - started < 25  # a new renderer, not a 30 s hang
        pid = renderer_pid(paths)
        assert pid is not None
        os.kill(pid, 9)  # found dead by the next request: started again, and that request served
        assert client.render("z", figure, "png", 320, 240).startswith(b"\x89PNG")
        assert renderer_pid(paths) not in (None, pid)
    finally:
        pid = renderer_pid(paths)
        if pid is not None:
            os.kill(pid, 9)


@pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Chromium")
def test_hrd014_a_browser_that_dies_fails_its_image_at_once_and_the_next_one_works(fixture_app_data):
    """F12 inside the renderer: kaleido's Chromium killed; no 30 s hang, and a new browser next time."""
    renderer = ImageRenderer(timeout_s=30)
    try:
        assert renderer.render_figure(go.Figure(), "png", 320, 240).startswith(b"\x89PNG")
        browsers = [pid for pid in descendants(os.getpid()) if "chrom" in process_name(pid)]
        assert browsers
        for pid in browsers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, 9)
        started = time.monotonic()
        with contextlib.suppress(RenderUnavailable):  # this image may fail: it gets 503, quickly
            renderer.render_figure(go.Figure(), "png", 320, 240)
        assert time.monotonic() - started < 20
        assert renderer.render_figure(go.Figure(), "png", 320, 240).startswith(b"\x89PNG")
    finally:
        renderer.close()


def test_hrd011_export_writes_through_fresh_files_and_says_when_the_target_is_a_file(
    tmp_path, fixture_app_data, capsys
):
    """F14 and F15: a link planted at the old temporary name is never followed; a file as target is named."""
    secret = tmp_path / "secret.txt"
    secret.write_text("keep me")
    out = tmp_path / "site"
    out.mkdir()
    (out / ".index.html.tmp").symlink_to(secret)
    write_file(out / "index.html", "<p>page</p>")
    assert secret.read_text() == "keep me" and (out / "index.html").read_text() == "<p>page</p>"
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp") and not p.is_symlink()] == []
    target = tmp_path / "a-file"
    target.write_text("x")
    assert export(target, fixture_app_data) == 2
    assert capsys.readouterr().err == f"{target} is a file, not a folder: nothing was exported\n"
    with pytest.raises(Exception, match="is a file, not a folder"):
        write_file(target / "index.html", "x")


def test_hrd012_one_charset_per_content_type(client):
    """F18."""
    for fmt in ("txt", "csv"):
        content_type = client.get(f"/snapshot/2019.{fmt}").headers["Content-Type"]
        assert content_type.count("charset") == 1, content_type


def test_hrd013_the_property_test_sees_every_registered_callback(app):
    """The callback map, not a list kept by hand, drives hrd001: a new callback is covered at once."""
    server_side = {key for key, spec in app.callback_map.items() if "callback" in spec}
    assert set(signatures(app)) == server_side
