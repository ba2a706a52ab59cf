"""Plans made to put the page under stress, written, rendered and converted in one soffice run
for the page tests: a body whose length moves the signature block down in small steps, the
stamps and marks of page 1, a long Nơi nhận, a draft beside its final."""

from __future__ import annotations

from pathlib import Path

from conftest import convert_files, render_files

#: A sentence of about half a line of 14 pt body text.
SENTENCE = "Các đơn vị tổ chức thực hiện nghiêm túc, đúng tiến độ."
SIGNER = "Nguyễn Văn An"


def plan_text(*, paragraphs: int = 3, last_sentences: int = 1, marks: str = "",
              recipients: list[str] | None = None, layout: str = "", draft: bool = False,
              addressees: list[str] | None = None, issuer: str = "[ỦY BAN NHÂN DÂN, XÃ AN BÌNH]",
              superior: str = "", doctype: str = "KH", title: str = "Tổ chức ngày hội đọc sách"
              ) -> str:
    """A plan of ``paragraphs`` opening paragraphs, the last of ``last_sentences`` sentences."""
    opening = [SENTENCE] * (paragraphs - 1) + [" ".join([SENTENCE] * last_sentences)]
    recipients = recipients if recipients is not None else ["UBND huyện", "Các đoàn thể xã"]
    number_date = "draft: 1\nnumber:\ndate: 2026\n" if draft else "number: 12\ndate: 2026-03-02\n"
    lines = [
        "vanban: 1", f"type: {doctype}", "issuer:",
        *([f"  superior: {superior}"] if superior else []),
        f"  name: {issuer}", "  abbreviation: UBND", number_date.rstrip("\n"), "place: An Bình",
        f"title: {title}", marks.rstrip("\n"), layout.rstrip("\n"),
        *(["addressees:"] + [f"  - {a}" for a in addressees] if addressees else []),
        "opening:", *[f"  - {p}" for p in opening],
        "signature:", "  authority: TM", "  titles: [ỦY BAN NHÂN DÂN, CHỦ TỊCH]",
        f"  name: {SIGNER}",
        "recipients:", *[f"  - {r}" for r in recipients], "archive: VT",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def convert(plans: dict[str, str], out: Path) -> dict[str, Path]:
    """Each plan written, rendered and converted to PDF (one LibreOffice run): name → PDF."""
    files = {}
    for name, text in plans.items():
        files[name] = out / f"{name}.yaml"
        files[name].write_text(text, encoding="utf-8")
    return convert_files(render_files(files, out), out / "pdf")
