"""Matching agency names with Nơi nhận lines: abbreviations, acronyms and group lines.

Names are compared without diacritics, in lower case, with the usual abbreviations expanded
(UBND, HĐND, BCĐ …) and function words dropped; “Thành viên BCĐNQ tỉnh” matches “Thành viên
Ban Chỉ đạo về Nhân quyền tỉnh” through the acronym of a run of words. A group line such as
“Các Sở, ban, ngành liên quan” covers every Sở and Ban of the state apparatus, but not Party
bodies or mass organisations, which are named separately in practice.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vanban.text.fold import ascii_fold

#: Compounds written with a hyphen that stand for several words.
COMPOUNDS = {"CT-XH": "chính trị - xã hội", "KT-XH": "kinh tế - xã hội",
             "LĐTB&XH": "lao động thương binh và xã hội"}
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "bcd": "ban chi dao",
    "tt": "thuong truc", "mttq": "mat tran to quoc", "mttqvn": "mat tran to quoc viet nam",
    "vp": "van phong", "vpub": "van phong uy ban nhan dan", "ct": "chu tich",
    "pct": "pho chu tich", "tu": "tinh uy", "ldtbxh": "lao dong thuong binh va xa hoi",
    "tttt": "thong tin va truyen thong", "gddt": "giao duc va dao tao", "bchqs": "bo chi huy quan su",
    "ksnd": "kiem sat nhan dan", "tand": "toa an nhan dan", "tp": "thanh pho",
    "ubmttq": "uy ban mat tran to quoc", "ubmttqvn": "uy ban mat tran to quoc viet nam",
    "vksnd": "vien kiem sat nhan dan", "tc": "to chuc", "bch": "ban chi huy",
    "ldld": "lien doan lao dong", "tnhcm": "thanh nien cong san ho chi minh",
    "khcn": "khoa hoc va cong nghe", "nnptnt": "nong nghiep va phat trien nong thon",
    "nnmt": "nong nghiep va moi truong", "tnmt": "tai nguyen va moi truong",
    "vhttdl": "van hoa the thao va du lich", "khdt": "ke hoach va dau tu",
}
#: A generic tail that names no body: “… và các cơ quan, tổ chức, cá nhân có liên quan”.
GENERIC_TAIL = re.compile(r"\s*(?:,|và|;)?\s*(?:các|những)\s+(?:cơ quan|đơn vị|tổ chức|cá nhân)"
                          r"[^;]*?(?:có liên quan|liên quan)\s*$", re.IGNORECASE)
FUNCTION_WORDS = {"cac", "ve", "va", "cua", "lien", "quan", "co"}
PARTY = ("tinh uy", "thanh uy", "huyen uy", "dang uy", "ban tuyen giao", "ban dan van")
MASS = ("lien hiep", "hoi ", "doan ", "mat tran", "cong doan")
STATE_PREFIXES = ("so ", "ban ", "thanh tra ", "van phong ", "dai ", "bao ", "cong an ",
                  "bo chi huy ", "ho ", "chi cuc ", "cuc ", "kho bac ", "ngan hang ")


def _tokens(name: str) -> list[str]:
    """Folded words; abbreviations are expanded only where written in capitals (UBND, TT)."""
    out: list[str] = []
    for compound, words in COMPOUNDS.items():
        name = name.replace(compound, words)
    for word in re.findall(r"[^\W_]+", name.replace("&", " và ")):
        folded = ascii_fold(word).lower()
        if len(word) > 1 and word.isupper():
            out += ABBREVIATIONS.get(folded, folded).split()
        else:
            out.append(folded)
    return out


@lru_cache(maxsize=4096)
def forms(name: str) -> frozenset[str]:
    """The name and its variants with runs of words replaced by their acronym."""
    tokens = [t for t in _tokens(name) if t not in FUNCTION_WORDS]
    variants = {" ".join(tokens)}
    for i in range(len(tokens)):
        for j in range(i + 2, len(tokens) + 1):
            acronym = "".join(t[0] for t in tokens[i:j])
            variants.add(" ".join(tokens[:i] + [acronym] + tokens[j:]))
    return frozenset(variants)


@lru_cache(maxsize=4096)
def _plain(name: str) -> str:
    return " ".join(t for t in _tokens(name) if t not in FUNCTION_WORDS)


def normal_name(name: str) -> str:
    """The name as compared: folded, abbreviations in capitals expanded, function words
    dropped (“UBND tỉnh” and “Ủy ban nhân dân tỉnh” → ``uy ban nhan dan tinh``)."""
    return _plain(name)


def group_includes(line: str, agency: str) -> bool:
    """Whether the group line ``line`` (“Các sở, ban, ngành”) may include ``agency``, a body
    it does not name; the rule :func:`covered` applies to group lines."""
    return _group_covers(ascii_fold(line).lower(), _plain(named_bodies(agency)))


def named_bodies(agency: str) -> str:
    """The agency without a generic tail (“…, các cơ quan, đơn vị có liên quan”); empty when
    it names no body at all."""
    return GENERIC_TAIL.sub("", agency).strip(" ,;")


def covered(agency: str, recipients: list[str]) -> bool:
    """Whether ``agency`` receives the plan directly or through a group line."""
    agency = named_bodies(agency)
    if not agency:
        return True  # “các cơ quan, đơn vị có liên quan”: whoever is concerned
    agency_forms = forms(agency)
    plain_agency = _plain(agency)
    if ascii_fold(agency).lower().startswith("cac "):  # a group given a task: “Các sở, ban, ngành”
        words = set(plain_agency.split())
        if any(words <= set(_plain(line).split()) for line in recipients):
            return True
    for line in recipients:
        line_plain = _plain(line)
        line_forms = forms(line)
        if agency_forms & line_forms:
            return True
        if any(f and (f" {f} " in f" {line_plain} ") for f in agency_forms if len(f) > 3):
            return True
        if _group_covers(ascii_fold(line).lower(), plain_agency):
            return True
    return False


def _group_covers(line: str, agency: str) -> bool:
    """Whether a group line (“Các Sở, ban, ngành …”) includes ``agency``."""
    words = set(re.findall(r"[a-z]+", line))
    if "co quan chuyen mon" in line and agency.startswith(STATE_PREFIXES):
        return True  # “(Các) cơ quan chuyên môn thuộc UBND tỉnh”: the Sở and their peers
    if not ("cac" in words or "nganh" in words):
        return False  # a single body, not a group
    if agency.startswith(PARTY) or any(p in agency for p in PARTY) or agency.startswith(MASS):
        return False
    if {"co", "quan"} <= words and ("don" in words or "lien" in words) and line.startswith("cac"):
        return True  # “Các cơ quan, đơn vị liên quan”: a catch-all of the state apparatus
    if ("so" in words or "nganh" in words) and agency.startswith(STATE_PREFIXES):
        return "so" in words and agency.startswith("so ") or "nganh" in words or "ban" in words
    return False
