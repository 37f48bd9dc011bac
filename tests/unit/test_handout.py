"""The briefing's handout: the PDF from the fixture story, the colour rule's page, the command line and
the server's route (test codes: hnd)."""

from __future__ import annotations

import dataclasses
import fcntl
import io
from pathlib import Path

import pypdf
import pytest

from app import create_app
from callbacks.handout import HANDOUT_PATH, RETRY_AFTER_S, Handouts, handout_response
from cli import main
from data.context import AppData, load_methodology
from data.i18n import LANGS
from data.state import Alignment
from publish.chromium import find_browser
from publish.handout import FIXED_PAGES, handout, handout_html, markdown_html, page_count, rule_section
from publish.render import ImageRenderer
from tests.conftest import FIXTURE_DATA

needs_chromium = pytest.mark.skipif(find_browser() is None, reason="needs Chromium")
A4 = (595, 842)  # points, rounded
LETTER = (612, 792)


@pytest.fixture(scope="module")
def data(fixture_app_data) -> AppData:
    return dataclasses.replace(fixture_app_data, methodology=load_methodology())


def flat(text: str) -> str:
    return " ".join(text.split())


def page_size(page: pypdf.PageObject) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


@needs_chromium
def test_hnd001_a_page_per_step_after_the_title_and_the_rule_with_every_caption(tmp_path, data):
    """12 steps in the fixture story: 1 title page + 1 colour-rule page + 12 step pages = 14."""
    assert len(data.dataset.story) == 12 and page_count(data) == FIXED_PAGES + 12 == 14
    renderer = ImageRenderer(cache_size=64)  # the Letter handout reuses the A4 one's maps
    try:
        for paper, size in (("a4", A4), ("letter", LETTER)):
            path = tmp_path / f"handout-{paper}.pdf"
            assert handout(path, data, lang="fr", paper=paper, renderer=renderer, stream=io.StringIO()) == 0
            reader = pypdf.PdfReader(path)
            assert len(reader.pages) == 14
            assert {page_size(page) for page in reader.pages} == {size}
            pages = [flat(page.extract_text()) for page in reader.pages]
            assert "Dossier de la présentation" in pages[0] and "12 étapes" in pages[0]
            assert "La règle, appliquée dans l'ordre" in pages[1]
            for step, text in zip(data.dataset.story, pages[FIXED_PAGES:], strict=True):
                assert flat(step.caption_fr) in text, step.step
                assert step.date.strftime("%Y") in text
            assert "https://example.org/fixture/s3" in pages[FIXED_PAGES + 1]  # the sources' addresses
            links = [
                annotation.get_object()["/A"]["/URI"]
                for page in reader.pages[FIXED_PAGES:]
                for annotation in page.get("/Annots") or []
            ]
            assert "https://example.org/fixture/s3" in links
    finally:
        renderer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout-a4.pdf", "handout-letter.pdf"]


def test_hnd002_the_pages_in_each_language_hold_the_captions_and_the_rule(data):
    for lang in LANGS:
        images = [f"step-{i}.png" for i in range(len(data.dataset.story))]
        page = handout_html(data, lang, "letter", images, "example.org")
        assert page.count("<section") == page_count(data)
        assert "size: letter" in page and "example.org" in page
        for step in data.dataset.story:
            assert flat(getattr(step, f"caption_{lang}")).replace("'", "&#x27;") in flat(page)


def test_hnd003_the_colour_rule_comes_from_the_methodology_in_each_language(data):
    headings = {}
    for lang in LANGS:
        heading, body = rule_section(data, lang)
        headings[lang] = heading
        assert heading in data.methodology[lang]
        rule = markdown_html(body)
        assert rule.count("<li>") == len(Alignment) and rule.count('class="swatch"') == len(Alignment)
        assert "<strong>" in rule and "**" not in rule
    assert headings == {"en": "The rule, applied in order", "fr": "La règle, appliquée dans l'ordre"}
    assert (
        markdown_html("a <b>\n\n1. **x** & y")
        == "<p>a &lt;b&gt;</p>\n<ol><li><strong>x</strong> &amp; y</li></ol>"
    )


def test_hnd004_bad_arguments_exit_2_with_one_line(tmp_path, capsys):
    data = ["--data", str(FIXTURE_DATA)]
    cases = [
        (["handout", str(tmp_path / "a.pdf"), "--paper", "tall"], "paper “tall” is not one of: a4, letter"),
        (["handout", str(tmp_path / "a.doc")], "a.doc: a handout is written as .pdf"),
        (["handout", str(tmp_path / "a.pdf"), "--paper", "A5", "--lang", "fr"], "le papier « A5 »"),
    ]
    for argv, message in cases:
        assert main([*argv, *data]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    assert main(["handout", str(folder), *data]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    for argv in (["handout"], ["handout", str(tmp_path / "a.pdf"), "--lang", "de"]):
        with pytest.raises(SystemExit) as exited:
            main([*argv, *data])
        assert exited.value.code == 2
    assert [p.name for p in tmp_path.iterdir()] == ["folder.pdf"]


def test_hnd005_no_chromium_exits_1_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert main(["handout", str(tmp_path / "a.pdf"), "--data", str(FIXTURE_DATA)]) == 1
    assert "no Chromium was found" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_hnd006_the_route_answers_400_for_a_bad_paper_or_language(fixture_app_data):
    client = create_app(fixture_app_data).server.test_client()
    for query, line in (
        ("paper=a3", "paper “a3” is not one of: a4, letter"),
        ("lang=fr&paper=tabloid", "le papier « tabloid » n'est pas l'un de : a4, letter"),
        ("lang=de", "lang “de” is not one of: en, fr"),
        ("paper=%00%ff" + "x" * 500, "is not one of"),
    ):
        response = client.get(f"{HANDOUT_PATH}?{query}")
        assert response.status_code == 400, query
        body = response.get_data(as_text=True)
        assert line in body and len(body.strip().splitlines()) == 1


class FakeRenderer:
    def available(self) -> bool:
        return True


def test_hnd007_made_once_in_the_background_then_served_with_its_tag(tmp_path, fixture_app_data):
    """The first request starts the maker and gets 503 with Retry-After; once made, the PDF is served
    with an ETag, and a request that holds it gets 304."""
    made: list[tuple[str, str]] = []

    def make(path: Path, data: AppData, lang: str, paper: str, address: str) -> None:
        made.append((lang, paper))
        path.write_bytes(b"%PDF-1.4 " + f"{lang} {paper} {address}".encode())

    handouts = Handouts(fixture_app_data, lambda: tmp_path, make)
    app = create_app(fixture_app_data).server
    with app.test_request_context(HANDOUT_PATH):
        first = handout_response(fixture_app_data, handouts, FakeRenderer(), {"lang": "fr"}, "example.org")
    assert first.status_code == 503 and first.headers["Retry-After"] == str(RETRY_AFTER_S)
    assert "Le dossier est en préparation" in first.get_data(as_text=True)
    path = handouts.path("fr", "a4", "example.org")
    lock = path.with_suffix(".lock")
    with lock.open("a") as waiting:  # the maker's lock is free again once it has written the file
        fcntl.flock(waiting, fcntl.LOCK_EX)
    assert made == [("fr", "a4")] and path.is_file()
    with app.test_request_context(HANDOUT_PATH):
        second = handout_response(fixture_app_data, handouts, FakeRenderer(), {"lang": "fr"}, "example.org")
    assert second.status_code == 200 and second.content_type == "application/pdf"
    assert second.get_data() == b"%PDF-1.4 fr a4 example.org"
    assert "max-age=3600" in second.headers["Cache-Control"]
    etag = second.headers["ETag"]
    with app.test_request_context(HANDOUT_PATH, headers={"If-None-Match": etag}):
        held = handout_response(fixture_app_data, handouts, FakeRenderer(), {"lang": "fr"}, "example.org")
    assert held.status_code == 304 and held.get_data() == b""
    with app.test_request_context(HANDOUT_PATH):
        letter = handout_response(
            fixture_app_data, handouts, FakeRenderer(), {"lang": "fr", "paper": "letter"}, "example.org"
        )
    assert letter.status_code == 503  # another paper is another handout
    with handouts.path("fr", "letter", "example.org").with_suffix(".lock").open("a") as waiting:
        fcntl.flock(waiting, fcntl.LOCK_EX)
    assert made == [("fr", "a4"), ("fr", "letter")]
