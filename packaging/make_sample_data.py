"""Generate the bundled, clearly illustrative sample dataset (seeded, byte-for-byte reproducible).

    PYTHONPATH=src /work/venv/bin/python packaging/make_sample_data.py [--out resources/sample]
        [--templates resources/templates]

Writes ``sales.csv``, ``dealers.csv``, ``dataset.json`` and ``published_figures.csv``, and the empty
import templates (CSV with English or Chinese headers, and XLSX with a help sheet) from the schema.
The brands are fictional, every row carries a ``note`` saying the data are not real, and
``dataset.json`` carries the label the app shows. The destinations are weighted toward the corridor's
real markets (ASEAN, the Middle East, Central Asia, Russia, Latin America, Africa, Europe); the numbers
themselves are invented.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from pathlib import Path

import numpy as np

SEED = 20250401
YEARS = range(2021, 2026)
NOTE = "Illustrative sample, not real sales figures / 示例数据，非真实销量"
LABEL_EN = "Illustrative sample data — not real sales figures"
LABEL_ZH = "示例数据（仅供演示，非真实销量）"

# Fictional brands: name, NEV share in 2021 and 2025, relative size.
BRANDS: list[tuple[str, float, float, float]] = [
    ("Orion Demo Motors", 0.15, 0.55, 1.0),
    ("Kestrel Sample EV", 0.70, 0.95, 0.6),
    ("Lanterna Demo Auto", 0.05, 0.30, 0.8),
    ("Silkline Sample Trucks", 0.0, 0.12, 0.4),
    ("Meridian Demo Cars", 0.25, 0.65, 0.5),
]

# Destination as written in the sample, market weight, cities (name, lat, lon).
Market = tuple[str, float, list[tuple[str, float, float]]]
MARKETS: list[Market] = [
    # ASEAN
    ("Thailand", 10, [("Bangkok", 13.756, 100.502), ("Chiang Mai", 18.788, 98.985)]),
    ("Viet Nam", 8, [("Hanoi", 21.028, 105.854), ("Ho Chi Minh City", 10.776, 106.700)]),
    ("Malaysia", 7, [("Kuala Lumpur", 3.139, 101.687), ("Penang", 5.414, 100.329)]),
    ("Indonesia", 8, [("Jakarta", -6.200, 106.817), ("Surabaya", -7.257, 112.752)]),
    ("Philippines", 6, [("Manila", 14.600, 120.984), ("Cebu", 10.316, 123.891)]),
    ("Singapore", 3, [("Singapore", 1.290, 103.852)]),
    ("Cambodia", 3, [("Phnom Penh", 11.556, 104.928)]),
    ("Laos", 3, [("Vientiane", 17.975, 102.633)]),
    ("Myanmar", 3, [("Yangon", 16.840, 96.173)]),
    ("Brunei", 1, [("Bandar Seri Begawan", 4.890, 114.940)]),
    # Middle East
    ("United Arab Emirates", 8, [("Dubai", 25.204, 55.270), ("Abu Dhabi", 24.454, 54.377)]),
    ("Saudi Arabia", 9, [("Riyadh", 24.713, 46.675), ("Jeddah", 21.543, 39.173)]),
    ("Qatar", 2, [("Doha", 25.285, 51.531)]),
    ("Kuwait", 2, [("Kuwait City", 29.376, 47.977)]),
    ("Oman", 2, [("Muscat", 23.588, 58.383)]),
    ("Iraq", 4, [("Baghdad", 33.315, 44.366), ("Erbil", 36.191, 44.009)]),
    ("Jordan", 2, [("Amman", 31.953, 35.910)]),
    ("Israel", 3, [("Tel Aviv", 32.085, 34.782)]),
    ("Turkey", 5, [("Istanbul", 41.008, 28.978), ("Ankara", 39.933, 32.860)]),
    ("Iran", 3, [("Tehran", 35.689, 51.389)]),
    # Central Asia and the Caucasus
    ("Kazakhstan", 8, [("Almaty", 43.238, 76.946), ("Astana", 51.169, 71.449)]),
    ("Uzbekistan", 6, [("Tashkent", 41.299, 69.240), ("Samarkand", 39.654, 66.976)]),
    ("Kyrgyzstan", 3, [("Bishkek", 42.875, 74.570)]),
    ("Tajikistan", 2, [("Dushanbe", 38.560, 68.787)]),
    ("Turkmenistan", 1, [("Ashgabat", 37.960, 58.326)]),
    ("Azerbaijan", 2, [("Baku", 40.409, 49.867)]),
    ("Georgia", 2, [("Tbilisi", 41.716, 44.783)]),
    ("Mongolia", 2, [("Ulaanbaatar", 47.886, 106.906)]),
    # Russia and Belarus
    (
        "Russia",
        15,
        [
            ("Moscow", 55.756, 37.617),
            ("Saint Petersburg", 59.939, 30.316),
            ("Novosibirsk", 55.008, 82.936),
            ("Kazan", 55.796, 49.106),
        ],
    ),
    ("Belarus", 3, [("Minsk", 53.902, 27.562)]),
    # Latin America
    ("Brazil", 6, [("São Paulo", -23.551, -46.633), ("Rio de Janeiro", -22.907, -43.173)]),
    ("Mexico", 7, [("Mexico City", 19.433, -99.133), ("Monterrey", 25.686, -100.316)]),
    ("Chile", 5, [("Santiago", -33.449, -70.669)]),
    ("Peru", 4, [("Lima", -12.046, -77.043)]),
    ("Colombia", 3, [("Bogotá", 4.711, -74.072)]),
    ("Ecuador", 2, [("Quito", -0.181, -78.468), ("Guayaquil", -2.171, -79.922)]),
    ("Argentina", 2, [("Buenos Aires", -34.604, -58.382)]),
    ("Uruguay", 1, [("Montevideo", -34.901, -56.165)]),
    # Africa
    ("Egypt", 4, [("Cairo", 30.044, 31.236), ("Alexandria", 31.200, 29.919)]),
    ("South Africa", 4, [("Johannesburg", -26.204, 28.047), ("Cape Town", -33.925, 18.424)]),
    ("Nigeria", 3, [("Lagos", 6.524, 3.379)]),
    ("Kenya", 2, [("Nairobi", -1.292, 36.822)]),
    ("Algeria", 3, [("Algiers", 36.754, 3.059)]),
    ("Morocco", 2, [("Casablanca", 33.573, -7.590)]),
    ("Ethiopia", 1, [("Addis Ababa", 9.030, 38.740)]),
    ("Tanzania", 1, [("Dar es Salaam", -6.792, 39.208)]),
    ("Ghana", 1, [("Accra", 5.604, -0.187)]),
    # Europe
    ("Germany", 3, [("Duisburg", 51.434, 6.762), ("Berlin", 52.520, 13.405)]),
    ("Poland", 2, [("Warsaw", 52.230, 21.012)]),
    ("Hungary", 2, [("Budapest", 47.498, 19.040)]),
    ("Italy", 2, [("Milan", 45.464, 9.190)]),
    ("Spain", 2, [("Madrid", 40.417, -3.704)]),
    ("United Kingdom", 3, [("London", 51.507, -0.128)]),
    ("Netherlands", 1, [("Rotterdam", 51.924, 4.478)]),
    ("Belgium", 1, [("Antwerp", 51.219, 4.402)]),
    ("Norway", 2, [("Oslo", 59.913, 10.752)]),
    ("Greece", 1, [("Athens", 37.984, 23.728)]),
    ("Serbia", 1, [("Belgrade", 44.787, 20.449)]),
    # South Asia and Oceania
    ("Pakistan", 3, [("Karachi", 24.861, 67.010)]),
    ("Bangladesh", 1, [("Dhaka", 23.810, 90.413)]),
    ("Sri Lanka", 1, [("Colombo", 6.927, 79.861)]),
    ("Nepal", 1, [("Kathmandu", 27.717, 85.324)]),
    ("Australia", 3, [("Sydney", -33.869, 151.209), ("Melbourne", -37.814, 144.963)]),
    ("New Zealand", 1, [("Auckland", -36.848, 174.763)]),
]

KINDS = ("sales", "service", "both")

# Real published figures for the "at a glance" and country panels, as one article published them: Global
# Times, October 2025 (www.globaltimes.cn/page/202510/1346491.shtml), reporting from the 32nd China-SAE
# Congress & Exhibition in Chongqing (22 October 2025). Each figure carries the attribution the article
# gives it; where the article names no source, that is what the row says.
ARTICLE_EN = (
    "Global Times, October 2025, report from the 32nd China-SAE Congress & Exhibition "
    "(Chongqing, 22 October 2025), www.globaltimes.cn/page/202510/1346491.shtml"
)
ARTICLE_ZH = (
    "《环球时报》英文版，2025年10月，第32届中国汽车工程学会年会暨展览会（重庆，2025年10月22日）报道，"
    "www.globaltimes.cn/page/202510/1346491.shtml"
)
CUSTOMS = ("Chongqing Customs", "重庆海关")
CQ_DAILY = ("Chongqing Daily", "重庆日报")
TAN = ("Tan Benhong, deputy Party secretary of Changan Automobile", "长安汽车党委副书记谭本宏")
NO_SOURCE = (
    "not named in the article (the figures follow a quote from Chai Zhanxiang, deputy secretary-general of "
    "the Automotive Sub-Council of the China Council for the Promotion of International Trade)",
    "文章未注明来源（数字紧随中国国际贸易促进委员会汽车行业分会副秘书长柴占祥的讲话之后）",
)
_FIGURES = [  # id, subject en/zh, metric, value, qualifier, unit, period, source, text en, text zh
    ("cq_2024_vehicles", ("Chongqing", "重庆"), "vehicles_exported", "477000", "=", "vehicles", "2024",
     CUSTOMS, "Chongqing exported 477,000 vehicles in 2024.", "2024年重庆出口汽车47.7万辆。"),
    ("cq_2024_growth", ("Chongqing", "重庆"), "vehicles_exported_yoy", "29.6", "=", "percent", "2024",
     CUSTOMS, "Chongqing's vehicle exports grew 29.6 % year on year in 2024.",
     "2024年重庆汽车出口同比增长29.6%。"),
    ("cq_2024_value", ("Chongqing", "重庆"), "export_value", "43.11", "=", "billion yuan", "2024", CUSTOMS,
     "Chongqing's 2024 vehicle exports were worth 43.11 billion yuan (the article gives $5.9 billion).",
     "2024年重庆出口汽车价值431.1亿元（文章折合59亿美元）。"),
    ("cq_2024_value_growth", ("Chongqing", "重庆"), "export_value_yoy", "30", "=", "percent", "2024",
     CUSTOMS, "The value of Chongqing's vehicle exports grew 30 % in 2024.", "2024年重庆汽车出口值增长30%。"),
    ("cn_2024_vehicles", ("China", "中国"), "vehicles_exported", "6000000", ">", "vehicles", "2024",
     NO_SOURCE, "China exported more than 6 million vehicles in 2024.", "2024年中国汽车出口超过600万辆。"),
    ("cn_2024_nev", ("China", "中国"), "nev_exported", "2000000", ">", "vehicles", "2024", NO_SOURCE,
     "More than 2 million of them were new-energy vehicles.", "其中新能源汽车超过200万辆。"),
    ("changan_markets", ("Changan", "长安汽车"), "markets", "103", "=", "countries and regions", "", TAN,
     "Changan sells its products in 103 countries and regions.", "长安汽车产品销往103个国家和地区。"),
    ("changan_2025_overseas", ("Changan", "长安汽车"), "overseas_sales", "405000", "=", "vehicles",
     "2025-01/2025-08", TAN,
     "Changan sold 405,000 vehicles overseas from January to August 2025.",
     "2025年1—8月长安汽车海外销量40.5万辆。"),
    ("seres_markets", ("Seres", "赛力斯"), "markets", "62", "=", "countries", "", CQ_DAILY,
     "Seres NEVs are sold in 62 countries.", "赛力斯新能源汽车销往62个国家。"),
    ("seres_dealers", ("Seres", "赛力斯"), "overseas_dealers", "300", ">", "dealers", "", CQ_DAILY,
     "Seres has more than 300 dealers abroad.", "赛力斯海外经销商超过300家。"),
    ("seres_exported", ("Seres", "赛力斯"), "vehicles_exported", "500000", ">", "vehicles", "", CQ_DAILY,
     "Seres has exported more than 500,000 vehicles.", "赛力斯累计出口超过50万辆。"),
]  # fmt: skip
PUBLISHED_FIGURES: list[dict[str, str]] = [
    {
        "id": key,
        "subject_en": subject[0],
        "subject_zh": subject[1],
        "metric": metric,
        "value": value,
        "qualifier": qualifier,
        "unit": unit,
        "period": period,
        "source_en": source[0],
        "source_zh": source[1],
        "published_in_en": ARTICLE_EN,
        "published_in_zh": ARTICLE_ZH,
        "text_en": text_en,
        "text_zh": text_zh,
    }
    for key, subject, metric, value, qualifier, unit, period, source, text_en, text_zh in _FIGURES
]


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_sales(rng: np.random.Generator) -> list[list[object]]:
    """One row per destination, brand, year and powertrain (some brands absent in some markets)."""
    rows: list[list[object]] = []
    for country, weight, _cities in MARKETS:
        present = [b for b in BRANDS if rng.random() < 0.55 + 0.05 * weight] or [BRANDS[0]]
        for brand, nev0, nev1, size in present:
            start = int(rng.integers(2021, 2024)) if rng.random() < 0.3 else 2021
            for year in YEARS:
                if year < start:
                    continue
                t = (year - 2021) / 4
                total = weight * size * 180 * (1.32 ** (year - 2021)) * rng.lognormal(0, 0.35)
                nev_share = nev0 + (nev1 - nev0) * t
                for powertrain, share in (("NEV", nev_share), ("ICE", 1 - nev_share)):
                    units = round(total * share)
                    if units <= 0:
                        continue
                    price = 155_000 if powertrain == "NEV" else 98_000
                    value = int(round(units * price * rng.lognormal(0, 0.08), -3))
                    rows.append([country, brand, year, powertrain, units, value, NOTE])
    return rows


def make_dealers(rng: np.random.Generator) -> list[list[object]]:
    """A few dealers per destination; about half with coordinates, the rest with a city only."""
    rows: list[list[object]] = []
    serial = 0
    for country, weight, cities in MARKETS:
        count = int(np.clip(round(weight / 2 + rng.random()), 1, 7))
        for i in range(count):
            serial += 1
            brand = BRANDS[int(rng.integers(0, len(BRANDS)))][0]
            city, lat, lon = cities[i % len(cities)]
            short = brand.split()[0]
            name = f"{short} {city} Dealer {i + 1} (sample)"
            if rng.random() < 0.5:
                lat_s = f"{lat + rng.normal(0, 0.03):.4f}"
                lon_s = f"{lon + rng.normal(0, 0.03):.4f}"
            else:
                lat_s = lon_s = ""
            kind = KINDS[int(rng.integers(0, 3))]
            address = f"{int(rng.integers(1, 400))} Sample Road, {city}"
            phone = f"+000 555 {serial:04d}"
            website = f"https://example.com/dealers/{serial:03d}"
            rows.append([name, country, brand, city, lat_s, lon_s, kind, address, phone, website, NOTE])
    return rows


def make_templates(out: Path) -> None:
    """Empty import templates: CSV (English and Chinese headers) and XLSX with a bilingual help sheet."""
    import openpyxl
    from openpyxl.styles import Font

    from corridor_map.core.schema import SCHEMAS

    out.mkdir(parents=True, exist_ok=True)
    for kind, schema in SCHEMAS.items():
        columns = [f for f in schema.fields if f.in_template]
        english = [f.name for f in columns]
        chinese = [f.label_zh for f in columns]
        _write_csv(out / f"{kind}_template.csv", english, [])
        _write_csv(out / f"{kind}_template_zh.csv", chinese, [])
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = kind.capitalize()
        ws.append(english)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for idx, f in enumerate(columns, start=1):
            letter = ws.cell(row=1, column=idx).column_letter
            ws.column_dimensions[letter].width = max(12, len(f.name) + 4)
            if f.name in ("phone", "period"):  # keep leading zeros and "2024-03" as text
                for row in range(2, 1002):
                    ws.cell(row=row, column=idx).number_format = "@"
        help_ws = wb.create_sheet("Help 说明")
        help_ws.append(["column", "列名", "required 必填", "meaning", "also accepted as"])
        for cell in help_ws[1]:
            cell.font = Font(bold=True)
        for f in schema.fields:
            required = (
                "yes 是"
                if f.required
                else ("year or period 年份或期间" if f.name in ("year", "period") else "no 否")
            )
            help_ws.append([f.name, f.label_zh, required, f.description, ", ".join(f.aliases)])
        help_ws.append([])
        help_ws.append(
            ["Headers are matched case-insensitively, in English or Chinese. See docs/data-format.md."]
        )
        help_ws.append(["表头不区分大小写，可用中文或英文。详见 docs/data-format.md。"])
        for letter, width in zip("ABCDE", (14, 10, 26, 52, 60), strict=True):
            help_ws.column_dimensions[letter].width = width
        wb.properties.creator = "Corridor Map"
        wb.properties.created = wb.properties.modified = dt.datetime(2025, 1, 1)
        wb.save(out / f"{kind}_template.xlsx")


def main(argv: list[str] | None = None) -> int:
    """Write the sample files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "resources" / "sample"
    parser.add_argument("--out", type=Path, default=default_out)
    parser.add_argument("--templates", type=Path, default=default_out.parent / "templates")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    sales = make_sales(rng)
    dealers = make_dealers(rng)
    _write_csv(
        out / "sales.csv", ["country", "brand", "year", "powertrain", "units", "value_cny", "note"], sales
    )
    _write_csv(
        out / "dealers.csv",
        ["dealer", "country", "brand", "city", "lat", "lon", "kind", "address", "phone", "website", "note"],
        dealers,
    )
    figure_cols = list(PUBLISHED_FIGURES[0])
    _write_csv(
        out / "published_figures.csv", figure_cols, [[f[c] for c in figure_cols] for f in PUBLISHED_FIGURES]
    )
    meta = {
        "kind": "sample",
        "label_en": LABEL_EN,
        "label_zh": LABEL_ZH,
        "note": "Brands, dealers and numbers are invented for demonstration. The destinations are weighted "
        "toward the corridor's real markets. Real published figures with their sources are in "
        "published_figures.csv.",
        "generator": "packaging/make_sample_data.py",
        "seed": SEED,
        "generated": "reproducible (seeded); regenerate with the generator",
        "brands": [b[0] for b in BRANDS],
        "years": [min(YEARS), max(YEARS)],
        "countries": len(MARKETS),
        "sales_rows": len(sales),
        "dealer_rows": len(dealers),
    }
    (out / "dataset.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    make_templates(args.templates)
    print(f"wrote {len(sales)} sales rows and {len(dealers)} dealers for {len(MARKETS)} countries to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
