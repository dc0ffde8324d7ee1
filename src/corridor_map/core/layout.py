"""What the reader found about a file's layout, for the import report and ``check-data``: where the
table is, which rows it left out and why, and what it reshaped. Every line in English and Chinese."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SkipReason = Literal["title", "unit", "note", "total", "breakdown", "hidden"]
SKIP_REASONS: tuple[SkipReason, ...] = ("title", "unit", "total", "breakdown", "hidden", "note")
_REASON_TEXT: dict[SkipReason, tuple[str, str]] = {
    "title": ("title", "标题"),
    "unit": ("unit line", "单位说明"),
    "note": ("note", "注释"),
    "total": ("total row", "合计行"),
    "breakdown": ("breakdown row (of which)", "“其中”分项行"),
    "hidden": ("hidden row", "隐藏行"),
}


@dataclass(frozen=True)
class Skipped:
    """One row left out of the table, why, and the cell that told (``total``: ``'合计'``)."""

    row: int
    reason: SkipReason
    text: str = ""

    def en(self) -> str:
        """One line in English."""
        what = _REASON_TEXT[self.reason][0]
        if self.reason == "hidden":
            return f"row {self.row} skipped: hidden in the workbook (not counted)"
        if self.reason in ("total", "breakdown"):
            return f"row {self.row} skipped: a {what} ('{self.text[:40]}'), not counted twice"
        return f"row {self.row} skipped: {what} ('{self.text[:60]}')"

    def zh(self) -> str:
        """One line in Chinese."""
        what = _REASON_TEXT[self.reason][1]
        if self.reason == "hidden":
            return f"第 {self.row} 行已跳过：工作簿中已隐藏（不计入）"
        if self.reason in ("total", "breakdown"):
            return f"第 {self.row} 行已跳过：{what}（“{self.text[:40]}”），不重复计算"
        return f"第 {self.row} 行已跳过：{what}（“{self.text[:60]}”）"


@dataclass
class Layout:
    """Where the table was found and how it was read."""

    format: str  # csv, xlsx, xls, ods
    header_row: int = 1
    header_found: bool = True  # False: no row had known column names; the first row was taken
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    sheet_found: bool = False  # True when the sheet was chosen by its content, not given
    encoding: str | None = None  # the label, e.g. "GB18030 (GBK)"
    encoding_code: str | None = None  # the codec, e.g. "gb18030"
    encoding_guessed: bool = False
    encoding_doubt: tuple[str, str] = ("", "")  # (en, zh) when another code page fits as well
    skipped: list[Skipped] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # ranges filled, e.g. "A5:A7"
    unpivoted: list[str] = field(default_factory=list)  # the year or month columns made rows
    unpivoted_into: str = ""  # "year" or "period"
    empty_wide_cells: int = 0
    hidden_known: bool = True

    def skipped_by_reason(self) -> dict[str, list[int]]:
        """Row numbers left out, by reason (reasons with none left out are omitted)."""
        out: dict[str, list[int]] = {}
        for s in self.skipped:
            out.setdefault(s.reason, []).append(s.row)
        return {reason: out[reason] for reason in SKIP_REASONS if reason in out}

    def where(self) -> tuple[str, str]:
        """(en, zh): "header in row 3 of sheet 数据; rows 1–2 skipped: title"."""
        sheet_en = f" of sheet '{self.sheet}'" if self.sheet else ""
        sheet_zh = f"（工作表“{self.sheet}”）" if self.sheet else ""
        en = f"header in row {self.header_row}{sheet_en}"
        zh = f"表头在第 {self.header_row} 行{sheet_zh}"
        above = [s for s in self.skipped if s.row < self.header_row and s.reason in ("title", "unit", "note")]
        if above:
            rows = _ranges([s.row for s in above])
            kinds = sorted({s.reason for s in above}, key=SKIP_REASONS.index)
            en += f"; rows {rows} skipped: " + ", ".join(_REASON_TEXT[k][0] for k in kinds)
            zh += f"；已跳过第 {rows} 行：" + "、".join(_REASON_TEXT[k][1] for k in kinds)
        if not self.header_found:
            en += " (no row with known column names: the first row was taken)"
            zh += "（没有找到含已知列名的行：取第一行为表头）"
        return en, zh

    def lines(self) -> list[tuple[str, str]]:
        """Every finding as (en, zh) sentences, most important first."""
        out = [self.where()]
        if self.sheet_found and len(self.sheets) > 1:
            out.append(
                (
                    f"sheet '{self.sheet}' chosen by its content (sheets: {', '.join(self.sheets)})",
                    f"按内容选择了工作表“{self.sheet}”（全部工作表：{'、'.join(self.sheets)}）",
                )
            )
        if self.encoding:
            how_en = " (detected)" if self.encoding_guessed else ""
            how_zh = "（自动识别）" if self.encoding_guessed else ""
            out.append((f"text encoding: {self.encoding}{how_en}", f"文本编码：{self.encoding}{how_zh}"))
            if self.encoding_doubt[0]:
                out.append(self.encoding_doubt)
        if self.merged:
            shown = ", ".join(self.merged[:8]) + (" …" if len(self.merged) > 8 else "")
            out.append(
                (
                    f"{len(self.merged)} merged cell ranges filled down ({shown}): each row of a range "
                    f"has the range's value",
                    f"已向下填充 {len(self.merged)} 个合并单元格区域（{shown}）：区域内每行取该区域的值",
                )
            )
        if self.unpivoted:
            into_en = {"year": "years", "period": "months"}.get(self.unpivoted_into, self.unpivoted_into)
            into_zh = {"year": "年份", "period": "月份"}.get(self.unpivoted_into, self.unpivoted_into)
            cols = ", ".join(self.unpivoted[:6]) + (" …" if len(self.unpivoted) > 6 else "")
            out.append(
                (
                    f"wide table: {len(self.unpivoted)} {into_en} as columns ({cols}) read as one row per "
                    f"{into_en[:-1]}",
                    f"宽表：{len(self.unpivoted)} 个{into_zh}列（{cols}）已转为每{into_zh[:1]}一行",
                )
            )
            if self.empty_wide_cells:
                out.append(
                    (
                        f"{self.empty_wide_cells} empty {into_en[:-1]} cells (blank, '..', '-') taken as no "
                        f"sales",
                        f"{self.empty_wide_cells} 个空的{into_zh}单元格（空白、“..”、“-”）按无销量处理",
                    )
                )
        counts = {
            r: len([n for n in rows if n > self.header_row])
            for r, rows in self.skipped_by_reason().items()
            if r not in ("title", "unit")
        }
        counts = {r: n for r, n in counts.items() if n}
        for reason, n in counts.items():
            en, zh = _REASON_TEXT[reason]  # type: ignore[index]
            out.append((f"{n} {en}{'s' if n != 1 else ''} left out", f"已排除 {n} 个{zh}"))
        if not self.hidden_known:
            out.append(
                (
                    f"hidden rows cannot be told in a .{self.format} file: every row was read (save it as "
                    f".xlsx to leave hidden rows out)",
                    f".{self.format} 文件无法识别隐藏行：已读取全部行（另存为 .xlsx 可排除隐藏行）",
                )
            )
        return out

    def to_json(self) -> dict[str, object]:
        """The findings as plain data (``check-data --json``)."""
        lines = self.lines()
        return {
            "format": self.format,
            "sheet": self.sheet,
            "sheets": self.sheets,
            "sheet_chosen_by_content": self.sheet_found,
            "header_row": self.header_row,
            "header_found": self.header_found,
            "encoding": self.encoding_code,
            "encoding_detected": self.encoding_guessed,
            "skipped": [{"row": s.row, "reason": s.reason, "text": s.text} for s in self.skipped],
            "skipped_by_reason": self.skipped_by_reason(),
            "merged_ranges": self.merged,
            "hidden_rows_known": self.hidden_known,
            "wide_columns": self.unpivoted,
            "wide_columns_into": self.unpivoted_into or None,
            "lines": [en for en, _zh in lines],
            "lines_zh": [zh for _en, zh in lines],
        }


def _ranges(rows: list[int]) -> str:
    """``[1, 2, 3, 5]`` → ``1–3, 5``."""
    rows = sorted(set(rows))
    parts: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        parts.append(f"{start}–{prev}" if prev != start else str(start))
        if r is not None:
            start = prev = r
    return ", ".join(parts)
