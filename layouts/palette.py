"""Colour checks behind the palette: colour-vision simulation and WCAG contrast.

Used by the tests (every alignment colour stays distinct under each simulated deficiency; every
text colour meets WCAG AA on its background) and by the map (label colour chosen per fill).
Simulation: Machado, Oliveira and Fernandes (2009), severity 1.0, in linear RGB; distance: CIE76 ΔE.
"""

from __future__ import annotations

import math

MACHADO: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritanopia": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (_linear(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def label_colour(fill: str) -> str:
    """Black or white, whichever reads better on `fill`."""
    return "#FFFFFF" if contrast(fill, "#FFFFFF") > contrast(fill, "#000000") else "#000000"


def simulate(hex_colour: str, deficiency: str) -> tuple[float, float, float]:
    """The linear-RGB colour a person with `deficiency` sees (or the colour itself for 'normal')."""
    rgb = tuple(_linear(c) for c in _rgb(hex_colour))
    if deficiency == "normal":
        return rgb  # type: ignore[return-value]
    matrix = MACHADO[deficiency]
    seen = (sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix)
    return tuple(min(1.0, max(0.0, value)) for value in seen)  # type: ignore[return-value]


def _lab(linear_rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = linear_rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str, deficiency: str = "normal") -> float:
    """CIE76 distance between two colours as seen with `deficiency`."""
    return math.dist(_lab(simulate(a, deficiency)), _lab(simulate(b, deficiency)))
