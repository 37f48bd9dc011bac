"""Sahel Realignment Map: the Dash app.

`create_app(data)` builds the app around loaded data; `server` is the WSGI application for
gunicorn (`gunicorn app:server`), built once per process on first use. The command line
(`python app.py [serve|check-data|export]`) is `cli.py`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from dash import Dash, html
from dash.development.base_component import Component
from flask import Flask

from callbacks import errors, guard, handout, headers, oembed, pages, router, snapshot
from data.context import AppData, load_app_data
from data.i18n import t
from data.view import parse_query
from layouts.common import shell
from layouts.theme import css_variables
from publish.render import ASSETS_DIR

# Features of the whole site, around those of the pages (`callbacks.pages`).
SITE_FEATURES_FIRST = (guard, errors, router, snapshot, handout, oembed)
SITE_FEATURES_LAST = (headers,)  # last: the security policy hashes the inline scripts registered before it


class SahelDash(Dash):
    """Dash without the dash_table bundle, which Dash adds to every page: no page here uses it; and
    with markup in the head that depends on the address served (`head_parts`, each called while the
    page is served: the oEmbed discovery link)."""

    head_parts: tuple[Callable[[], str], ...] = ()

    def _generate_scripts_html(self) -> str:
        scripts = super()._generate_scripts_html()
        return "\n".join(line for line in scripts.split("\n") if "/dash_table/" not in line)

    def interpolate_index(self, **kwargs: str) -> str:
        parts = [kwargs.get("metas", ""), *(part() for part in self.head_parts)]
        kwargs["metas"] = "\n".join(part for part in parts if part)
        return super().interpolate_index(**kwargs)


def index_string() -> str:
    """Dash's page with the theme's colours as CSS custom properties, ahead of `style.css`."""
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n{%metas%}\n<title>{%title%}</title>\n{%favicon%}\n"
        f"<style>{css_variables()}</style>\n"
        "{%css%}\n</head>\n<body>\n{%app_entry%}\n<footer>\n{%config%}\n{%scripts%}\n{%renderer%}\n"
        "</footer>\n</body>\n</html>\n"
    )


def id_skeleton(*layouts: Component) -> html.Div:
    """Each component with an id, bare: what callback validation needs, without the pages' weight.

    Dash sends the validation layout inside every page it serves; the pages themselves carry
    the map's shapes and the whole events table.
    """
    bare: dict[str, Component] = {}
    for layout in layouts:
        for component in layout._traverse():
            component_id = getattr(component, "id", None)
            if component_id is not None:
                key = json.dumps(component_id, sort_keys=True, default=str)
                bare.setdefault(key, type(component)(id=component_id))
    return html.Div(list(bare.values()))


def create_app(data: AppData | None = None) -> Dash:
    """Build the Dash app around already-loaded data (loaded from `data/` when not given)."""
    data = data or load_app_data()
    app = SahelDash(
        __name__,
        title=t("app.title", "en"),
        assets_folder=str(ASSETS_DIR),
        compress=True,
        serve_locally=True,
        update_title=None,
    )
    # Stronger compression than flask-compress's defaults: the page's scripts are ~10% smaller on
    # the wire for a few milliseconds of server time.
    app.server.config.update(COMPRESS_ZSTD_LEVEL=9, COMPRESS_BR_LEVEL=6)
    app.index_string = index_string()
    app.head_parts = (functools.partial(oembed.discovery_link, data),)
    app.layout = shell()
    topojson_url = app.get_asset_url("topojson/")
    calendar, steps = data.calendar(), len(data.dataset.story)
    # Every id a callback names, so Dash can check them without suppressing callback errors.
    app.validation_layout = id_skeleton(
        shell(),
        *(
            page.layout(data, parse_query({}, calendar, extras=page.extras, steps=steps), topojson_url)
            for page in pages.PAGES
        ),
    )
    for feature in (*SITE_FEATURES_FIRST, *pages.page_features(), *SITE_FEATURES_LAST):
        feature.register(app, data)
    return app


@functools.cache
def _server() -> Flask:
    return create_app().server


def __getattr__(name: str) -> object:
    """`app.server` for WSGI servers (`gunicorn app:server`): built on first use, once per process,
    so importing this module neither reads the data nor starts anything."""
    if name == "server":
        return _server()
    raise AttributeError(name)


if __name__ == "__main__":
    from cli import main

    raise SystemExit(main())
