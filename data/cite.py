"""How to cite a view of the map: plain text (Chicago), APA and BibTeX, in the view's language.

A citation names the project as its author, what the view shows and when (its title: the date
shown, the lens, the two dates of a comparison, the country in the panel), the data release and the
day it was reviewed up to, the view's full address and the day the reader looked at it.

The data release has no number of its own: it is named by its review date (`data/release.csv`,
written `2026-04-30`), as `docs/data-changes.md` names releases. A month still under way is cited
by the day it shows, so that the cited address shows the same map later.

Pure: the share dialog's callback gives the site's address (or the placeholder the browser fills
in, `layouts.share.ORIGIN`) and the reader's day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from data.compare import in_order
from data.context import AppData
from data.describe import picture_title
from data.i18n import Lang, format_date, t
from data.period import Period
from data.view import ALIGNMENT_LENS, View, map_url

KEY_PREFIX = "sahelmap"  # BibTeX keys: `sahelmap2023-10`, `sahelmap2021-12-vs-2024-12-rus-mli`
LANGIDS: dict[str, str] = {"en": "english", "fr": "french"}  # biblatex's `langid`
# The characters LaTeX reads as commands, written so that it prints them. A brace becomes a command
# rather than `\{`: BibTeX counts every brace, escaped or not, to find where a field ends.
BIBTEX_SPECIALS: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Words a headline-style English title leaves in lower case (Chicago 8.159), unless first or last.
SMALL_WORDS = frozenset((
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or",
    "per", "the", "to", "up", "via", "vs",
))  # fmt: skip
ACCESS_SLACK = dt.timedelta(days=1)  # the reader's day may be a day off the server's (time zones)
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Citation:
    chicago: str
    apa: str
    bibtex: str

    def as_dict(self) -> dict[str, str]:
        return {"chicago": self.chicago, "apa": self.apa, "bibtex": self.bibtex}


def release_id(data: AppData) -> str:
    """The data release's name: its review date, `2026-04-30`."""
    return data.reviewed_up_to().isoformat()


def read_accessed(raw: object, today: dt.date) -> dt.date:
    """The reader's day (`2026-12-05`, from their browser) when it is a day near the server's
    `today`; otherwise `today`. Never raises."""
    if not isinstance(raw, str) or not ISO_DAY.fullmatch(raw):
        return today
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return today
    return day if abs(day - today) <= ACCESS_SLACK else today


def cited_view(data: AppData, view: View) -> View:
    """The view as a citation names it: a month still under way becomes the day it shows."""

    def fixed(period: Period) -> Period:
        on = data.as_of(period)
        return Period.of_day(on) if period.day is None and on < period.last_day else period

    compare = fixed(view.compare) if view.compare is not None else None
    return view.with_(period=fixed(view.period), compare=compare, notices=())


def view_title(data: AppData, view: View) -> str:
    """What the view shows and when, as its picture's title says it; a comparison names both
    dates: “Principal security partners in the Sahel, 31 December 2021 and 31 December 2024
    compared”."""
    if view.compare is None:
        return picture_title(data, view)
    lang = view.lang
    first, second = in_order(data, view.period, view.compare)
    shown = t(
        "cite.compared",
        lang,
        first=format_date(data.as_of(first), lang),
        second=format_date(data.as_of(second), lang),
    )
    return picture_title(data, view, shown)


def dates_shown(data: AppData, view: View) -> str:
    """“Date shown: 31 October 2023”, or both dates of a comparison."""
    lang = view.lang
    if view.compare is None:
        return t("cite.shown_one", lang, date=format_date(data.as_of(view.period), lang))
    first, second = in_order(data, view.period, view.compare)
    return t(
        "cite.shown_two",
        lang,
        first=format_date(data.as_of(first), lang),
        second=format_date(data.as_of(second), lang),
    )


def headline_case(title: str) -> str:
    """An English title in headline style: “Principal Security Partners in the Sahel”. Words
    already capitalised (names, months) are kept; a word after a colon or a dash starts a
    subtitle."""
    words = title.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        starts = i == 0 or out[-1].endswith((":", "—", "–"))
        last = i == len(words) - 1
        bare = word.strip(",.;:").lower()
        if word[:1].islower() and (starts or last or bare not in SMALL_WORDS):
            word = word[0].upper() + word[1:]
        out.append(word)
    return " ".join(out)


def sentence_case(title: str, lang: Lang) -> str:
    """APA's sentence case, as the map writes its titles; in English the word after a colon
    starts with a capital too."""
    if lang != "en":
        return title
    return re.sub(r": ([a-z])", lambda m: ": " + m[1].upper(), title)


def bibtex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, accents kept as UTF-8
    (biblatex and biber read UTF-8)."""
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in text)


def bibtex_key(view: View) -> str:
    """A key that names the view, the same in every language: `sahelmap2023-10-rus-mli`."""
    parts = [KEY_PREFIX + view.period.token()]
    if view.compare is not None:
        parts += ["vs", view.compare.token()]
    if view.lens != ALIGNMENT_LENS:
        parts.append(view.lens.lower())
    if view.country:
        parts.append(view.country.lower())
    return "-".join(parts)


def bibtex_entry(key: str, fields: list[tuple[str, str]]) -> str:
    """`@misc{key,` and one `name = {value},` per line; values are written as given (already
    escaped, or verbatim for the address)."""
    width = max(len(name) for name, _ in fields)
    lines = [f"  {name.ljust(width)} = {{{value}}}," for name, value in fields]
    return "@misc{" + key + ",\n" + "\n".join(lines) + "\n}"


def citation(data: AppData, view: View, address: str, accessed: dt.date) -> Citation:
    """The view's citation in its language. `address`: the site's scheme, host and port
    (`https://map.example`), which the view's address is written after."""
    lang = view.lang
    cited = cited_view(data, view)
    url = address.rstrip("/") + map_url(cited, data.calendar(), pin_period=True)
    author = t("app.title", lang)
    title = view_title(data, cited)
    reviewed = data.reviewed_up_to()
    release = release_id(data)
    values = {
        "author": author,
        "release": release,
        "reviewed": format_date(reviewed, lang),
        "accessed": format_date(accessed, lang),
        "url": url,
    }
    chicago = t("cite.chicago_text", lang, title=headline_case(title) if lang == "en" else title, **values)
    apa = t("cite.apa_text", lang, title=sentence_case(title, lang), year=reviewed.year, **values)
    note = t(
        "cite.bibtex_note", lang, release=release, reviewed=values["reviewed"], shown=dates_shown(data, cited)
    )
    # @misc rather than biblatex's @dataset: every BibTeX style knows @misc, and biblatex prints
    # its version, url and urldate all the same.
    bibtex = bibtex_entry(
        bibtex_key(cited),
        [
            ("author", "{" + bibtex_escape(author) + "}"),  # braced: a corporate author, not a person
            ("title", "{" + bibtex_escape(title) + "}"),  # braced: styles keep its capitals
            ("year", str(reviewed.year)),
            ("version", release),
            ("howpublished", bibtex_escape(t("cite.bibtex_kind", lang))),
            ("url", url),  # verbatim: biblatex reads addresses as they are
            ("urldate", accessed.isoformat()),
            ("note", bibtex_escape(note)),
            ("langid", LANGIDS[lang]),
        ],
    )
    return Citation(chicago=chicago, apa=apa, bibtex=bibtex)
