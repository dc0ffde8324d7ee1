"""Dealers packed for the page: typed arrays in base64, one entry per dealer, no per-marker code."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np
import pandas as pd

# Names travel to the page only for networks small enough to show them in tooltips.
MAX_NAMES = 50_000


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(
        np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes()
    ).decode()


def placed_dealers(dealers: pd.DataFrame) -> pd.DataFrame:
    """The dealers that have a position, in the order the page numbers them (0, 1, …)."""
    return dealers.dropna(subset=["lat", "lon"])


def _position_codes(frame: pd.DataFrame) -> np.ndarray:
    """0 at its coordinates, 1 at its country's centre (drawn as approximate), 2 at its city."""
    if "position" in frame.columns:
        position = frame["position"].astype(object).to_numpy()
        return np.select([position == "country", position == "city"], [1, 2], 0).astype(np.uint8)
    return frame["approximate"].fillna(False).to_numpy(dtype=np.uint8)


def pack_dealers(dealers: pd.DataFrame, max_names: int = MAX_NAMES) -> dict[str, Any]:
    """The payload of the page's ``CM.setDealers``: positions, brand and country codes, approximate flags.

    Dealers without a position are left out (the validator places every accepted dealer, so there
    are none in practice). Names are plain strings; the page shows them with ``textContent`` only.
    """
    frame = placed_dealers(dealers)
    brands = pd.Categorical(frame["brand"].astype(str))
    countries = pd.Categorical(frame["iso3"].astype(str))
    payload: dict[str, Any] = {
        "count": len(frame),
        "lon": _b64(frame["lon"].to_numpy(dtype=np.float32)),
        "lat": _b64(frame["lat"].to_numpy(dtype=np.float32)),
        "brand": _b64(brands.codes.astype(np.uint16)),
        "country": _b64(countries.codes.astype(np.uint16)),
        "approx": _b64(_position_codes(frame)),
        "brands": [str(b) for b in brands.categories],
        "countries": [str(c) for c in countries.categories],
    }
    payload["names"] = frame["dealer"].astype(str).tolist() if len(frame) <= max_names else None
    return payload
