"""Terms explained where they appear (test codes: glo)."""

from __future__ import annotations

import pytest
from dash import html

from data.glossary import NAMES, check_entries, definition, pieces
from data.i18n import t
from data.view import View
from layouts.glossary import linked
from layouts.methodology import methodology_page
from layouts.panel import panel_content
from tests.conftest import year


def test_glo001_names_found_whole_longest_first_once():
    text = "Operation Barkhane succeeds Serval; EUCAP Sahel Niger, the AES and ECOWAS. Barkhane stays."
    got = pieces(text, "en")
    assert "".join(run for run, _ in got) == text  # nothing lost or added
    assert [(run, key) for run, key in got if key] == [
        ("Operation Barkhane", "barkhane"),
        ("Serval", "serval"),
        ("EUCAP Sahel Niger", "eutm"),  # the longest name, not "EUCAP" then words
        ("AES", "aes"),
        ("ECOWAS", "ecowas"),
    ]  # the second "Barkhane" is not linked again
    assert [key for _, key in pieces("MAESTRO, Sabres-AES", "en") if key] == []  # whole words only
    fr = pieces("Le Mali quitte la CEDEAO et rejoint l'Alliance des États du Sahel (AES).", "fr")
    assert [key for _, key in fr if key] == ["ecowas", "aes"]
    seen: set[str] = set()
    pieces("MINUSMA leaves", "en", seen)
    assert [key for _, key in pieces("MINUSMA closes", "en", seen) if key] == []  # once per place


def test_glo002_every_entry_defined_in_both_languages():
    assert check_entries() == []
    for lang in ("en", "fr"):
        for key, by in NAMES.items():  # each name is found as its own entry's
            assert all([k for _, k in pieces(name, lang)] == [key] for name in by[lang]), key


def _links(component) -> list:
    return [
        c
        for c in component._traverse()
        if isinstance(c, html.A) and "term-link" in (getattr(c, "className", None) or "")
    ]


@pytest.fixture(scope="module")
def real_data():
    from data.context import load_app_data

    return load_app_data()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_glo003_panel_links_terms_with_their_definition(real_data, lang):
    view = View(period=year(2016), lang=lang, country="MLI")
    panel = html.Div(panel_content(real_data, view))
    links = _links(panel)
    assert links, "no term linked in the panel"
    tips = {c.id: c for c in panel._traverse() if getattr(c, "role", None) == "tooltip"}
    ids = [link.to_plotly_json()["props"]["aria-describedby"] for link in links]
    assert len(ids) == len(set(ids))  # each tooltip's id is unique on the page
    for link, tip_id in zip(links, ids, strict=True):
        key = link.href.rsplit("#glossary-", 1)[1]
        assert link.href.startswith("/methodology" + ("?lang=fr" if lang == "fr" else "") + "#glossary-")
        assert tips[tip_id].children == definition(key, lang)


def test_glo004_methodology_entries_are_the_links_targets(fixture_app_data):
    for lang in ("en", "fr"):
        page = methodology_page(fixture_app_data, View(period=year(2023), lang=lang))
        ids = {c.id for c in page._traverse() if isinstance(c, html.Dt)}
        assert ids == {f"glossary-{key}" for key in NAMES}
        terms = [c.children for c in page._traverse() if isinstance(c, html.Dt)]
        assert t("glossary.aes.term", lang) in terms


def test_glo005_linked_text_reads_the_same():
    caption = "Operation Barkhane succeeds Serval and Épervier, France's Chad force."
    parts = linked(caption, "en", "wall")
    shown = "".join(p if isinstance(p, str) else p.children[0].children for p in parts)
    assert shown == caption
