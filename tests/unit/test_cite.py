"""Citing a view: plain text (Chicago), APA and BibTeX in both languages, the share dialog's citation
and the methodology's "How to cite" (test codes: cit).

No BibTeX parser is installed here, so `parse_bibtex` below reads an entry as BibTeX does: the
`@type{key,` header, `name = {value}` fields whose ends are found by counting every brace (escaped
or not), and nothing after the closing brace; `assert_escaped` then refuses any LaTeX special
character left bare in a field other than the verbatim `url`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest

from data.cite import (
    BIBTEX_SPECIALS,
    bibtex_escape,
    citation,
    cited_view,
    headline_case,
    read_accessed,
)
from data.context import DOCS_DIR
from data.i18n import TEXT, format_date
from data.loader import DATA_DIR
from data.view import View
from layouts.ids import Id
from layouts.share import CITE_FIELDS, share_dialog
from tests.conftest import CALENDAR, TODAY, month, year
from tests.unit.test_app import call

SITE = "https://map.example"
ACCESSED = dt.date(2026, 12, 5)
HEADER = re.compile(r"@([a-z]+)\{([A-Za-z0-9:_-]+),")
FIELD = re.compile(r"([a-z]+)[ \t]*=[ \t]*\{")
# What a field may hold besides plain text: the escapes `bibtex_escape` writes.
ESCAPES = re.compile("|".join(re.escape(escaped) for escaped in BIBTEX_SPECIALS.values()))
BARE = set("\\&%#_$~^")


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """One entry's type, key and fields; fails on anything BibTeX would not read."""
    header = HEADER.match(text)
    assert header, text[:40]
    fields: dict[str, str] = {}
    pos = header.end()
    while True:
        pos = re.compile(r"\s*").match(text, pos).end()
        assert pos < len(text), "the entry is not closed"
        if text[pos] == "}":
            assert text[pos + 1 :] == "", "text after the entry"
            return header[1], header[2], fields
        found = FIELD.match(text, pos)
        assert found, f"not a field: {text[pos : pos + 40]!r}"
        depth, end = 1, found.end()
        while depth:
            assert end < len(text), f"unbalanced braces in {found[1]}"
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        assert found[1] not in fields, f"{found[1]} twice"
        fields[found[1]] = text[found.end() : end - 1]
        pos = re.compile(r"\s*").match(text, end).end()
        assert text[pos : pos + 1] in (",", "}"), f"no comma after {found[1]}"
        pos += text[pos] == ","


def assert_escaped(fields: dict[str, str]) -> None:
    for name, value in fields.items():
        if name == "url":
            assert not re.search(r"[\s{}\\]", value), value
            continue
        bare = BARE & set(ESCAPES.sub("", value))
        assert not bare, (name, value, bare)


def views() -> list[View]:
    return [
        View(period=month(2023, 10), lang=lang, **extra)
        for lang in ("en", "fr")
        for extra in (
            {},
            {"lens": "RUS"},
            {"country": "MLI"},
            {"lens": "UN", "country": "NER", "bases": False},
            {"compare": year(2021)},
        )
    ] + [View(period=month(2016, 3, 5)), View(period=CALENDAR.last, lang="fr")]


def test_cit001_a_plain_view_in_english(fixture_app_data):
    cited = citation(fixture_app_data, View(period=month(2023, 10)), SITE, ACCESSED)
    url = "https://map.example/?date=2023-10"
    assert cited.chicago == (
        "Sahel Realignment Map. “Principal Security Partners in the Sahel, 31 October 2023.” Interactive "
        "map, data release 2026-04-30 (data reviewed up to 30 April 2026). Accessed 5 December 2026. "
        f"{url}."
    )
    assert cited.apa == (
        "Sahel Realignment Map. (2026). Principal security partners in the Sahel, 31 October 2023 "
        "(Version 2026-04-30, data reviewed up to 30 April 2026) [Data set]. Retrieved 5 December 2026, "
        f"from {url}"
    )
    assert cited.bibtex == (
        "@misc{sahelmap2023-10,\n"
        "  author       = {{Sahel Realignment Map}},\n"
        "  title        = {{Principal security partners in the Sahel, 31 October 2023}},\n"
        "  year         = {2026},\n"
        "  version      = {2026-04-30},\n"
        "  howpublished = {Interactive map and data set},\n"
        f"  url          = {{{url}}},\n"
        "  urldate      = {2026-12-05},\n"
        "  note         = {Data release 2026-04-30, data reviewed up to 30 April 2026. "
        "Date shown: 31 October 2023.},\n"
        "  langid       = {english},\n"
        "}"
    )


def test_cit002_a_plain_view_in_french(fixture_app_data):
    cited = citation(
        fixture_app_data, View(period=month(2023, 10), lang="fr"), SITE + "/", dt.date(2026, 12, 1)
    )
    url = "https://map.example/?date=2023-10&lang=fr"
    assert cited.chicago == (
        "Carte des réalignements au Sahel. « Principaux partenaires de sécurité au Sahel, 31 octobre "
        "2023 ». Carte interactive, version des données 2026-04-30 (données vérifiées jusqu'au 30 avril "
        f"2026). Consulté le 1er décembre 2026. {url}."
    )
    assert cited.apa == (
        "Carte des réalignements au Sahel. (2026). Principaux partenaires de sécurité au Sahel, "
        "31 octobre 2023 (Version 2026-04-30, données vérifiées jusqu'au 30 avril 2026) [Jeu de données]. "
        f"Consulté le 1er décembre 2026, à l'adresse {url}"
    )
    kind, key, fields = parse_bibtex(cited.bibtex)
    assert (kind, key) == ("misc", "sahelmap2023-10")  # the same key in every language
    assert fields == {
        "author": "{Carte des réalignements au Sahel}",  # accents kept as UTF-8
        "title": "{Principaux partenaires de sécurité au Sahel, 31 octobre 2023}",
        "year": "2026",
        "version": "2026-04-30",
        "howpublished": "Carte interactive et jeu de données",
        "url": url,
        "urldate": "2026-12-01",
        "note": "Version des données 2026-04-30, données vérifiées jusqu'au 30 avril 2026. "
        "Date affichée : 31 octobre 2023.",
        "langid": "french",
    }


def test_cit003_a_lens_and_a_chosen_country(fixture_app_data):
    view = View(period=month(2023, 10), lens="RUS", country="MLI")
    cited = citation(fixture_app_data, view, SITE, ACCESSED)
    url = "https://map.example/?date=2023-10&country=MLI&lens=RUS"
    assert "“Russia: Presence in the Sahel, 31 October 2023 — Mali.”" in cited.chicago
    assert cited.chicago.endswith(f" {url}.")
    assert cited.apa.startswith(
        "Sahel Realignment Map. (2026). Russia: Presence in the Sahel, 31 October 2023 — Mali (Version"
    )  # APA: a capital after the colon
    _, key, fields = parse_bibtex(cited.bibtex)
    assert key == "sahelmap2023-10-rus-mli"
    assert fields["title"] == "{Russia: presence in the Sahel, 31 October 2023 — Mali}"
    assert fields["url"] == url
    french = citation(fixture_app_data, view.with_(lang="fr"), SITE, ACCESSED)
    assert "« Russie : présence au Sahel, 31 octobre 2023 — Mali »." in french.chicago
    assert f"{url}&lang=fr" in french.apa
    hidden = citation(fixture_app_data, view.with_(lens="UN", bases=False), SITE, ACCESSED)
    assert "“United Nations: Presence in the Sahel, 31 October 2023 — Mali.”" in hidden.chicago
    assert "?date=2023-10&country=MLI&lens=UN&bases=0" in hidden.chicago  # the address keeps every setting


def test_cit004_a_comparison_names_both_dates(fixture_app_data):
    view = View(period=year(2024), compare=year(2021))
    cited = citation(fixture_app_data, view, SITE, ACCESSED)
    assert (
        "“Principal Security Partners in the Sahel, 31 December 2021 and 31 December 2024 Compared.”"
        in cited.chicago
    )
    assert cited.chicago.endswith(" https://map.example/?date=2024-12&compare=2021-12.")
    _, key, fields = parse_bibtex(cited.bibtex)
    assert key == "sahelmap2024-12-vs-2021-12"
    assert fields["note"].endswith("Dates shown: 31 December 2021 and 31 December 2024.")
    french = citation(fixture_app_data, view.with_(lang="fr", country="NER"), SITE, ACCESSED)
    assert (
        "« Principaux partenaires de sécurité au Sahel, comparaison du 31 décembre 2021 et du "
        "31 décembre 2024 — Niger »." in french.chicago
    )
    assert parse_bibtex(french.bibtex)[2]["note"].endswith(
        "Dates affichées : 31 décembre 2021 et 31 décembre 2024."
    )


def test_cit005_a_day_is_cited_exactly(fixture_app_data):
    cited = citation(fixture_app_data, View(period=month(2016, 3, 5), lang="fr"), SITE, ACCESSED)
    assert "« Principaux partenaires de sécurité au Sahel, 5 mars 2016 »." in cited.chicago
    assert cited.chicago.endswith(" https://map.example/?date=2016-03-05&lang=fr.")
    _, key, fields = parse_bibtex(cited.bibtex)
    assert key == "sahelmap2016-03-05" and fields["note"].endswith("Date affichée : 5 mars 2016.")


def test_cit006_the_month_under_way_is_cited_by_the_day_it_shows(fixture_app_data):
    # The latest month has no date in its link (the map opens on it); a citation must keep
    # pointing at what was seen, so it names the day shown.
    view = View(period=CALENDAR.last)
    assert cited_view(fixture_app_data, view).period == month(2026, 11, 26)
    cited = citation(fixture_app_data, view, SITE, ACCESSED)
    assert cited.chicago.endswith(" https://map.example/?date=2026-11-26.")
    assert "Sahel, 26 November 2026.”" in cited.chicago
    assert parse_bibtex(cited.bibtex)[1] == "sahelmap2026-11-26"
    # A month that is over keeps its month; its link names it even if it were the latest.
    assert cited_view(fixture_app_data, View(period=month(2026, 10))).period == month(2026, 10)


@pytest.mark.parametrize("view", views(), ids=repr)
def test_cit007_every_bibtex_entry_parses_with_its_fields(fixture_app_data, view):
    cited = citation(fixture_app_data, view, SITE, ACCESSED)
    kind, key, fields = parse_bibtex(cited.bibtex)
    assert kind == "misc" and key.startswith("sahelmap")
    assert list(fields) == [
        "author", "title", "year", "version", "howpublished", "url", "urldate", "note", "langid",
    ]  # fmt: skip
    shown = format_date(fixture_app_data.as_of(view.period), view.lang)
    assert shown in fields["title"] and shown in fields["note"] and shown in cited.chicago
    assert shown in cited.apa
    assert fields["author"] == "{" + TEXT["app.title"][view.lang] + "}"
    assert fields["year"] == "2026" and fields["urldate"] == "2026-12-05"
    assert fields["url"].startswith(SITE + "/?date=")
    assert cited.chicago.endswith(f" {fields['url']}.") and cited.apa.endswith(f" {fields['url']}")
    assert_escaped(fields)


def test_cit008_latex_specials_are_escaped(fixture_app_data, monkeypatch):
    assert bibtex_escape("R&D 100% #1 a_b $5 ~x^2 {y} C:\\z") == (
        r"R\&D 100\% \#1 a\_b \$5 \textasciitilde{}x\textasciicircum{}2 \textbraceleft{}y\textbraceright{} "
        r"C:\textbackslash{}z"
    )
    assert bibtex_escape("Sécurité — « Niger »") == "Sécurité — « Niger »"
    monkeypatch.setitem(TEXT["app.title"], "en", "Map {of} R&D_1 100% #2 ~^\\ $")
    cited = citation(fixture_app_data, View(period=month(2023, 10)), SITE, ACCESSED)
    _, _, fields = parse_bibtex(cited.bibtex)  # a lone brace in the text would end the field
    assert fields["author"] == (
        r"{Map \textbraceleft{}of\textbraceright{} R\&D\_1 100\% \#2 "
        r"\textasciitilde{}\textasciicircum{}\textbackslash{} \$}"
    )
    assert_escaped(fields)
    assert cited.chicago.startswith("Map {of} R&D_1 100% #2 ~^\\ $. “")  # plain text stays plain
    with pytest.raises(AssertionError):
        assert_escaped({"note": "R&D"})  # the check can fail
    with pytest.raises(AssertionError):
        parse_bibtex("@misc{k,\n  note = {a \\{ b},\n}")


def test_cit009_the_day_accessed_is_the_readers_within_a_day():
    assert read_accessed("2026-11-27", TODAY) == dt.date(2026, 11, 27)  # ahead in the reader's time zone
    assert read_accessed("2026-11-25", TODAY) == dt.date(2026, 11, 25)
    for raw in ("2026-11-28", "1999-01-01", "2026-02-30", "2026-1-5", "２０２６-11-26", None, 20261126, ""):
        assert read_accessed(raw, TODAY) == TODAY, raw


def test_cit010_headline_style_titles():
    assert headline_case("Principal security partners in the Sahel, 31 October 2023") == (
        "Principal Security Partners in the Sahel, 31 October 2023"
    )
    assert headline_case("Russia: presence in the Sahel, 1 May 2020 — the end") == (
        "Russia: Presence in the Sahel, 1 May 2020 — The End"
    )


def test_cit011_the_share_dialog_cites_the_view_it_is_asked_for(fixture_app_data, client):
    dialog = share_dialog("fr", fixture_app_data.calendar())
    section = dialog[Id.SHARE_CITE]
    assert section.children[0].children == "Citer cette vue"
    labels = [c.children for c in section._traverse() if type(c).__name__ == "Label"]
    assert labels == ["Texte (Chicago)", "APA", "BibTeX"]
    for _, field_id, button_id in CITE_FIELDS:
        assert dialog[field_id].readOnly and dialog[button_id].children == "Copier"
        # assets/share.js finds the field a button copies by this rule.
        assert str(button_id).replace("share-copy-", "share-") == str(field_id)

    def ask(asked: object) -> dict | None:
        response = call(
            client,
            [(Id.SHARE_CITE_BUILT, "data")],
            [{"id": Id.SHARE_CITE_ASK, "property": "data", "value": asked}],
            [],
        )
        assert response.status_code in (200, 204)
        written = (response.get_json(silent=True) or {}).get("response", {})
        return written.get(Id.SHARE_CITE_BUILT, {}).get("data")

    month_value = month(2023, 10).slider_value()
    built = ask([month_value, "MLI", "RUS", ["bases"], "fr", "2026-11-27"])
    expected = citation(
        fixture_app_data, View(period=month(2023, 10), lang="fr", country="MLI", lens="RUS"), "{origin}",
        dt.date(2026, 11, 27),
    )  # fmt: skip
    assert built == expected.as_dict()
    assert "{origin}/?date=2023-10&country=MLI&lens=RUS&lang=fr" in built["apa"]  # the browser adds the site
    day = ask(["2016-03-05", None, "alignment", [], "en", "1999-01-01"])
    assert "Sahel, 5 March 2016.”" in day["chicago"] and "Accessed 26 November 2026." in day["chicago"]
    assert "&bases=0" in day["chicago"]
    assert ask(None) is None and ask([1, 2]) is None  # nothing asked, nothing written


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    rest = text[start + len(heading) :]
    ends = [i for i in (rest.find("\n## "), rest.find("\n### ")) if i >= 0]
    return rest[: min(ends)] if ends else rest


def test_cit012_the_methodology_says_how_to_cite_the_current_release():
    with (DATA_DIR / "release.csv").open(encoding="utf-8") as file:
        reviewed = dt.date.fromisoformat(next(csv.DictReader(file))["reviewed_up_to"])
    text = (DOCS_DIR / "methodology.md").read_text(encoding="utf-8")
    english, french = text.split("\n## Français\n")
    for part, heading, lang in ((english, "### How to cite", "en"), (french, "### Comment citer", "fr")):
        section = _section(part, heading)
        assert reviewed.isoformat() in section and format_date(reviewed, lang) in section, lang
        assert TEXT["app.title"][lang] in section and TEXT["cite.open"][lang] in section
        entry = section.split("```bibtex\n", 1)[1].split("\n```", 1)[0]
        _, _, fields = parse_bibtex(entry)
        assert fields["version"] == reviewed.isoformat()
        assert_escaped(fields)
