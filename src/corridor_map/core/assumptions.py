"""The transit assumptions behind every route estimate: value, basis and sources, in English and Chinese.

Shown in the app (Help → Transit assumptions), by ``corridor-map route --assumptions`` and in its JSON; the
longer discussion, with the comparison against published transit times, is ``docs/transit-assumptions.md``.
The values are :class:`~corridor_map.core.transit.TransitParams`' defaults (one place for each number).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from corridor_map.core.transit import TransitParams


@dataclass(frozen=True)
class Assumption:
    """One editable figure of the transit model."""

    key: str  # the TransitParams field
    label_en: str
    label_zh: str
    unit_en: str
    unit_zh: str
    basis_en: str
    basis_zh: str
    sources: tuple[str, ...]  # as published; not translated

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_zh if lang.startswith("zh") else self.unit_en

    def basis(self, lang: str) -> str:
        return self.basis_zh if lang.startswith("zh") else self.basis_en

    @property
    def default(self) -> float:
        return float(getattr(TransitParams(), self.key))


ASSUMPTIONS: tuple[Assumption, ...] = (
    Assumption(
        "rail_km_per_day",
        "Rail speed",
        "铁路运行速度",
        "km per day",
        "公里/天",
        "Calibrated on published transit times: Chongqing–Duisburg in about 16 days and Chongqing–Vientiane "
        "in about four days both fit 800 km a day plus the border stops. Some lines are slower "
        "(Chongqing–Tashkent, 4,700 km in 12 days). An estimate.",
        "按公开的运输时间校准：重庆—杜伊斯堡约16天、重庆—万象约4天，均与每天800公里加口岸停留相符。"
        "部分线路更慢（重庆—塔什干4700公里用时12天）。估计值。",
        (
            "iChongqing, 'Whistles along the Rhine', 28 March 2024 (Yuxinou: 11,179 km, 'just 16 days')",
            "Xinhua, 30 December 2021; People's Daily Online, 3 March and 4 December 2022 "
            "(Chongqing–Vientiane four to five days)",
            "Xinhua, 31 May 2025 (Chongqing–Tashkent, 4,700 km in 12 days)",
        ),
    ),
    Assumption(
        "river_knots",
        "River speed (Yangtze)",
        "长江航速",
        "knots",
        "节",
        "An average over the whole run from Chongqing to Shanghai, slow passages included. Days are counted "
        "over the waterway's published length (2,424 km), not the drawn line, which is generalised. "
        "An estimate.",
        "重庆至上海全程平均航速，含慢速航段。天数按航道公布里程（2424公里）计算，而非图上经过简化的河道线。估计值。",
        (
            "Waterway chainage: Chongqing–Yichang 660 km, Yichang–Wuhan 624 km, Wuhan–river mouth 1,140 km "
            "(Ministry of Transport waterway survey; see data/geo/SOURCES.md)",
        ),
    ),
    Assumption(
        "sea_knots",
        "Sea speed",
        "海运航速",
        "knots",
        "节",
        "Car carriers are built for 16–20 knots and run at about 16 at 'eco-speed'; in slow times owners cut "
        "to 12–15 knots. 14 knots is a middle value. An estimate.",
        "汽车滚装船设计航速16—20节，经济航速约16节；市场低迷时船东降至12—15节。取中间值14节。估计值。",
        (
            "Hyundai Corporation, car carrier product page ('usual speed of 16 knots at eco-speed')",
            "Lloyd's List, November 2008 (owners 'reducing speeds from 18-20 kts to 12-15 kts')",
            "Interglobal Shipping, glossary (service speed 16–18 knots)",
        ),
    ),
    Assumption(
        "road_km_per_day",
        "Road speed (onward legs)",
        "公路运行速度（延伸段）",
        "km per day",
        "公里/天",
        "Trucks on the onward legs from a foreign port or border station into a landlocked country or from "
        "the China–Europe terminal: a driver may drive 9 hours a day (EU and AETR rules), at an average of "
        "about 55 km/h. Borders on the way (not inside the EU or the Eurasian Economic Union) count as "
        "stops. An estimate.",
        "从境外港口或口岸站、或从中欧班列终点站进入目的国的公路延伸段：司机每天最多驾驶9小时（欧盟及AETR规定），"
        "平均时速约55公里。途经的边境（欧盟或欧亚经济联盟内部除外）计为停留。估计值。",
        (
            "Regulation (EC) No 561/2006, Article 6 (daily driving time 9 hours)",
            "UNECE, European Agreement concerning the Work of Crews of Vehicles engaged in International "
            "Road Transport (AETR), Article 6",
        ),
    ),
    Assumption(
        "dwell_days",
        "Days per stop",
        "每次停留天数",
        "days",
        "天",
        "Each transshipment (rail to sea at Qinzhou, river to sea at Shanghai), each border with customs or "
        "a gauge change, and the Three Gorges locks: about 17 h of waiting at the locks on average plus "
        "4–8 h of passage; borders and transshipments typically take a day or two. An estimate.",
        "每次转运（钦州港铁转海、上海江转海）、每个通关或换轨口岸、三峡船闸各计一次：三峡平均待闸约17小时，"
        "过闸4—8小时；口岸及转运通常需一两天。估计值。",
        (
            "Yangtze Business Services, 18 January 2012 (17 h average waiting, official figures) and 6 March "
            "2013 (more than 70 % of vessels wait 26 h, Yangtze River Administration)",
        ),
    ),
)

NOT_COUNTED = {
    "en": "Not counted: loading at the factory, waiting for a sailing, customs at destination and the last "
    "mile. The days are estimates, not timetables or quotes.",
    "zh": "未计入：工厂装车、等待船期、目的地清关及末端配送。天数为估计值，不是时刻表或报价。",
}


def assumptions_json(params: TransitParams, lang: str = "en") -> list[dict[str, Any]]:
    """The assumptions with their values now (``params``) and defaults, for JSON output."""
    return [
        {
            "key": a.key,
            "label": a.label(lang),
            "value": float(getattr(params, a.key)),
            "default": a.default,
            "unit": a.unit(lang),
            "basis": a.basis(lang),
            "sources": list(a.sources),
        }
        for a in ASSUMPTIONS
    ]


def check_complete() -> None:
    """Every parameter of the model has its assumption (raises otherwise; for the tests)."""
    missing = {f.name for f in fields(TransitParams)} - {a.key for a in ASSUMPTIONS}
    if missing:
        raise AssertionError(f"transit parameters without an assumption entry: {sorted(missing)}")
