"""Where the glossary's terms appear in a text: the names of operations, missions and
organisations a reader meets in the panel, the events table and the briefing's captions, each tied
to its entry (`glossary.<key>.term` / `.text` in the translation table) so that the page can link it
and show its definition in place.

Plain Python: `layouts/glossary.py` turns the pieces into links; for the events table the server
sends the pieces with the rows (`layouts/table.events_rows`) and `assets/table.js` writes them.
"""

from __future__ import annotations

import re
from functools import cache

from data.i18n import TEXT, Lang, t

# The words that name each entry in a text, per language; the longest are tried first, so that
# "EUCAP Sahel Niger" is one name and not "EUCAP" followed by words.
NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "serval": {
        "en": ("Operation Serval", "Serval"),
        "fr": ("opération Serval", "Opération Serval", "Serval"),
    },
    "barkhane": {
        "en": ("Operation Barkhane", "Barkhane"),
        "fr": ("opération Barkhane", "Opération Barkhane", "Barkhane"),
    },
    "epervier": {
        "en": ("Operation Épervier", "Épervier", "Epervier"),
        "fr": ("opération Épervier", "Opération Épervier", "dispositif Épervier", "Épervier", "Epervier"),
    },
    "sabre": {"en": ("Task Force Sabre", "Sabre"), "fr": ("task force Sabre", "Task force Sabre", "Sabre")},
    "takuba": {
        "en": ("Task Force Takuba", "Takuba"),
        "fr": ("task force Takuba", "Task force Takuba", "Takuba"),
    },
    "minusma": {"en": ("MINUSMA",), "fr": ("MINUSMA",)},
    "eutm": {
        "en": ("EUTM Mali", "EUCAP Sahel Mali", "EUCAP Sahel Niger", "EUCAP Sahel", "EUTM", "EUCAP"),
        "fr": ("EUTM Mali", "EUCAP Sahel Mali", "EUCAP Sahel Niger", "EUCAP Sahel", "EUTM", "EUCAP"),
    },
    "g5": {"en": ("G5 Sahel",), "fr": ("G5 Sahel",)},
    "aes": {"en": ("Alliance of Sahel States", "AES"), "fr": ("Alliance des États du Sahel", "AES")},
    "ecowas": {"en": ("ECOWAS",), "fr": ("CEDEAO",)},
    "wagner": {"en": ("Wagner",), "fr": ("Wagner",)},
    "africa_corps": {"en": ("Africa Corps",), "fr": ("Africa Corps",)},
}

Piece = tuple[str, str | None]  # a run of text and the entry it names (None: plain text)


def anchor(key: str) -> str:
    """The id of an entry on the methodology page: `/methodology#glossary-barkhane`."""
    return f"glossary-{key}"


def definition(key: str, lang: Lang) -> str:
    return t(f"glossary.{key}.text", lang)


@cache
def _names(lang: Lang) -> tuple[tuple[str, str], ...]:
    """Every (name, entry) in a language, the longest names first."""
    return tuple(
        sorted(((name, key) for key, by in NAMES.items() for name in by[lang]), key=lambda n: -len(n[0]))
    )


@cache
def _pattern(lang: Lang) -> re.Pattern[str]:
    # Whole words only ("AES" not inside "MAESTRO"), letters with accents counted as letters.
    alternatives = (
        rf"(?<![\w-])(?P<n{i}>{re.escape(name)})(?![\w-])" for i, (name, _) in enumerate(_names(lang))
    )
    return re.compile("|".join(alternatives))


def pieces(text: str, lang: Lang, seen: set[str] | None = None) -> list[Piece]:
    """`text` cut into runs, each name of an entry on its own with the entry's key. An entry is
    marked once: at its first name in the text, or not at all when `seen` (shared by the texts of
    one panel or row) already holds it."""
    seen = set() if seen is None else seen
    out: list[Piece] = []
    at = 0
    for match in _pattern(lang).finditer(text):
        key = _names(lang)[int(str(match.lastgroup).removeprefix("n"))][1]
        if key in seen:
            continue
        seen.add(key)
        if match.start() > at:
            out.append((text[at : match.start()], None))
        out.append((match.group(), key))
        at = match.end()
    if at < len(text):
        out.append((text[at:], None))
    return out


def check_entries() -> list[str]:
    """Entries named here without a term and definition in both languages (a test keeps it empty)."""
    return [
        f"{key}: no glossary.{key}.{part} in {lang}"
        for key in NAMES
        for part in ("term", "text")
        for lang in ("en", "fr")
        if lang not in TEXT.get(f"glossary.{key}.{part}", {})
    ]
