"""The events table's rows: the events a search, filters and order select (`select_events`), and
those rows as CSV (`events_csv`). The page and the download of "these rows" both use them, with
filters read from an address by `data.view` (one rule for both).

A search looks in an event's title and summary in the reader's language, ignoring case and accents
("etat" finds "État"); each of its words must appear, in any order.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from data.context import AppData
from data.csv_out import csv_text
from data.describe import source_labels
from data.i18n import Lang, t
from data.schema import Event
from data.view import TableQuery, fold

CSV_COLUMNS = (
    "id", "date", "date_precision", "country", "country_name", "partners", "partner_names", "type",
    "type_name", "title", "summary", "confidence", "source_ids", "sources",
)  # fmt: skip
LIST_SEPARATOR = ";"  # between codes in a cell, as in the data files
TEXT_SEPARATOR = " | "  # between sources in a cell


@functools.lru_cache(maxsize=2048)
def _folded(title: str, summary: str) -> str:
    return fold(f"{title}\n{summary}")


def matches(event: Event, words: Sequence[str], lang: Lang) -> bool:
    """Does every word (folded) appear in the event's title or summary in `lang`?"""
    text = _folded(getattr(event, f"title_{lang}"), getattr(event, f"summary_{lang}"))
    return all(word in text for word in words)


def select_events(events: Sequence[Event], filters: TableQuery, lang: Lang) -> list[Event]:
    """The events the table shows for its filters as applied (`data.view.table_filters`), in its
    order: by date, newest first unless `oldest_first` (one order exactly reversing the other)."""
    words = fold(filters.search).split()
    chosen = [
        e
        for e in events
        if (filters.country is None or filters.country in e.country)
        and (filters.partner is None or filters.partner in e.actors)
        and (filters.type is None or e.type == filters.type)
        and (filters.start is None or e.date >= filters.start.first_day)
        and (filters.end is None or e.date <= filters.end.last_day)
        and matches(e, words, lang)
    ]
    return sorted(chosen, key=lambda e: (e.date, e.id), reverse=not filters.oldest_first)


def events_csv(data: AppData, events: Sequence[Event], lang: Lang) -> str:
    """The events as CSV, in the order given: codes, and the texts in `lang` (names, title,
    summary, each source as a reader sees it with its title and address)."""
    rows: list[list[object]] = [list(CSV_COLUMNS)]
    for e in events:
        sources = TEXT_SEPARATOR.join(
            f"{label.text}{f' ({label.detail})' if label.detail else ''}: {label.title} — {label.url}"
            for label in source_labels(data, e.source_ids, lang)
        )
        rows.append(
            [
                e.id,
                e.date.isoformat(),
                e.date_precision,
                LIST_SEPARATOR.join(e.country),
                "; ".join(data.shapes.name(c, lang) for c in e.country),
                LIST_SEPARATOR.join(e.actors),
                "; ".join(data.dataset.partner_name(a, lang) for a in e.actors),
                e.type.value,
                t(f"table.type.{e.type.value}", lang),
                getattr(e, f"title_{lang}"),
                getattr(e, f"summary_{lang}"),
                e.confidence.value,
                LIST_SEPARATOR.join(e.source_ids),
                sources,
            ]
        )
    return csv_text(rows)
