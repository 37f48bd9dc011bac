"""Fixtures for the unit tests that ask the app over HTTP: one app per test module."""

from __future__ import annotations

import pytest

from app import create_app


@pytest.fixture(scope="module")
def app(fixture_app_data):
    return create_app(fixture_app_data)


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()
