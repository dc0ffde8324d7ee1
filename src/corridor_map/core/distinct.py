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


class Distinct:
    """A column as its distinct values (missing values among them) and each row's code into them, for
    more than one piece of work on the same column. Text in Arrow's memory (pyarrow installed) is kept
    whole: its string functions run in C++, and a column of mostly distinct texts (dealers' names,
    addresses) would pay for the codes and gain nothing."""

    def __init__(self, column: pd.Series) -> None:
        self.column = column
        self.codes: np.ndarray | None = None
        self.values = column
        if getattr(column.dtype, "storage", None) != "pyarrow":
            self.codes, uniques = pd.factorize(column, use_na_sentinel=False)
            self.values = pd.Series(uniques, dtype=column.dtype)

    def apply(self, work: Callable[[pd.Series], pd.Series]) -> pd.Series:
        """``work`` on the distinct values, its answers put back in the column's rows: the same as
        ``work(column)`` for any ``work`` that answers each value on its own, with the column's index."""
        if self.codes is None:
            return work(self.column)
        out = work(self.values).take(self.codes)
        out.index = self.column.index
        return out


def per_distinct(column: pd.Series, work: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``work`` applied once per distinct value of ``column`` (:class:`Distinct`)."""
    return Distinct(column).apply(work)


def is_blank(values: pd.Series) -> pd.Series:
    """Which texts hold nothing but white space (or nothing)."""
    return values.str.strip() == ""


def stripped(column: pd.Series) -> pd.Series:
    """The column's text without the white space around it (``str.strip``), as text."""
    return per_distinct(column.astype("str"), lambda values: values.str.strip())


def blank(column: pd.Series) -> np.ndarray:
    """Which cells hold nothing but white space (or nothing)."""
    return per_distinct(column.astype("str"), is_blank).to_numpy(dtype=bool)
