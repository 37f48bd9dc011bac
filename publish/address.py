"""The site's address as a picture's credit writes it."""

from __future__ import annotations

import os

ADDRESS_ENV = "SAHEL_SITE_URL"  # where the site is published, for pictures made away from a request


def site_address(url: str) -> str:
    """`http://example.org/` -> `example.org`: the address a reader types, without the scheme."""
    return url.split("://", 1)[-1].rstrip("/")


def configured_address() -> str:
    """The published site's address for the export's and the video's credits (`SAHEL_SITE_URL`), or
    "" when none is set: a picture served by the site writes the address it was asked at."""
    url = os.environ.get(ADDRESS_ENV, "").strip()
    return site_address(url) if url else ""
