"""Sharing, as a journalist does it: the share dialog, the embed in another site's page, server
snapshots under concurrent load, and the static export opened from disk (test codes: shr1xx)."""

from __future__ import annotations

import datetime as dt
import io
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import pytest
from playwright.sync_api import Browser, Page

from data.context import AppData, load_app_data
from data.period import Period
from data.view import parse_snapshot
from layouts.picture import preset_figure
from publish.address import site_address
from publish.export import export
from publish.render import ImageRenderer, plotly_bundle
from publish.render_service import QUEUE_SLOTS
from tests.browser.conftest import Recorder
from tests.browser.helpers import (
    fetch_image,
    fills,
    label_clashes,
    open_map,
    picture_text_problems,
    wait_for_month,
)
from tests.browser.test_map import callback_outputs
from tests.unit.test_cite import assert_escaped, parse_bibtex

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def open_share(page: Page, server: str, query: str) -> None:
    open_map(page, f"{server}/{query}")
    page.locator("#share > summary").click()
    page.wait_for_function("() => document.querySelector('#share-link').value.startsWith('http')")
    page.wait_for_function("() => document.querySelector('#share-embed').value.startsWith('<iframe')")


def test_shr101_permalink_copy_and_reopen(page: Page, recorder: Recorder, server: str, browser: Browser):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    open_share(page, server, "?year=2016&lens=FRA&country=NER")
    link = page.locator("#share-link").input_value()
    assert link.startswith(f"{server}/?")
    assert dict(parse_qsl(urlparse(link).query)) == {"date": "2016-12", "country": "NER", "lens": "FRA"}
    page.get_by_role("button", name="Copy").first.click()
    page.wait_for_function("() => document.querySelector('#share-status').textContent === 'Copied.'")
    assert page.evaluate("navigator.clipboard.readText()") == link

    embed_code = page.locator("#share-embed").input_value()
    assert f'src="{server}/embed?date=2016-12&amp;country=NER&amp;lens=FRA"' in embed_code
    assert embed_code.count("\n") == 1  # two lines to paste
    page.locator("#share-copy-embed").click()
    page.wait_for_function(
        "(code) => navigator.clipboard.readText().then(text => text === code)", arg=embed_code
    )

    other = page.context.new_page()
    open_map(other, link)
    wait_for_month(other, Period(2016, 12))
    assert other.get_by_role("radio", name="France").is_checked()
    assert other.locator("[aria-pressed=true]").inner_text() == "Niger"
    other.close()
    recorder.assert_clean()


def shown_date(page: Page) -> str:
    """The date the page's header shows: "31 October 2023" of "Situation on 31 October 2023"."""
    text = page.locator("#as-of").inner_text()
    return text.removeprefix("Situation on ").removeprefix("Situation au ")


def open_citation(page: Page) -> None:
    page.locator("#share-cite > summary").click()
    page.wait_for_function("() => document.querySelector('#share-cite-bibtex').value.startsWith('@misc{')")


def citations(page: Page) -> tuple[str, str, str]:
    return tuple(page.locator(f"#share-cite-{name}").input_value() for name in ("chicago", "apa", "bibtex"))


def test_shr108_cite_this_view_follows_the_slider_and_copies(page: Page, recorder: Recorder, server: str):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    outputs = callback_outputs(page)
    open_share(page, server, "?date=2023-10")
    assert not [o for o in outputs if "share-cite" in o]  # nothing written until "Cite this view" opens
    open_citation(page)
    chicago, apa, bibtex = citations(page)
    date, address = shown_date(page), page.url
    assert date == "31 October 2023" and address == f"{server}/?date=2023-10"
    assert f"“Principal Security Partners in the Sahel, {date}.”" in chicago and chicago.endswith(
        f" {address}."
    )
    assert f"Principal security partners in the Sahel, {date} (Version" in apa and apa.endswith(f" {address}")
    today = page.evaluate("() => new Date().toLocaleDateString('en-CA')")  # the reader's day, YYYY-MM-DD
    kind, key, fields = parse_bibtex(bibtex)
    assert (kind, key) == ("misc", "sahelmap2023-10")
    assert fields["url"] == address and fields["urldate"] == today and date in fields["note"]
    assert_escaped(fields)
    assert page.locator("#share-cite-chicago").evaluate("(box) => box.scrollHeight <= box.clientHeight + 1")

    page.locator("#share-copy-cite-bibtex").click()
    page.wait_for_function("() => document.querySelector('#share-status').textContent === 'Copied.'")
    assert page.evaluate("navigator.clipboard.readText()") == bibtex
    page.locator("#share-status").evaluate("(status) => { status.textContent = ''; }")
    page.locator("#share-copy-cite-chicago").click()
    page.wait_for_function(
        "(text) => navigator.clipboard.readText().then((copied) => copied === text)", arg=chicago
    )

    # With the dialog open, the citation follows the slider.
    page.locator("#year-slider [role=slider]").focus()
    page.keyboard.press("ArrowLeft")
    wait_for_month(page, Period(2023, 9))
    page.wait_for_url("**/?date=2023-09")
    page.wait_for_function(
        "() => document.querySelector('#share-cite-chicago').value.includes('30 September 2023')"
    )
    chicago, apa, bibtex = citations(page)
    assert shown_date(page) == "30 September 2023" and chicago.endswith(f" {page.url}.")
    assert parse_bibtex(bibtex)[1] == "sahelmap2023-09" and apa.endswith(f" {page.url}")

    # Closed, the dialog asks nothing as the slider moves.
    page.locator("#share > summary").click()
    asked = len([o for o in outputs if "share-cite" in o])
    page.locator("#year-slider [role=slider]").press("ArrowLeft")
    wait_for_month(page, Period(2023, 8))
    page.wait_for_url("**/?date=2023-08")
    page.wait_for_load_state("networkidle")
    assert len([o for o in outputs if "share-cite" in o]) == asked
    assert "30 September 2023" in page.locator("#share-cite-chicago").input_value()  # as it was left
    recorder.assert_clean()


def test_shr109_cite_a_day_a_lens_and_a_country_in_french(phone_page: Page, recorder: Recorder, server: str):
    page = phone_page
    open_map(page, f"{server}/?date=2023-10-15&country=MLI&lens=RUS&lang=fr")
    page.locator("#share > summary").click()
    page.get_by_text("Citer cette vue").click()
    page.wait_for_function("() => document.querySelector('#share-cite-bibtex').value.startsWith('@misc{')")
    chicago, apa, bibtex = citations(page)
    date, address = shown_date(page), page.url
    assert date == "15 octobre 2023"
    assert f"{server}/?date=2023-10-15&country=MLI&lens=RUS&lang=fr" == address
    assert chicago.startswith(
        f"Carte des réalignements au Sahel. « Russie : présence au Sahel, {date} — Mali »."
    )
    assert "Consulté le " in chicago and chicago.endswith(f" {address}.")
    assert "[Jeu de données]" in apa and apa.endswith(f"à l'adresse {address}")
    _, key, fields = parse_bibtex(bibtex)
    assert key == "sahelmap2023-10-15-rus-mli" and fields["url"] == address
    assert fields["langid"] == "french" and fields["note"].endswith(f"Date affichée : {date}.")
    assert_escaped(fields)
    # Nothing cut off on a phone: each field shows its whole text, within the screen.
    for name in ("chicago", "apa", "bibtex"):
        box = page.locator(f"#share-cite-{name}")
        assert box.evaluate("(b) => b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth")
        right = box.evaluate("(b) => b.getBoundingClientRect().right")
        assert right <= 390, name
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Copier").nth(4).click()  # link, embed, then the three citations
    page.locator("#share-status").filter(has_text="Copi").wait_for()
    recorder.assert_clean()


def test_shr102_download_png_svg_and_csv(page: Page, recorder: Recorder, server: str):
    open_share(page, server, "?year=2013&lang=fr")
    with page.expect_download() as png:
        page.get_by_role("button", name="Image (PNG)").click()
    assert png.value.suggested_filename == "sahel-2013-12-fr.png"
    data = Path(png.value.path()).read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 50_000
    page.wait_for_function("() => document.querySelector('#share-status').textContent.includes('enregistré')")

    with page.expect_download() as svg:
        page.get_by_role("button", name="Image vectorielle (SVG)").click()
    text = Path(svg.value.path()).read_text(encoding="utf-8")
    assert text.startswith("<svg") and "Principaux partenaires de sécurité au Sahel, 31 décembre 2013" in text
    assert "Source : Carte des réalignements au Sahel" in text and "Principal partenaire de sécurité" in text
    picture = page.context.new_page()
    picture.set_content(text)
    found = label_clashes(picture, None)  # labels placed for the picture, not for the screen
    assert found["problems"] == [] and "MALI" in found["labels"], found
    assert picture_text_problems(picture)["width"] == 1200  # the wide preset unless another is chosen
    picture.close()

    page.get_by_role("radio", name="Article (640 px de large)").check()
    with page.expect_download() as article:
        page.get_by_role("button", name="Image vectorielle (SVG)").click()
    assert article.value.suggested_filename == "sahel-2013-12-fr-article.svg"
    picture = page.context.new_page()
    picture.set_content(Path(article.value.path()).read_text(encoding="utf-8"))
    found = picture_text_problems(picture)
    assert found["width"] == 640 and found["problems"] == [], found
    picture.close()

    href = page.locator("#share-csv").get_attribute("href")
    assert href == f"{server}/snapshot/2013-12.csv?lang=fr&download=1"
    status, body = fetch(href)
    assert status == 200 and body.decode().startswith("as_of,country,country_name,colour")
    server_png = page.locator("#share-server-png").get_attribute("href")  # the wide preset
    assert server_png == f"{server}/snapshot/2013-12.png?lang=fr"
    recorder.assert_clean()


def test_shr103_embed_in_another_sites_page(page: Page, recorder: Recorder, server: str, host_site):
    host, folder = host_site
    open_share(page, server, "?year=2023")
    code = page.locator("#share-embed").input_value()
    head = '<!DOCTYPE html><html><head><link rel="icon" href="data:,"></head>'
    article = f"{head}<body><h1>An article</h1>{code}<p>After the map.</p></body></html>"
    (folder / "article.html").write_text(article, encoding="utf-8")

    page.goto(f"{host}/article.html")
    frame = page.frame_locator("iframe")
    frame.locator(".choroplethlocation").nth(40).wait_for(state="attached")
    assert frame.locator("#embed-year").inner_text() == "Situation on 31 December 2023"
    credit = frame.locator(".embed-credit")
    assert "Source: Sahel Realignment Map" in credit.inner_text()
    assert credit.get_by_role("link").get_attribute("href") == "/?date=2023-12"
    # The host page received the height and sized the frame to the whole embed.
    embed = next(f for f in page.frames if f.url.startswith(f"{server}/embed"))
    inner = "() => Math.ceil(document.documentElement.getBoundingClientRect().height)"
    sized = "(h) => parseInt(document.querySelector('iframe').style.height) === h"
    page.wait_for_function(sized, arg=embed.evaluate(inner))
    iframe_box = page.locator("iframe").bounding_box()
    assert iframe_box is not None and iframe_box["height"] > 300
    # The compact slider moves the month inside the frame; PageDown a year.
    frame.locator("[role=slider]").focus()
    page.keyboard.press("ArrowLeft")
    frame.locator("#embed-year").filter(has_text="30 November 2023").wait_for()
    page.keyboard.press("PageDown")
    frame.locator("#embed-year").filter(has_text="2022").wait_for()
    assert frame.locator("#embed-year").inner_text() == "Situation on 30 November 2022"
    assert frame.locator("#embed-credit").inner_text().endswith("data reviewed up to 30 April 2026")
    assert not frame.locator("#embed-review").is_visible()  # 2022 is before the review date
    recorder.assert_clean()
    assert all(url.startswith((host, server)) or url.startswith("data:") for url in recorder.requests)


def test_shr104_embed_without_controls_and_with_a_bad_value(page: Page, recorder: Recorder, server: str):
    page.goto(f"{server}/embed?year=2015&controls=0&lang=fr")
    page.locator("#embed-map .choroplethlocation").nth(40).wait_for(state="attached")
    assert page.locator("#embed-year").inner_text() == "Situation au 31 décembre 2015"
    assert not page.locator("#embed-slider").is_visible()
    page.goto(f"{server}/embed?controls=<b>x</b>")
    page.locator("#notice").filter(has_text="is not a controls setting").wait_for()
    assert page.locator("#notice b").count() == 0
    assert page.locator("#embed-slider").is_visible()
    recorder.assert_clean()


def test_shr105_snapshots_valid_and_concurrent_requests_get_their_own_year(server: str):
    status, png = fetch_image(f"{server}/snapshot/2019.png?width=900&height=420")
    assert status == 200 and png.startswith(PNG_MAGIC) and len(png) > 20_000
    status, svg = fetch_image(f"{server}/snapshot/2019.svg?lang=fr&lens=RUS")
    assert status == 200 and svg.startswith(b"<svg")
    assert "Russie : présence au Sahel, 31 décembre 2019".encode() in svg
    assert "vérifiées jusqu'au 30 avril 2026".encode() in svg and b"changements ult" not in svg
    status, svg = fetch_image(f"{server}/snapshot/2026.svg")
    assert status == 200 and b"later changes are not shown" in svg  # a view past the review date

    years = list(range(2013, 2021))
    with ThreadPoolExecutor(max_workers=QUEUE_SLOTS) as pool:  # as many as the server lets wait
        svgs = list(pool.map(lambda y: fetch_image(f"{server}/snapshot/{y}.svg?width=1000"), years))
    for year, (status, body) in zip(years, svgs, strict=True):
        assert status == 200
        assert f"Principal security partners in the Sahel, 31 December {year}".encode() in body, year
        assert all(f"31 December {other}".encode() not in body for other in years if other != year)

    with ThreadPoolExecutor(max_workers=QUEUE_SLOTS) as pool:  # as many as the server lets wait
        pngs = list(pool.map(lambda y: fetch_image(f"{server}/snapshot/{y}.png?width=1000"), years))
    # The same images rendered one by one, here, must be byte for byte what the server sent.
    data = load_app_data()
    renderer = ImageRenderer()
    try:
        for year, (status, body) in zip(years, pngs, strict=True):
            request = parse_snapshot(f"{year}.png", {"width": "1000"}, data.calendar())
            figure, composition = preset_figure(
                data, request.view, request.layout_preset(), site_address(server)
            )
            expected = renderer.render_figure(figure, "png", 1000, composition.height, request.scale)
            assert status == 200 and body == expected, year
    finally:
        renderer.close()


@pytest.mark.parametrize("query", ["width=999999", "scale=-1", "height=abc", "scale=nan"])
def test_shr106_bad_snapshot_parameters_get_400(server: str, query: str):
    status, body = fetch(f"{server}/snapshot/2020.png?{query}")
    assert status == 400 and body.startswith(b"Bad snapshot request:")
    status, body = fetch(f"{server}/snapshot/abc.png")
    assert status == 400 and b"date" in body


def test_shr107_static_export_scrubs_from_disk(
    browser: Browser, fixture_app_data: AppData, tmp_path: Path, recorder: Recorder
):
    data = AppData(
        dataset=fixture_app_data.dataset, shapes=fixture_app_data.shapes, clock=lambda: dt.date(2014, 5, 1)
    )
    out = tmp_path / "site"
    log = io.StringIO()
    assert export(out, data, stream=log) == 0
    # Each year's picture (May for 2014, the month under way) in every preset; the month page in each
    # language; the addresses of earlier exports (each year's last month and each turning month).
    assert "24/24 fr mai 2014 story" in log.getvalue()
    scripts = {"plotly.min.js", "topojson.js", "embed.js", "labels.js", "map.js", "static.js"}
    moved = ("2012-01", "2012-12", "2013-01", "2013-02", "2013-12", "2014-05")
    expected = (
        {"index.html", *(f"assets/{script}" for script in scripts)}
        | {f"{lang}/index.html" for lang in ("en", "fr")}
        | {f"{lang}/{period}.html" for lang in ("en", "fr") for period in moved}
        | {
            f"{lang}/{period}-{preset}.png"
            for lang in ("en", "fr")
            for period in ("2012-12", "2013-12", "2014-05")
            for preset in ("article", "wide", "square", "story")
        }
    )
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert written == expected
    assert (out / "assets" / "plotly.min.js").read_bytes() == plotly_bundle().read_bytes()  # the partial one
    assert (out / "en" / "2013-12-story.png").read_bytes().startswith(PNG_MAGIC)
    assert all(p.stat().st_mode & 0o777 == 0o644 for p in out.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in out.rglob("*.html")}
    assert export(out, data, stream=io.StringIO()) == 0  # safe to run twice: same files, no leftovers
    assert {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} == expected
    assert all(p.read_bytes() == content for p, content in before.items())

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("request", lambda request: recorder.requests.append(request.url))
    page.on(
        "console", lambda message: message.type == "error" and recorder.console_errors.append(message.text)
    )
    page.on("pageerror", lambda error: recorder.console_errors.append(str(error)))
    page.set_default_timeout(20_000)
    page.goto((out / "en" / "index.html").as_uri() + "#2012-12")
    page.wait_for_function(
        "() => document.documentElement.dataset.monthsReady"
        " && document.querySelectorAll('#map .choroplethlocation[fill]').length > 40"
    )
    assert page.locator(".gtitle").text_content() == "Situation on 31 December 2012"
    assert page.locator("#events").inner_text() == "No recorded event this year."
    mali = fills(page)["MLI"]
    page.locator("#static-slider").focus()
    page.keyboard.press("ArrowRight")
    page.locator(".gtitle", has_text="Situation on 31 January 2013").wait_for(state="attached")
    assert page.locator("#year-display").text_content() == "January 2013"
    assert fills(page)["MLI"] != mali  # the French operation of January 2013
    assert page.evaluate("location.hash") == "#2013-01"
    event = page.locator('#events li[data-event-id="E1"]')
    assert event.locator(".event-title").inner_text() == "French operation starts"
    source = event.locator(".sources a")
    assert source.inner_text() == "Fixture Wire, 12 January 2013"
    assert source.get_attribute("href") == "https://example.org/fixture/s1"
    page.locator("#map[data-labels-placed], #map [data-labels-placed]").first.wait_for(state="attached")
    assert label_clashes(page, "#map")["problems"] == []  # its labels placed for the screen
    page.keyboard.press("PageUp")  # a year on
    page.locator("#year-display", has_text="January 2014").wait_for()
    page.keyboard.press("End")  # the month under way
    page.locator("#year-display", has_text="May 2014").wait_for()
    # An earlier export's address opens the month page at its month, in its language.
    page.goto((out / "fr" / "2013-12.html").as_uri())
    page.locator(".gtitle", has_text="Situation au 31 décembre 2013").wait_for(state="attached")
    assert page.locator('#events li[data-event-id="E1"] .event-title').inner_text() == (
        "Début de l'opération française"
    )
    assert page.locator('a[hreflang="en"]').get_attribute("href") == "../en/index.html#2013-12"
    context.close()
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    small = phone.new_page()
    small.on("pageerror", lambda error: recorder.console_errors.append(str(error)))
    for address in ("index.html", "en/index.html"):
        small.goto((out / address).as_uri())
        small.wait_for_load_state("load")
        assert small.evaluate("document.documentElement.scrollWidth") <= 390, address  # no sideways scroll
    phone.close()
    assert recorder.console_errors == []
    assert recorder.requests
    assert all(url.startswith("file://") for url in recorder.requests), recorder.requests


def test_shr110_a_view_of_one_day_shares_that_day(page: Page, recorder: Recorder, server: str):
    """A single day (`?date=2023-10-15`) has its own links, until the slider moves to a month."""
    open_share(page, server, "?date=2023-10-15&lens=RUS")
    assert page.locator("#share-link").input_value() == f"{server}/?date=2023-10-15&lens=RUS"
    assert (
        page.locator("#share-csv").get_attribute("href")
        == f"{server}/snapshot/2023-10-15.csv?lens=RUS&download=1"
    )
    png = page.locator("#share-server-png").get_attribute("href")
    assert png == f"{server}/snapshot/2023-10-15.png?lens=RUS"
    assert fetch(page.locator("#share-csv").get_attribute("href"))[0] == 200
    page.locator("#year-slider [role=slider]").focus()
    page.keyboard.press("ArrowRight")  # to November 2023: the month's links
    page.wait_for_function(
        "() => document.querySelector('#share-link').value.endsWith('?date=2023-11&lens=RUS')"
    )
    recorder.assert_clean()
