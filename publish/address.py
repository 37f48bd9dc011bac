"""The site's address as a picture's credit writes it."""

from __future__ import annotations


def site_address(url: str) -> str:
    """`http://example.org/` -> `example.org`: the address a reader types, without the scheme."""
    return url.split("://", 1)[-1].rstrip("/")
