"""The share dialog under the map: permalink, embed code, the view's citation, downloads of the
current view.

Its links are made here, per period, and travel with the map's frames; the browser
(`assets/share.js`) only picks the period's links and puts the site's address in front of them.
The images are made in the browser from the map on screen, with the snapshot's title, legend and
credit.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from dash import dcc, html

from data.context import AppData
from data.i18n import LANGS, Lang, t
from data.period import Calendar, Period
from data.presets import DEFAULT_PRESET, PRESETS
from data.view import THEMES, View, embed_url, map_url, snapshot_url
from layouts.ids import Id

EMBED_MESSAGE = "sahel-map:height"  # the postMessage type the embed sends its height with
THEME_MESSAGE = "sahel-map:theme"  # the postMessage type a host page sets the embed's theme with
ORIGIN = "{origin}"  # where the browser writes the site's address (scheme, host and port)


EMBED_HEIGHT = (240, 2000, 640)  # px: least, most, and the embed's height until it reports its own


def embed_code(
    src: str,
    frame_id: str,
    title: str,
    origin: str = ORIGIN,
    *,
    height: int = EMBED_HEIGHT[2],
    plain: bool = False,
) -> str:
    """What a host page pastes: the frame, and a listener that sets the frame's height when the
    embed reports it (only from this site, and only for this frame). `plain`: the frame alone, at
    `height`, for sites that strip scripts."""
    frame = f'document.getElementById("{frame_id}")'
    iframe = (
        f'<iframe id="{frame_id}" src="{escape(src)}" title="{escape(title)}" '
        f'style="width:100%;height:{height}px;border:0" loading="lazy"></iframe>'
    )
    if plain:
        return iframe
    return iframe + (
        f'\n<script>addEventListener("message",function(e){{if(e.origin==="{origin}"&&e.data&&'
        f'e.data.type==="{EMBED_MESSAGE}"&&e.source==={frame}.contentWindow){frame}.style.height='
        'e.data.height+"px"})</script>'
    )


@dataclass(frozen=True)
class EmbedChoice:
    """The share dialog's embed options."""

    fixed: Period | None = None  # a month chosen in the dialog; None: the map's date
    controls: bool = True
    lang: Lang | None = None  # None: the page's language
    theme: str = "light"
    height: int = EMBED_HEIGHT[2]
    plain: bool = False


def built_embed(data: AppData, view: View, choice: EmbedChoice) -> dict[str, object]:
    """The embed of a view with the dialog's options: its code, its address (both relative to the
    site, see `ORIGIN`) and its height."""
    calendar = data.calendar()
    shown = view.with_(
        period=choice.fixed or view.period,
        controls=choice.controls,
        lang=choice.lang or view.lang,
        theme=choice.theme,
    )
    src = embed_url(shown, calendar)
    frame_id = f"sahel-map-{shown.period.token()}"
    code = embed_code(
        ORIGIN + src, frame_id, t("app.title", shown.lang), height=choice.height, plain=choice.plain
    )
    return {"code": code, "src": src, "height": choice.height}


def share_links(data: AppData, view: View) -> dict[str, str]:
    """The share dialog's links for one view, relative to the site (see `ORIGIN`)."""
    calendar = data.calendar()
    return {
        "permalink": map_url(view, calendar),
        "csv": snapshot_url(view, "csv", download=True),
        "png": snapshot_url(view, "png"),
        "svg": snapshot_url(view, "svg"),
        "txt": snapshot_url(view, "txt"),
    }


def share_texts(lang: Lang) -> dict[str, str]:
    """Strings the share scripts put into the page."""
    return {"copied": t("share.copied", lang), "copy_failed": t("share.copy_failed", lang), "origin": ORIGIN}


def embed_builder(lang: Lang, calendar: Calendar) -> html.Details:
    """The embed's options, and a preview of the embed they make."""

    def choice(label_key: str, component: object) -> html.Div:
        return html.Div(
            [html.Span(t(label_key, lang), className="builder-label"), component], className="builder-row"
        )

    def radios(component_id: Id, options: list[tuple[str, str]], value: str) -> dcc.RadioItems:
        return dcc.RadioItems(
            id=component_id,
            options=[{"label": label, "value": key} for key, label in options],
            value=value,
            inline=True,
            className="builder-radios",
        )

    least, most, height = EMBED_HEIGHT
    return html.Details(
        [
            html.Summary(t("builder.open", lang)),
            choice(
                "builder.date",
                html.Div(
                    [
                        radios(
                            Id.SHARE_EMBED_DATE,
                            [("follow", t("builder.follow", lang)), ("fixed", t("builder.fixed", lang))],
                            "follow",
                        ),
                        html.Label(
                            t("builder.month", lang),
                            htmlFor=Id.SHARE_EMBED_MONTH,
                            className="visually-hidden",
                        ),
                        dcc.Dropdown(
                            id=Id.SHARE_EMBED_MONTH,
                            options=[{"label": p.label(lang), "value": p.token()} for p in calendar],
                            value=calendar.last.token(),
                            clearable=False,
                            searchable=True,
                            className="builder-month",
                        ),
                    ],
                    className="builder-date",
                ),
            ),
            dcc.Checklist(
                id=Id.SHARE_EMBED_OPTIONS,
                options=[
                    {"label": t("builder.controls", lang), "value": "controls"},
                    {"label": t("builder.plain", lang), "value": "plain"},
                ],
                value=["controls"],
                className="builder-radios",
            ),
            choice(
                "builder.lang",
                radios(Id.SHARE_EMBED_LANG, [(code, t("language.name", code)) for code in LANGS], lang),
            ),
            choice(
                "builder.theme",
                radios(
                    Id.SHARE_EMBED_THEME,
                    [(name, t(f"builder.theme_{name}", lang)) for name in THEMES],
                    "light",
                ),
            ),
            choice(
                "builder.height",
                dcc.Input(
                    id=Id.SHARE_EMBED_HEIGHT,
                    type="number",
                    min=least,
                    max=most,
                    step=10,
                    value=height,
                    debounce=True,
                ),
            ),
            dcc.Store(id=Id.SHARE_EMBED_ASK),
            dcc.Store(id=Id.SHARE_EMBED_BUILT),
            html.P(t("builder.preview", lang), className="builder-label"),
            # Loaded only once the options are open (assets/share.js): it is a whole page.
            html.Iframe(id=Id.SHARE_PREVIEW, title=t("builder.preview", lang), className="builder-preview"),
        ],
        className="embed-builder",
    )


def copy_row(lang: Lang, field: dcc.Input | dcc.Textarea, button_id: Id, label_key: str) -> html.Div:
    """A labelled field and the button that copies it (`share.copy` in assets/share.js)."""
    button = html.Button(t("share.copy", lang), id=button_id, className="copy")
    return html.Div(
        [
            html.Label(t(label_key, lang), htmlFor=str(field.id)),
            html.Div([field, button], className="copy-row"),
        ],
        className="share-field",
    )


# "Cite this view": the rows each format's field shows (a browser without CSS `field-sizing` keeps
# them; the others fit the field to its text), and each format's field and copy button.
CITE_ROWS: dict[str, int] = {"chicago": 4, "apa": 4, "bibtex": 11}
CITE_FIELDS: tuple[tuple[str, Id, Id], ...] = (
    ("chicago", Id.SHARE_CITE_CHICAGO, Id.SHARE_COPY_CITE_CHICAGO),
    ("apa", Id.SHARE_CITE_APA, Id.SHARE_COPY_CITE_APA),
    ("bibtex", Id.SHARE_CITE_BIBTEX, Id.SHARE_COPY_CITE_BIBTEX),
)


def cite_section(lang: Lang) -> html.Details:
    """The view's citation in plain text (Chicago), APA and BibTeX, each with a copy button. The
    server writes it only while this section is open (`share.citeAsk` in assets/share.js)."""
    return html.Details(
        [
            html.Summary(t("cite.open", lang)),
            html.P(t("cite.help", lang), className="muted small"),
            dcc.Store(id=Id.SHARE_CITE_ASK),
            dcc.Store(id=Id.SHARE_CITE_BUILT),
            *(
                copy_row(
                    lang,
                    dcc.Textarea(
                        id=field_id, readOnly=True, value="", rows=CITE_ROWS[name], className=f"cite-{name}"
                    ),
                    button_id,
                    f"cite.{name}",
                )
                for name, field_id, button_id in CITE_FIELDS
            ),
        ],
        id=Id.SHARE_CITE,
        className="share-cite",
    )


def share_dialog(lang: Lang, calendar: Calendar) -> html.Details:
    def server_link(text: str, link_id: Id) -> html.A:
        return html.A(text, id=link_id, href="", target="_blank", rel="noopener")

    return html.Details(
        [
            html.Summary(t("share.open", lang)),
            dcc.Store(id=Id.SHARE_TEXT, data=share_texts(lang)),
            dcc.Store(id=Id.SHARE_IMAGE),
            copy_row(
                lang,
                dcc.Input(id=Id.SHARE_LINK, type="url", readOnly=True, value=""),
                Id.SHARE_COPY_LINK,
                "share.permalink",
            ),
            copy_row(
                lang,
                dcc.Textarea(id=Id.SHARE_EMBED, readOnly=True, value="", rows=3),
                Id.SHARE_COPY_EMBED,
                "share.embed",
            ),
            html.P(t("share.embed_help", lang), className="muted small"),
            embed_builder(lang, calendar),
            cite_section(lang),
            html.P(id=Id.SHARE_STATUS, className="share-status", role="status"),
            html.H3(t("share.download", lang)),
            dcc.RadioItems(
                id=Id.SHARE_PRESET,
                options=[{"label": t(f"preset.{name}", lang), "value": name} for name in PRESETS],
                value=DEFAULT_PRESET,
                className="share-presets",
                inputClassName="share-preset-input",
            ),
            html.Div(
                [
                    html.Button(t("share.png", lang), id=Id.SHARE_PNG),
                    html.Button(t("share.svg", lang), id=Id.SHARE_SVG),
                    html.A(t("share.csv", lang), id=Id.SHARE_CSV, href="", download=""),
                ],
                className="share-downloads",
            ),
            html.P(t("share.download_help", lang), className="muted small"),
            html.P(
                [
                    t("share.server_images", lang),
                    " ",
                    server_link("PNG", Id.SHARE_SERVER_PNG),
                    " · ",
                    server_link("SVG", Id.SHARE_SERVER_SVG),
                    " · ",
                    server_link(t("share.alt", lang), Id.SHARE_SERVER_TXT),
                ],
                className="small",
            ),
        ],
        id=Id.SHARE,
        className="share",
    )
