"""Regenerate the real test files in tests/data/ (committed; this script documents how they were made).

    /work/venv/bin/python tests/data/make_test_files.py

Each file's expected outcome (accepted count, rejected row numbers, totals) is asserted in tests/core/.
"""

from __future__ import annotations

import random
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken"


def write(name: str, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    path = HERE / name
    data = text.encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


SALES_UTF8 = """country,brand,year,powertrain,units,value_cny
Thailand,Alpha,2024,NEV,"12,400",1000000
viet nam,Alpha,2024,BEV,300,
UAE,Beta,2023,ICE,150,
Thailnd,Beta,2023,ICE,10,
Russia,Beta,2023,PHEV,-5,
Türkiye,Gamma,1850,NEV,5,
Congo,Gamma,2022,ICE,7,

Kazakhstan,,2022,ICE,7,
Russia,Beta,2023,PHEV,100,
Russia,Beta,2023,PHEV,100,
Brazil,Delta,2025,燃油,"1,234,567",
"""

SALES_ZH = """国家,品牌,年份,动力类型,销量（辆）
泰国,甲,2024,新能源,100
俄罗斯,乙,2024,燃油,200
阿联酋,乙,2025,纯电,300
哈萨克斯坦,丙,2025,增程,400
火星,丙,2025,燃油,1
"""

SALES_GB = """国家/地区,品牌,期间,销量,金额
越南,甲,2024-03,10,"1,000"
老挝,甲,2024年5月,20,
柬埔寨,乙,2024/13,30,
缅甸,乙,2024-11,"4,000",
马来西亚,乙,2025-01,,
"""

SALES_SEMICOLON = """country;brand;year;units
Germany;Alpha;2024;12,400
Poland;Alpha;2024;1 200
Spain;Beta;2024;12.400
Hungary;Beta;2025;50
"""

SALES_TAB = (
    "Country\tBrand\tYear\tUnits\tPowertrain\n"
    "Saudi Arabia\tAlpha\t2023\t500\tICE\n"
    '"Korea, Republic of"\tAlpha\t2023\t60\tEV\n'
    "Chile\tBeta\t2024\t70\tdiesel\n"
    "Peru\tBeta\t2024\t80\thovercraft\n"
)

RAGGED = """country,brand,year,units
Thailand,A,2024,5
Thailand,A,2024,5,extra
Thailand,A,2024
"Viet
Nam",A,2024,7
Thailand,A,2024,12,400
Thailand,A,2024,8,,
"""

# The brand column holds the ISO3 each spelling must resolve to.
MESSY = [
    ("UK", "GBR"),
    ("U.K.", "GBR"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
    ("GB", "GBR"),
    ("gbr", "GBR"),
    ("UAE", "ARE"),
    ("United Arab Emirates", "ARE"),
    ("阿联酋", "ARE"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("俄罗斯", "RUS"),
    ("RU", "RUS"),
    ("Türkiye", "TUR"),
    ("Turkey", "TUR"),
    ("TURKIYE", "TUR"),
    ("土耳其", "TUR"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("VIET-NAM", "VNM"),
    ("越南", "VNM"),
    ("Lao PDR", "LAO"),
    ("Laos", "LAO"),
    ("Lao People's Democratic Republic", "LAO"),
    ("老挝", "LAO"),
    ("Burma", "MMR"),
    ("Myanmar", "MMR"),
    ("缅甸", "MMR"),
    ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"),
    ("Cote D'Ivoire", "CIV"),
    ("科特迪瓦", "CIV"),
    ("Korea", "KOR"),
    ("South Korea", "KOR"),
    ("Korea, Republic of", "KOR"),
    ("韩国", "KOR"),
    ("North Korea", "PRK"),
    ("  thailand  ", "THA"),
    ("THAILAND", "THA"),
    ("TH", "THA"),
    ("泰国", "THA"),
    ("Kazakhstan", "KAZ"),
    ("哈萨克斯坦", "KAZ"),
    ("KZ", "KAZ"),
    ("Kyrgyz Republic", "KGZ"),
    ("Uzbekistan", "UZB"),
    ("乌兹别克斯坦", "UZB"),
    ("Iran (Islamic Republic of)", "IRN"),
    ("Iran", "IRN"),
    ("Saudi Arabia", "SAU"),
    ("KSA", "SAU"),
    ("沙特阿拉伯", "SAU"),
    ("Czech Republic", "CZE"),
    ("Czechia", "CZE"),
    ("DR Congo", "COD"),
    ("刚果（金）", "COD"),
    ("Republic of the Congo", "COG"),
    ("NA", "NAM"),
    ("Namibia", "NAM"),
    ("Hong Kong", "HKG"),
    ("中国香港", "HKG"),
    ("Brasil", "BRA"),
    ("México", "MEX"),
    ("the Netherlands", "NLD"),
    ("Holland", "NLD"),
    ("Bosnia & Herzegovina", "BIH"),
    ("Trinidad and Tobago", "TTO"),
    ("St. Lucia", "LCA"),
    ("Saint Lucia", "LCA"),
    ("USA", "USA"),
    ("United States of America", "USA"),
    ("美国", "USA"),
]
MESSY_BAD = [("Congo", "ambiguous"), ("Atlantis", "unknown"), ("Thialand", "unknown"), ("Europe", "unknown")]

DEALERS = """dealer,country,brand,city,lat,lon,kind,address,phone,website
Bangkok Motors,Thailand,Alpha,Bangkok,13.75,100.5,sales,1 Rama IV Rd,+66 2 123 4567,https://example.com/a
Moscow Auto,Russia,Beta,Moscow,,,service,,,
Moscow Auto,Russia,Beta,Moscow,,,service,,,
Dubai Cars,UAE,Beta,,95,55,both,,,
Almaty EV,Kazakhstan,Gamma,Almaty,43.2,,,,,
Nowhere Motors,Atlantis,Gamma,,,,,,,
,Thailand,Alpha,,,,,,,
Tashkent Service,Uzbekistan,Gamma,Tashkent,,,4S店,,,
"=HYPERLINK(""https://example.com"")",Thailand,Alpha,,,,,,,
=cmd|' /C calc'!A0,Atlantis,Alpha,,,,,,-1+1,@SUM(A1)
"""


def make_xlsx() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sales"
    ws.append(["Country", "Brand", "Year", "Units", "Powertrain"])
    ws.append(["Thailand", "A", 2024, 100, "NEV"])  # row 2
    ws.append(["Russia", "A", 2024, "=D2*2", "ICE"])  # row 3: formula, cached value added below
    ws.append(["Russia", "B", 2024, "=D2*3", "ICE"])  # row 4: formula without a cached value
    ws.append(["UAE", "B", 2024.0, "12,400", "ICE"])  # row 5: a float year, units as text
    ws.append([])  # row 6: empty
    ws.append(["Malaysia", "C", 2025, 7, None])  # row 7
    ws.append(["Turkey", "C", 2025, 1.5, "NEV"])  # row 8: not an integer
    dealers = wb.create_sheet("Dealers")
    dealers.append(["Dealer", "Country", "Brand", "Phone", "Lat", "Lon"])
    dealers.append(["Shop One", "Thailand", "A", "0066123", 13.7, 100.5])
    dealers.append(["Shop Two", "Viet Nam", "A", "+84 9", None, None])
    tmp = HERE / "_tmp.xlsx"
    wb.save(tmp)
    # openpyxl cannot write cached formula values: put one into the sheet XML by hand.
    out = HERE / "sales.xlsx"
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text, n = re.subn(r"(<c r=\"D3\"[^>]*><f>D2\*2</f>)<v\s*/>", r"\1<v>200</v>", text)
                assert n == 1, "cached value not inserted"
                data = text.encode("utf-8")
            dst.writestr(item, data)
    tmp.unlink()


def make_broken() -> None:
    """Broken files not already among tests/data/bad (empty.csv, header_only.csv, old_excel.xls are there)."""
    BROKEN.mkdir(exist_ok=True)
    (BROKEN / "blank.csv").write_bytes(b"\n  \n\n")
    rng = random.Random(4)
    (BROKEN / "garbage.csv").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    data = (HERE / "sales.xlsx").read_bytes()
    (BROKEN / "truncated.xlsx").write_bytes(data[: len(data) * 3 // 5])
    (BROKEN / "wrong_columns.csv").write_text("name,age,colour\nBob,3,red\n", encoding="utf-8")
    (BROKEN / "one_column.csv").write_text("country\nThailand\n", encoding="utf-8")


def main() -> None:
    write("sales_utf8.csv", SALES_UTF8)
    write("sales_bom_zh.csv", SALES_ZH, bom=True)
    write("sales_gb18030.csv", SALES_GB, encoding="gb18030")
    write("sales_semicolon.csv", SALES_SEMICOLON)
    write("sales_tab.tsv", SALES_TAB)
    write("sales_ragged.csv", RAGGED)
    shutil.copyfile(HERE / "sales_utf8.csv", HERE / "sales_really_csv.xlsx")
    rows = ["country,brand,year,units"] + [f'"{c}",{iso},2024,1' for c, iso in MESSY + MESSY_BAD]
    write("sales_messy_countries.csv", "\n".join(rows) + "\n")
    write("dealers.csv", DEALERS)
    write(
        "dealers_gb18030.csv",
        DEALERS.replace(
            "dealer,country,brand,city,lat,lon,kind,address,phone,website",
            "经销商,国家,品牌,城市,纬度,经度,类型,地址,电话,网站",
        ),
        encoding="gb18030",
    )
    make_xlsx()
    make_broken()
    print("test files written to", HERE)


if __name__ == "__main__":
    main()
