"""Hand-curated tables of the corridor build: ports and hubs, rail waypoint chains, country gateways.

Coordinates are looked up by UN/LOCODE (``src="searoute"``: searoute's ports.geojson; ``src="wpi"``: NGA
World Port Index rows of harborly's registry) unless given here by hand (``src="hand"``, lon/lat with a note).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PortSpec:
    id: str
    locode: str
    name_en: str
    name_zh: str
    kind: str  # sea | river | rail | dry
    src: str  # searoute | wpi | geonames | hand
    lon: float | None = None
    lat: float | None = None
    note: str = ""


# Hubs of the corridor itself (hand-placed on the rail line / quay; checked against the OSM rail graph).
HUBS: tuple[PortSpec, ...] = (
    PortSpec("CNCKG", "CNCKG", "Chongqing Guoyuan Port", "重庆果园港", "river", "hand", 106.680, 29.625,
             "Guoyuan container port on the Yangtze, placed by hand"),
    PortSpec("CN-TJC", "CNCKG", "Chongqing Tuanjiecun rail hub", "重庆团结村铁路集装箱中心站", "rail", "hand",
             106.374, 29.591, "Tuanjiecun container centre, on the OpenStreetMap rail graph"),
    PortSpec("CNNNG", "CNNNG", "Nanning International Railway Port", "南宁国际铁路港", "dry", "hand",
             108.367, 22.840, "Nanning rail junction, on the OpenStreetMap rail graph"),
    PortSpec("CNKMG", "CNKMG", "Kunming rail hub", "昆明铁路枢纽", "rail", "hand", 102.720, 25.018,
             "Kunming, on the OpenStreetMap rail graph"),
    PortSpec("CN-ERL", "", "Erenhot rail port", "二连浩特铁路口岸", "rail", "hand", 111.989, 43.648,
             "Erenhot border station (China–Mongolia)"),
    PortSpec("CN-ALA", "", "Alashankou rail port", "阿拉山口铁路口岸", "rail", "hand", 82.568, 45.170,
             "Alashankou border station (China–Kazakhstan)"),
    PortSpec("KZ-DOS", "", "Dostyk", "多斯特克", "rail", "hand", 82.484, 45.255,
             "Dostyk border station (Kazakhstan), gauge change"),
    PortSpec("RUMOW", "RUMOW", "Moscow", "莫斯科", "rail", "hand", 37.640, 55.729, "Moscow rail junction"),
    PortSpec("BYBQT", "BYBQT", "Brest", "布列斯特", "rail", "searoute"),
    PortSpec("PL-MAL", "", "Małaszewicze", "马拉舍维奇", "rail", "hand", 23.536, 52.029,
             "Małaszewicze terminal (Poland), gauge change"),
    PortSpec("DEDUI", "DEDUI", "Duisburg", "杜伊斯堡", "rail", "searoute"),
    PortSpec("VNHAN", "VNHAN", "Hanoi", "河内", "rail", "hand", 105.880, 21.052,
             "Hanoi (Yen Vien/Gia Lam), on the OpenStreetMap rail graph"),
    PortSpec("LAVTE", "LAVTE", "Vientiane", "万象", "rail", "hand", 102.681, 18.049,
             "Vientiane station of the China–Laos Railway"),
    PortSpec("CNQZH", "CNQZH", "Qinzhou", "钦州港", "sea", "searoute"),
    PortSpec("CNBIH", "CNBIH", "Beihai", "北海港", "sea", "wpi"),
    PortSpec("CNFAN", "CNFAN", "Fangchenggang", "防城港", "sea", "geonames", 108.35155, 21.60682,
             "GeoNames 'Fangcheng Port' via harborly (the UN/LOCODE point is 16 km inland)"),
    PortSpec("CNSHA", "CNSHA", "Shanghai", "上海港", "sea", "searoute"),
    PortSpec("VNSGN", "VNSGN", "Ho Chi Minh City", "胡志明市", "sea", "searoute"),
)

# Sea ports: (locode, name_en, name_zh, src). Coordinates from searoute unless src says otherwise.
SEA_PORTS: tuple[tuple[str, str, str, str], ...] = (
    ("AEJEA", "Jebel Ali", "杰贝阿里", "searoute"),
    ("AGSJS", "St. John's", "圣约翰斯", "searoute"),
    ("ALDRZ", "Durrës", "都拉斯", "searoute"),
    ("AOLAD", "Luanda", "罗安达", "searoute"),
    ("ARBUE", "Buenos Aires", "布宜诺斯艾利斯", "searoute"),
    ("ASPPG", "Pago Pago", "帕果帕果", "searoute"),
    ("AUHBA", "Hobart", "霍巴特", "searoute"),
    ("AUMEL", "Melbourne", "墨尔本", "searoute"),
    ("AWORJ", "Oranjestad", "奥拉涅斯塔德", "searoute"),
    ("BBBGI", "Bridgetown", "布里奇敦", "searoute"),
    ("BDCGP", "Chittagong", "吉大港", "searoute"),
    ("BEANR", "Antwerp", "安特卫普", "searoute"),
    ("BGVAR", "Varna", "瓦尔纳", "searoute"),
    ("BHMSN", "Mina Sulman", "米纳苏尔曼", "searoute"),
    ("BJCOO", "Cotonou", "科托努", "searoute"),
    ("BMBDA", "Hamilton", "汉密尔顿", "searoute"),
    ("BNMUA", "Muara", "摩拉", "searoute"),
    ("BRSSZ", "Santos", "桑托斯", "searoute"),
    ("BSNAS", "Nassau", "拿骚", "searoute"),
    ("BZBZE", "Belize City", "伯利兹城", "searoute"),
    ("CAVAN", "Vancouver", "温哥华", "searoute"),
    ("CGPNR", "Pointe-Noire", "黑角", "searoute"),
    ("CIABJ", "Abidjan", "阿比让", "searoute"),
    ("CKRAR", "Rarotonga", "拉罗汤加", "searoute"),
    ("CLARI", "Arica", "阿里卡", "searoute"),
    ("CLSAI", "San Antonio", "圣安东尼奥", "searoute"),
    ("CMDLA", "Douala", "杜阿拉", "searoute"),
    ("CDMAT", "Matadi", "马塔迪", "searoute"),
    ("CNTSN", "Tianjin", "天津港", "searoute"),
    ("COBUN", "Buenaventura", "布埃纳文图拉", "searoute"),
    ("CRCAL", "Caldera", "卡尔德拉", "searoute"),
    ("CUMAR", "Mariel", "马里埃尔", "searoute"),
    ("CVRAI", "Praia", "普拉亚", "searoute"),
    ("CWWIL", "Willemstad", "威廉斯塔德", "searoute"),
    ("CYLMS", "Limassol", "利马索尔", "searoute"),
    ("DEHAM", "Hamburg", "汉堡", "searoute"),
    ("DJJIB", "Djibouti", "吉布提", "searoute"),
    ("DKAAR", "Aarhus", "奥胡斯", "searoute"),
    ("DMRSU", "Roseau", "罗索", "searoute"),
    ("DOCAU", "Caucedo", "考塞多", "searoute"),
    ("DZALG", "Algiers", "阿尔及尔", "searoute"),
    ("ECGYE", "Guayaquil", "瓜亚基尔", "searoute"),
    ("EETLL", "Tallinn", "塔林", "searoute"),
    ("EGPSD", "Port Said", "塞得港", "searoute"),
    ("ERMSW", "Massawa", "马萨瓦", "searoute"),
    ("ESBCN", "Barcelona", "巴塞罗那", "searoute"),
    ("ESVLC", "Valencia", "瓦伦西亚", "searoute"),
    ("FIHEL", "Helsinki", "赫尔辛基", "searoute"),
    ("FIMHQ", "Mariehamn", "玛丽港", "searoute"),
    ("FJSUV", "Suva", "苏瓦", "searoute"),
    ("FKPSY", "Stanley", "斯坦利港", "searoute"),
    ("FMYAP", "Yap", "雅浦", "searoute"),
    ("FOTHO", "Tórshavn", "托尔斯港", "searoute"),
    ("FRLEH", "Le Havre", "勒阿弗尔", "searoute"),
    ("GALBV", "Libreville", "利伯维尔", "searoute"),
    ("GBSOU", "Southampton", "南安普敦", "searoute"),
    ("GDSTG", "St. George's", "圣乔治", "searoute"),
    ("GEPTI", "Poti", "波季", "searoute"),
    ("GGSPT", "St. Peter Port", "圣彼得港", "wpi"),
    ("GHTEM", "Tema", "特马", "searoute"),
    ("GNCKY", "Conakry", "科纳克里", "searoute"),
    ("GMBJL", "Banjul", "班珠尔", "searoute"),
    ("GQBSG", "Bata", "巴塔", "searoute"),
    ("GRPIR", "Piraeus", "比雷埃夫斯", "searoute"),
    ("GRSKG", "Thessaloniki", "塞萨洛尼基", "searoute"),
    ("GSGRV", "Grytviken", "古利德维肯", "searoute"),
    ("GTPRQ", "Puerto Quetzal", "克察尔港", "searoute"),
    ("GUAPR", "Apra Harbor", "阿普拉港", "searoute"),
    ("GWOXB", "Bissau", "比绍", "searoute"),
    ("GYGEO", "Georgetown", "乔治敦", "searoute"),
    ("HKHKG", "Hong Kong", "香港", "searoute"),
    ("HNPCR", "Puerto Cortés", "科尔特斯港", "searoute"),
    ("HRPLE", "Ploče", "普洛切", "searoute"),
    ("HRRJK", "Rijeka", "里耶卡", "searoute"),
    ("HTPAP", "Port-au-Prince", "太子港", "searoute"),
    ("IDJKT", "Jakarta", "雅加达", "searoute"),
    ("IEDUB", "Dublin", "都柏林", "searoute"),
    ("ILASH", "Ashdod", "阿什杜德", "searoute"),
    ("ILHFA", "Haifa", "海法", "searoute"),
    ("IMDGS", "Douglas", "道格拉斯", "wpi"),
    ("INCCU", "Kolkata", "加尔各答", "searoute"),
    ("INNSA", "Nhava Sheva", "那瓦舍瓦", "searoute"),
    ("IODGA", "Diego Garcia", "迪戈加西亚", "wpi"),
    ("IQUQR", "Umm Qasr", "乌姆盖斯尔", "searoute"),
    ("IRBND", "Bandar Abbas", "阿巴斯港", "searoute"),
    ("ISREY", "Reykjavík", "雷克雅未克", "searoute"),
    ("ITGOA", "Genoa", "热那亚", "searoute"),
    ("JESTH", "St. Helier", "圣赫利尔", "wpi"),
    ("JMKIN", "Kingston", "金斯敦", "searoute"),
    ("JOAQB", "Aqaba", "亚喀巴", "searoute"),
    ("JPYOK", "Yokohama", "横滨", "searoute"),
    ("KEMBA", "Mombasa", "蒙巴萨", "searoute"),
    ("KHSIH", "Sihanoukville", "西哈努克港", "searoute"),
    ("KITAI", "Tarawa", "塔拉瓦", "searoute"),
    ("KMMUT", "Mutsamudu", "穆察穆杜", "searoute"),
    ("KNBAS", "Basseterre", "巴斯特尔", "searoute"),
    ("KPNAM", "Nampo", "南浦", "searoute"),
    ("KRPUS", "Busan", "釜山", "searoute"),
    ("KWSAA", "Shuwaikh", "舒韦赫", "searoute"),
    ("KYGEC", "George Town", "乔治城", "searoute"),
    ("LBBEY", "Beirut", "贝鲁特", "searoute"),
    ("LCCAS", "Castries", "卡斯特里", "searoute"),
    ("LKCMB", "Colombo", "科伦坡", "searoute"),
    ("LRMLW", "Monrovia", "蒙罗维亚", "searoute"),
    ("LTKLJ", "Klaipėda", "克莱佩达", "searoute"),
    ("LVRIX", "Riga", "里加", "searoute"),
    ("LYTIP", "Tripoli", "的黎波里", "searoute"),
    ("MACAS", "Casablanca", "卡萨布兰卡", "searoute"),
    ("MAEUN", "Laayoune", "阿尤恩", "wpi"),
    ("MCMON", "Monaco", "摩纳哥", "searoute"),
    ("MEBAR", "Bar", "巴尔", "searoute"),
    ("MGTOA", "Toamasina", "图阿马西纳", "wpi"),
    ("MHMAJ", "Majuro", "马朱罗", "searoute"),
    ("MMRGN", "Yangon", "仰光", "searoute"),
    ("MOMFM", "Macao", "澳门", "searoute"),
    ("MPSPN", "Saipan", "塞班", "wpi"),
    ("MRNKC", "Nouakchott", "努瓦克肖特", "searoute"),
    ("MSLTB", "Little Bay", "小湾", "searoute"),
    ("MTMAR", "Marsaxlokk", "马尔萨什洛克", "searoute"),
    ("MUPLU", "Port Louis", "路易港", "searoute"),
    ("MVMLE", "Malé", "马累", "searoute"),
    ("MXZLO", "Manzanillo", "曼萨尼约", "searoute"),
    ("MYPKG", "Port Klang", "巴生港", "searoute"),
    ("MZBEW", "Beira", "贝拉", "searoute"),
    ("MZMPM", "Maputo", "马普托", "searoute"),
    ("NAWVB", "Walvis Bay", "鲸湾港", "searoute"),
    ("NCNOU", "Nouméa", "努美阿", "searoute"),
    ("NFKIN", "Kingston (Norfolk Island)", "金斯敦（诺福克岛）", "searoute"),
    ("NGLOS", "Lagos", "拉各斯", "searoute"),
    ("NICIO", "Corinto", "科林托", "searoute"),
    ("NLRTM", "Rotterdam", "鹿特丹", "searoute"),
    ("NOOSL", "Oslo", "奥斯陆", "searoute"),
    ("NRINU", "Nauru", "瑙鲁", "searoute"),
    ("NUALO", "Alofi", "阿洛菲", "searoute"),
    ("NZAKL", "Auckland", "奥克兰", "searoute"),
    ("OMSOH", "Sohar", "苏哈尔", "searoute"),
    ("PABLB", "Balboa", "巴尔博亚", "searoute"),
    ("PECLL", "Callao", "卡亚俄", "searoute"),
    ("PFPPT", "Papeete", "帕皮提", "searoute"),
    ("PGLAE", "Lae", "莱城", "searoute"),
    ("PHMNL", "Manila", "马尼拉", "searoute"),
    ("PKKHI", "Karachi", "卡拉奇", "searoute"),
    ("PLGDN", "Gdańsk", "格但斯克", "searoute"),
    ("PMSPI", "Saint-Pierre", "圣皮埃尔", "searoute"),
    ("PRSJU", "San Juan", "圣胡安", "searoute"),
    ("PTLIS", "Lisbon", "里斯本", "searoute"),
    ("QAHMD", "Hamad Port", "哈马德港", "searoute"),
    ("REPDG", "Le Port (Réunion)", "留尼汪港", "searoute"),
    ("ROCND", "Constanța", "康斯坦察", "searoute"),
    ("RULED", "Saint Petersburg", "圣彼得堡", "searoute"),
    ("RUVVO", "Vladivostok", "符拉迪沃斯托克", "searoute"),
    ("SAJED", "Jeddah", "吉达", "searoute"),
    ("SBHIR", "Honiara", "霍尼亚拉", "searoute"),
    ("SCPOV", "Port Victoria", "维多利亚港", "searoute"),
    ("SDPZU", "Port Sudan", "苏丹港", "searoute"),
    ("SEGOT", "Gothenburg", "哥德堡", "searoute"),
    ("SGSIN", "Singapore", "新加坡", "searoute"),
    ("SHASI", "Jamestown", "詹姆斯敦", "searoute"),
    ("SIKOP", "Koper", "科佩尔", "searoute"),
    ("SLFNA", "Freetown", "弗里敦", "searoute"),
    ("SNDKR", "Dakar", "达喀尔", "searoute"),
    ("SOMGQ", "Mogadishu", "摩加迪沙", "searoute"),
    ("SRPBM", "Paramaribo", "帕拉马里博", "searoute"),
    ("STTMS", "São Tomé", "圣多美", "searoute"),
    ("SVAQJ", "Acajutla", "阿卡胡特拉", "searoute"),
    ("SYLTK", "Latakia", "拉塔基亚", "searoute"),
    ("TCPLS", "Providenciales", "普罗维登西亚莱斯", "searoute"),
    ("TGLFW", "Lomé", "洛美", "searoute"),
    ("THLCH", "Laem Chabang", "林查班", "searoute"),
    ("TLDIL", "Dili", "帝力", "wpi"),
    ("TNRAD", "Radès", "拉迪斯", "searoute"),
    ("TOTBU", "Nuku'alofa", "努库阿洛法", "wpi"),
    ("TRAMR", "Ambarlı (Istanbul)", "安巴尔勒（伊斯坦布尔）", "searoute"),
    ("TTPOS", "Port of Spain", "西班牙港", "searoute"),
    ("TVFUN", "Funafuti", "富纳富提", "searoute"),
    ("TWKHH", "Kaohsiung", "高雄", "searoute"),
    ("TZDAR", "Dar es Salaam", "达累斯萨拉姆", "searoute"),
    ("UAODS", "Odesa", "敖德萨", "searoute"),
    ("USLAX", "Los Angeles", "洛杉矶", "searoute"),
    ("UYMVD", "Montevideo", "蒙得维的亚", "searoute"),
    ("VCKTN", "Kingstown", "金斯敦（圣文森特）", "searoute"),
    ("VEPBL", "Puerto Cabello", "卡贝略港", "searoute"),
    ("VGTOV", "Road Town", "罗德城", "searoute"),
    ("VICHA", "Charlotte Amalie", "夏洛特阿马利亚", "searoute"),
    ("VNHPH", "Haiphong", "海防", "searoute"),
    ("VUVLI", "Port Vila", "维拉港", "searoute"),
    ("WFMAU", "Mata-Utu", "马塔乌图", "wpi"),
    ("WSAPW", "Apia", "阿皮亚", "searoute"),
    ("YEADE", "Aden", "亚丁", "searoute"),
    ("ZADUR", "Durban", "德班", "searoute"),
)
# Sea ports with no point in either registry: placed by hand.
HAND_SEA_PORTS: tuple[PortSpec, ...] = (
    PortSpec("SXPHI", "SXPHI", "Philipsburg", "菲利普斯堡", "sea", "hand", -63.047, 18.017,
             "Philipsburg harbour, Sint Maarten"),
    PortSpec("GLGOH", "GLGOH", "Nuuk", "努克", "sea", "hand", -51.725, 64.170, "Nuuk harbour, Greenland"),
    PortSpec("PW-MKK", "", "Malakal Harbor (Koror)", "马拉卡尔港（科罗尔）", "sea", "wpi", 134.450, 7.333,
             "NGA World Port Index 'Malakal Harbor' (no UN/LOCODE in the index)"),
)

# Rail legs: id -> (from, to, name_en, name_zh, pieces). A piece is ("graph", [[lon, lat], ...]) = chained
# shortest paths on the OSM rail graph through these waypoints, or ("hand", [[lon, lat], ...]) = a polyline
# drawn through the stations of the real line where the graph has a gap. The leg's endpoints are always the
# from/to port coordinates (prepended/appended).
RAIL_LEGS: dict[str, tuple[str, str, str, str, tuple[tuple[str, tuple[tuple[float, float], ...]], ...]]] = {
    "R-TJC-NNG-GY": (
        "CN-TJC", "CNNNG", "Chongqing – Guiyang – Nanning (central channel)", "重庆—贵阳—南宁（中线通道）",
        (("graph", ((106.374, 29.591), (106.71, 26.58), (108.367, 22.84))),),
    ),
    "R-TJC-NNG-HH": (
        "CN-TJC", "CNNNG", "Chongqing – Huaihua – Liuzhou – Nanning (eastern channel)",
        "重庆—怀化—柳州—南宁（东线通道）",
        (("graph", ((106.374, 29.591), (110.00, 27.57), (109.41, 24.33), (108.367, 22.84))),),
    ),
    "R-NNG-QZH": (
        "CNNNG", "CNQZH", "Nanning – Qinzhou Port", "南宁—钦州港",
        (
            ("graph", ((108.367, 22.84), (108.65, 21.98))),
            # Qinzhou port branch: not in the OSM graph; Qinzhou East -> Qinzhou Port station -> quay.
            ("hand", ((108.65, 21.98), (108.64, 21.86), (108.63, 21.76), (108.647, 21.683))),
        ),
    ),
    "R-NNG-BIH": (
        "CNNNG", "CNBIH", "Nanning – Beihai", "南宁—北海",
        (("graph", ((108.367, 22.84), (109.12, 21.48))),),
    ),
    "R-NNG-FAN": (
        "CNNNG", "CNFAN", "Nanning – Qinzhou – Fangchenggang", "南宁—钦州—防城港",
        (
            ("graph", ((108.367, 22.84), (108.65, 21.98))),
            # Qinzhou–Fangchenggang railway: disconnected in the OSM graph; drawn through its stations.
            ("hand", ((108.65, 21.98), (108.55, 21.93), (108.46, 21.86), (108.37, 21.78), (108.352, 21.607))),
        ),
    ),
    "R-NNG-HAN": (
        "CNNNG", "VNHAN", "Nanning – Pingxiang – Dong Dang – Hanoi", "南宁—凭祥—同登—河内",
        (("graph", ((108.367, 22.84), (106.75, 22.11), (106.75, 21.96), (105.88, 21.052))),),
    ),
    "R-TJC-KMG": (
        "CN-TJC", "CNKMG", "Chongqing – Guiyang – Kunming", "重庆—贵阳—昆明",
        (("graph", ((106.374, 29.591), (106.71, 26.58), (102.72, 25.018))),),
    ),
    "R-KMG-VTE": (
        "CNKMG", "LAVTE", "Kunming – Mohan – Boten – Vientiane (China–Laos Railway)",
        "昆明—磨憨—磨丁—万象（中老铁路）",
        (("graph", ((102.72, 25.018), (101.637, 21.08), (102.681, 18.049))),),
    ),
    "R-TJC-ERL": (
        "CN-TJC", "CN-ERL", "Chongqing – Xi'an – Taiyuan – Datong – Erenhot", "重庆—西安—太原—大同—二连浩特",
        (("graph", ((106.374, 29.591), (108.95, 34.27), (112.55, 37.87), (113.30, 40.08), (113.12, 41.03),
                    (111.989, 43.648))),),
    ),
    "R-TJC-ALA": (
        "CN-TJC", "CN-ALA", "Chongqing – Xi'an – Lanzhou – Urumqi – Alashankou", "重庆—西安—兰州—乌鲁木齐—阿拉山口",
        (("graph", ((106.374, 29.591), (108.95, 34.27), (103.83, 36.06), (87.62, 43.83), (82.568, 45.17))),),
    ),
    "R-ALA-DOS": (
        "CN-ALA", "KZ-DOS", "Alashankou – Dostyk (border)", "阿拉山口—多斯特克（口岸）",
        (("graph", ((82.568, 45.17), (82.484, 45.255))),),
    ),
    "R-DOS-MOW": (
        "KZ-DOS", "RUMOW", "Dostyk – Aktogay – Astana – Petropavl – Yekaterinburg – Kazan – Moscow",
        "多斯特克—阿克斗卡—阿斯塔纳—彼得罗巴甫尔—叶卡捷琳堡—喀山—莫斯科",
        (("graph", ((82.484, 45.255), (79.66, 46.95), (71.43, 51.17), (69.14, 54.87), (60.61, 56.84),
                    (49.12, 55.79), (37.64, 55.729))),),
    ),
    "R-MOW-BQT": (
        "RUMOW", "BYBQT", "Moscow – Smolensk – Minsk – Brest", "莫斯科—斯摩棱斯克—明斯克—布列斯特",
        (("graph", ((37.64, 55.729), (32.05, 54.78), (27.56, 53.90), (23.69, 52.104))),),
    ),
    "R-BQT-MAL": (
        "BYBQT", "PL-MAL", "Brest – Małaszewicze (border)", "布列斯特—马拉舍维奇（口岸）",
        (("graph", ((23.69, 52.104), (23.536, 52.029))),),
    ),
    "R-MAL-DUI": (
        "PL-MAL", "DEDUI", "Małaszewicze – Warsaw – Poznań – Berlin – Hanover – Duisburg",
        "马拉舍维奇—华沙—波兹南—柏林—汉诺威—杜伊斯堡",
        (("graph", ((23.536, 52.029), (21.01, 52.23), (16.93, 52.41), (13.40, 52.52), (9.74, 52.37),
                    (6.724, 51.430))),),
    ),
}

RIVER_LEG_ID = "Y-CKG-SHA"
QINZHOU, SHANGHAI = "CNQZH", "CNSHA"
SEA_ORIGINS = (QINZHOU, SHANGHAI)
# Chinese mainland sea ports get no sea leg from Qinzhou/Shanghai (they are reached by rail or river).
NO_SEA_LEG_TO = frozenset({"CNQZH", "CNSHA", "CNBIH", "CNFAN"})

RAIL_SEA_GY = ("R-TJC-NNG-GY", "R-NNG-QZH")
RAIL_SEA_HH = ("R-TJC-NNG-HH", "R-NNG-QZH")
CHINA_EUROPE = ("R-TJC-ALA", "R-ALA-DOS", "R-DOS-MOW", "R-MOW-BQT", "R-BQT-MAL", "R-MAL-DUI")

# Every ISO3 of countries.csv -> its sea gateway port (the main port it imports through; for landlocked
# countries the foreign sea port their imports usually come through).
SEA_GATEWAY: dict[str, str] = {
    "ABW": "AWORJ", "AFG": "PKKHI", "AGO": "AOLAD", "AIA": "SXPHI", "ALA": "FIMHQ", "ALB": "ALDRZ",
    "AND": "ESBCN", "ARE": "AEJEA", "ARG": "ARBUE", "ARM": "GEPTI", "ASM": "ASPPG", "ATA": "AUHBA",
    "ATF": "REPDG", "ATG": "AGSJS", "AUS": "AUMEL", "AUT": "SIKOP", "AZE": "GEPTI", "BDI": "TZDAR",
    "BEL": "BEANR", "BEN": "BJCOO", "BFA": "TGLFW", "BGD": "BDCGP", "BGR": "BGVAR", "BHR": "BHMSN",
    "BHS": "BSNAS", "BIH": "HRPLE", "BLM": "SXPHI", "BLR": "LTKLJ", "BLZ": "BZBZE", "BMU": "BMBDA",
    "BOL": "CLARI", "BRA": "BRSSZ", "BRB": "BBBGI", "BRN": "BNMUA", "BTN": "INCCU", "BWA": "ZADUR",
    "CAF": "CMDLA", "CAN": "CAVAN", "CHE": "NLRTM", "CHL": "CLSAI", "CIV": "CIABJ", "CMR": "CMDLA",
    "COD": "CDMAT", "COG": "CGPNR", "COK": "CKRAR", "COL": "COBUN", "COM": "KMMUT", "CPV": "CVRAI",
    "CRI": "CRCAL", "CUB": "CUMAR", "CUW": "CWWIL", "CYM": "KYGEC", "CYP": "CYLMS", "CZE": "DEHAM",
    "DEU": "DEHAM", "DJI": "DJJIB", "DMA": "DMRSU", "DNK": "DKAAR", "DOM": "DOCAU", "DZA": "DZALG",
    "ECU": "ECGYE", "EGY": "EGPSD", "ERI": "ERMSW", "ESH": "MAEUN", "ESP": "ESVLC", "EST": "EETLL",
    "ETH": "DJJIB", "FIN": "FIHEL", "FJI": "FJSUV", "FLK": "FKPSY", "FRA": "FRLEH", "FRO": "FOTHO",
    "FSM": "FMYAP", "GAB": "GALBV", "GBR": "GBSOU", "GEO": "GEPTI", "GGY": "GGSPT", "GHA": "GHTEM",
    "GIN": "GNCKY", "GMB": "GMBJL", "GNB": "GWOXB", "GNQ": "GQBSG", "GRC": "GRPIR", "GRD": "GDSTG",
    "GRL": "GLGOH", "GTM": "GTPRQ", "GUM": "GUAPR", "GUY": "GYGEO", "HKG": "HKHKG", "HMD": "AUHBA",
    "HND": "HNPCR", "HRV": "HRRJK", "HTI": "HTPAP", "HUN": "GRPIR", "IDN": "IDJKT", "IMN": "IMDGS",
    "IND": "INNSA", "IOT": "IODGA", "IRL": "IEDUB", "IRN": "IRBND", "IRQ": "IQUQR", "ISL": "ISREY",
    "ISR": "ILHFA", "ITA": "ITGOA", "JAM": "JMKIN", "JEY": "JESTH", "JOR": "JOAQB", "JPN": "JPYOK",
    "KAZ": "GEPTI", "KEN": "KEMBA", "KGZ": "PKKHI", "KHM": "KHSIH", "KIR": "KITAI", "KNA": "KNBAS",
    "KOR": "KRPUS", "KWT": "KWSAA", "LAO": "THLCH", "LBN": "LBBEY", "LBR": "LRMLW", "LBY": "LYTIP",
    "LCA": "LCCAS", "LIE": "NLRTM", "LKA": "LKCMB", "LSO": "ZADUR", "LTU": "LTKLJ", "LUX": "BEANR",
    "LVA": "LVRIX", "MAC": "MOMFM", "MAF": "SXPHI", "MAR": "MACAS", "MCO": "MCMON", "MDA": "ROCND",
    "MDG": "MGTOA", "MDV": "MVMLE", "MEX": "MXZLO", "MHL": "MHMAJ", "MKD": "GRSKG", "MLI": "SNDKR",
    "MLT": "MTMAR", "MMR": "MMRGN", "MNE": "MEBAR", "MNG": "CNTSN", "MNP": "MPSPN", "MOZ": "MZMPM",
    "MRT": "MRNKC", "MSR": "MSLTB", "MUS": "MUPLU", "MWI": "MZBEW", "MYS": "MYPKG", "NAM": "NAWVB",
    "NCL": "NCNOU", "NER": "BJCOO", "NFK": "NFKIN", "NGA": "NGLOS", "NIC": "NICIO", "NIU": "NUALO",
    "NLD": "NLRTM", "NOR": "NOOSL", "NPL": "INCCU", "NRU": "NRINU", "NZL": "NZAKL", "OMN": "OMSOH",
    "PAK": "PKKHI", "PAN": "PABLB", "PCN": "PFPPT", "PER": "PECLL", "PHL": "PHMNL", "PLW": "PW-MKK",
    "PNG": "PGLAE", "POL": "PLGDN", "PRI": "PRSJU", "PRK": "KPNAM", "PRT": "PTLIS", "PRY": "UYMVD",
    "PSE": "ILASH", "PYF": "PFPPT", "QAT": "QAHMD", "ROU": "ROCND", "RUS": "RUVVO", "RWA": "TZDAR",
    "SAU": "SAJED", "SDN": "SDPZU", "SEN": "SNDKR", "SGP": "SGSIN", "SGS": "GSGRV", "SHN": "SHASI",
    "SLB": "SBHIR", "SLE": "SLFNA", "SLV": "SVAQJ", "SMR": "ITGOA", "SOM": "SOMGQ", "SPM": "PMSPI",
    "SRB": "GRPIR", "SSD": "KEMBA", "STP": "STTMS", "SUR": "SRPBM", "SVK": "SIKOP", "SVN": "SIKOP",
    "SWE": "SEGOT", "SWZ": "ZADUR", "SXM": "SXPHI", "SYC": "SCPOV", "SYR": "SYLTK", "TCA": "TCPLS",
    "TCD": "CMDLA", "TGO": "TGLFW", "THA": "THLCH", "TJK": "PKKHI", "TKM": "GEPTI", "TLS": "TLDIL",
    "TON": "TOTBU", "TTO": "TTPOS", "TUN": "TNRAD", "TUR": "TRAMR", "TUV": "TVFUN", "TWN": "TWKHH",
    "TZA": "TZDAR", "UGA": "KEMBA", "UKR": "UAODS", "URY": "UYMVD", "USA": "USLAX", "UZB": "GEPTI",
    "VAT": "ITGOA", "VCT": "VCKTN", "VEN": "VEPBL", "VGB": "VGTOV", "VIR": "VICHA", "VNM": "VNHPH",
    "VUT": "VUVLI", "WLF": "WFMAU", "WSM": "WSAPW", "XKX": "ALDRZ", "YEM": "YEADE", "ZAF": "ZADUR",
    "ZMB": "TZDAR", "ZWE": "MZBEW",
}

# Rail routes (kind, legs) that apply to a country, and whether one of them is its default.
_CENTRAL_ASIA_RAIL = ("cross_border_rail", ("R-TJC-ALA", "R-ALA-DOS"))
RAIL_ROUTES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "KAZ": (_CENTRAL_ASIA_RAIL,),
    "KGZ": (_CENTRAL_ASIA_RAIL,),
    "TJK": (_CENTRAL_ASIA_RAIL,),
    "UZB": (_CENTRAL_ASIA_RAIL,),
    "TKM": (_CENTRAL_ASIA_RAIL,),
    "AFG": (_CENTRAL_ASIA_RAIL,),
    "RUS": (("china_europe_rail", CHINA_EUROPE[:3]),),
    "BLR": (("china_europe_rail", CHINA_EUROPE[:4]),),
    "POL": (("china_europe_rail", CHINA_EUROPE[:5]),),
    "MNG": (("cross_border_rail", ("R-TJC-ERL",)),),
    "LAO": (("cross_border_rail", ("R-TJC-KMG", "R-KMG-VTE")),),
    "THA": (("cross_border_rail", ("R-TJC-KMG", "R-KMG-VTE")),),
    "VNM": (("cross_border_rail", ("R-TJC-NNG-GY", "R-NNG-HAN")),),
}
# Countries whose default is a rail route (the first of RAIL_ROUTES, or the China–Europe line to Duisburg).
RAIL_DEFAULT = frozenset({"KAZ", "KGZ", "TJK", "UZB", "TKM", "RUS", "BLR", "POL", "MNG", "LAO", "DEU"})
# Europe (continent) gets the China–Europe Railway Express to Duisburg as an alternative.
EUROPE_RAIL_CONTINENT = "Europe"
