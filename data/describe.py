"""What a view shows, in words and in rows: the summary sentence, the alt text of an image, the
credit line, and the CSV of the partnerships behind the view.

Plain functions over the app's data and a `View`; the map, the panel, the briefing, snapshots and
the static export all take their sentences from here.
"""

from __future__ import annotations

import csv
import io

from data.context import AppData
from data.i18n import Lang, format_date, join_words, t
from data.period import Period
from data.state import Alignment, partner_level
from data.view import ALIGNMENT_LENS, View
from geodata.names import FOCUS


def period_summary(data: AppData, period: Period, lang: Lang) -> str:
    """E.g. "At the end of 2023 — French forces: Chad. Russian forces or instructors: Mali."."""
    on = data.as_of(period)
    states = data.states(period)
    if on == period.last_day:
        intro = t("summary.intro", lang, period=period.label(lang))
    else:
        intro = t("summary.intro_current", lang, date=format_date(on, lang))
    groups = []
    for klass in Alignment:
        countries = [data.shapes.name(c, lang) for c in FOCUS if states[c].alignment == klass]
        if countries:
            label = t(f"alignment.{klass.value}", lang)
            groups.append(t("summary.group", lang, label=label, countries=join_words(countries, lang)))
    return f"{intro} — " + ". ".join(groups) + "."


def credit_line(data: AppData, view: View) -> str:
    """“Source: Sahel Realignment Map (454 cited sources) — data as of 31 December 2023”."""
    return t(
        "share.credit",
        view.lang,
        app=t("app.title", view.lang),
        sources=len(data.dataset.sources),
        date=format_date(data.as_of(view.period), view.lang),
    )


def alt_text(data: AppData, view: View) -> str:
    """One sentence for the image's alt attribute: what the map shows, in words."""
    lang = view.lang
    on = data.as_of(view.period)
    states = data.states(view.period)
    if view.lens == ALIGNMENT_LENS:
        what = period_summary(data, view.period, lang)
    else:
        groups: dict[int, list[str]] = {}
        for code in FOCUS:
            level = partner_level(states[code].active, code, view.lens, on)
            groups.setdefault(level, []).append(data.shapes.name(code, lang))
        parts = [
            t("summary.group", lang, label=t(f"lens.level{level}", lang), countries=join_words(names, lang))
            for level, names in sorted(groups.items(), reverse=True)
        ]
        what = t(
            "share.alt_lens",
            lang,
            partner=data.dataset.partner_name(view.lens, lang),
            date=format_date(on, lang),
            groups=". ".join(parts),
        )
    sentence = t("share.alt_intro", lang) + " " + what
    if view.country:
        sentence += " " + t("share.alt_selected", lang, country=data.shapes.name(view.country, lang))
    return sentence + " " + credit_line(data, view) + "."


CSV_COLUMNS = (
    "as_of", "country", "country_name", "colour", "partner", "partner_name", "level", "partnership",
    "start_date", "end_date", "source_ids",
)  # fmt: skip


def view_csv(data: AppData, view: View) -> str:
    """The partnerships behind the view: one row per focus country and active partner."""
    lang = view.lang
    on = data.as_of(view.period)
    states = data.states(view.period)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for code in FOCUS:
        if view.country and code != view.country:
            continue
        state = states[code]
        country = [
            on.isoformat(),
            code,
            data.shapes.name(code, lang),
            t(f"alignment.{state.alignment.value}", lang),
        ]
        if not state.active:
            writer.writerow(country + [""] * (len(CSV_COLUMNS) - len(country)))
        for p in state.active:
            end = p.end_date.isoformat() if p.end_date else ""
            partner = data.dataset.partner_name(p.partner, lang)
            name = getattr(p, f"name_{lang}")
            sources = ";".join(p.source_ids)
            writer.writerow(
                [*country, p.partner, partner, int(p.level), name, p.start_date.isoformat(), end, sources]
            )
    return out.getvalue()
