"""The events table: its search, filters and order, following the map, the rows it shows and their
CSV, and the CSV downloads of the data files.

The table is first filled when its section comes near the screen (`TABLE_SHOWN`), not with the
page; the server sends its rows as data and `assets/table.js` writes them into the page. Its
filters are read by `data.view` with the rule that reads an address, so the page, its address and
"Download these rows" (`/download/table.csv`, which gets the page's parameters) always agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from dash import ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from flask import Response, abort, request

from callbacks.caching import cached, release_etag
from data.context import AppData
from data.events_table import events_csv, select_events
from data.i18n import t
from data.schema import Event
from data.view import (
    DOWNLOAD_PREFIX,
    TABLE_CSV_PATH,
    TABLE_EXTRA,
    TABLE_FOLLOW_KEY,
    lang_from_input,
    parse_query,
    table_args,
    table_csv_url,
    table_filters,
    table_from_args,
    view_from_inputs,
)
from layouts.ids import Id
from layouts.table import (
    CONTROLS,
    DOWNLOADS,
    control_values,
    count_text,
    date_options,
    events_rows,
    input_args,
    query_data,
    table_csv_name,
)

FOLLOWED = (Id.TABLE_COUNTRY, Id.TABLE_TO)  # the controls that follow the map
MAP = (Id.COUNTRY, Id.SETTLED)


def rows_key(lang: str, events: Sequence[Event]) -> str:
    """A short name for the rows of these events, in this order and language."""
    return hashlib.sha256(repr((lang, [e.id for e in events])).encode()).hexdigest()[:16]


def register(app: Dash, data: AppData) -> None:
    @app.callback(
        Output(Id.TABLE_ROWS, "data"),
        Output(Id.TABLE_COUNT, "children"),
        Output(Id.TABLE_ROWS_KEY, "data"),
        Output(Id.TABLE_DOWNLOAD, "href"),
        Output(Id.TABLE_QUERY, "data"),
        Output(Id.TABLE_FROM, "options"),
        Output(Id.TABLE_TO, "options"),
        *(Output(control, "value") for control in CONTROLS),
        *(Input(control, "value") for control in CONTROLS),
        Input(Id.COUNTRY, "data"),
        Input(Id.SETTLED, "data"),
        Input(Id.TABLE_SHOWN, "data"),
        Input(Id.TABLE_ASKED, "data"),
        State(Id.LANG, "data"),
        State(Id.TABLE_QUERY, "data"),
        State(Id.TABLE_FROM, "options"),
        State(Id.TABLE_TO, "options"),
        State(Id.TABLE_ROWS_KEY, "data"),
        prevent_initial_call=True,
    )
    def update_table(*values):
        controls = dict(zip(CONTROLS, values[: len(CONTROLS)], strict=True))
        country, settled, shown, asked, lang, held, from_options, to_options, sent = values[len(CONTROLS) :]
        calendar, choices = data.calendar(), data.table_choices
        lang = lang_from_input(lang)
        changed = {str(item["prop_id"]).split(".", 1)[0] for item in ctx.triggered}
        view = view_from_inputs(calendar, settled, lang, country)
        if Id.TABLE_ASKED in changed:  # back or forward to an address
            query = table_from_args(table_args(asked), calendar, choices)
        else:
            args = input_args(*controls.values())
            query = table_from_args(args, calendar, choices)
            # A country or end date picked while the table follows the map: the table keeps what
            # its controls show, and no longer follows.
            followed = control_values(table_filters(view.with_(table=query)))
            if query.follow and any(c in changed and controls[c] != followed[c] for c in FOLLOWED):
                query = table_from_args({**args, TABLE_FOLLOW_KEY: "0"}, calendar, choices)
        if changed <= set(MAP) and not query.follow:  # the map moved; the table keeps its own filters
            return (no_update,) * (7 + len(CONTROLS))
        view = view.with_(table=query)
        filters = table_filters(view)
        wanted = control_values(filters)
        # The search box is written only when an address asks: never under a reader's typing.
        if Id.TABLE_ASKED not in changed:
            wanted[Id.TABLE_SEARCH] = controls[Id.TABLE_SEARCH]

        def unless_same(new: object, old: object) -> object:
            return no_update if new == old else new

        rows, count, key = no_update, no_update, no_update
        if shown is True:
            chosen = select_events(data.dataset.events, filters, lang)
            # While the table follows the map, most of the map's moves leave its rows as they are
            # (a step of playback, say): they are not sent again.
            key = rows_key(lang, chosen)
            if key != sent:
                rows = events_rows(data, chosen, lang, oldest_first=filters.oldest_first)
                count = count_text(len(chosen), len(data.dataset.events), lang)
            else:
                key = no_update
        return (
            rows,
            count,
            key,
            table_csv_url(view),
            unless_same(query_data(query), table_args(held)),
            unless_same(date_options(calendar, lang, filters.start, last=False), from_options),
            unless_same(date_options(calendar, lang, filters.end, last=True), to_options),
            *(unless_same(wanted[control], controls[control]) for control in CONTROLS),
        )

    app.clientside_callback(
        ClientsideFunction("table", "render"),
        Output(Id.TABLE_BODY, "aria-busy"),
        Input(Id.TABLE_ROWS, "data"),
        prevent_initial_call=True,
    )

    @app.server.route(TABLE_CSV_PATH)
    def download_rows() -> Response:
        """The table's rows as shown, for the page's own parameters: bad ones get HTTP 400 listing
        every problem (the page's links never have any)."""
        args = {key: request.args.get(key, "") for key in request.args}
        view = parse_query(args, data.calendar(), extras=(TABLE_EXTRA,), table=data.table_choices)
        lang = view.lang
        if view.notices:
            lines = [t("table.bad_request", lang), *(notice.error(lang) for notice in view.notices)]
            return Response("\n".join(lines) + "\n", status=400, mimetype="text/plain")
        filters = table_filters(view)

        def body() -> Response:
            return Response(
                events_csv(data, select_events(data.dataset.events, filters, lang), lang), mimetype="text/csv"
            )

        response = cached(release_etag(data, TABLE_CSV_PATH, lang, filters), "no-cache", body)
        response.headers["Content-Disposition"] = f'attachment; filename="{table_csv_name(lang)}"'
        return response

    @app.server.route(DOWNLOAD_PREFIX + "<name>.csv")
    def download(name: str) -> Response:
        # The files as loaded and validated at start (from `--data`), never the disk as it is now:
        # what the map shows is what a reader downloads. Its tag is the data release's.
        body = data.downloads.get(name) if name in DOWNLOADS else None
        if body is None:
            abort(404)
        # Kept, but asked again (a 304 when unchanged).
        response = cached(release_etag(data), "no-cache", lambda: Response(body, mimetype="text/csv"))
        response.headers["Content-Disposition"] = f'attachment; filename="sahel-realignment-{name}.csv"'
        return response
