"""The side panel for a year: the summary sentence, what changed, and the year's key events."""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from data.loader import Dataset
from data.schema import Event
from data.state import Transition
from geodata.shapes import Shapes
from layouts.i18n import Lang, format_date, t


def changes_list(shapes: Shapes, changes: Sequence[Transition], lang: Lang) -> list:
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
