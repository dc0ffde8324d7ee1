"""Hand-curated tables of the onward legs: from a foreign gateway (a sea port or a border station) into the
destination country, so that every route offered arrives in the country it is offered for.

A route whose legs end outside its country gets an onward leg to the country's arrival city: rail where a
table below names the line (``ONWARD_RAIL``), else road on the OpenStreetMap highway graph. Coordinates of
arrival cities come from ``cities.csv`` (GeoNames) by the English name given here.
"""

from __future__ import annotations

from typing import Any

from .corridor_tables import PortSpec

# iso3 -> (place id, name in cities.csv, name in Chinese): where a route that does not reach the country by
# its own legs
# arrives (the capital, or for Burundi its largest city and port on Lake Tanganyika).
ARRIVAL_CITY: dict[str, tuple[str, str, str]] = {
    "AFG": ("AF-KBL", "Kabul", "喀布尔"),
    "ALB": ("AL-TIA", "Tirana", "地拉那"),
    "AND": ("AD-ALV", "Andorra la Vella", "安道尔城"),
    "ARM": ("AM-EVN", "Yerevan", "埃里温"),
    "AUT": ("AT-VIE", "Vienna", "维也纳"),
    "AZE": ("AZ-BAK", "Baku", "巴库"),
    "BDI": ("BI-BJM", "Bujumbura", "布琼布拉"),
    "BEL": ("BE-BRU", "Brussels", "布鲁塞尔"),
    "BFA": ("BF-OUA", "Ouagadougou", "瓦加杜古"),
    "BGR": ("BG-SOF", "Sofia", "索非亚"),
    "BIH": ("BA-SJJ", "Sarajevo", "萨拉热窝"),
    "BLR": ("BY-MSQ", "Minsk", "明斯克"),
    "BOL": ("BO-LPB", "La Paz", "拉巴斯"),
    "BTN": ("BT-THI", "Thimphu", "廷布"),
    "BWA": ("BW-GBE", "Gaborone", "哈博罗内"),
    "CAF": ("CF-BGF", "Bangui", "班吉"),
    "CHE": ("CH-BRN", "Bern", "伯尔尼"),
    "CZE": ("CZ-PRG", "Prague", "布拉格"),
    "DNK": ("DK-CPH", "Copenhagen", "哥本哈根"),
    "ESP": ("ES-MAD", "Madrid", "马德里"),
    "EST": ("EE-TLL", "Tallinn", "塔林"),
    "ETH": ("ET-ADD", "Addis Ababa", "亚的斯亚贝巴"),
    "FIN": ("FI-HEL", "Helsinki", "赫尔辛基"),
    "FRA": ("FR-PAR", "Paris", "巴黎"),
    "GRC": ("GR-ATH", "Athens", "雅典"),
    "HRV": ("HR-ZAG", "Zagreb", "萨格勒布"),
    "HUN": ("HU-BUD", "Budapest", "布达佩斯"),
    "ITA": ("IT-ROM", "Rome", "罗马"),
    "KGZ": ("KG-FRU", "Bishkek", "比什凯克"),
    "LAO": ("LA-VTE", "Vientiane", "万象"),
    "LIE": ("LI-VDZ", "Vaduz", "瓦杜兹"),
    "LSO": ("LS-MSU", "Maseru", "马塞卢"),
    "LTU": ("LT-VNO", "Vilnius", "维尔纽斯"),
    "LUX": ("LU-LUX", "Luxembourg", "卢森堡"),
    "LVA": ("LV-RIX", "Riga", "里加"),
    "MCO": ("MC-MON", "Monaco", "摩纳哥"),
    "MDA": ("MD-KIV", "Chisinau", "基希讷乌"),
    "MKD": ("MK-SKP", "Skopje", "斯科普里"),
    "MLI": ("ML-BKO", "Bamako", "巴马科"),
    "MNE": ("ME-TGD", "Podgorica", "波德戈里察"),
    "MNG": ("MN-ULN", "Ulan Bator", "乌兰巴托"),
    "MWI": ("MW-LLW", "Lilongwe", "利隆圭"),
    "NER": ("NE-NIM", "Niamey", "尼亚美"),
    "NLD": ("NL-AMS", "Amsterdam", "阿姆斯特丹"),
    "NOR": ("NO-OSL", "Oslo", "奥斯陆"),
    "NPL": ("NP-KTM", "Kathmandu", "加德满都"),
    "PRT": ("PT-LIS", "Lisbon", "里斯本"),
    "PRY": ("PY-ASU", "Asunción", "亚松森"),
    "PSE": ("PS-RMH", "Ramallah", "拉姆安拉"),
    "ROU": ("RO-BUH", "Bucharest", "布加勒斯特"),
    "RWA": ("RW-KGL", "Kigali", "基加利"),
    "SMR": ("SM-SAI", "San Marino", "圣马力诺"),
    "SRB": ("RS-BEG", "Belgrade", "贝尔格莱德"),
    "SSD": ("SS-JUB", "Juba", "朱巴"),
    "SVK": ("SK-BTS", "Bratislava", "布拉迪斯拉发"),
    "SVN": ("SI-LJU", "Ljubljana", "卢布尔雅那"),
    "SWE": ("SE-STO", "Stockholm", "斯德哥尔摩"),
    "SWZ": ("SZ-MBA", "Mbabane", "姆巴巴内"),
    "TCD": ("TD-NDJ", "N'Djamena", "恩贾梅纳"),
    "THA": ("TH-BKK", "Bangkok", "曼谷"),
    "TJK": ("TJ-DYU", "Dushanbe", "杜尚别"),
    "TKM": ("TM-ASB", "Ashgabat", "阿什哈巴德"),
    "UGA": ("UG-KLA", "Kampala", "坎帕拉"),
    "UKR": ("UA-IEV", "Kyiv", "基辅"),
    "UZB": ("UZ-TAS", "Tashkent", "塔什干"),
    "VAT": ("VA-VAT", "Vatican City", "梵蒂冈城"),
    "XKX": ("XK-PRN", "Pristina", "普里什蒂纳"),
    "ZMB": ("ZM-LUN", "Lusaka", "卢萨卡"),
    "ZWE": ("ZW-HRE", "Harare", "哈拉雷"),
}  # fmt: skip
# Places an onward rail leg passes on its way that are not a country's arrival city.
VIA_CITIES: dict[str, tuple[str, str, str]] = {"AF-MZR": ("AFG", "Mazār-e Sharīf", "马扎里沙里夫")}
# English names shown where the gazetteer's differ.
DISPLAY_NAMES = {"Mazār-e Sharīf": "Mazar-i-Sharif", "Ulan Bator": "Ulaanbaatar"}

# Countries no route is offered to: uninhabited or without a port of call (Antarctica, the French Southern
# and Antarctic Lands, Heard and McDonald Islands, Pitcairn), and Western Sahara, whose only port (Laayoune)
# lies outside the territory's outline in the basemap.
NO_ROUTE = frozenset({"ATA", "ATF", "HMD", "PCN", "ESH"})
# Central Asia is served by rail (the cross-border trains); the sea routes to a Georgian or Pakistani port
# and then thousands of km by road are not offered.
NO_SEA_ROUTE = frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"})
# Islands of Europe: the China–Europe trains end on the continent and the road graph has no ferries.
# Finland too: its road from the terminals needs the Tallinn ferry (the graph's way is through Russia).
NO_CHINA_EUROPE = frozenset({"ALA", "FIN", "FRO", "GBR", "GGY", "IMN", "IRL", "ISL", "JEY", "MLT"})
# Where the China–Europe trains may end before the onward road: the nearer to the arrival city is used.
CHINA_EUROPE_TERMINALS = ("PL-MAL", "DEDUI")
# ... except Scandinavia, reached by road over the Danish bridges from Duisburg (no ferries in the graph).
TERMINAL_FOR = {"DNK": "DEDUI", "NOR": "DEDUI", "SWE": "DEDUI"}

# Hand-placed sea ports that replace a neighbour's port as a gateway, or move a port onto its island.
ONWARD_SEA_PORTS: tuple[PortSpec, ...] = (
    PortSpec("AI-RBY", "", "Road Bay (Anguilla)", "罗德湾（安圭拉）", "sea", "hand", -63.092, 18.203,
             "Road Bay, Sandy Ground: Anguilla's cargo port"),
    PortSpec("BL-GUS", "", "Gustavia", "古斯塔维亚", "sea", "hand", -62.852, 17.899,
             "Gustavia harbour, Saint-Barthélemy"),
    PortSpec("MF-MAR", "", "Marigot", "马里戈特", "sea", "hand", -63.088, 18.071,
             "Marigot harbour, Saint-Martin (French part)"),
)  # fmt: skip
SEA_GATEWAY_CHANGES = {"AIA": "AI-RBY", "BLM": "BL-GUS", "MAF": "MF-MAR"}
# Ports whose registry point lies off the island in the 1:50m outline: the quay, placed by hand.
PORT_POSITION_FIXES: dict[str, tuple[float, float, str]] = {
    "KITAI": (172.930, 1.356, "Betio port, Tarawa (the registry point is in the lagoon)"),
    "TCPLS": (-72.230, 21.748, "South Dock, Providenciales"),
}

# Ports in a territory whose code differs from the port's country prefix.
PORT_COUNTRY = {"FIMHQ": "ALA"}  # Mariehamn, Åland

# Onward rail legs, in the form of corridor_tables.RAIL_LEGS: (from, to, name_en, name_zh, pieces).
# Central Asia: the OpenStreetMap graph is broken there (Dostyk – Bishkek came out 3.1 times the straight
# line), so the lines are drawn through their stations: the Turkestan–Siberia railway (Aktogay, Almaty, Shu,
# Lugovaya), the Arys – Saryagash – Tashkent line, the Tashkent – Samarkand – Karshi – Guzar – Boysun –
# Kumkurgan line with Denau – Sariasiya – Tursunzoda to Dushanbe and Termez – Hairatan to Mazar-i-Sharif,
# and the Bukhara – Turkmenabat – Mary – Ashgabat line.
_TURKSIB = ((82.484, 45.255), (79.62, 46.95), (77.97, 45.25), (77.96, 44.36), (76.94, 43.34), (75.21, 43.53),
            (73.76, 43.60), (72.76, 42.95))  # fmt: skip
# Altynkol – Zhetygen railway (293 km) to the Turkestan–Siberia railway at Almaty
_ALTYNKOL = ((80.31, 44.18), (79.50, 44.10), (78.77, 44.13), (77.64, 43.69), (76.94, 43.34), (75.21, 43.53),
             (73.76, 43.60), (72.76, 42.95))  # fmt: skip
_TAS_GUZAR = ((69.24, 41.30), (68.66, 40.85), (67.84, 40.12), (66.96, 39.65), (65.79, 38.86), (66.25, 38.62),
              (67.20, 38.21), (67.58, 37.83))  # fmt: skip
ONWARD_RAIL_LEGS = {
    "R-DOS-FRU": ("KZ-DOS", "KG-FRU", "Dostyk – Aktogay – Almaty – Shu – Lugovaya – Bishkek",
                  "多斯特克—阿克斗卡—阿拉木图—楚河—卢戈瓦亚—比什凯克",
                  (("hand", (*_TURKSIB, (73.18, 42.87), (73.85, 42.81), (74.59, 42.87))),)),
    "R-DOS-TAS": ("KZ-DOS", "UZ-TAS",
                  "Dostyk – Almaty – Shu – Taraz – Shymkent – Arys – Saryagash – Tashkent",
                  "多斯特克—阿拉木图—楚河—塔拉兹—奇姆肯特—阿雷斯—萨雷阿加什—塔什干",
                  (("hand", (*_TURKSIB, (71.37, 42.90), (69.59, 42.32), (68.80, 42.43), (69.15, 41.45),
                             (69.24, 41.30))),)),
    "R-ALT-FRU": ("KZ-ALT", "KG-FRU", "Altynkol – Zhetygen – Almaty – Shu – Lugovaya – Bishkek",
                  "阿腾科里—热特肯—阿拉木图—楚河—卢戈瓦亚—比什凯克",
                  (("hand", (*_ALTYNKOL, (73.18, 42.87), (73.85, 42.81), (74.59, 42.87))),)),
    "R-ALT-TAS": ("KZ-ALT", "UZ-TAS",
                  "Altynkol – Almaty – Shu – Taraz – Shymkent – Arys – Saryagash – Tashkent",
                  "阿腾科里—阿拉木图—楚河—塔拉兹—奇姆肯特—阿雷斯—萨雷阿加什—塔什干",
                  (("hand", (*_ALTYNKOL, (71.37, 42.90), (69.59, 42.32), (68.80, 42.43), (69.15, 41.45),
                             (69.24, 41.30))),)),
    "R-TAS-DYU": ("UZ-TAS", "TJ-DYU", "Tashkent – Samarkand – Karshi – Kumkurgan – Sariasiya – Dushanbe",
                  "塔什干—撒马尔罕—卡尔希—库姆库尔干—萨里阿西亚—杜尚别",
                  (("hand", (*_TAS_GUZAR, (67.90, 38.27), (67.95, 38.42), (68.23, 38.51), (68.78, 38.56))),)),
    "R-TAS-MZR": ("UZ-TAS", "AF-MZR", "Tashkent – Samarkand – Karshi – Termez – Hairatan – Mazar-i-Sharif",
                  "塔什干—撒马尔罕—卡尔希—铁尔梅兹—海拉顿—马扎里沙里夫",
                  (("hand", (*_TAS_GUZAR, (67.28, 37.22), (67.42, 37.21), (67.11, 36.71))),)),
    "R-TAS-ASB": ("UZ-TAS", "TM-ASB", "Tashkent – Samarkand – Bukhara – Turkmenabat – Mary – Ashgabat",
                  "塔什干—撒马尔罕—布哈拉—土库曼纳巴德—马雷—阿什哈巴德",
                  (("hand", (*_TAS_GUZAR[:4], (65.38, 40.10), (64.55, 39.72), (63.58, 39.08), (61.83, 37.60),
                             (60.50, 37.38), (58.38, 37.95))),)),
    # the graph's Trans-Mongolian line is a few long straight edges (631 km for 617 km straight): drawn
    # through its stations instead (Zamyn-Üüd, Airag, Sainshand, Choir, Bayan, Ulaanbaatar)
    "R-ERL-ULN": ("CN-ERL", "MN-ULN", "Erenhot – Zamyn-Üüd – Sainshand – Choir – Ulaanbaatar",
                  "二连浩特—扎门乌德—赛音山达—乔伊尔—乌兰巴托",
                  (("hand", ((111.90, 43.72), (110.82, 44.58), (110.14, 44.88), (109.26, 45.56),
                             (108.36, 46.36), (107.55, 47.19), (107.20, 47.67), (106.92, 47.92))),)),
    "R-TSN-ERL": ("CNTSN", "CN-ERL", "Tianjin – Beijing – Jining – Erenhot", "天津—北京—集宁—二连浩特",
                  (("graph", ((117.75, 39.0), (116.4, 39.9), (113.12, 41.03), (111.989, 43.648))),)),
    "R-DJI-ADD": ("DJJIB", "ET-ADD",
                  "Djibouti – Dire Dawa – Adama – Addis Ababa (Addis Ababa–Djibouti Railway)",
                  "吉布提—德雷达瓦—阿达玛—亚的斯亚贝巴（亚吉铁路）",
                  (("graph", ((43.10, 11.55), (41.85, 9.59), (39.27, 8.54), (38.75, 9.00))),)),
    # Thanaleng – Nong Khai and the metre-gauge Northeastern Line (Udon Thani, Khon Kaen, Nakhon Ratchasima,
    # Kaeng Khoi, Ayutthaya): the graph has gaps in northeast Thailand.
    "R-VTE-BKK": ("LAVTE", "TH-BKK", "Vientiane – Nong Khai – Khon Kaen – Nakhon Ratchasima – Bangkok",
                  "万象—廊开—孔敬—呵叻—曼谷",
                  (("hand", ((102.72, 17.90), (102.74, 17.86), (102.80, 17.41), (102.83, 16.43),
                             (102.42, 15.59), (102.10, 14.98), (100.99, 14.59), (100.58, 14.36),
                             (100.53, 13.80))),)),
}  # fmt: skip
# (gateway, iso3) -> the rail legs from the gateway to the arrival city (else: road).
ONWARD_RAIL: dict[tuple[str, str], tuple[str, ...]] = {
    ("KZ-DOS", "KGZ"): ("R-DOS-FRU",),
    ("KZ-DOS", "UZB"): ("R-DOS-TAS",),
    ("KZ-DOS", "TJK"): ("R-DOS-TAS", "R-TAS-DYU"),
    ("KZ-DOS", "TKM"): ("R-DOS-TAS", "R-TAS-ASB"),
    ("KZ-DOS", "AFG"): ("R-DOS-TAS", "R-TAS-MZR"),
    ("KZ-ALT", "KGZ"): ("R-ALT-FRU",),
    ("KZ-ALT", "UZB"): ("R-ALT-TAS",),
    ("KZ-ALT", "TJK"): ("R-ALT-TAS", "R-TAS-DYU"),
    ("KZ-ALT", "TKM"): ("R-ALT-TAS", "R-TAS-ASB"),
    ("KZ-ALT", "AFG"): ("R-ALT-TAS", "R-TAS-MZR"),
    ("CN-ERL", "MNG"): ("R-ERL-ULN",),
    ("CNTSN", "MNG"): ("R-TSN-ERL", "R-ERL-ULN"),
    ("DJJIB", "ETH"): ("R-DJI-ADD",),
    ("LAVTE", "THA"): ("R-VTE-BKK",),
}

# Road legs the highway graph cannot make in one piece (an end on a disconnected bit of the graph, the
# Danish islands without the Great Belt bridge): pieces as in RAIL_LEGS, "start"/"end" for the leg's ends.
_TO_ANDORRA = (("graph", ("start", (1.46, 42.36))), ("hand", ((1.49, 42.43),)))  # La Seu d'Urgell, Sant Julià
_TO_KORSOR = (("graph", ("start", (10.39, 55.40))), ("hand", ((10.81, 55.31),)))
_OERESUND = (("graph", ((11.14, 55.33), (12.57, 55.68))),)  # Korsør – Copenhagen, then the bridge to Malmö


def _via(*points: tuple[float, float]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    return (("graph", ("start", *points, "end")),)


# Roads the graph's shortest path would take through a third country that trade avoids: held to the
# corridors by towns they pass. Poland to the Baltic states and Ukraine without Belarus (closed to EU
# trucks since 2022); to Romania and Bulgaria through Slovakia and Hungary.
_BALTIC = _via((23.16, 53.13), (22.93, 54.10))  # Białystok, Suwałki
_SOUTHEAST = _via(
    (22.00, 50.04), (21.26, 48.72), (21.63, 47.53), (21.92, 47.06)
)  # Rzeszów, Košice, Debrecen, Oradea
_PIRAEUS_NORTH = _via(
    (22.94, 40.64), (21.43, 42.00), (21.90, 43.32)
)  # Thessaloniki, Skopje, Niš (Corridor X)
# the graph leaves Mombasa only southwards: out of the port by hand (Changamwe), then Mariakani, Voi, Nairobi
_NORTHERN_CORRIDOR = (
    ("hand", ((39.62, -4.03),)),
    ("graph", ((39.47, -3.86), (38.56, -3.40), (36.82, -1.29), "end")),
)
ROAD_PIECES: dict[tuple[str, str], tuple[tuple[str, tuple[Any, ...]], ...]] = {
    ("PL-MAL", "LT-VNO"): _BALTIC, ("PL-MAL", "LV-RIX"): _BALTIC, ("PL-MAL", "EE-TLL"): _BALTIC,
    ("PL-MAL", "UA-IEV"): _via((23.47, 51.13), (24.71, 51.21)),  # Chełm, Kovel
    ("PL-MAL", "MD-KIV"): _via((23.47, 51.13), (24.03, 49.84), (25.94, 48.29)),  # Chełm, Lviv, Chernivtsi
    ("PL-MAL", "RO-BUH"): _SOUTHEAST, ("PL-MAL", "BG-SOF"): _SOUTHEAST,
    ("GRPIR", "HU-BUD"): _PIRAEUS_NORTH, ("GRPIR", "RS-BEG"): _PIRAEUS_NORTH,
    # the Albania – Kosovo motorway (Milot, Rrëshen, Kalimash tunnel, Kukës, Morinë), not in the graph
    ("ALDRZ", "XK-PRN"): (("graph", ("start", (19.71, 41.68))), ("hand", ((19.88, 41.77), (20.25, 42.00),
                          (20.42, 42.08), (20.55, 42.13))), ("graph", ((20.74, 42.21), "end"))),
    ("INCCU", "BT-THI"): _via((88.14, 25.00), (88.43, 26.72)),  # Malda, Siliguri: in India
    ("KEMBA", "UG-KLA"): _NORTHERN_CORRIDOR, ("KEMBA", "SS-JUB"): _NORTHERN_CORRIDOR,
    # Mbeya, Mpika, Kapiri Mposhi
    ("TZDAR", "ZM-LUN"): _via((33.46, -8.90), (31.45, -11.83), (28.68, -13.97)),
    # Ngaoundéré, Garoua, Maroua, Mora, Waza, Kousséri: the Douala – N'Djamena corridor in Cameroon
    # (the graph's road north of Mora runs through Nigeria: Mora – Waza – Kousséri by hand)
    ("CMDLA", "TD-NDJ"): (("graph", ("start", (13.58, 7.32), (13.40, 9.30), (14.32, 10.59), (14.14, 11.05))),
                          ("hand", ((14.57, 11.40), (14.85, 11.85))), ("graph", ((15.03, 12.08), "end"))),
    ("MZBEW", "MW-LLW"): _via((33.59, -16.16), (35.01, -15.79)),  # Tete, Zóbuè – Mwanza, Blantyre
    ("CLARI", "BO-LPB"): _via((-69.56, -18.20),),  # Putre, Tambo Quemado

    ("DEDUI", "AD-ALV"): _TO_ANDORRA,
    ("ESBCN", "AD-ALV"): _TO_ANDORRA,
    # Odense, then Nyborg – Great Belt bridge – Korsør, then on to Copenhagen (and over the Øresund bridge)
    ("DEDUI", "DK-CPH"): (*_TO_KORSOR, ("graph", ((11.14, 55.33), "end"))),
    ("DEDUI", "NO-OSL"): (*_TO_KORSOR, *_OERESUND, ("graph", ((13.00, 55.60), "end"))),
    ("DEDUI", "SE-STO"): (*_TO_KORSOR, *_OERESUND, ("graph", ((13.00, 55.60), "end"))),
    # Laem Chabang – Sri Racha – Chonburi, Khon Kaen, the Friendship Bridge at Nong Khai
    ("THLCH", "LA-VTE"): (("hand", ((100.93, 13.17),)),
                          ("graph", ((100.98, 13.36), (102.83, 16.43), (102.60, 17.97)))),
    # Paysandú – Colón bridge, Resistencia, Clorinda (through Argentina, not Brazil); the graph's nodes
    # nearest the port and Asunción are cut off: the first and last km drawn by hand
    ("UYMVD", "PY-ASU"): (("graph", ((-56.20, -34.90), (-58.08, -32.32), (-58.98, -27.45), (-57.72, -25.28),
                                     (-57.60, -25.30))),),
}  # fmt: skip

# Customs unions: a border between two members has no customs stop (EU, and the Eurasian Economic Union).
EU = frozenset({"AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN",
                "IRL", "ITA", "LVA", "LTU", "LUX", "MLT", "NLD", "POL", "PRT", "ROU", "SVK", "SVN", "ESP",
                "SWE", "MCO", "SMR", "VAT"})  # fmt: skip
EAEU = frozenset({"ARM", "BLR", "KAZ", "KGZ", "RUS"})
CUSTOMS_UNIONS = (EU, EAEU)
