"""Work on a column's distinct values once instead of on every cell.

A sales table repeats a few values over many rows (a few hundred countries, brands, years, powertrains;
some thousands of unit figures in a million rows). Where the work per cell is Python's (regular
expressions and ``str`` methods on pandas' Python-backed strings, which the packaged app has: it ships
without pyarrow), doing it once per distinct value and spreading the answers back to the rows by their
codes (``pandas.factorize``, C hashing) costs a small part of it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def per_distinct(column: pd.Series, work: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``work`` applied to ``column``'s distinct values (missing values among them), its answers put
    back in the column's rows: the same as ``work(column)`` for any ``work`` that answers each value on
    its own, with the column's index. Text in Arrow's memory (pyarrow installed) is worked on whole:
    its string functions run in C++, and a column of mostly distinct texts (dealers' names, addresses)
    would pay for the codes and gain nothing."""
    if getattr(column.dtype, "storage", None) == "pyarrow":
        return work(column)
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    answers = work(pd.Series(uniques, dtype=column.dtype))
    out = answers.take(codes)
    out.index = column.index
    return out


def stripped(column: pd.Series) -> pd.Series:
    """The column's text without the white space around it (``str.strip``), as text."""
    return per_distinct(column.astype("str"), lambda values: values.str.strip())


def blank(column: pd.Series) -> np.ndarray:
    """Which cells hold nothing but white space (or nothing)."""
    text = column.astype("str")
    return per_distinct(text, lambda values: values.str.strip() == "").to_numpy(dtype=bool)
