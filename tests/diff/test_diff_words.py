"""Word-level comparison inside a paragraph."""

import random

import pytest

from vanban.diff.words import diff_words, inline, similarity, tokens

PAIRS = [
    ("Rà soát, cập nhật phương án ứng phó.", "Rà soát, bổ sung phương án ứng phó."),
    ("Số:      /KH-UBND", "Số: 45/KH-UBND"),
    ("Lai Châu, ngày 15 tháng 01 năm 2026", "Lai Châu, ngày 03 tháng 02 năm 2026"),
    ("", "Một đoạn mới."),
    ("Một đoạn bị bỏ.", ""),
    ("a b c", "x y z"),
    ("Căn cứ Luật A;", "Căn cứ Luật A."),
]


def sides(segments):
    old = "".join(s.text for s in segments if s.op != "insert")
    new = "".join(s.text for s in segments if s.op != "delete")
    return old, new


@pytest.mark.parametrize("old,new", PAIRS)
def test_segments_rebuild_both_texts_and_their_spans_point_into_them(old, new):
    segments = diff_words(old, new)
    assert sides(segments) == (old, new)
    for s in segments:
        if s.op != "insert":
            assert old[s.old[0]:s.old[1]] == s.text
        if s.op != "delete":
            assert new[s.new[0]:s.new[1]] == s.text


def test_random_edits_of_vietnamese_text_rebuild_exactly():
    rng = random.Random(5)
    vocabulary = tokens("Ủy ban nhân dân tỉnh ban hành Kế hoạch phòng, chống thiên tai; "
                        "các cơ quan, đơn vị thực hiện nghiêm túc.")
    for _ in range(300):
        old = "".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 30)))
        new = "".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 30)))
        assert sides(diff_words(old, new)) == (old, new)


def test_one_changed_word_is_one_deletion_and_one_insertion():
    segments = diff_words(*PAIRS[0])
    assert [(s.op, s.text) for s in segments if s.op != "equal"] == [
        ("delete", "cập nhật"), ("insert", "bổ sung")]


def test_changes_separated_by_a_space_read_as_one():
    assert inline(diff_words("a b c", "x y z")) == "[-a b c-]{+x y z+}"
    # a real word in between keeps two changes apart
    assert inline(diff_words(*PAIRS[2])) == (
        "Lai Châu, ngày [-15-]{+03+} tháng [-01-]{+02+} năm 2026")


def test_similarity_counts_words():
    assert similarity("Mục đích", "Mục đích") == 1.0
    assert similarity("Mục đích", "Yêu cầu") == 0.0
    assert 0.5 < similarity(*PAIRS[0]) < 1.0
