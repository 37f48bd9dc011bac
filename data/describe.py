"""What a view shows, in words and in rows: the summary sentence, the alt text of an image, the
credit line, and the CSV of the partnerships behind the view.

Plain functions over the app's data and a `View`; the map, the panel, the briefing, snapshots and
the static export all take their sentences from here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from data.compare import compare_summary, in_order
from data.context import AppData
from data.csv_out import csv_text
from data.i18n import TEXT, Lang, format_date, join_words, t
from data.loader import Dataset
from data.period import Period
from data.schema import OF_RECORD, Level, Partnership, PartnershipKind, Source, SourceKind
from data.state import Alignment, CountryState, country_state, partner_level
from data.view import ALIGNMENT_LENS, View
from geodata.names import FOCUS


def period_summary(data: AppData, period: Period, lang: Lang) -> str:
    """E.g. "On 31 December 2023 — French forces: Chad. Russian forces, instructors or arms: Mali."."""
    states = data.states(period)
    intro = t("summary.intro", lang, date=format_date(data.as_of(period), lang))
    groups = []
    for klass in Alignment:
        countries = [
            data.shapes.name(c, lang)
            + (f" ({names})" if (names := other_forces(data.dataset, states[c], lang)) else "")
            for c in FOCUS
            if states[c].alignment == klass
        ]
        if countries:
            label = t(f"alignment.{klass.value}", lang)
            groups.append(t("summary.group", lang, label=label, countries=join_words(countries, lang)))
    return f"{intro} — " + ". ".join(groups) + "."


def other_forces(dataset: Dataset, state: CountryState, lang: Lang) -> str:
    """Who the "other foreign forces" of a country are ("United States, Germany"); "" for any
    other colour."""
    if state.alignment != Alignment.OTHER_FORCES:
        return ""
    return join_words(
        list(dict.fromkeys(dataset.partner_name(p.partner, lang) for p in state.deciding)), lang
    )


def status_text(dataset: Dataset, state: CountryState, lang: Lang) -> str:
    """A country's colour in words, naming the other foreign forces when they are the colour."""
    names = other_forces(dataset, state, lang)
    label = t(f"alignment.{state.alignment.value}", lang)
    return f"{label}: {names}" if names else label


def presence_name(dataset: Dataset, partnership: Partnership, lang: Lang) -> str:
    """A partnership's kind of presence, with its partner: "Russian instructors", "French forces",
    "UN forces" / "instructeurs russes", "forces françaises", "forces de l'ONU" (in French, in lower
    case: it is capitalised where it starts a line)."""
    if partnership.level == Level.FORCES:
        private = partnership.kind == PartnershipKind.PRIVATE_MILITARY
        key = "presence.private_military" if private else "presence.forces"
    elif partnership.level == Level.EQUIPMENT_TRAINING:
        key = "presence.equipment" if partnership.kind == PartnershipKind.EQUIPMENT else "presence.training"
    else:
        key = "presence.political"
    code = partnership.partner
    if f"adjective.{code}" in TEXT:
        adjective, adjective_m = t(f"adjective.{code}", lang), t(f"adjective_m.{code}", lang)
    else:  # a partner the table has no adjective for: its name
        name = dataset.partner_name(code, lang)
        adjective = adjective_m = name if lang == "en" else f"({name})"
    return t(key, lang, adjective=adjective, adjective_m=adjective_m)


def deciding_presence(data: AppData, state: CountryState, lang: Lang) -> list[str]:
    """Which presence decided a country's colour and since when, one line per partnership the rule
    looked at: "Russian instructors since 10 April 2024: …", "French forces since 1 August 2014,
    withdrawal announced on 17 February 2022: Operation Barkhane". With no principal foreign force,
    the departure that left the country without one ("Departure of French forces on 30 January
    2025: …"); nothing when it never had one since the map begins."""
    if state.deciding:
        return [_since_line(data.dataset, p, state.on, lang) for p in state.deciding]
    before = [c for c in data.country_changes(state.country) if c.on <= state.on]
    if not before or before[-1].after != Alignment.NONE:
        return []
    day = before[-1].on
    previous = country_state(data.dataset.partnerships, state.country, day - dt.timedelta(days=1)).deciding
    gone = [p for p in previous if p.end_date is not None and p.end_date <= day] or list(previous)
    return [
        t(
            "panel.decided_left",
            lang,
            presence=presence_name(data.dataset, p, lang),
            date=_on(p.end_date or day, p.end_precision if p.end_date else "day", lang),
            name=getattr(p, f"name_{lang}"),
        )
        for p in gone
    ]


def _since_line(dataset: Dataset, p: Partnership, on: dt.date, lang: Lang) -> str:
    start = format_date(p.start_date, lang, p.start_precision)
    values = {
        "presence": _capitalised(presence_name(dataset, p, lang)),
        "date": t("date.on_day", lang, date=start) if p.start_precision == "day" else start,
        "name": getattr(p, f"name_{lang}"),
    }
    if p.end_announced is not None and p.end_announced <= on:
        return t("panel.decided_leaving", lang, announced=format_date(p.end_announced, lang), **values)
    return t("panel.decided_since", lang, **values)


def _on(day: dt.date, precision: str, lang: Lang) -> str:
    """ "on 30 January 2025", "in September 2024" / "le 30 janvier 2025", "en septembre 2024"."""
    key = "date.at_day" if precision == "day" else "date.at_period"
    return t(key, lang, date=format_date(day, lang, precision))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def credit_line(data: AppData, lang: Lang) -> str:
    """“Source: Sahel Realignment Map (454 cited sources) — data reviewed up to 30 April 2026”."""
    return t(
        "share.credit",
        lang,
        app=t("app.title", lang),
        sources=len(data.dataset.sources),
        date=format_date(data.reviewed_up_to(), lang),
    )


def picture_title(data: AppData, view: View, shown: str | None = None) -> str:
    """What a view shows and when: “Principal security partners in the Sahel, 31 October 2023”,
    “Russia: presence in the Sahel, 31 October 2023 — Mali”. `shown` replaces the view's date
    (a comparison's two dates)."""
    lang = view.lang
    date = shown if shown is not None else format_date(data.as_of(view.period), lang)
    if view.lens == ALIGNMENT_LENS:
        title = t("picture.title", lang, date=date)
    else:
        title = t("picture.title_lens", lang, partner=data.dataset.partner_name(view.lens, lang), date=date)
    if view.country:
        title += f" — {data.shapes.name(view.country, lang)}"
    return title


def review_notice(data: AppData, period: Period, lang: Lang) -> str:
    """“Data reviewed up to 30 April 2026 — later changes are not shown” when the period's date is
    past the review date ("" otherwise)."""
    return review_notice_on(data, data.as_of(period), lang)


def review_notice_on(data: AppData, day: dt.date, lang: Lang) -> str:
    if day <= data.reviewed_up_to():
        return ""
    return t("review.notice", lang, date=format_date(data.reviewed_up_to(), lang))


def alt_text(data: AppData, view: View) -> str:
    """One sentence for the image's alt attribute: what the map shows, in words (for a comparison,
    each map, then what differs)."""
    lang = view.lang
    if view.compare is not None:
        first, second = in_order(data, view.period, view.compare)
        parts = [t("compare.alt_intro", lang)]
        parts += [_what(data, view.with_(period=p, compare=None)) for p in (first, second)]
        parts.append(compare_summary(data, first, second, lang))
        sentence = " ".join(parts)
        latest = second
    else:
        sentence = t("share.alt_intro", lang) + " " + _what(data, view)
        latest = view.period
    if view.country:
        sentence += " " + t("share.alt_selected", lang, country=data.shapes.name(view.country, lang))
    notice = review_notice(data, latest, lang)
    if notice:
        sentence += " " + notice + "."
    return sentence + " " + credit_line(data, lang) + "."


def _what(data: AppData, view: View) -> str:
    """What one map shows: its summary, or the lens's groups."""
    what = (
        period_summary(data, view.period, view.lang)
        if view.lens == ALIGNMENT_LENS
        else lens_summary(data, view)
    )
    return what if what.endswith(".") else what + "."


def lens_summary(data: AppData, view: View) -> str:
    """Under a partner lens: "Presence of Russia on 31 October 2023 — forces deployed: Mali. …"."""
    lang = view.lang
    on = data.as_of(view.period)
    states = data.states(view.period)
    groups: dict[int, list[str]] = {}
    for code in FOCUS:
        level = partner_level(states[code].active, code, view.lens, on)
        groups.setdefault(level, []).append(data.shapes.name(code, lang))
    parts = [
        t("summary.group", lang, label=t(f"lens.level{level}", lang), countries=join_words(names, lang))
        for level, names in sorted(groups.items(), reverse=True)
    ]
    return t(
        "share.alt_lens",
        lang,
        partner=data.dataset.partner_name(view.lens, lang),
        date=format_date(on, lang),
        groups=". ".join(parts),
    )


CSV_COLUMNS = (
    "as_of", "country", "country_name", "colour", "partner", "partner_name", "level", "partnership",
    "start_date", "end_date", "source_ids",
)  # fmt: skip


def view_csv(data: AppData, view: View) -> str:
    """The partnerships behind the view: one row per focus country and active partner (for a
    comparison, the rows of both dates, the earlier first)."""
    periods = (view.period,) if view.compare is None else in_order(data, view.period, view.compare)
    return csv_text([CSV_COLUMNS, *(row for period in periods for row in _csv_rows(data, view, period))])


def _csv_rows(data: AppData, view: View, period: Period) -> Iterator[list[object]]:
    lang = view.lang
    on = data.as_of(period)
    states = data.states(period)
    for code in FOCUS:
        if view.country and code != view.country:
            continue
        state = states[code]
        country: list[object] = [
            on.isoformat(),
            code,
            data.shapes.name(code, lang),
            t(f"alignment.{state.alignment.value}", lang),
        ]
        if not state.active:
            yield country + [""] * (len(CSV_COLUMNS) - len(country))
        for p in state.active:
            end = p.end_date.isoformat() if p.end_date else ""
            partner = data.dataset.partner_name(p.partner, lang)
            name = getattr(p, f"name_{lang}")
            sources = ";".join(p.source_ids)
            yield [*country, p.partner, partner, int(p.level), name, p.start_date.isoformat(), end, sources]


@dataclass(frozen=True)
class SourceLabel:
    """How a source is named to a reader: the original first ("AFP, 12 May 2024"), then what a
    reader should know of this copy ("copy read on Africanews", "state media, Russia")."""

    text: str
    detail: str
    url: str
    title: str
    state_media: bool = False  # always said, even where there is room for the name alone


def _state_name(data: AppData, code: str, lang: Lang) -> str:
    if code in data.dataset.partners:
        return data.dataset.partner_name(code, lang)
    return data.shapes.name(code, lang) if data.shapes.has_country(code) else code


def source_label(data: AppData, source: Source, lang: Lang) -> SourceLabel:
    if source.kind == SourceKind.RELAY and source.original_publisher:
        day = source.original_published or source.published
        site = source.publisher.split(" via ", 1)[-1]
        text = f"{source.original_publisher}, {format_date(day, lang)}"
        return SourceLabel(text, t("source.copy", lang, site=site), source.url, source.title)
    text = f"{source.publisher}, {format_date(source.published, lang)}"
    detail = ""
    if source.kind == SourceKind.STATE_MEDIA:
        detail = t("source.state_media", lang, state=_state_name(data, source.state, lang))
        return SourceLabel(text, detail, source.url, source.title, state_media=True)
    if source.kind == SourceKind.RELAY:
        detail = t("source.unnamed_copy", lang)
    return SourceLabel(text, detail, source.url, source.title)


def source_rank(source: Source) -> int:
    """Originals of record first, then copies that name their original, research, copies that do
    not, and state media last."""
    if source.kind in OF_RECORD:
        return 0
    if source.of_record:  # a copy that names its original
        return 1
    if source.kind == SourceKind.RESEARCH:
        return 2
    return 3 if source.kind == SourceKind.RELAY else 4


def source_labels(data: AppData, source_ids: tuple[str, ...], lang: Lang) -> list[SourceLabel]:
    """A row's sources as a reader sees them, the sources of record first."""
    sources = sorted((data.dataset.sources[s] for s in source_ids), key=source_rank)
    return [source_label(data, source, lang) for source in sources]
