"""Legacy Vietnamese encodings (TCVN3, VNI) found and converted in Unicode text.

The data is real: every published text of the corpus (tests/corpus) and the 277/KH-BCĐ example,
typed again in TCVN3 and VNI with the module's tables and read back as Windows-1252 and as ISO-8859-1,
the way a legacy .doc pasted into a Unicode file ends up.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import CORPUS, CORPUS_TEXTS, ROOT, SEED_TEXT
from vanban.text.legacy import (
    ENCODINGS,
    TCVN3_TABLE,
    VNI_TABLE,
    Detection,
    convert,
    convert_spans,
    detect,
    detection,
    encode,
    is_syllable,
)

TEXTS = CORPUS_TEXTS + [
    SEED_TEXT
]
READINGS = ("cp1252", "latin-1")

TCVN3_SAMPLE = "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
VNI_SAMPLE = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"
VNI_MOTTO = "Ñoäc laäp - Töï do - Haïnh phuùc"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_corpus_is_there():
    assert len(TEXTS) >= 8 and all(p.is_file() for p in TEXTS)


# --- code tables --------------------------------------------------------------------------

def vietnamese_letters() -> set[str]:
    """The 134 letters Vietnamese adds to ASCII: 67 lower-case and their capitals."""
    letters = {"đ", "Đ"}
    for base in "aăâeêioôơuưy":
        for mark in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"):
            ch = unicodedata.normalize("NFC", base + mark)
            if not ch.isascii():
                letters |= {ch, ch.upper()}
    return letters


def test_tables_cover_the_vietnamese_alphabet_in_nfc():
    letters = vietnamese_letters()
    assert len(letters) == 134
    assert set(VNI_TABLE.values()) == letters and len(VNI_TABLE) == 134
    # VN3: the 67 lower-case letters and the 7 toneless capitals Ă Â Ê Ô Ơ Ư Đ, plus the
    # 12 capitals TCVN 5712 puts among the C0 controls.
    lower = {ch for ch in letters if ch.islower()}
    high = {v for k, v in TCVN3_TABLE.items() if ord(k) >= 0x80}
    assert high == lower | set("ĂÂÊÔƠƯĐ") and len(TCVN3_TABLE) == 67 + 7 + 12
    for value in [*TCVN3_TABLE.values(), *VNI_TABLE.values()]:
        assert len(value) == 1 and unicodedata.is_normalized("NFC", value)
    # Vietnamese codes avoid 0x80–0x9F, so the cp1252 and latin-1 readings share one table.
    for key in [*TCVN3_TABLE, *VNI_TABLE]:
        assert all(ord(c) < 0x80 or ord(c) >= 0xA0 for c in key)


@pytest.mark.parametrize("reading", READINGS)
def test_every_tcvn3_entry_round_trips(reading):
    for code, letter in TCVN3_TABLE.items():
        # Inside a word: a toned code opening a line would take a capital (a sentence starts).
        assert convert("x" + code + "n", "tcvn3") == "x" + letter + "n"
        if ord(code) >= 0x80:
            assert encode(letter, "tcvn3", reading) == code
            assert convert("x" + encode(letter, "tcvn3", reading), "tcvn3") == "x" + letter
        else:  # a C0 capital is decoded only; .VnTime writes its lower-case code
            assert letter.isupper() and encode(letter, "tcvn3", reading) == encode(
                letter.lower(), "tcvn3", reading)


@pytest.mark.parametrize("reading", READINGS)
def test_every_vni_entry_round_trips(reading):
    for sequence, letter in VNI_TABLE.items():
        assert encode(letter, "vni", reading) == sequence
        assert convert(sequence, "vni") == letter
        # …also inside a word, where a one-byte letter or a mark meets its neighbours.
        word = "x" + sequence + "n"
        assert convert(word, "vni") == "x" + letter + "n"


def test_tcvn3_table_agrees_with_glibc():
    """An independent implementation: glibc's TCVN5712-1 (a superset of VN3) via iconv."""
    iconv = shutil.which("iconv")
    if iconv is None or "TCVN5712-1" not in subprocess.run(
            [iconv, "-l"], capture_output=True, text=True).stdout:
        pytest.skip("iconv with TCVN5712-1 not available")
    codes = "".join(TCVN3_TABLE)
    out = subprocess.run([iconv, "-f", "TCVN5712-1", "-t", "UTF-8"],
                         input=codes.encode("latin-1"), capture_output=True, check=True)
    assert unicodedata.normalize("NFC", out.stdout.decode()) == "".join(TCVN3_TABLE.values())


def test_published_code_points():
    """A few code points as the published charts give them, byte by byte."""
    tcvn3 = {0xB8: "á", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ", 0xA8: "ă", 0xA9: "â",
             0xAE: "đ", 0xA7: "Đ", 0xAD: "ư", 0xD6: "ệ", 0xDC: "ĩ", 0xE9: "ộ", 0xFE: "ỵ"}
    for code, letter in tcvn3.items():
        assert TCVN3_TABLE[chr(code)] == letter
    vni = {"a\xf9": "á", "a\xf8": "à", "a\xfb": "ả", "a\xf5": "ã", "a\xef": "ạ",
           "a\xea": "ă", "a\xe9": "ắ", "a\xe2": "â", "a\xe4": "ậ", "o\xe2": "ô",
           "\xf4": "ơ", "\xf6": "ư", "\xf6\xef": "ự", "\xf1": "đ", "\xd1": "Đ",
           "\xf3": "ĩ", "\xe6": "ỉ", "\xee": "ỵ", "O\xc4": "Ộ", "\xd6\xd9": "Ứ"}
    for sequence, letter in vni.items():
        assert VNI_TABLE[sequence] == letter


def test_unknown_encoding_is_refused():
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        convert("x", "viscii")


# --- the samples ---------------------------------------------------------------------------

def test_the_tcvn3_sample_converts_exactly():
    assert convert(TCVN3_SAMPLE, "tcvn3") == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    d = detect(TCVN3_SAMPLE)
    assert d is not None and d.encoding == "tcvn3"
    assert d.converted == "Cộng hoà xã hội chủ nghĩa Việt Nam"
    assert d.spans == ((0, len(TCVN3_SAMPLE)),)


def test_the_vni_samples_convert_exactly():
    assert convert(VNI_SAMPLE, "vni") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert convert(VNI_MOTTO, "vni") == "Độc lập - Tự do - Hạnh phúc"
    for sample in (VNI_SAMPLE, VNI_MOTTO):
        d = detect(sample)
        assert d is not None and d.encoding == "vni" and d.converted == convert(sample, "vni")


def test_tcvn3_restores_capitals_the_line_shows():
    """.VnTimeH drew lower-case codes as capitals; a line's own capitals tell them apart."""
    assert convert("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3") == \
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert convert("Bé C¤NG AN", "tcvn3") == "BỘ CÔNG AN"
    assert convert("Bé C«ng an", "tcvn3") == "Bộ Công an"
    assert convert("Sè: 153/Q§-UBND", "tcvn3") == "Số: 153/QĐ-UBND"  # acronyms prove nothing
    assert convert("c) ¸p dông", "tcvn3") == "c) Áp dụng"              # a sentence starts
    assert convert("cña ñy ban", "tcvn3") == "của ủy ban"              # lost: nothing shows it


def test_latin1_reading_gets_its_punctuation_back():
    mojibake = encode("“Độc lập – Tự do…”", "tcvn3", "latin-1")
    assert mojibake == "\x93§éc lËp \x96 Tù do\x85\x94"
    assert convert(mojibake, "tcvn3") == "“Độc lập – Tự do…”"


def test_decomposed_mojibake_still_converts():
    assert convert(unicodedata.normalize("NFD", VNI_SAMPLE), "vni") == convert(VNI_SAMPLE, "vni")


# --- Vietnamese syllables ------------------------------------------------------------------

@pytest.mark.parametrize("word", [
    "nghiêng", "quốc", "Quyết", "giếng", "gì", "gìn", "khuỷu", "người", "hoà", "hòa", "uỷ", "ủy",
    "soóc", "xoong", "yêu", "ỉa", "ĐỘC", "thuở", "oái", "kỹ", "ngoẹo", "giữa", "quý", "quạt",
])
def test_well_formed_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", [
    "céng",   # c before e: Vietnamese writes k
    "thùc",   # a rhyme closed by c takes only sắc or nặng
    "nge", "ka", "gha",  # ng/ngh, c/k, g/gh
    "iên",    # without an onset it is written yên
    "mêng", "quô", "ă",  # no such rhymes
    "xaõ",    # the tone of "ao" sits on a
    "caùc", "héi", "hoøa", "Müller", "José", "Ñoño", "µm", "Zalo", "",
])
def test_ill_formed_syllables(word):
    assert not is_syllable(word)


def test_every_corpus_word_is_a_syllable_or_an_acronym():
    for path in TEXTS:
        for word in re.findall(r"[^\W\d_]+", read(path)):
            if word.isascii() or len(word) == 1:  # list markers: a) … đ)
                continue
            assert is_syllable(word) or sum(c.isupper() for c in word) >= 2, (path.name, word)


# --- round trips over the corpus ------------------------------------------------------------

@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:24])
def test_legacy_corpus_is_detected_and_converted_back(path, encoding, reading):
    original = read(path)
    mojibake = encode(original, encoding, reading)
    assert mojibake != original
    d = detect(mojibake)
    assert d is not None and d.encoding == encoding
    assert d.score > 0.9  # nothing in it is Unicode-only
    back = convert(mojibake, encoding)
    assert d.converted == back
    assert convert_spans(mojibake, d) == back  # all of it is legacy, so the spans are all of it
    if encoding == "vni":
        assert back == original
    else:
        # TCVN3 (VN3) has no toned capitals: .VnTimeH fonts drew the lower-case codes as
        # capitals, so "Ủy ban" and "ủy ban" are the same bytes. Compare case-folded, and check
        # that the lines written all in capitals (headings, Quốc hiệu) come back exactly.
        assert back.casefold() == original.casefold()
        for was, now in zip(original.split("\n"), back.split("\n")):
            if was == was.upper() and any(c.isalpha() for c in was):
                assert now == was


# --- no false positives --------------------------------------------------------------------

TRICKY = [
    "Müller", "José", "Ñoño", "Loïc", "Zoë", "Noël", "François", "São Paulo", "Straße", "Björk",
    "Müller, José und Ñoño trafen Loïc in São Paulo.", "Loïc et Loïc", "Loïc Zoë",
    "Le déjà-vu de Noël à Zürich", "Señor Muñoz, año 2024", "El niño está aquí", "über schön König",
    "café crème brûlée", "naïve façade", "Pokémon", "Ångström", "Øresund", "Æsir", "Þór",
    "Anaïs Nin", "Gaël García Bernal", "Raphaël Varane", "Citroën", "Moët & Chandon",
    "Mötley Crüe", "Beyoncé", "Renée Zellweger", "Chloë Sevigny", "Hélène Ségara", "Ibáñez",
    "Dvořák Łódź", "¿Qué? ¡Olé!", "Eyjafjallajökull",
    "µm", "5 µm", "µm µm µm", "10 µg/l, 3 µs, 2 µA", "§ 5", "§§ 3–5", "Điều 5 § 2", "25 °C", "± 0,5",
    "© 2024 vanban", "Word® ™", "£100 ¥500 ¢5", "½ cup ¼ ¾", "2 × 3 = 6", "10 ÷ 2", "x² + y³",
    "1º 2ª", "« Bonjour »", "«Bonjour»", "¶ 3", "Ð ð Þ þ ß ÿ", "Ã Õ Ñ", "à la carte",
    "Kích thước hạt từ 5 µm đến 10 µm, nhiệt độ 25 °C ± 2 °C (theo § 3).",
    "Ông Müller (Đức) và bà José (Tây Ban Nha) đến Hà Nội ngày 5/6.",
]


@pytest.mark.parametrize("text", TRICKY)
def test_no_false_positive_on_tricky_strings(text):
    assert detect(text) is None


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:24])
def test_no_false_positive_on_unicode_corpus(path):
    text = read(path)
    for variant in (text, unicodedata.normalize("NFD", text), text.upper(), text.lower(),
                    text + "\n" + "\n".join(TRICKY)):
        assert detect(variant) is None
    for line in text.split("\n"):
        assert detect(line) is None, line


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name[:24])
def test_utf8_read_as_cp1252_is_not_legacy(path, reading):
    """"Cá»™ng hÃ²a" is another defect; pieces of it ("ChÆ" → VNI "ChỈ") must not fool us."""
    garbled = read(path).encode("utf-8").decode(reading, errors="replace")
    assert detect(garbled) is None
    for line in garbled.split("\n"):
        assert detect(line) is None, line
    # …while a legacy paragraph next to such text is still found.
    d = detect(garbled + "\n" + TCVN3_SAMPLE)
    assert d is not None and d.encoding == "tcvn3"
    assert d.spans == ((len(garbled) + 1, len(garbled) + 1 + len(TCVN3_SAMPLE)),)


def test_no_false_positive_on_readme_and_docs():
    docs = [ROOT / "README.md", ROOT / "README.en.md",
            *sorted((CORPUS / "docs").glob("*.md")),
            *sorted(ROOT.glob("docs/*.md"))]
    for path in docs:
        text = read(path)
        if path.name in ("legacy-encodings.md", "rules.md", "rules.vi.md"):  # mojibake on purpose
            continue
        assert detect(text) is None, path.name


def test_plain_text_is_none():
    for text in ("", "   ", "Hello world 123", "Kế hoạch số 5", "THE END", "\n\n"):
        assert detect(text) is None


# --- mixed text -----------------------------------------------------------------------------

PARAGRAPH = read(SEED_TEXT).split("\n")


def paragraph_with_sentences() -> tuple[str, list[str]]:
    """A real paragraph of the example with at least three sentences."""
    for line in PARAGRAPH:
        sentences = [s for s in re.split(r"(?<=\.) ", line) if len(s.split()) >= 5]
        if len(sentences) >= 3:
            return line, sentences
    raise AssertionError("no such paragraph")


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("which", [0, 1, -1])
def test_one_pasted_sentence_is_found_with_its_span(encoding, which):
    line, sentences = paragraph_with_sentences()
    sentence = sentences[which].strip()
    pasted = encode(sentence, encoding)
    start = line.index(sentence)
    text = line[:start] + pasted + line[start + len(sentence):]
    d = detect(text)
    assert d is not None and d.encoding == encoding
    # The span runs from the sentence's first word to its last, without the full stop.
    assert d.spans == ((start, start + len(pasted.rstrip(".")),),)
    fixed = convert_spans(text, d)
    assert fixed.casefold() == line.casefold() if encoding == "tcvn3" else fixed == line
    assert 0 < d.score < 0.6


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_one_pasted_paragraph_among_unicode_ones(encoding):
    lines = read(SEED_TEXT).split("\n")
    target = max(range(len(lines)), key=lambda i: len(lines[i]))  # the longest paragraph
    mixed = lines.copy()
    mixed[target] = encode(lines[target], encoding)
    text = "\n".join(mixed)
    d = detect(text)
    assert d is not None and d.encoding == encoding
    line_start = sum(len(x) + 1 for x in mixed[:target])
    line_end = line_start + len(mixed[target])
    assert d.spans and all(line_start <= s < e <= line_end for s, e in d.spans)
    fixed = convert_spans(text, d)
    original = "\n".join(lines)
    assert fixed.casefold() == original.casefold() if encoding == "tcvn3" else fixed == original
    # Converting the whole text instead would corrupt the Unicode paragraphs ("có" → "cú").
    assert d.converted != original


def test_a_legacy_phrase_inside_a_unicode_sentence():
    text = ("Thực hiện chỉ đạo của Uû ban nh©n d©n tØnh về việc triển khai kế hoạch, "
            "các sở, ngành báo cáo kết quả.")
    d = detect(text)
    assert d is not None and d.encoding == "tcvn3"
    phrase = "Uû ban nh©n d©n tØnh"
    start = text.index(phrase)
    assert d.spans == ((start, start + len(phrase)),)
    assert convert_spans(text, d) == text.replace(phrase, "Uỷ ban nhân dân tỉnh")


def test_a_vni_phrase_inside_a_unicode_sentence():
    text = "Đại diện Ban Chỉ đạo: Sôû Noäi vuï tænh Baø Ròa - Vuõng Taøu chủ trì."
    d = detect(text)
    assert d is not None and d.encoding == "vni"
    phrase = "Sôû Noäi vuï tænh Baø Ròa - Vuõng Taøu"
    start = text.index(phrase)
    assert d.spans == ((start, start + len(phrase)),)
    assert convert_spans(text, d) == text.replace(phrase, "Sở Nội vụ tỉnh Bà Rịa - Vũng Tàu")


def test_a_latin1_paste_keeps_its_quotes():
    pasted = encode("“Cộng hoà xã hội chủ nghĩa Việt Nam”", "tcvn3", "latin-1")
    text = "Thực hiện Kế hoạch. " + pasted + " Tiếp tục triển khai."
    d = detect(text)
    assert d is not None
    assert convert_spans(text, d) == \
        "Thực hiện Kế hoạch. “Cộng hoà xã hội chủ nghĩa Việt Nam” Tiếp tục triển khai."


def test_accented_english_words_keep_a_paste_partial():
    # No Unicode-only Vietnamese word here, but "café" and "naïve" are not legacy either: the
    # text is not converted whole, only the pasted run is.
    text = "We had café and a naïve talk about Céng hoµ x· héi today."
    d = detect(text)
    # (ASCII words up to the full stop join the run: they read the same either way.)
    assert d is not None and d.spans == ((text.index("Céng"), text.index(".")),)
    assert convert_spans(text, d) == "We had café and a naïve talk about Cộng hoà xã hội today."


def test_unicode_words_next_to_a_paste_are_left_alone():
    # "có" reads as TCVN3 "cú" and "trên" as "trờn": Vietnamese both ways, so they stay.
    text = "Văn bản có Céng hoµ x· héi chñ nghÜa trên địa bàn."
    d = detect(text)
    assert d is not None
    assert convert_spans(text, d) == "Văn bản có Cộng hoà xã hội chủ nghĩa trên địa bàn."


def test_detection_fields():
    d = detect(TCVN3_SAMPLE + "\n" + "Một dòng Unicode bình thường.")
    assert isinstance(d, Detection)
    assert d.encoding == "tcvn3" and d.words == 7
    assert 0 < d.score <= 1
    assert "converted" not in repr(d)


# --- speed ----------------------------------------------------------------------------------

def test_detect_is_fast_on_unicode_text():
    """The checker runs detect() on every text of 1,000 plans: well under 1 ms per KB."""
    text = "\n".join(read(p) for p in TEXTS)
    text = text.encode("utf-8")[:30 * 1024].decode("utf-8", errors="ignore")  # 30 KB
    assert detect(text) is None
    kb = len(text.encode("utf-8")) / 1024
    cold = min(_timed(text, clear=True) for _ in range(5))   # every word classified afresh
    warm = min(_timed(text, clear=False) for _ in range(5))  # words cached by earlier texts
    # Measured at 0.15 ms per KB cold, 0.06 warm on an idle machine; the bounds leave room for
    # a busy one.
    assert cold / kb < 1e-3, f"cold: {cold * 1000 / kb:.3f} ms per KB"
    assert warm / kb < 0.5e-3, f"warm: {warm * 1000 / kb:.3f} ms per KB"


def _timed(text: str, clear: bool) -> float:
    if clear:
        detection.clear_cache()
    t0 = time.perf_counter()
    detect(text)
    return time.perf_counter() - t0
