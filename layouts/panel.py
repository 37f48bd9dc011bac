"""The side panel for a year: the summary sentence, what changed, and the year's key events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dash import html

from data.context import AppData
from data.describe import deciding_presence, lens_summary, period_summary, source_labels
from data.i18n import Lang, format_date, t
from data.period import Period
from data.schema import Confidence, Event, Partnership
from data.state import Change, last_coup, military_rule_since
from data.view import ALIGNMENT_LENS, View
from geodata.shapes import Shapes
from layouts.glossary import linked


def changes_list(
    shapes: Shapes, changes: Sequence[Change], lang: Lang, empty: str = "panel.no_change"
) -> list:
    if not changes:
        return [html.P(t(empty, lang), className="muted")]
    items = []
    for change in changes:
        text = t(
            "panel.change",
            lang,
            country=shapes.name(change.country, lang),
            before=t(f"alignment.{change.before.value}", lang),
            after=t(f"alignment.{change.after.value}", lang),
        )
        items.append(html.Li([html.Span(format_date(change.on, lang), className="date"), " ", text]))
    return [html.Ul(items, className="changes")]


def source_links(data: AppData, source_ids: tuple[str, ...], lang: Lang) -> list:
    """A row's sources, the sources of record first: "AFP, 12 May 2024 (copy read on …)"."""
    links: list = []
    for label in source_labels(data, source_ids, lang):
        if links:
            links.append(" · ")
        links.append(html.A(label.text, href=label.url, title=label.title, target="_blank", rel="noopener"))
        if label.detail:
            links.append(html.Span(f" ({label.detail})", className="source-detail"))
    return links


def confidence_mark(confidence: Confidence, lang: Lang) -> list:
    """A mark beside a row that is not confirmed: "reported" or "disputed", explained on hover."""
    if confidence == Confidence.CONFIRMED:
        return []
    return [
        " ",
        html.Span(
            t(f"confidence.{confidence.value}", lang),
            className=f"confidence confidence-{confidence.value}",
            title=t(f"confidence.{confidence.value}_help", lang),
        ),
    ]


def event_item(data: AppData, event: Event, lang: Lang, scope: str = "ev") -> html.Li:
    """An event: its date, title and summary (each glossary term of the two linked once), sources."""
    seen: set[str] = set()
    scope = f"{scope}-{event.id}"
    return html.Li(
        [
            html.Span(format_date(event.date, lang, event.date_precision), className="date"),
            html.Strong(
                [
                    *linked(getattr(event, f"title_{lang}"), lang, scope, seen),
                    *confidence_mark(event.confidence, lang),
                ],
                className="event-title",
            ),
            html.P(linked(getattr(event, f"summary_{lang}"), lang, scope, seen), className="event-summary"),
            html.P(
                [t("panel.sources", lang), *source_links(data, event.source_ids, lang)], className="sources"
            ),
        ],
        className="event",
        **{"data-event-id": event.id},
    )


def events_list(data: AppData, events: Sequence[Event], lang: Lang, scope: str = "ev") -> list:
    if not events:
        return [html.P(t("panel.no_events", lang), className="muted")]
    return [html.Ol([event_item(data, e, lang, scope) for e in events], className="events")]


def _dates(p: Partnership, lang: Lang) -> str:
    start = format_date(p.start_date, lang, p.start_precision)
    end = format_date(p.end_date, lang, p.end_precision) if p.end_date else t("panel.ongoing", lang)
    return f"{start} – {end}"


def country_panel(data: AppData, country: str, period: Period, lang: Lang) -> tuple[list, list]:
    """The panel for one country at the map's date: its colour and why, partners (what the month
    changes); its events of the year, and its changes since the map's first period (what only the
    year changes)."""
    name = data.shapes.name(country, lang)
    state = data.states(period)[country]
    in_year = data.dataset.events_between(dt.date(period.year, 1, 1), dt.date(period.year, 12, 31))
    events = [e for e in in_year if country in e.country]
    since = data.country_changes(country)
    first = data.calendar().first
    klass = state.alignment.value
    deciding = deciding_presence(data, state, lang)
    partners = [
        html.Li(
            [
                html.Strong(linked(getattr(p, f"name_{lang}"), lang, f"pa-{p.id}")),
                html.Span(f" — {t(f'level.{int(p.level)}', lang)}", className="level"),
                *confidence_mark(p.confidence, lang),
                html.Br(),
                html.Span(_dates(p, lang), className="date"),
                *(
                    [html.Span(t("panel.end_announced", lang, date=format_date(p.end_announced, lang)))]
                    if p.end_announced and p.end_announced <= state.on
                    else []
                ),
            ]
        )
        for p in state.active
    ]
    since_items = [
        html.Li(
            [
                html.Span(format_date(h.on, lang), className="date"),
                t(f"alignment.{h.after.value}", lang),
            ]
        )
        for h in since
    ]
    now = [
        html.H2(name, className="country-name"),
        html.P(
            [html.Strong(t(f"alignment.{klass}", lang)), " — ", t(f"rule.{klass}", lang)],
            className="country-alignment",
        ),
        # Which presence decided the colour, and since when (or which departure left none).
        *(
            [
                html.P(t("panel.because", lang), className="deciding-title"),
                html.Ul(
                    [html.Li(linked(line, lang, f"why{i}")) for i, line in enumerate(deciding)],
                    className="deciding",
                ),
            ]
            if deciding
            else []
        ),
        *_coup_line(data, country, state.on, lang),
        html.H3(t("panel.partners_title", lang, date=format_date(state.on, lang))),
        html.Ul(partners, className="partners")
        if partners
        else html.P(t("hover.no_partners", lang), className="muted"),
    ]
    year = [
        html.H3(t("panel.country_events_title", lang, period=period.year)),
        *events_list(data, events, lang, "cev"),
        html.H3(t("panel.since_title", lang, first=first.year)),
        html.Ol(since_items, className="changes-since")
        if since_items
        else html.P(t("panel.no_change", lang), className="muted"),
    ]
    return now, year


def _coup_line(data: AppData, country: str, on: dt.date, lang: Lang) -> list:
    """ "Military government since 18 August 2020" while a junta holds power, and "Last coup:
    24 May 2021 — what happened", when the country had one since the map begins."""
    coup = last_coup(data.dataset.events, country, on)
    if coup is None or coup.date < data.calendar().first.first_day:
        return []
    lines = []
    opened = military_rule_since(data.dataset.events, country, on)
    if opened is not None:
        since = format_date(opened.date, lang, opened.date_precision)
        if opened.date_precision == "day":
            since = t("date.on_day", lang, date=since)
        lines.append(t("panel.military_since", lang, date=since))
    if opened is not coup:
        lines.append(t("panel.last_coup", lang, date=format_date(coup.date, lang, coup.date_precision)))
    parts: list = []
    for line in lines:
        parts += [html.Br()] if parts else []
        parts.append(html.Strong(line))
    return [html.P([*parts, " — " + getattr(coup, f"title_{lang}")], className="last-coup")]


def panel_parts(data: AppData, view: View) -> tuple[list, list]:
    """The panel in two parts: what a month step changes, and what only a new year (or another
    country or language) changes, so a step within a year redraws the first part alone."""
    period, lang = view.period, view.lang
    if view.country is not None:
        return country_panel(data, view.country, period, lang)
    events = data.dataset.events_between(dt.date(period.year, 1, 1), dt.date(period.year, 12, 31))
    if view.lens == ALIGNMENT_LENS:
        heading, summary = t("panel.summary_title", lang), period_summary(data, period, lang)
    else:  # the lens's partner, country by country
        heading = t("lens.legend_title", lang, partner=data.dataset.partner_name(view.lens, lang))
        summary = lens_summary(data, view)
    now = [
        html.H2(heading),
        html.P(summary, className="summary"),
        html.H2(t("panel.month_changes_title", lang, period=period.month_of().label(lang))),
        *changes_list(data.shapes, data.changes(period), lang, "panel.no_change_month"),
        html.H2(t("panel.year_changes_title", lang, year=period.year)),
        *changes_list(data.shapes, data.year_changes(period), lang),
    ]
    year = [html.H2(t("panel.events_title", lang, period=period.year)), *events_list(data, events, lang)]
    return now, year


def panel_key(view: View) -> str:
    """What the panel's second part depends on: the year, the country and the language."""
    return f"{view.period.year}|{view.country or ''}|{view.lang}"


def panel_now(now: list) -> html.Div:
    return html.Div(now, className="panel-now")


def panel_content(data: AppData, view: View) -> list:
    """The panel: the period's overview, or one country's story when a country is selected."""
    now, year = panel_parts(data, view)
    return [panel_now(now), html.Div(year, className="panel-year")]
