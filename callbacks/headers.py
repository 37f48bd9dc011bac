"""Response headers: who may frame which page, and no content-type guessing."""

from __future__ import annotations

from dash import Dash
from flask import Response, request

from layouts.context import AppData


def framable(path: str) -> bool:
    return path.rstrip("/") == "/embed" or path.startswith("/snapshot/")


def register(app: Dash, data: AppData) -> None:
    @app.server.after_request
    def add_headers(response: Response) -> Response:
        if framable(request.path):
            response.headers["Content-Security-Policy"] = "frame-ancestors *"
        else:
            response.headers["Content-Security-Policy"] = "frame-ancestors 'self'"
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        return response
