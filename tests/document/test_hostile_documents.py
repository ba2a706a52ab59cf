"""Documents that are not what they seem: each gets one clear message, nothing invented."""

import docx



def test_an_empty_text_file_is_not_imported_as_an_empty_plan(run, tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n  \n", encoding="utf-8")
    result = run("import", tmp_path / "empty.txt", "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2 and "không có chữ" in result.stderr
    assert not (tmp_path / "out.yaml").exists()
    checked = run("check", tmp_path / "empty.txt")
    assert checked.exit_code == 2 and checked.stderr.count("\n") == 1  # one message, not 11


def test_a_word_file_of_images_only_says_it_needs_text_recognition(run, tmp_path):
    docx.Document().save(tmp_path / "scan.docx")
    result = run("import", tmp_path / "scan.docx", "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2 and "nhận dạng chữ" in result.stderr


def test_a_nul_in_a_text_file_is_reported_where_it_stands_and_left_out(run, tmp_path):
    (tmp_path / "nul.txt").write_bytes("ỦY BAN NHÂN DÂN\nKẾ HOẠCH\x00 thử\n".encode("utf-8"))
    result = run("import", tmp_path / "nul.txt", "-o", tmp_path / "out.yaml")
    assert result.exit_code == 0
    assert f"{tmp_path / 'nul.txt'}:2:9:" in result.stderr and "U+0000" in result.stderr
    assert "nul.yaml" not in result.stderr  # never a position in a file nobody wrote
    written = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "\x00" not in written and "KẾ HOẠCH thử" in written


def test_a_text_file_too_large_to_be_a_document_is_refused_at_once(run, tmp_path, monkeypatch):
    from vanban.document import reader

    monkeypatch.setattr(reader, "MAX_TEXT_BYTES", 1000)
    (tmp_path / "log.txt").write_text("KẾ HOẠCH\n" * 500, encoding="utf-8")
    for command in ("check", "import"):
        result = run(command, tmp_path / "log.txt")
        assert result.exit_code == 2 and "có đúng tệp không?" in result.stderr


def test_excerpts_do_not_read_the_file_again_for_each_finding(run, tmp_path, monkeypatch):
    from vanban.check.results import FileResult

    reads = []
    original = FileResult.lines
    monkeypatch.setattr(FileResult, "lines", lambda self: reads.append(self.path) or original(self))
    text = "\n".join(["ỦY BAN NHÂN DÂN", "KẾ HOẠCH", "Hoà  nhập, hòa giải, hòa bình."] * 20)
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    result = run("check", tmp_path / "doc.txt")
    assert result.output.count("doc.txt:") > 3  # several findings, one read
    assert len(reads) == 1
