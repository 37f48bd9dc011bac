"""The share dialog under the map: permalink, embed code, downloads of the current view.

Its links are made here, per period, and travel with the map's frames; the browser
(`assets/share.js`) only picks the period's links and puts the site's address in front of them.
The images are made in the browser from the map on screen, with the snapshot's title, legend and
credit.
"""

from __future__ import annotations

from html import escape

from dash import dcc, html

from data.context import AppData
from data.i18n import Lang, t
from data.presets import DEFAULT_PRESET, PRESETS
from data.view import View, embed_url, map_url, snapshot_url
from layouts.ids import Id

EMBED_MESSAGE = "sahel-map:height"  # the postMessage type the embed sends its height with
ORIGIN = "{origin}"  # where the browser writes the site's address (scheme, host and port)


def embed_code(src: str, frame_id: str, title: str, origin: str = ORIGIN) -> str:
    """The two lines a host page pastes: the frame, and a listener that sets the frame's height
    when the embed reports it (only from this site, and only for this frame)."""
    frame = f'document.getElementById("{frame_id}")'
    return (
        f'<iframe id="{frame_id}" src="{escape(src)}" title="{escape(title)}" '
        'style="width:100%;height:640px;border:0" loading="lazy"></iframe>\n'
        f'<script>addEventListener("message",function(e){{if(e.origin==="{origin}"&&e.data&&'
        f'e.data.type==="{EMBED_MESSAGE}"&&e.source==={frame}.contentWindow){frame}.style.height='
        'e.data.height+"px"})</script>'
    )


def share_links(data: AppData, view: View) -> dict[str, str]:
    """The share dialog's links for one view, relative to the site (see `ORIGIN`)."""
    calendar = data.calendar()
    return {
        "permalink": map_url(view, calendar),
        "embed_code": embed_code(
            ORIGIN + embed_url(view, calendar), f"sahel-map-{view.period.token()}", t("app.title", view.lang)
        ),
        "csv": snapshot_url(view, "csv", download=True),
        "png": snapshot_url(view, "png"),
        "svg": snapshot_url(view, "svg"),
        "txt": snapshot_url(view, "txt"),
    }


def share_texts(lang: Lang) -> dict[str, str]:
    """Strings the share scripts put into the page."""
    return {"copied": t("share.copied", lang), "copy_failed": t("share.copy_failed", lang), "origin": ORIGIN}


def share_dialog(lang: Lang) -> html.Details:
    def copy_row(field: dcc.Input | dcc.Textarea, button_id: Id, label_key: str) -> html.Div:
        button = html.Button(t("share.copy", lang), id=button_id, className="copy")
        return html.Div(
            [
                html.Label(t(label_key, lang), htmlFor=str(field.id)),
                html.Div([field, button], className="copy-row"),
            ],
            className="share-field",
        )

    def server_link(text: str, link_id: Id) -> html.A:
        return html.A(text, id=link_id, href="", target="_blank", rel="noopener")

    return html.Details(
        [
            html.Summary(t("share.open", lang)),
            dcc.Store(id=Id.SHARE_TEXT, data=share_texts(lang)),
            dcc.Store(id=Id.SHARE_IMAGE),
            copy_row(
                dcc.Input(id=Id.SHARE_LINK, type="url", readOnly=True, value=""),
                Id.SHARE_COPY_LINK,
                "share.permalink",
            ),
            copy_row(
                dcc.Textarea(id=Id.SHARE_EMBED, readOnly=True, value="", rows=3),
                Id.SHARE_COPY_EMBED,
                "share.embed",
            ),
            html.P(t("share.embed_help", lang), className="muted small"),
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
