"""Reading the map: the reading guide, the methodology's order, the Russian category's rule and
name, and the panel's line on what decided a colour, on the bundled data (test codes: gui)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from dash import dcc, html

from data.context import AppData, load_methodology
from data.describe import deciding_presence
from data.i18n import LANGS, TEXT, t
from data.loader import DATA_DIR, load_dataset
from data.state import Alignment, alignment, country_state
from data.view import View, methodology_url
from layouts.guide import GUIDE_KEYS
from layouts.ids import Id
from layouts.legend import legend, legend_html
from layouts.methodology import methodology_page
from layouts.panel import country_panel
from tests.conftest import ROOT, TODAY, month, texts

D = dt.date


@pytest.fixture(scope="module")
def data(shapes) -> AppData:
    dataset = load_dataset(DATA_DIR, geography=shapes)
    return AppData(dataset=dataset, shapes=shapes, clock=lambda: TODAY, methodology=load_methodology())


def partnership(data: AppData, row_id: str):
    return next(p for p in data.dataset.partnerships if p.id == row_id)


# The rule: Russia's level 2 colours a country, no one else's; the category's name says so.


def test_gui001_the_russian_category_says_it_covers_instructors_and_arms():
    assert t("alignment.russia", "en") == "Russian forces, instructors or arms"
    assert t("alignment.russia", "fr") == "Forces, instructeurs ou armes russes"
    assert "arms" in t("rule.russia", "en") and "armes" in t("rule.russia", "fr")


def test_gui002_turkish_equipment_alone_colours_nothing_russian_equipment_does(data):
    drones = partnership(data, "BN-P006")  # Turkish combat drones in Burkina Faso, since April 2022
    assert (drones.partner, int(drones.level), drones.kind) == ("TUR", 2, "equipment")
    on = D(2023, 6, 30)  # after the French left (18 February 2023), before the Russians came
    assert alignment((drones,), on) == (Alignment.NONE, ())
    state = data.states_on(on)["BFA"]
    assert drones in state.active and state.alignment is Alignment.NONE and state.deciding == ()
    # The same row, Russian: the country takes the Russian colour, on that row alone.
    russian = drones.model_copy(update={"partner": "RUS"})
    assert alignment((russian,), on) == (Alignment.RUSSIA, (russian,))
    # Emirati equipment neither (Chad after the French left on 30 January 2025).
    chad = data.states_on(D(2025, 12, 31))["TCD"]
    assert {p.partner for p in chad.active if p.level == 2} == {"TUR", "ARE"}
    assert chad.alignment is Alignment.NONE


def test_gui003_the_methodologys_example_niger_from_10_april_2024(data):
    before, after = (data.states_on(day)["NER"] for day in (D(2024, 4, 9), D(2024, 4, 10)))
    assert before.alignment is Alignment.OTHER_FORCES
    assert after.alignment is Alignment.RUSSIA
    assert [(p.id, int(p.level)) for p in after.deciding] == [("BN-P016", 2)]  # instructors only
    still_there = {p.partner for p in after.active if p.level == 3}
    assert still_there == {"USA", "DEU"}  # their forces were leaving, and do not decide the colour
    assert "TUR" in {p.partner for p in after.active if p.level == 2}  # drones, not counted
    # The only days on which Russian level 2 alone decides a colour are Niger's, from that day.
    for code in ("MLI", "BFA", "TCD"):
        for day in (D(y, m, 28) for y in range(2012, 2027) for m in range(1, 13) if D(y, m, 28) <= TODAY):
            state = country_state(data.dataset.partnerships, code, day)
            assert not (state.deciding and all(p.level == 2 for p in state.deciding)), (code, day)


def test_gui004_the_methodology_explains_the_choice_with_the_example_in_both_languages(data):
    english, french = data.methodology["en"], data.methodology["fr"]
    for needle in ("10 April 2024", "16 March 2024", "15 September 2024", "18 February 2023", "April 2022"):
        assert needle in english, needle
    for needle in ("10 avril 2024", "16 mars 2024", "15 septembre 2024", "18 février 2023", "avril 2022"):
        assert needle in french, needle
    assert '"Russian forces, instructors or arms"' in english
    assert "« Forces, instructeurs ou armes russes »" in french
    assert "Bayraktar" in english and "Italy" in english and "Emirati" in english
    assert "Bayraktar" in french and "l'Italie" in french and "émirien" in french


# The panel: which presence decided the colour, and since when.

DECIDED = {
    ("BFA", month(2024, 6)): {
        "en": [
            "Russian forces since 24 January 2024: Russian military contingent (Africa Corps)",
            "Russian private military forces since May 2024: Bears Brigade (Russian paramilitary unit)",
        ],
        "fr": [
            "Forces russes depuis le 24 janvier 2024 : Contingent militaire russe (Africa Corps)",
            "Forces militaires privées russes depuis mai 2024 : Brigade Bears (unité paramilitaire russe)",
        ],
    },
    ("MLI", month(2016, 12)): {
        "en": ["French forces since 1 August 2014: Operation Barkhane"],
        "fr": ["Forces françaises depuis le 1er août 2014 : Opération Barkhane"],
    },
    ("NER", month(2023, 12)): {
        "en": [
            "US forces since 22 February 2013: US forces in Niger (Air Bases 101 and 201)",
            "German forces since February 2016: Bundeswehr air transport base, Niamey",
        ],
        "fr": [
            "Forces américaines depuis le 22 février 2013 : Forces américaines au Niger"
            " (bases aériennes 101 et 201)",
            "Forces allemandes depuis février 2016 : Base de transport aérien de la Bundeswehr, Niamey",
        ],
    },
    ("NER", month(2024, 3)): {
        "en": [
            "US forces since 22 February 2013, withdrawal announced on 16 March 2024: US forces in Niger"
            " (Air Bases 101 and 201)",
            "German forces since February 2016: Bundeswehr air transport base, Niamey",
        ],
        "fr": [
            "Forces américaines depuis le 22 février 2013, retrait annoncé le 16 mars 2024 : Forces"
            " américaines au Niger (bases aériennes 101 et 201)",
            "Forces allemandes depuis février 2016 : Base de transport aérien de la Bundeswehr, Niamey",
        ],
    },
    ("NER", month(2024, 5)): {
        "en": [
            "Russian instructors since 10 April 2024: Russian instructors and Africa Corps unit in Niamey"
            " (air defence)"
        ],
        "fr": [
            "Instructeurs russes depuis le 10 avril 2024 : Instructeurs russes et unité de l'Africa Corps à"
            " Niamey (défense aérienne)"
        ],
    },
    ("TCD", month(2025, 12)): {
        "en": ["Departure of French forces on 30 January 2025: French forces in Chad after Barkhane"],
        "fr": ["Départ des forces françaises le 30 janvier 2025 : Forces françaises au Tchad après Barkhane"],
    },
    ("MLI", month(2022, 3)): {
        "en": [
            "French forces since 1 August 2014, withdrawal announced on 17 February 2022: Operation Barkhane",
            "French forces since 27 March 2020, withdrawal announced on 17 February 2022: Task Force Takuba",
        ],
        "fr": [
            "Forces françaises depuis le 1er août 2014, retrait annoncé le 17 février 2022 :"
            " Opération Barkhane",
            "Forces françaises depuis le 27 mars 2020, retrait annoncé le 17 février 2022 :"
            " Task force Takuba",
        ],
    },
}


@pytest.mark.parametrize(("country", "period"), list(DECIDED), ids=lambda v: str(v))
@pytest.mark.parametrize("lang", LANGS)
def test_gui010_the_panel_says_which_presence_decided_the_colour(data, country, period, lang):
    state = data.states(period)[country]
    lines = deciding_presence(data, state, lang)
    assert lines == DECIDED[(country, period)][lang]
    now, _ = country_panel(data, country, period, lang)
    assert t("panel.because", lang) in texts(now)
    # Each line as read: its words and the names it links to the glossary, not their hidden definitions.
    deciding = next(c for n in now for c in [n, *n._traverse()] if getattr(c, "className", "") == "deciding")
    assert [read(item.children) for item in deciding.children] == lines


def read(children) -> str:
    if isinstance(children, str):
        return children
    if isinstance(children, list):
        return "".join(read(child) for child in children)
    if getattr(children, "role", None) == "tooltip":
        return ""
    return read(getattr(children, "children", None) or "")


def test_gui011_no_line_before_a_country_ever_had_a_principal_partner(data):
    state = data.states(month(2012, 6))["MLI"]
    assert state.alignment is Alignment.NONE and deciding_presence(data, state, "en") == []
    now, _ = country_panel(data, "MLI", month(2012, 6), "en")
    assert t("panel.because", "en") not in texts(now)


def test_gui012_every_partner_has_its_adjective_in_both_genders(data):
    for code in data.dataset.partners:
        for key in (f"adjective.{code}", f"adjective_m.{code}"):
            assert key in TEXT, key


# The reading guide and the methodology's order.


def test_gui020_the_legend_of_the_map_page_opens_the_reading_guide(data):
    view = View(period=month(2023, 10), lang="fr")
    model = legend(data.dataset, view.lens, view.lang, guide_href=methodology_url(view))
    parts = legend_html(model, foldable=True)
    button = next(c for c in parts if isinstance(c, html.Button) and c.id == Id.GUIDE_TOGGLE)
    guide = next(c for c in parts if isinstance(c, html.Div) and c.id == Id.GUIDE)
    attributes = button.to_plotly_json()["props"]
    assert attributes["aria-expanded"] == "false" and attributes["aria-controls"] == Id.GUIDE
    assert attributes["aria-label"] == "Comment lire cette carte" and button.children == "?"
    sentences = [t(key, "fr") for key in GUIDE_KEYS]
    assert texts([guide]) == ["Comment lire cette carte", *sentences, t("guide.more", "fr")]
    link = next(c for c in guide._traverse() if isinstance(c, html.A))
    assert link.href == "/methodology?lang=fr"
    # The title beside the "?" is short where the legend is one row; the embed's legend has no guide.
    assert parts.index(button) == 1
    embed = legend_html(legend(data.dataset, "alignment", "en"))
    assert texts(embed)[0] == "Principal security partner"
    assert not any(getattr(c, "id", None) in (Id.GUIDE_TOGGLE, Id.GUIDE) for c in embed)


def test_gui021_five_plain_sentences_in_each_language():
    assert len(GUIDE_KEYS) == 5
    for key in GUIDE_KEYS:
        for lang in LANGS:
            sentence = t(key, lang)
            assert sentence.endswith(".") and len(sentence) < 260, (key, lang)
            assert not re.search(r"`|_date|_precision|ΔE|tests/", sentence), (key, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_gui022_the_methodology_page_opens_with_the_guide_and_ends_with_the_appendix(data, lang):
    page = methodology_page(data, View(period=month(2023, 10), lang=lang))
    body = next(c for c in page.children if getattr(c, "className", "") == "text-page").children
    kinds = [type(c).__name__ for c in body]
    assert kinds == ["P", "H1", "Section", "Markdown", "H2", "Dl", "Markdown"]
    guide = body[2]
    assert guide.id == Id.GUIDE_SECTION and guide.children[0].children == t("guide.title", lang)
    assert texts([guide])[1:] == [t(key, lang) for key in GUIDE_KEYS]
    readers, appendix = body[3], body[6]
    assert isinstance(readers, dcc.Markdown) and isinstance(appendix, dcc.Markdown)
    # The first words after the guide are plain: what the colours mean, no field names, no tests.
    first = "What the colours mean" if lang == "en" else "Ce que signifient les couleurs"
    assert readers.children.lstrip().startswith(f"## {first}\n")
    for maintainer in ("start_date", "_precision", "ΔE", "tests/", "data/release.csv", "| vision |"):
        assert maintainer not in readers.children, maintainer
        assert maintainer in appendix.children, maintainer
    assert appendix.children.startswith(f"## {t('methodology.appendix', lang)}\n")
    assert appendix.children.count("\n## ") == 0  # its parts are sub-sections: nothing follows it


def test_gui023_in_the_file_the_appendix_is_the_last_part_of_each_language():
    text = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    parts = re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    assert [p.split("\n", 1)[0] for p in parts] == ["English", "Français"]
    for part, lang in zip(parts, LANGS, strict=True):
        sections = re.findall(r"^### (.+)$", part, flags=re.MULTILINE)
        assert sections[-1] == t("methodology.appendix", lang)
        assert len(sections) == len(set(sections))
    english, french = (re.findall(r"^### ", p, flags=re.MULTILINE) for p in parts)
    assert len(english) == len(french)  # both languages in step
    english, french = (re.findall(r"^#### ", p, flags=re.MULTILINE) for p in parts)
    assert len(english) == len(french) > 0
