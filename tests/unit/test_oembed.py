"""oEmbed answers, the discovery link in every page, and the caching headers of snapshots, the embed and
oEmbed (test codes: oem)."""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import re
from urllib.parse import parse_qs, urlencode, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from app import create_app
from data.context import AppData
from data.loader import load_dataset
from tests.conftest import TODAY
from tests.unit.test_hardening import SETTINGS, Tracebacks

HOST = "http://localhost"
STRINGS = {"type", "version", "html", "title", "provider_name", "provider_url", "thumbnail_url"}
INTEGERS = {"width", "height", "thumbnail_width", "thumbnail_height", "cache_age"}


def oembed(client, url: str, **params: str):
    return client.get("/oembed?" + urlencode({"url": url, **params}))


def frame(answer: dict) -> dict[str, str]:
    """The attributes of the answer's one iframe."""
    found = re.fullmatch(r"<iframe ([^>]*)></iframe>", answer["html"])
    assert found, answer["html"]
    return {name: html.unescape(value) for name, value in re.findall(r'([a-z-]+)="([^"]*)"', found[1])}


def query(address: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(address).query)


def test_oem001_a_map_address_gets_every_field_of_a_rich_answer(client):
    response = oembed(client, f"{HOST}/?date=2023-08&lang=fr&lens=RUS", format="json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    answer = response.get_json()
    assert answer["type"] == "rich" and answer["version"] == "1.0"
    assert set(answer) >= STRINGS | INTEGERS
    assert all(isinstance(answer[key], str) for key in STRINGS)
    assert all(type(answer[key]) is int and answer[key] > 0 for key in INTEGERS)
    assert answer["title"] == "Carte des réalignements au Sahel — Situation au 31 août 2023"
    assert answer["provider_name"] == "Carte des réalignements au Sahel"
    assert answer["provider_url"] == f"{HOST}/"
    attributes = frame(answer)
    assert attributes["src"] == f"{HOST}/embed?date=2023-08&lens=RUS&lang=fr"
    assert attributes["title"] == answer["title"]
    assert (
        (int(attributes["width"]), int(attributes["height"]))
        == (answer["width"], answer["height"])
        == (640, 480)
    )
    thumbnail = urlsplit(answer["thumbnail_url"])
    assert f"{thumbnail.scheme}://{thumbnail.netloc}{thumbnail.path}" == f"{HOST}/snapshot/2023-08.png"
    assert query(answer["thumbnail_url"]) == {
        "lang": ["fr"],
        "lens": ["RUS"],
        "width": [str(answer["thumbnail_width"])],
        "height": [str(answer["thumbnail_height"])],
    }
    assert client.get(answer["thumbnail_url"].replace(".png", ".txt")).status_code == 200  # a valid snapshot


def test_oem002_the_embed_compare_and_briefing_addresses_keep_their_view(client):
    embed = oembed(client, f"{HOST}/embed?date=2016-12&controls=0&country=NER&lang=fr").get_json()
    assert frame(embed)["src"] == f"{HOST}/embed?date=2016-12&country=NER&controls=0&lang=fr"
    assert embed["title"].endswith("Situation au 31 décembre 2016 — Niger")
    compare = oembed(client, f"{HOST}/?date=2021-12&compare=2024-12").get_json()
    assert frame(compare)["src"] == f"{HOST}/embed?date=2021-12&compare=2024-12"
    assert compare["title"] == "Sahel Realignment Map — 31 December 2021 and 31 December 2024 compared"
    assert query(compare["thumbnail_url"])["compare"] == ["2024-12"]
    undated = oembed(client, f"{HOST}/embed/").get_json()  # the month under way, pinned
    assert frame(undated)["src"] == f"{HOST}/embed?date={TODAY:%Y-%m}"
    for page in ("/present?step=2&lang=fr", "/methodology?lang=fr", "/data-changes"):
        response = oembed(client, HOST + page)
        assert response.status_code == 200, page
        assert "/embed?date=" in frame(response.get_json())["src"]


def test_oem003_maxwidth_and_maxheight_bound_the_frame_and_the_thumbnail(client):
    url = f"{HOST}/?date=2023-08"
    for bounds in ({"maxwidth": "500"}, {"maxheight": "300"}, {"maxwidth": "1000", "maxheight": "400"}):
        answer = oembed(client, url, **bounds).get_json()
        limit_w, limit_h = int(bounds.get("maxwidth", 10**6)), int(bounds.get("maxheight", 10**6))
        assert answer["width"] <= limit_w and answer["height"] <= limit_h, bounds
        assert max(answer["width"] / limit_w, answer["height"] / limit_h) > 0.95  # as large as allowed
        attributes = frame(answer)
        assert (int(attributes["width"]), int(attributes["height"])) == (answer["width"], answer["height"])
        assert answer["thumbnail_width"] <= limit_w and answer["thumbnail_height"] <= limit_h, bounds
    assert oembed(client, url, maxwidth="500").get_json()["width"] == 500
    small = oembed(client, url, maxwidth="200").get_json()  # smaller than any snapshot: no thumbnail
    assert small["width"] == 200 and not {"thumbnail_url", "thumbnail_width", "thumbnail_height"} & set(small)
    assert oembed(client, url, maxwidth="", maxheight=" ").get_json()["width"] == 640  # empty is absent


def test_oem004_errors_are_the_specifications_each_one_line(client):
    cases = [
        ({"url": f"{HOST}/", "format": "xml"}, 501),
        ({"url": f"{HOST}/?lang=fr", "format": "xml"}, 501),
        ({}, 404),
        ({"url": ""}, 404),
        ({"url": "/?date=2023-08"}, 404),  # not a full address
        ({"url": "http://elsewhere.example/?date=2023-08"}, 404),
        ({"url": "ftp://localhost/"}, 404),
        ({"url": f"{HOST}/no/such/page"}, 404),
        ({"url": f"{HOST}/snapshot/2023.png"}, 404),
        ({"url": f"{HOST}/oembed?url=x"}, 404),
        ({"url": "http://[localhost/"}, 404),
        ({"url": f"{HOST}/", "maxwidth": "0"}, 400),
        ({"url": f"{HOST}/", "maxwidth": "-5"}, 400),
        ({"url": f"{HOST}/", "maxheight": "1.5"}, 400),
        ({"url": f"{HOST}/", "maxwidth": "abc", "maxheight": "9" * 40}, 400),
    ]
    for params, status in cases:
        response = client.get("/oembed?" + urlencode(params))
        assert response.status_code == status, params
        text = response.get_data(as_text=True)
        assert text.count("\n") == 1 and text.endswith("\n"), params
    line = client.get("/oembed?" + urlencode({"url": f"{HOST}/?lang=fr", "maxwidth": "x"})).get_data(
        as_text=True
    )
    assert line == "Demande oEmbed invalide : maxwidth: « x » n'est pas un nombre entier supérieur à 0\n"


def test_oem005_no_oembed_request_gets_a_500(app, client):
    handler = Tracebacks()
    loggers = [app.server.logger, logging.getLogger()]
    for logger in loggers:
        logger.addHandler(handler)
    text = st.text(max_size=60)
    addresses = st.one_of(text, st.builds(lambda rest: HOST + "/" + rest, text))

    @SETTINGS
    @given(st.dictionaries(st.sampled_from(["url", "maxwidth", "maxheight", "format"]), text), addresses)
    def check(params, url):
        params.setdefault("url", url)
        response = client.get("/oembed", query_string=params)
        assert response.status_code in (200, 400, 404, 501), (params, response.data[:300])
        if response.status_code != 200:
            assert response.get_data(as_text=True).count("\n") == 1, params
        assert handler.records == [], params

    try:
        check()
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def discovery(page: str) -> list[dict[str, str]]:
    links = re.findall(r"<link ([^>]*type=\"application/json\+oembed\"[^>]*)>", page)
    return [
        {name: html.unescape(value) for name, value in re.findall(r'([a-z]+)="([^"]*)"', link)}
        for link in links
    ]


def test_oem006_every_page_names_its_oembed_answer_in_its_head(client):
    for path in ("/?date=2023-08&lang=fr&lens=RUS", "/embed?date=2023-08", "/?date=2021-12&compare=2024-12",
                 "/methodology?lang=fr", "/present?step=3", "/data-changes"):  # fmt: skip
        response = client.get(path)
        page = response.get_data(as_text=True)
        links = discovery(page.split("</head>")[0])
        assert len(links) == 1, path
        link = links[0]
        assert link["rel"] == "alternate" and link["title"].startswith(("Sahel", "Carte")), path
        href = urlsplit(link["href"])
        assert f"{href.scheme}://{href.netloc}{href.path}" == f"{HOST}/oembed"
        assert parse_qs(href.query) == {"url": [HOST + path], "format": ["json"]}, path
        assert oembed(client, HOST + path).status_code == 200, path
        # No inline script was added: each one the page has is one the security policy allows.
        policy = response.headers["Content-Security-Policy"]
        for attributes, script in re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S):
            if "src=" in attributes or 'type="application/json"' in attributes:  # a file, or data
                continue
            digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy, (path, script[:80])
    french = discovery(client.get("/?date=2023-08&lang=fr").get_data(as_text=True))[0]
    assert french["title"] == "Carte des réalignements au Sahel — Situation au 31 août 2023"
    assert not discovery(client.get("/no/such/page").get_data(as_text=True))  # no view, no answer


def test_oem007_snapshot_text_and_data_answer_304_to_their_etag(client):
    for name in ("2023-08.txt", "2023-08.csv", "2021-12.txt?compare=2024-12&lang=fr"):
        first = client.get("/snapshot/" + name)
        assert first.status_code == 200 and first.headers["Cache-Control"] == "public, max-age=3600"
        etag = first.headers["ETag"]
        again = client.get("/snapshot/" + name, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"", name
        assert again.headers["ETag"] == etag and again.headers["Cache-Control"] == "public, max-age=3600"
        compressed = client.get("/snapshot/" + name, headers={"If-None-Match": etag[:-1] + ':gzip"'})
        assert compressed.status_code == 304, name  # the tag of the compressed copy
        assert client.get("/snapshot/" + name, headers={"If-None-Match": '"other"'}).status_code == 200
    tags = {client.get(f"/snapshot/2023-08.{fmt}{args}").headers["ETag"]
            for fmt in ("txt", "csv") for args in ("", "?lang=fr", "?lens=RUS")}  # fmt: skip
    assert len(tags) == 6  # one per answer
    assert "ETag" not in client.get("/snapshot/2023-08.txt?width=1").headers  # an error is never kept


def test_oem008_the_embed_and_oembed_are_kept_five_minutes_with_a_tag(client):
    for path in ("/embed?date=2023-08&lang=fr", "/oembed?" + urlencode({"url": f"{HOST}/?date=2023-08"})):
        first = client.get(path)
        assert first.status_code == 200 and first.headers["Cache-Control"] == "public, max-age=300", path
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.data == b"", path
    other = client.get("/embed?date=2023-09&lang=fr").headers["ETag"]
    assert other != client.get("/embed?date=2023-08&lang=fr").headers["ETag"]
    assert "ETag" not in client.get("/").headers  # the map page is not kept


def test_oem009_every_tag_changes_with_the_data_release(data_copy, shapes, fixture_app_data):
    release = data_copy / "release.csv"
    release.write_text(release.read_text(encoding="utf-8").replace("Fixture data", "Data"), encoding="utf-8")
    other = AppData(dataset=load_dataset(data_copy, geography=shapes), shapes=shapes, clock=lambda: TODAY)
    assert other.release_tag != fixture_app_data.release_tag
    first, second = (create_app(data).server.test_client() for data in (fixture_app_data, other))
    paths = (
        "/snapshot/2023-08.txt",
        "/snapshot/2023-08.csv",
        "/download/events.csv",
        "/embed?date=2023-08",
        "/oembed?" + urlencode({"url": f"{HOST}/?date=2023-08"}),
    )
    for path in paths:
        before, after = first.get(path), second.get(path)
        assert before.status_code == after.status_code == 200, path
        assert before.headers["ETag"] != after.headers["ETag"], path
        assert second.get(path, headers={"If-None-Match": before.headers["ETag"]}).status_code == 200, path
