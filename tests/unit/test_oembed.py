"""oEmbed answers, the discovery link in every page, and the caching headers of snapshots, the embed and
oEmbed (test codes: oem)."""

from __future__ import annotations

import pytest

from app import create_app


@pytest.fixture(scope="module")
def client(fixture_app_data):
    return create_app(fixture_app_data).server.test_client()


def test_oem007_snapshot_text_and_data_answer_304_to_their_etag(client):
    for name in ("2023-08.txt", "2023-08.csv", "2021-12.txt?compare=2024-12&lang=fr"):
        first = client.get("/snapshot/" + name)
        assert first.status_code == 200 and first.headers["Cache-Control"] == "public, max-age=3600"
        etag = first.headers["ETag"]
        again = client.get("/snapshot/" + name, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"", name
        assert again.headers["ETag"] == etag and again.headers["Cache-Control"] == "public, max-age=3600"
        compressed = client.get("/snapshot/" + name, headers={"If-None-Match": etag[:-1] + ':gzip"'})
        assert compressed.status_code == 304, name  # the tag of the compressed copy
        assert client.get("/snapshot/" + name, headers={"If-None-Match": '"other"'}).status_code == 200
    tags = {client.get(f"/snapshot/2023-08.{fmt}{args}").headers["ETag"]
            for fmt in ("txt", "csv") for args in ("", "?lang=fr", "?lens=RUS")}  # fmt: skip
    assert len(tags) == 6  # one per answer
    assert "ETag" not in client.get("/snapshot/2023-08.txt?width=1").headers  # an error is never kept
