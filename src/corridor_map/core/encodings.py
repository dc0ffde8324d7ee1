"""Which text encoding a CSV file is in, decided from its bytes, and the text as UTF-8.

Byte-order marks decide first (UTF-8, UTF-16); text that is valid UTF-8 is UTF-8. Anything else is one
of the code pages sales offices' spreadsheets save in (:data:`CANDIDATES`): charset-normalizer ranks
them, and a check of our own breaks its blind spots for names and places (``Łódź`` read as cp1252 gives
``£ódŸ``: a currency sign inside a word, an upper-case letter after a lower-case one). When two code
pages read the file differently and nothing tells them apart, the file is refused with the fix (save
it as "CSV UTF-8") rather than imported with garbled names.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from corridor_map.core.errors import DataFormatError

UTF8_BOM = b"\xef\xbb\xbf"
CANDIDATES = ("cp1252", "cp1250", "cp1251", "gb18030", "big5", "shift_jis")
"""Code pages tried for text that is not UTF-8 (UTF-16 is recognised by its zeros); when two fit
equally well, the earlier one is taken and the other named in the report."""
NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "gb18030": "GB18030 (GBK)",
    "big5": "Big5",
    "shift_jis": "Shift-JIS",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1252": "Windows-1252 (Western European)",
}
"""Encodings a user can choose, with the names the report shows."""
LATIN = ("cp1252", "cp1250")
MIN_EVIDENCE_BYTES = 64
MIN_UTF8_LETTERS = 2  # UTF-8 letters before a non-UTF-8 line that make a file "mixed"
SAMPLE_BYTES = 256 * 1024
SAVE_AS_UTF8 = 'save it from Excel as "CSV UTF-8 (Comma delimited)" and import that file'
SAVE_AS_UTF8_ZH = "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入"


@dataclass(frozen=True)
class Decoded:
    """A file's text as UTF-8 bytes, the encoding it was in, and whether that was a judgement."""

    utf8: bytes
    encoding: str
    guessed: bool = False  # True when decided among code pages (not by a BOM or valid UTF-8)
    rival: str = ""  # a code page that fitted as well and reads some word differently
    rival_word: str = ""  # that word as the rival reads it

    @property
    def label(self) -> str:
        """The encoding's name as the report shows it."""
        return NAMES.get(self.encoding, self.encoding)

    def doubt(self) -> str:
        """A sentence for the report when another code page fitted as well ("" when none did)."""
        if not self.rival:
            return ""
        return (
            f"{NAMES.get(self.rival, self.rival)} fits as well (it would read '{self.rival_word}'); "
            f"if names look wrong, choose the encoding or {SAVE_AS_UTF8}"
        )

    def doubt_zh(self) -> str:
        """:meth:`doubt` in Chinese."""
        if not self.rival:
            return ""
        return (
            f"{NAMES.get(self.rival, self.rival)} 同样可读（会读作“{self.rival_word}”）；"
            f"若名称显示错误，请选择编码，或{SAVE_AS_UTF8_ZH}"
        )


def decode(path: Path, data: bytes, encoding: str | None = None) -> Decoded:
    """``data`` (the bytes of ``path``) as UTF-8: in ``encoding`` when given, else as detected.

    Raises :class:`DataFormatError` naming the file for binary content, text that no candidate reads,
    or text that two code pages read differently with nothing to tell which is meant.
    """
    if encoding:
        return _decode_as(path, data, encoding)
    if data.startswith(UTF8_BOM):
        return _decode_as(path, data, "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_as(path, data, "utf-16")
    bom_less = _utf16_without_bom(data)
    if bom_less:
        return _decode_as(path, data, bom_less)
    if b"\x00" in data[:65536]:
        raise DataFormatError(
            path, "not a CSV or XLSX file (binary content)", reason_zh="不是 CSV 或 XLSX 文件（二进制内容）"
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        _refuse_mixed(path, data, exc.start)
    else:
        return Decoded(data, "utf-8")
    return _decide_code_page(path, data)


def _refuse_mixed(path: Path, data: bytes, bad: int) -> None:
    """Refuse text that is UTF-8 (with letters beyond ASCII) up to a line that is not: two files'
    lines pasted together, which no single encoding reads right."""
    head = data[:bad].decode("utf-8")
    if sum(not ch.isascii() for ch in head) < MIN_UTF8_LETTERS:
        return
    line = head.count("\n") + 1
    raise DataFormatError(
        path,
        f"lines 1–{line - 1} are UTF-8 but line {line} is in another encoding (two files pasted "
        f"together?); {SAVE_AS_UTF8}",
        reason_zh=f"第 1–{line - 1} 行是 UTF-8，第 {line} 行是另一种编码（两个文件拼在一起？）；"
        f"{SAVE_AS_UTF8_ZH}",
    )


def _decode_as(path: Path, data: bytes, encoding: str) -> Decoded:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DataFormatError(
            path, f"unknown encoding '{encoding}'", reason_zh=f"未知编码“{encoding}”"
        ) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFormatError(
            path,
            f"not readable as {NAMES.get(encoding, encoding)} (line {line}); {SAVE_AS_UTF8}",
            reason_zh=f"无法按 {NAMES.get(encoding, encoding)} 读取（第 {line} 行）；{SAVE_AS_UTF8_ZH}",
        ) from None
    if encoding == "utf-8-sig" and text.startswith("\ufeff"):
        text = text[1:]
    return Decoded(text.lstrip("\ufeff").encode("utf-8"), encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of the start is zero (ASCII text in UTF-16)."""
    head = data[:4096]
    if len(head) < 8:
        return None
    odd, even = head[1::2], head[0::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _sample(data: bytes) -> bytes:
    """Lines with non-ASCII bytes (what tells code pages apart), up to :data:`SAMPLE_BYTES`."""
    if len(data) <= SAMPLE_BYTES:
        return data
    out: list[bytes] = []
    size = 0
    for line in data.split(b"\n"):
        if any(b >= 0x80 for b in line):
            out.append(line)
            size += len(line) + 1
            if size >= SAMPLE_BYTES:
                break
    return b"\n".join(out) or data[:SAMPLE_BYTES]


_WORD = re.compile(r"\w+", re.UNICODE)


def oddities(text: str) -> int:
    """How many characters of ``text`` look like a wrong code page: symbols and control characters
    inside words or text, an upper-case letter right after a lower-case one, a CJK or kana character
    beside a Latin letter, and letters of two alphabets in one word."""
    count = 0
    for ch in text:
        if ord(ch) < 128:
            continue
        cat = unicodedata.category(ch)
        if (
            (cat[0] in "CS" and ch not in "€£¥©®°×÷·")
            or (cat in ("No", "Pi", "Pf") and ch not in "“”‘’«»")
            or ch in "¦¨¬¯´¸¤"
        ):
            count += 1
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        scripts = {_script(ch) for ch in word if ch.isalpha()}
        scripts.discard("")
        if len(scripts) > 1 and scripts != {"han", "kana"}:
            count += 2
        for a, b in itertools.pairwise(word):
            if a.islower() and b.isupper() and not (a.isascii() and b.isascii()):
                count += 1
    return count


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for key, script in (
        ("CJK", "han"),
        ("HIRAGANA", "kana"),
        ("KATAKANA", "kana"),
        ("HANGUL", "hangul"),
        ("CYRILLIC", "cyrillic"),
        ("GREEK", "greek"),
        ("LATIN", "latin"),
    ):
        if name.startswith(key) or f" {key} " in f" {name} ":
            return script
    return ""


# The letters beyond ASCII of the languages written in the Latin code pages (lower case).
ALPHABETS = {
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "it": "àèéìíîòóù",
    "pt": "áâãàçéêíóôõú",
    "nl": "áéíóúëïöü",
    "nordic": "åäöæøé",
    "tr": "çöüğşı",
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșşțţ",
    "hr": "čćđšž",
}
# Cyrillic alphabets in full (their base letters differ): a wrong code page mixes them (``ъјТ``).
_RU = "абвгдежзийклмнопрстуфхцчшщъыьэюяё"
CYRILLIC_ALPHABETS = {
    "ru": _RU,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "kk": _RU + "әғқңөұүһі",
}


def foreign_letters(text: str) -> int:
    """Non-ASCII letters of ``text`` outside the one or two languages that explain most of them (a
    right code page gives letters of a language or two; a wrong one mixes alphabets: ``Crčme``)."""
    letters = [ch for ch in text.casefold() if not ch.isascii() and ch.isalpha()]
    count = 0
    for script, alphabets in (("latin", _LATIN_PAIRS), ("cyrillic", _CYRILLIC_PAIRS)):
        found = [ch for ch in letters if _script(ch) == script]
        if found:
            count += min(sum(ch not in alphabet for ch in found) for alphabet in alphabets)
    return count


def _pairs(alphabets: dict[str, str]) -> list[frozenset[str]]:
    """Each alphabet and each union of two: a dealer list may hold Polish and Hungarian names."""
    sets = [frozenset(a) for a in alphabets.values()]
    return sets + [a | b for a, b in itertools.combinations(sets, 2)]


_LATIN_PAIRS = _pairs(ALPHABETS)
_CYRILLIC_PAIRS = _pairs(CYRILLIC_ALPHABETS)


def _common_in(ch: str, encoding: str) -> bool:
    """Whether ``ch`` is among the everyday characters of ``encoding``'s own standard (GB2312 for
    GB18030, Big5 level 1 for Big5, JIS level 1 for Shift-JIS): a wrong CJK code page reads rare ones."""
    try:
        if encoding == "gb18030":
            ch.encode("gb2312")
            return True
        raw = ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    if len(raw) < 2:
        return True
    if encoding == "big5":
        return 0xA1 <= raw[0] <= 0xA3 or 0xA440 <= int.from_bytes(raw[:2], "big") <= 0xC67E
    return 0x81 <= raw[0] <= 0x84 or 0x88 <= raw[0] <= 0x9F  # Shift-JIS: symbols, kana, level 1


def rare_characters(text: str, encoding: str) -> int:
    """Characters beyond ASCII that are not everyday ones of ``encoding`` (CJK code pages only)."""
    if encoding not in ("gb18030", "big5", "shift_jis"):
        return 0
    return sum(1 for ch in set(text) if not ch.isascii() and not _common_in(ch, encoding))


def _decide_code_page(path: Path, data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    sample = _sample(data)
    readable: dict[str, str] = {}
    for enc in CANDIDATES:
        try:
            readable[enc] = sample.decode(enc)
        except UnicodeDecodeError:
            continue
    if not readable:
        raise DataFormatError(
            path,
            f"not a CSV or XLSX file (text in no encoding this app reads); {SAVE_AS_UTF8}",
            reason_zh=f"不是 CSV 或 XLSX 文件（文本编码无法识别）；{SAVE_AS_UTF8_ZH}",
        )
    score = {
        enc: oddities(text) + foreign_letters(text) + rare_characters(text, enc)
        for enc, text in readable.items()
    }
    lowest = min(score.values())
    tied = [enc for enc in readable if score[enc] == lowest]
    best = min(tied, key=CANDIDATES.index)
    # Equal fits: charset-normalizer's ranking where the text gives its models enough to go on (not
    # between the Latin pages, which its models confuse), else the more common code page.
    evidence = sum(b >= 0x80 for b in sample) >= MIN_EVIDENCE_BYTES
    if len(tied) > 1 and evidence and not all(enc in LATIN for enc in tied):
        ranked = [m.encoding for m in from_bytes(sample, cp_isolation=list(readable))]
        order = {enc: i for i, enc in enumerate(ranked)}
        if any(enc in order for enc in tied):
            best = min(tied, key=lambda enc: (order.get(enc, len(order)), CANDIDATES.index(enc)))
    rival = next((e for e in tied if e != best and readable[e] != readable[best]), "")
    decoded = _decode_as(path, data, best)
    word = _first_difference(readable[best], readable[rival]) if rival else ""
    return Decoded(decoded.utf8, best, guessed=True, rival=rival, rival_word=word)


def _first_difference(ours: str, theirs: str) -> str:
    """The first word ``theirs`` reads differently from ``ours``."""
    for a, b in zip(_WORD.findall(ours), _WORD.findall(theirs), strict=False):
        if a != b:
            return b
    return ""
