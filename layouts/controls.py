"""The controls of a view: the period slider (one component for the map page and the embed), the
previous/play/next buttons, the lens and bases switches and the country buttons."""

from __future__ import annotations

from collections.abc import Collection

from dash import dcc, html

from data.context import AppData
from data.i18n import Lang, t
from data.period import Calendar, Period
from data.view import ALIGNMENT_LENS, PARTNER_LENSES, View
from geodata.names import FOCUS
from layouts.ids import Id

PLAY_INTERVAL_MS = 1500
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
    """The slider over the calendar's periods. With `turning`, every period gets a mark and those
    in which a principal partner changed are bold; without, only the two ends are marked."""

    def mark(p: Period) -> dict | str:
        label = p.label(lang) if p in (calendar.first, calendar.last) else p.short_label(lang)
        if turning is None:
            return label
        style = {"fontWeight": 700, "color": "var(--text)"} if p in turning else {"color": "var(--muted)"}
        return {"label": label, "style": style}

    periods = calendar.periods() if turning is not None else (calendar.first, calendar.last)
    return html.Div(
        dcc.Slider(
            id=slider_id,
            min=calendar.first.slider_value(),
            max=calendar.last.slider_value(),
            step=1,
            value=period.slider_value(),
            marks={p.slider_value(): mark(p) for p in periods},
            allow_direct_input=False,
            updatemode="drag",
        ),
        className=class_name,
        hidden=hidden,
        **{"aria-label": t("year.label", lang)},
    )


def year_control(data: AppData, view: View) -> html.Div:
    lang = view.lang
    calendar = data.calendar()
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
                    html.Button("▶ " + t("year.play", lang), id=Id.PLAY),
                    html.Button(
                        "▶|", id=Id.NEXT, title=t("year.next", lang), **{"aria-label": t("year.next", lang)}
                    ),
                ],
                className="year-buttons",
            ),
            period_slider(Id.YEAR_SLIDER, calendar, view.period, lang, turning=data.turning_periods()),
            html.P(t("year.marks_help", lang), className="muted small year-help"),
            dcc.Interval(id=Id.PLAY_TIMER, interval=PLAY_INTERVAL_MS, disabled=True),
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
