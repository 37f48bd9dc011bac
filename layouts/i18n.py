"""The one English/French table for every string a person reads, and date formatting.

`t(key, lang, **values)` looks a string up and fills its `{placeholders}`. A missing key or language
is a bug, so it raises; `tests/unit/test_i18n.py` checks that every key has both languages and the
same placeholders in each.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")
DEFAULT_LANG: Lang = "en"

TEXT: dict[str, dict[str, str]] = {
    "app.title": {
        "en": "Sahel Realignment Map",
        "fr": "Carte des réalignements au Sahel",
    },
    "app.tagline": {
        "en": "Which outside powers work with Mali, Burkina Faso, Niger and Chad, 2012 to today",
        "fr": "Quelles puissances étrangères coopèrent avec le Mali, le Burkina Faso, le Niger et "
        "le Tchad, de 2012 à aujourd'hui",
    },
    "map.title": {
        "en": "{year} — situation on {date}",
        "fr": "{year} — situation au {date}",
    },
    "map.as_of": {"en": "Situation on {date}", "fr": "Situation au {date}"},
    "map.aria": {
        "en": "Map of the Sahel coloured by each country's principal security partner",
        "fr": "Carte du Sahel colorée selon le principal partenaire de sécurité de chaque pays",
    },
    "legend.title": {
        "en": "Principal security partner",
        "fr": "Principal partenaire de sécurité",
    },
    "legend.changed": {
        "en": "Thick outline: changed during the year",
        "fr": "Contour épais : changement au cours de l'année",
    },
    "alignment.france": {"en": "French forces", "fr": "Forces françaises"},
    "alignment.france_leaving": {
        "en": "French withdrawal under way",
        "fr": "Retrait français en cours",
    },
    "alignment.russia": {
        "en": "Russian forces or instructors",
        "fr": "Forces ou instructeurs russes",
    },
    "alignment.other_forces": {
        "en": "Other foreign forces",
        "fr": "Autres forces étrangères",
    },
    "alignment.none": {
        "en": "No principal foreign force",
        "fr": "Aucune force étrangère principale",
    },
    "alignment.context": {"en": "Neighbouring country", "fr": "Pays voisin"},
    "label.changed": {"en": "changed in {year}", "fr": "changement en {year}"},
    "hover.partners": {"en": "Active partners", "fr": "Partenaires actifs"},
    "hover.no_partners": {
        "en": "No foreign partner recorded",
        "fr": "Aucun partenaire étranger recensé",
    },
    "level.1": {"en": "political", "fr": "politique"},
    "level.2": {"en": "equipment and training", "fr": "équipement et formation"},
    "level.3": {"en": "forces deployed", "fr": "forces déployées"},
    "lens.level0": {"en": "not present", "fr": "absent"},
    "lens.level1": {"en": "political ties", "fr": "liens politiques"},
    "lens.level2": {"en": "equipment and training", "fr": "équipement et formation"},
    "lens.level3": {"en": "forces deployed", "fr": "forces déployées"},
    "lens.label": {"en": "Colour the map by", "fr": "Colorer la carte selon"},
    "lens.alignment": {"en": "Principal partner", "fr": "Partenaire principal"},
    "lens.legend_title": {"en": "Presence of {partner}", "fr": "Présence : {partner}"},
    "bases.toggle": {"en": "Show bases and deployment sites", "fr": "Afficher les bases et sites de déploiement"},
    "bases.legend": {"en": "Bases", "fr": "Bases"},
    "bases.other": {"en": "Other", "fr": "Autres"},
    "base.before": {"en": "before 2012", "fr": "avant 2012"},
    "base.open": {"en": "still in use", "fr": "toujours utilisée"},
    "timeline.title": {"en": "Partnerships over time", "fr": "Les partenariats dans le temps"},
    "timeline.title_country": {"en": "Partnerships of {country} over time", "fr": "Les partenariats : {country}"},
    "timeline.markers": {"en": "Coups and withdrawals", "fr": "Coups d'État et retraits"},
    "timeline.help": {
        "en": "Click a bar or a marker to move the map to that year.",
        "fr": "Cliquez sur une barre ou un repère pour placer la carte à cette année.",
    },
    "year.label": {"en": "Year", "fr": "Année"},
    "year.prev": {"en": "Previous year", "fr": "Année précédente"},
    "year.next": {"en": "Next year", "fr": "Année suivante"},
    "year.play": {"en": "Play", "fr": "Lecture"},
    "year.pause": {"en": "Pause", "fr": "Pause"},
    "panel.summary_title": {"en": "The year at a glance", "fr": "L'année en bref"},
    "panel.changes_title": {"en": "What changed", "fr": "Ce qui a changé"},
    "panel.no_change": {
        "en": "No change of principal partner this year.",
        "fr": "Aucun changement de partenaire principal cette année.",
    },
    "panel.change": {
        "en": "{country}: {before} → {after}",
        "fr": "{country} : {before} → {after}",
    },
    "panel.events_title": {
        "en": "Key events of {year}",
        "fr": "Événements clés de {year}",
    },
    "panel.no_events": {
        "en": "No recorded event this year.",
        "fr": "Aucun événement recensé cette année.",
    },
    "panel.sources": {"en": "Sources: ", "fr": "Sources : "},
    "summary.intro": {"en": "At the end of {year}", "fr": "Fin {year}"},
    "summary.intro_current": {"en": "On {date}", "fr": "Au {date}"},
    "summary.group": {"en": "{label}: {countries}", "fr": "{label} : {countries}"},
    "summary.and": {"en": "and", "fr": "et"},
    "notice.bad_year": {
        "en": "“{value}” is not a year the map covers ({first}–{last}); showing {year}.",
        "fr": "« {value} » n'est pas une année couverte par la carte ({first}–{last}) ; affichage de {year}.",
    },
    "notice.bad_lang": {
        "en": "Language “{value}” is not available; showing English.",
        "fr": "La langue « {value} » n'est pas disponible ; affichage en anglais.",
    },
    "notice.bad_country": {
        "en": "“{value}” is not one of the four countries; showing all four.",
        "fr": "« {value} » n'est pas l'un des quatre pays ; affichage des quatre.",
    },
    "notice.bad_lens": {
        "en": "“{value}” is not a view of the map; showing the principal partners.",
        "fr": "« {value} » n'est pas une vue de la carte ; affichage des principaux partenaires.",
    },
    "notice.bad_bases": {
        "en": "“{value}” is not a bases setting (0 or 1); showing the bases.",
        "fr": "« {value} » n'est pas un réglage des bases (0 ou 1) ; affichage des bases.",
    },
    "credit": {
        "en": "Shapes: Natural Earth (public domain). Events and partnerships: dated and sourced, "
        "see each event's sources.",
        "fr": "Contours : Natural Earth (domaine public). Événements et partenariats datés et "
        "sourcés : voir les sources de chaque événement.",
    },
}

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`."""
    text = TEXT[key][lang]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: Lang, precision: str = "day") -> str:
    """A date written in full: "28 November 2024" / "28 novembre 2024", "1er août 2014"."""
    month = _MONTHS[lang][day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month.capitalize() if lang == 'en' else month} {day.year}"
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


def join_words(items: list[str], lang: Lang) -> str:
    """ "Mali, Niger and Chad" / "le Mali, le Niger et le Tchad" without articles: "Mali, Niger et Tchad"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('summary.and', lang)} {items[-1]}"


def parse_lang(value: str | None) -> Lang | None:
    """The language for a URL value, or None when it is not one we have."""
    if value in LANGS:
        return value  # type: ignore[return-value]
    return None
