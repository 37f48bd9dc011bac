"""Addresses that name nothing answer 404.

Dash answers every path with its page shell (the router then draws the not-found page in the
reader's language, `layouts.methodology.not_found_page`): that page keeps its shell, with status
404. An unknown script under `/_dash-component-suites/` is a 404 too, not the 500 Dash gives it.
"""

from __future__ import annotations

from dash import Dash
from dash.exceptions import DependencyException
from flask import Response, request

from callbacks.pages import NOT_FOUND, find_page
from data.context import AppData

PAGE_ENDPOINTS = ("/", "/<path:path>")  # Dash's page shell, whatever the path


def register(app: Dash, data: AppData) -> None:
    prefix = app.config.requests_pathname_prefix
    shell_endpoints = {prefix + endpoint.lstrip("/") for endpoint in PAGE_ENDPOINTS}

    @app.server.after_request
    def not_found_status(response: Response) -> Response:
        if request.endpoint in shell_endpoints and response.status_code == 200:
            path = "/" + request.path.removeprefix(prefix).lstrip("/")
            if find_page(path) is NOT_FOUND:
                response.status_code = 404
        return response

    @app.server.errorhandler(DependencyException)
    def unknown_script(_error: DependencyException) -> Response:
        return Response("Not found\n", status=404, mimetype="text/plain")
