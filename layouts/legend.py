"""The legend, built once as a model and drawn for each place it appears: beside the map, in the
embed, on the briefing wall (`legend_html`) and inside published images (`legend_annotation`)."""

from __future__ import annotations

from dataclasses import dataclass

from dash import html

from data.i18n import Lang, t
from data.loader import Dataset
from data.view import ALIGNMENT_LENS
from layouts import theme
from layouts.guide import ReadingGuide, guide_popover, reading_guide
from layouts.text import plotly_text


@dataclass(frozen=True)
class LegendEntry:
    label: str
    klass: str | None = None  # a map class: a swatch filled with its colour
    outline: bool = False  # the thick outline of a country that changed
    glyph: str = ""  # a base's marker
    line: str = ""  # an alliance: its outline's dashed line
    operator: str = ""  # a base mark's operator, whose colour it takes
    short: str = ""  # the label in the one-row legend of a laptop screen


@dataclass(frozen=True)
class Legend:
    title: str
    entries: tuple[LegendEntry, ...]
    bases_title: str = ""
    bases: tuple[LegendEntry, ...] = ()
    more: str = ""  # the button that shows the outlines and bases where the legend is folded
    guide: ReadingGuide | None = None  # how to read the map, behind a "?" (the map page's legend)
    short_title: str = ""  # the title in the one-row legend of a laptop screen


def legend(
    dataset: Dataset,
    lens: str,
    lang: Lang,
    *,
    neighbours: bool = True,
    changed: bool = True,
    bases: bool = True,
    short: bool = False,
    guide_href: str | None = None,
) -> Legend:
    """What the colours (and the bases' marks) mean for a lens. `short` labels suit images. Given
    the methodology's address, the legend carries the reading guide too, which links to it."""
    short_title = ""
    if lens == ALIGNMENT_LENS:
        title, short_title = t("legend.title", lang), t("lens.alignment", lang)
        entries = [
            LegendEntry(t(f"alignment.{name}", lang), klass=name, short=t(f"alignment.{name}.short", lang))
            for name in theme.ALIGNMENT_LEGEND[:-1]
        ]
    else:
        title = t("lens.legend_title", lang, partner=dataset.partner_name(lens, lang))
        entries = [
            LegendEntry(t(f"lens.level{level}", lang), klass=theme.lens_class(lens, level))
            for level in (0, 1, 2, 3)
        ]
        changed = False  # a lens outlines no change
    if neighbours:
        entries.append(LegendEntry(t("alignment.context", lang), klass=theme.CONTEXT))
    if changed:
        entries.append(
            LegendEntry(t("legend.changed_short" if short else "legend.changed", lang), outline=True)
        )
    entries += [LegendEntry(t(f"legend.{a.lower()}", lang), line=a) for a in theme.ALLIANCE_LINES]
    marks: list[LegendEntry] = []
    if bases:
        marks = [
            LegendEntry(dataset.partner_name(code, lang), glyph=theme.SYMBOL_GLYPHS[symbol], operator=code)
            for code, symbol in theme.BASE_STYLES.items()
        ]
        marks.append(LegendEntry(t("bases.other", lang), glyph=theme.SYMBOL_GLYPHS[theme.OTHER_BASE_STYLE]))
        marks.append(LegendEntry(t("bases.together", lang), glyph="②"))
    bases_title = t("bases.legend", lang) if bases else ""
    guide = reading_guide(lang, guide_href) if guide_href is not None else None
    more = t("legend.more", lang)
    return Legend(title, tuple(entries), bases_title, tuple(marks), more, guide, short_title)


def _entry_html(entry: LegendEntry, foldable: bool = False) -> html.Li:
    if entry.glyph:
        style = {"color": theme.base_colour_css(entry.operator)} if entry.operator else None
        key = html.Span(entry.glyph, className="base-mark", style=style, **{"aria-hidden": "true"})
    elif entry.outline:
        key = html.Span(className="swatch swatch-changed")
    elif entry.line:
        _, _, dash = theme.ALLIANCE_LINES[entry.line]
        style = f"2px {'dashed' if dash == 'dash' else 'dotted'} var(--alliance-{entry.line.lower()})"
        key = html.Span(className="swatch-line", style={"borderTop": style})
    else:
        key = html.Span(className="swatch", style={"background": theme.class_colour_css(entry.klass or "")})
    if not (foldable and entry.short):
        return html.Li([key, html.Span(entry.label)])
    # A laptop screen shows the short label; a screen reader always reads the full one.
    return html.Li(
        [
            key,
            html.Span(entry.label, className="legend-long"),
            html.Span(entry.short, className="legend-short", **{"aria-hidden": "true"}),
        ]
    )


def legend_html(model: Legend, foldable: bool = False) -> list:
    """The legend as page components (headings and lists). A `foldable` legend (the map page's)
    has its colours first, with short labels too, then the outlines and bases in a part that a
    laptop screen or a phone folds behind a button, so that it takes one row there (two on a
    phone): the page's CSS decides, `assets/legend.js` opens and closes it. A legend that carries
    the reading guide shows it behind a "?" beside its title."""
    if not foldable:
        children = [
            html.H2(model.title, className="legend-title"),
            html.Ul([_entry_html(e) for e in model.entries]),
        ]
        if model.bases:
            children += [
                html.H2(model.bases_title, className="legend-title"),
                html.Ul([_entry_html(e) for e in model.bases], className="bases-legend"),
            ]
        return children
    colours = [e for e in model.entries if e.klass and e.klass != theme.CONTEXT]
    more: list = [html.Ul([_entry_html(e) for e in model.entries if e not in colours])]
    if model.bases:
        more += [
            html.H2(model.bases_title, className="legend-title"),
            html.Ul([_entry_html(e) for e in model.bases], className="bases-legend"),
        ]
    title: list = [model.title]
    if model.short_title:  # room for the "?" in the one row: "Principal partner"
        title = [
            html.Span(model.title, className="legend-long"),
            html.Span(model.short_title, className="legend-short", **{"aria-hidden": "true"}),
        ]
    return [
        html.H2(title, className="legend-title"),
        *(guide_popover(model.guide) if model.guide else []),
        html.Ul([_entry_html(e, foldable=True) for e in colours]),
        html.Button(model.more, className="legend-more-toggle", type="button", **{"aria-expanded": "false"}),
        html.Div(more, className="legend-more"),
    ]


def legend_annotation(model: Legend) -> str:
    """The legend as the text of a plotly annotation (inside a published image)."""

    def row(entry: LegendEntry) -> str:
        if entry.glyph:
            colour = theme.base_colour(entry.operator) if entry.operator else theme.TEXT_COLOUR
            return f"<span style='color:{colour}'>{entry.glyph}</span> {plotly_text(entry.label)}"
        if entry.outline:
            return f"▭ {plotly_text(entry.label)}"
        if entry.line:
            colour, _, dash = theme.ALLIANCE_LINES[entry.line]
            mark = "╍╍" if dash == "dash" else "┅┅"
            return f"<span style='color:{colour}'>{mark}</span> {plotly_text(entry.label)}"
        colour = theme.ALIGNMENT_COLOURS[entry.klass or ""]
        return f"<span style='color:{colour}'>■</span> {plotly_text(entry.label)}"

    rows = [row(e) for e in model.entries]
    if model.bases:
        rows += ["", f"<b>{plotly_text(model.bases_title)}</b>", *(row(e) for e in model.bases)]
    return f"<b>{plotly_text(model.title)}</b><br>" + "<br>".join(rows)
