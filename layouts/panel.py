"""The side panel for a year: the summary sentence, what changed, and the year's key events."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from data.context import AppData
from data.describe import period_summary
from data.i18n import Lang, format_date, t
from data.loader import Dataset
from data.period import Period
from data.schema import Event, Partnership
from data.state import Change, CountryState
from data.view import View
from geodata.shapes import Shapes


def changes_list(shapes: Shapes, changes: Sequence[Change], lang: Lang) -> list:
    if not changes:
        return [html.P(t("panel.no_change", lang), className="muted")]
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


def event_item(dataset: Dataset, event: Event, lang: Lang) -> html.Li:
    sources = [dataset.sources[s] for s in event.source_ids]
    links = []
    for source in sources:
        if links:
            links.append(" · ")
        links.append(
            html.A(
                source.publisher,
                href=source.url,
                title=source.title,
                target="_blank",
                rel="noopener",
            )
        )
    return html.Li(
        [
            html.Span(format_date(event.date, lang, event.date_precision), className="date"),
            html.Strong(getattr(event, f"title_{lang}"), className="event-title"),
            html.P(getattr(event, f"summary_{lang}"), className="event-summary"),
            html.P([t("panel.sources", lang), *links], className="sources"),
        ],
        className="event",
        **{"data-event-id": event.id},
    )


def events_list(dataset: Dataset, events: Sequence[Event], lang: Lang) -> list:
    if not events:
        return [html.P(t("panel.no_events", lang), className="muted")]
    return [html.Ol([event_item(dataset, e, lang) for e in events], className="events")]


def _dates(p: Partnership, lang: Lang) -> str:
    start = format_date(p.start_date, lang, p.start_precision)
    end = format_date(p.end_date, lang, p.end_precision) if p.end_date else t("panel.ongoing", lang)
    return f"{start} – {end}"


def country_panel(
    dataset: Dataset,
    shapes: Shapes,
    country: str,
    state: CountryState,
    events: Sequence[Event],
    since: Sequence[Change],
    period: Period,
    first: Period,
    lang: Lang,
) -> list:
    """The panel for one country at the map's date: its colour and why, partners, events, and its
    changes `since` the map's first period."""
    name = shapes.name(country, lang)
    klass = state.alignment.value
    deciding = [getattr(p, f"name_{lang}") for p in state.deciding]
    why = t(f"rule.{klass}", lang)
    if deciding:
        why += " " + t("panel.because", lang, names=", ".join(deciding))
    partners = [
        html.Li(
            [
                html.Strong(getattr(p, f"name_{lang}")),
                html.Span(f" — {t(f'level.{int(p.level)}', lang)}", className="level"),
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
    return [
        html.H2(name, className="country-name"),
        html.P(
            [html.Strong(t(f"alignment.{klass}", lang)), " — ", why],
            className="country-alignment",
        ),
        html.H3(t("panel.partners_title", lang, date=format_date(state.on, lang))),
        html.Ul(partners, className="partners")
        if partners
        else html.P(t("hover.no_partners", lang), className="muted"),
        html.H3(t("panel.country_events_title", lang, period=period.label(lang))),
        *events_list(dataset, events, lang),
        html.H3(t("panel.since_title", lang, first=first.label(lang))),
        html.Ol(since_items, className="changes-since")
        if since_items
        else html.P(t("panel.no_change", lang), className="muted"),
    ]


def panel_content(data: AppData, view: View) -> list:
    """The panel: the period's overview, or one country's story when a country is selected."""
    period, lang = view.period, view.lang
    events = data.dataset.events_between(period.first_day, period.last_day)
    if view.country is not None:
        country = view.country
        return country_panel(
            data.dataset,
            data.shapes,
            country,
            data.states(period)[country],
            [e for e in events if country in e.country],
            data.country_changes(country),
            period,
            data.calendar().first,
            lang,
        )
    return [
        html.H2(t("panel.summary_title", lang)),
        html.P(period_summary(data, period, lang), className="summary"),
        html.H2(t("panel.changes_title", lang)),
        *changes_list(data.shapes, data.changes(period), lang),
        html.H2(t("panel.events_title", lang, period=period.label(lang))),
        *events_list(data.dataset, events, lang),
    ]
