"""Callback requests that are not what the page sends get HTTP 400 with a short reason.

Dash answers a malformed POST to its callback endpoint with a 500 (a KeyError deep inside);
this checks the envelope first. The values inside are each callback's business: every callback
turns what it receives into a valid view (`layouts.url_state.view_from_inputs`).
"""

from __future__ import annotations

from dash import Dash
from flask import Response, request

from data.context import AppData


def envelope_problem(body: object, known_outputs: set[str]) -> str | None:
    """What is wrong with a callback request body, or None when it has the shape Dash expects."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    output = body.get("output")
    if not isinstance(output, str):
        return "'output' is missing or not a string"
    if output not in known_outputs:
        return "'output' names no server callback of this app"
    outputs = body.get("outputs")
    items = outputs if isinstance(outputs, list) else [outputs]
    if not all(isinstance(o, dict) and "id" in o and "property" in o for o in items):
        return "'outputs' must be an object or a list of objects with 'id' and 'property'"
    for key in ("inputs", "state"):
        values = body.get(key, [] if key == "state" else None)
        if not isinstance(values, list):
            return f"'{key}' must be a list"
        for value in values:
            entries = value if isinstance(value, list) else [value]  # pattern-matching inputs
            if not all(isinstance(e, dict) and "id" in e and "property" in e for e in entries):
                return f"every item of '{key}' needs 'id' and 'property'"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        return "'changedPropIds' must be a list of strings"
    return None


def register(app: Dash, data: AppData) -> None:
    endpoint = app.config.requests_pathname_prefix + "_dash-update-component"

    @app.server.before_request
    def check_callback_request() -> Response | None:
        if request.path != endpoint or request.method != "POST":
            return None
        server_side = {output for output, spec in app.callback_map.items() if "callback" in spec}
        problem = envelope_problem(request.get_json(silent=True), server_side)
        if problem is None:
            return None
        return Response(f"Bad callback request: {problem}\n", status=400, mimetype="text/plain")
