"""Coordinates as people write them: decimal degrees (``.`` or ``,``), degrees-minutes-seconds, degrees and
decimal minutes, hemisphere letters (N S E W, 北纬 南纬 东经 西经), and both in one cell ("13.75, 100.50").

``parse_coordinate(text, axis)`` reads one value ("lat" or "lon"); ``parse_pair(text)`` reads a cell holding
latitude then longitude. Both return NaN for what they cannot read, never a guess.
"""

from __future__ import annotations

import math
import re

NAN = float("nan")

# Hemisphere words: their sign, and the axis they belong to.
_HEMISPHERES = {
    "n": (1, "lat"), "s": (-1, "lat"), "e": (1, "lon"), "w": (-1, "lon"),
    "北纬": (1, "lat"), "南纬": (-1, "lat"), "东经": (1, "lon"), "西经": (-1, "lon"),
    "北": (1, "lat"), "南": (-1, "lat"), "东": (1, "lon"), "西": (-1, "lon"),
}  # fmt: skip
_HEMI = re.compile(
    r"^\s*(北纬|南纬|东经|西经|[NSEWnsew北南东西])?\s*(.*?)\s*(北纬|南纬|东经|西经|[NSEWnsew北南东西])?\s*$"
)
# degrees [minutes [seconds]] with the marks people use (° º ˚ d, ′ ' ’ m, ″ " ” s) or just spaces
_DMS = re.compile(
    r"^(?P<sign>[-+−]?)\s*(?P<deg>\d+(?:[.,]\d+)?)\s*(?:°|º|˚|d|度|\s)\s*"
    r"(?:(?P<min>\d+(?:[.,]\d+)?)\s*(?:′|'|’|m|分|\s)?\s*"
    r"(?:(?P<sec>\d+(?:[.,]\d+)?)\s*(?:″|\"|”|''|s|秒)?)?)?\s*$"
)
_DECIMAL = re.compile(r"^[-+−]?\d+(?:[.,]\d+)?$")


def _number(text: str) -> float:
    return float(text.replace(",", ".").replace("−", "-"))


def parse_coordinate(text: str, axis: str) -> float:
    """One coordinate in degrees (``axis`` "lat" or "lon"); NaN when unreadable or the hemisphere letter
    belongs to the other axis ("51 E" as a latitude)."""
    raw = str(text).strip()
    if not raw:
        return NAN
    match = _HEMI.match(raw)
    if not match:
        return NAN
    before, body, after = match.group(1), match.group(2), match.group(3)
    if before and after:
        return NAN
    sign = 1
    word = (before or after or "").lower()
    if word:
        sign, word_axis = _HEMISPHERES[word]
        if word_axis != axis:
            return NAN
    body = body.strip()
    if _DECIMAL.match(body):
        value = _number(body)
    else:
        dms = _DMS.match(body)
        if not dms or (
            dms.group("min") is None and dms.group("sec") is None and not re.search(r"[°º˚d度]", body)
        ):
            return NAN
        minutes = _number(dms.group("min")) if dms.group("min") else 0.0
        seconds = _number(dms.group("sec")) if dms.group("sec") else 0.0
        if minutes >= 60 or seconds >= 60:
            return NAN
        value = _number(dms.group("deg")) + minutes / 60 + seconds / 3600
        if dms.group("sign") in ("-", "−"):
            value = -value
    if word and value < 0:
        return NAN  # "-13.7 S": two signs
    return sign * value


# Ways the two halves of a pair are separated, tried in order until one gives two readable values.
_PAIR_SPLITS = (
    re.compile(r"\s*[;/|]\s*"),  # 13.75; 100.50
    re.compile(r"\s*,\s+"),  # 13.75, 100.50 (and 55,75, 37,61)
    re.compile(r"\s*,\s*"),  # 13.75,100.50
    re.compile(
        r"(?<=[NSns])\s+|\s+(?=北纬|南纬|东经|西经|[EWew]\b)|(?<=[0-9°′″'\"])\s+(?=北纬|南纬|东经|西经)"
    ),
    re.compile(r"\s+"),  # 13.75 100.50 ; 55,75 37,61
)


def parse_pair(text: str) -> tuple[float, float]:
    """(lat, lon) from one cell: "13.75, 100.50", "13.75,100.50", "13.75; 100.50", "51°10′N 6°47′E",
    "北纬39.9 东经116.4"; (NaN, NaN) when it does not hold exactly two readable coordinates."""
    raw = str(text).strip().strip("()[]")
    if not raw:
        return NAN, NAN
    for splitter in _PAIR_SPLITS:
        parts = [p for p in splitter.split(raw) if p and p.strip()]
        if len(parts) != 2:
            continue
        lat, lon = parse_coordinate(parts[0], "lat"), parse_coordinate(parts[1], "lon")
        if abs(lat) <= 90 and abs(lon) <= 180:  # (False for NaN)
            return lat, lon
        # the longitude written first, with its hemisphere: "100.5 E, 13.75 N"
        if _has_hemisphere(parts[0]) and _has_hemisphere(parts[1]):
            lon2, lat2 = parse_coordinate(parts[0], "lon"), parse_coordinate(parts[1], "lat")
            if not (math.isnan(lon2) or math.isnan(lat2)):
                return lat2, lon2
    return NAN, NAN


def _has_hemisphere(text: str) -> bool:
    match = _HEMI.match(text)
    return bool(match and (match.group(1) or match.group(3)))
