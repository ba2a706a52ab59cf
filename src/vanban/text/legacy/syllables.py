"""Whether a word is a Vietnamese syllable: onset, rhyme and a tone the rhyme can carry.

Detection uses it to tell a word read through a legacy table from one that only looks like it.
"""

from __future__ import annotations

import unicodedata

from vanban.text.legacy.codes import ACUTE, DOT, TONES

# Rhymes (vần) without tone, as written. The medial o/u forms follow; after "qu" the medial is
# part of the onset, so those rhymes are written without it (qua, quyết, quốc).
_PLAIN_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay   ăc ăm ăn ăng ăp ăt   âc âm ân âng âp ât âu ây
e ec em en eng eo ep et   ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu   y yêm yên yêng yêt yêu
o oc oi om on ong op ot ooc oong   ô ôc ôi ôm ôn ông ôp ôt   ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
""".split()
_MEDIAL_RHYMES = """
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăp oăt oe oen oeo oet
uân uâng uât uây uê uêch uên uênh uêt uy uych uyn uynh uyp uyt uyu uya uyên uyêt uơ
""".split()
_RHYMES = frozenset(_PLAIN_RHYMES + _MEDIAL_RHYMES)
_QU_RHYMES = frozenset([r[1:] for r in _MEDIAL_RHYMES] + ["i", "ôc"])
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
_VOWELS = frozenset("aăâeêioôơuưy")
_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
_FRONT = frozenset("eêiy")
_STOPS = ("c", "ch", "p", "t")
_TONED: dict[str, tuple[str, int]] = {
    unicodedata.normalize("NFC", base + mark): (base, tone)
    for base in "aăâeêioôơuưy" for tone, mark in enumerate(TONES) if tone
}


def _tone_places(rhyme: str) -> frozenset[int]:
    """Where the tone mark may sit in ``rhyme`` (both the old hoà/uỷ and the new hòa/ủy style)."""
    n = 0
    while n < len(rhyme) and rhyme[n] in _VOWELS:
        n += 1
    vowels, coda = rhyme[:n], rhyme[n:]
    marked = [i for i, v in enumerate(vowels) if v in "ăâêôơư"]
    if marked:
        return frozenset([marked[-1]])     # người, thuế, quyền, cứu
    if coda:
        return frozenset([n - 1])          # hoàn, huỳnh, soóc
    if n == 1:
        return frozenset([0])
    if vowels in ("oa", "oe", "uy"):
        return frozenset([0, 1])           # hòa / hoà, khỏe / khoẻ, ủy / uỷ
    return frozenset([1] if n == 3 else [0])  # ngoài, khuỷu / mái, mía, của


_RHYME_INFO = {r: (_tone_places(r), r.endswith(_STOPS)) for r in _RHYMES | _QU_RHYMES}


def _onset_fits(onset: str, rhyme: str) -> bool:
    """Spelling rules between onset and rhyme: c/k/q, g/gh, ng/ngh, i/y."""
    front = rhyme[0] in _FRONT
    if onset == "qu":
        return rhyme in _QU_RHYMES
    if rhyme not in _RHYMES:
        return False
    if onset in ("c", "ng"):
        return not front                    # ke, nghe — never ce, nge
    if onset in ("k", "gh", "ngh"):
        return front
    if onset == "g":
        return not front or rhyme[0] == "i"  # gì, giếng: the i of gi shared with the rhyme
    if rhyme.startswith("iê"):
        return onset != ""                  # without onset it is written yê: yên, yêu
    if rhyme.startswith("yê"):
        return onset == ""
    return True


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (case ignored, NFC expected).

    Checks the letters, the onset and rhyme against Vietnamese orthography, one tone mark at
    most, its place in the rhyme, and that a rhyme closed by c, ch, p or t carries sắc or nặng.
    Well-formed is not the same as a word in the dictionary: ``àm`` passes.
    """
    if not 0 < len(word) <= 7:  # nghiêng, the longest syllable, has 7 letters
        return False
    letters = []
    tone, place = 0, -1
    for i, ch in enumerate(word.lower()):
        if ch in _TONED:
            if tone:
                return False
            ch, tone = _TONED[ch]
            place = i
        elif ch not in _LETTERS:
            return False
        letters.append(ch)
    s = "".join(letters)
    for onset in _ONSETS:
        if not s.startswith(onset) or len(s) == len(onset):
            continue
        rhyme = s[len(onset):]
        info = _RHYME_INFO.get(rhyme)
        if info is None or not _onset_fits(onset, rhyme):
            continue
        places, stop = info
        if not tone:
            return True
        if place - len(onset) in places and (not stop or tone in (ACUTE, DOT)):
            return True
    return False

