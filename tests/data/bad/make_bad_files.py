"""Regenerate the corpus of broken input files in tests/data/bad/ (committed; deterministic).

    /work/venv/bin/python tests/data/bad/make_bad_files.py

Each file is small. Files too big to commit (huge cells, a CSV "bomb" with millions of delimiters, a
50 MB garbage file) are made at test time by ``tests/hardening/bad_files.py``. ``EXPECTED`` there says
which table kind each file is checked as and whether ``check-data`` must exit 1 (rows rejected, or no
data rows) or 2 (the file cannot be read or is not a table).
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
SALES = "country,brand,year,powertrain,units\nThailand,Alpha,2024,NEV,120\nViet Nam,Beta,2023,ICE,80\n"


def write(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def workbook(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main() -> None:
    rng = random.Random(20240611)
    good_book = workbook([["country", "brand", "year", "units"]] + [["Thailand", "Alpha", 2024, 5]] * 50)

    # empty, whitespace, marks only
    write("empty.csv", b"")
    write("bom_only.csv", b"\xef\xbb\xbf")
    write("bom_and_blank_lines.csv", b"\xef\xbb\xbf\r\n\r\n  \r\n")
    write("utf16_bom_only.csv", b"\xff\xfe")
    write("header_only.csv", b"country,brand,year,units\n")
    write("header_only_no_newline.csv", b"country,brand,year,units")
    write("only_delimiters.csv", b",,,,\n;;;;\n\t\t\n")
    write("one_column.csv", b"country\nThailand\nViet Nam\n")
    write("one_column_xlsx.xlsx", workbook([["country"], ["Thailand"]]))
    write("empty_sheet.xlsx", workbook([]))

    # binary, NUL bytes, wrong or broken encodings
    write("binary.csv", bytes(rng.randrange(256) for _ in range(2048)))
    write("nul_bytes.csv", SALES.encode().replace(b"Alpha", b"Al\x00pha"))
    write("utf16_without_bom.csv", SALES.encode("utf-16-le"))
    write("utf16_broken.csv", b"\xff\xfe" + SALES.encode("utf-16-le")[:-1] + b"\x00\xd8")  # lone surrogate
    write(
        "utf8_bom_then_invalid.csv", b"\xef\xbb\xbf" + SALES.encode() + b"Thailand,\xff\xfe\xfd,2024,NEV,1\n"
    )
    write(
        "latin1.csv",
        "country,brand,year,units\nTürkiye,Señor,2024,5\nCôte d'Ivoire,Ça,2024,7\n".encode("latin-1"),
    )
    write("control_chars.csv", b"country,brand,year,units\n" + b"Thailand,\x01\x02\x03\x04\x05,2024,5\n" * 40)

    # damaged or disguised workbooks
    write("truncated.xlsx", good_book[: len(good_book) // 2])
    write("truncated_tiny.xlsx", good_book[:30])
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    write("zip_not_workbook.xlsx", zipped.getvalue())
    broken_xml = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good_book)) as src, zipfile.ZipFile(broken_xml, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]  # the sheet's XML stops in the middle
            dst.writestr(item, data)
    write("broken_sheet_xml.xlsx", broken_xml.getvalue())
    write("old_excel.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))

    # mismatched extensions
    write("workbook_named.csv", good_book[: len(good_book) // 3])  # a (truncated) ZIP named .csv
    write("png_named.csv", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(600)))
    write("csv_named.xlsx", b"country,brand,year,units\nThailand,Alpha,2024,-1\n")
    write("html_named.xlsx", b"<html><body><table><tr><td>country</td></tr></table></body></html>\n")

    # cells that are not what they should be
    write(
        "formulas.csv",
        b"country,brand,year,units\n"
        b'Thailand,Alpha,2024,=1+1\n=HYPERLINK("http://x"),Beta,2024,5\nThailand,@SUM(A1),=2024,+5\n'
        b"Thailand,-cmd|' /C calc'!A0,2024,5\n",
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["country", "brand", "year", "units"])
    ws.append(["Thailand", "Alpha", 2024, "=B9*2"])  # a formula never calculated: no saved value
    ws.append(["=A2", "Beta", 2024, 5])
    buf = io.BytesIO()
    wb.save(buf)
    write("formulas_without_values.xlsx", buf.getvalue())
    write(
        "weird_numbers.csv",
        "country,brand,year,units\nThailand,A,2024,1e400\nThailand,A,2024,NaN\nThailand,A,2024,inf\n"
        "Thailand,A,2024,1.5\nThailand,A,２０２４,5\nThailand,A,20240,5\n"
        "Thailand,A,2024,12 400 000 000 000 000\n"
        "Thailand,A,-2024,5\nThailand,A,2024,٣\n".encode(),
    )
    write(
        "unbalanced_quotes.csv", b'country,brand,year,units\n"Thailand,Alpha,2024,5\nViet Nam,"Be"ta,2023,7\n'
    )
    write(
        "mixed_line_endings.csv",
        b"country,brand,year,units\r\nThailand,Alpha,2024,5\rViet Nam,Beta,2023,x\nLaos,Gamma,2022,7\r\n"
        b"Thai\rland,Alpha,2024,5\n",
    )
    write("ragged.csv", b"country,brand,year,units\nThailand\nThailand,Alpha,2024,5,extra,cells\n,,,\n")
    write("duplicate_columns.csv", b"country,country,brand,year,units\nThailand,Laos,A,2024,5\n")
    write("wrong_columns.csv", b"name,age,colour\nAlice,30,red\n")
    write(
        "dealers_bad_coordinates.csv",
        b"dealer,country,brand,city,lat,lon\nA,Thailand,Alpha,Bangkok,91,100\nB,Thailand,Alpha,,13,nan\n"
        b"C,Thailand,Alpha,,13,\nD,Atlantis,Alpha,,1e308,1e308\n",
    )
    write("long_line_no_newline.csv", b"country,brand,year,units\n" + b"Thailand;" * 3000)


if __name__ == "__main__":
    main()
