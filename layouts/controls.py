"""The controls of a view: the period slider (one component for the map page and the embed), the
previous/play/next buttons, the lens and bases switches and the country buttons."""

from __future__ import annotations

import json
from collections.abc import Collection

from dash import dcc, html

from data.context import AppData
from data.i18n import Lang, t
from data.period import Calendar, Period
from data.view import ALIGNMENT_LENS, PARTNER_LENSES, View
from geodata.names import FOCUS
from layouts.ids import Id

PLAY_SPEEDS = (0.5, 1, 2)  # × one year in about two seconds
ALL_COUNTRIES = "ALL"  # the country button for the four together


def period_slider(
    slider_id: Id,
    calendar: Calendar,
    period: Period,
    lang: Lang,
    *,
    turning: Collection[Period] | None = None,
    class_name: str = "year-slider",
    hidden: bool = False,
) -> html.Div:
    """The slider over the calendar's months, marked by `slider_marks`."""
    return html.Div(
        dcc.Slider(
            id=slider_id,
            min=calendar.first.slider_value(),
            max=calendar.last.slider_value(),
            step=1,
            value=period.month_of().slider_value(),
            marks=slider_marks(calendar, turning),
            allow_direct_input=False,
            updatemode="drag",
        ),
        className=class_name,
        hidden=hidden,
        **{"aria-label": t("year.label", lang)},
    )


def slider_marks(calendar: Calendar, turning: Collection[Period] | None) -> dict[int, object]:
    """With `turning` (the months in which the map's colours changed), each year is labelled on its
    January, bold when it holds such a month, and each such month gets a tick; without, only the
    two ends are labelled."""
    first, last = calendar.first, calendar.last

    def year_label(year: int) -> str:
        return str(year) if year in (first.year, last.year) else f"’{year % 100:02d}"

    if turning is None:
        return {first.slider_value(): str(first.year), last.slider_value(): str(last.year)}
    changed_years = {p.year for p in turning}
    marks: dict[int, object] = {p.slider_value(): "" for p in turning}
    for year in calendar.years():
        january = max(Period(year, 1), first)
        style = (
            {"fontWeight": 700, "color": "var(--text)"}
            if year in changed_years
            else {"color": "var(--muted)"}
        )
        marks[january.slider_value()] = {"label": year_label(year), "style": style}
    return marks


def settled_value(period: Period) -> int | str:
    """What the settled store holds for a period: its slider value, or a day's token (the day is
    shown exactly until the slider moves)."""
    return period.token() if period.day else period.slider_value()


def year_control(data: AppData, view: View) -> html.Div:
    """The period shown large, previous / play / next with a speed, the slider. The buttons, the
    keys and playback work in the browser (`assets/map.js`)."""
    lang = view.lang
    calendar = data.calendar()
    labels = {"play": "▶ " + t("year.play", lang), "pause": "⏸ " + t("year.pause", lang)}
    return html.Div(
        [
            html.Div(
                view.period.label(lang),
                id=Id.YEAR_DISPLAY,
                className="year-display",
                **{"aria-hidden": "true"},
            ),
            html.Div(
                [
                    html.Button(
                        "◀", id=Id.PREV, title=t("year.prev", lang), **{"aria-label": t("year.prev", lang)}
                    ),
                    html.Button(
                        labels["play"],
                        id=Id.PLAY,
                        **{"data-labels": json.dumps(labels), "aria-pressed": "false"},
                    ),
                    html.Button(
                        "▶|", id=Id.NEXT, title=t("year.next", lang), **{"aria-label": t("year.next", lang)}
                    ),
                    html.Label(
                        [
                            html.Span(t("year.speed", lang), className="visually-hidden"),
                            html.Select(
                                [
                                    html.Option(f"{speed}×", value=str(speed), selected=speed == 1)
                                    for speed in PLAY_SPEEDS
                                ],
                                id=Id.SPEED,
                                title=t("year.speed", lang),
                            ),
                        ],
                        className="year-speed",
                    ),
                ],
                className="year-buttons",
            ),
            period_slider(
                Id.YEAR_SLIDER, calendar, view.period, lang, turning=data.turning_periods(view.lens)
            ),
            html.P(t("year.marks_help", lang), className="muted small year-help"),
            dcc.Store(id=Id.SETTLED, data=settled_value(view.period)),
        ],
        className="year-control",
    )


def view_controls(data: AppData, view: View) -> html.Div:
    lang = view.lang
    lens_options = [{"label": t("lens.alignment", lang), "value": ALIGNMENT_LENS}] + [
        {"label": data.dataset.partner_name(code, lang), "value": code} for code in PARTNER_LENSES
    ]
    return html.Div(
        [
            html.Fieldset(
                [
                    html.Legend(t("lens.label", lang)),
                    dcc.RadioItems(
                        id=Id.LENS,
                        options=lens_options,
                        value=view.lens,
                        inline=True,
                        className="lens-options",
                    ),
                ],
                className="lens",
            ),
            dcc.Checklist(
                id=Id.BASES,
                options=[{"label": t("bases.toggle", lang), "value": "on"}],
                value=["on"] if view.bases else [],
                className="bases-toggle",
            ),
        ],
        className="view-controls",
    )


def pressed(code: str, selected: str | None) -> str:
    """`aria-pressed` of a country button."""
    return "true" if (code == ALL_COUNTRIES and selected is None) or code == selected else "false"


def country_buttons(data: AppData, view: View) -> html.Div:
    lang = view.lang

    def button(code: str, text: str) -> html.Button:
        return html.Button(
            text,
            id={"type": Id.COUNTRY_BUTTON, "country": code},
            className="country-button",
            **{"aria-pressed": pressed(code, view.country)},
        )

    return html.Div(
        [button(ALL_COUNTRIES, t("country.all", lang))]
        + [button(c, data.shapes.name(c, lang)) for c in FOCUS],
        className="country-buttons",
        role="group",
        **{"aria-label": t("country.label", lang)},
    )
