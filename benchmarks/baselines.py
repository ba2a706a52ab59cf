"""What a careful user would write instead of vanban, as whole programs.

Each baseline is a small script run as its own process, as a user runs it; the benchmarks
write them to a temporary folder (``write``) and time them against ``python -m vanban``.
"""

from __future__ import annotations

import pickle
from pathlib import Path

#: Render with plain docxtpl from a context vanban flattened beforehand (pickled): what a
#: user gets with docxtpl alone once the data is ready — load the template, render, save.
RENDER = '''\
import pickle, sys
from docxtpl import DocxTemplate

context_file, template, out = sys.argv[1:4]
with open(context_file, "rb") as fh:
    context = pickle.load(fh)
tpl = DocxTemplate(template)
tpl.render(context, autoescape=True)
tpl.save(out)
'''

#: Read a .docx with python-docx: every paragraph and every table cell's text — the least a
#: tool that checks or imports a document must do. Writes the text (one paragraph a line).
READ_DOCX = '''\
import sys
import docx

document = docx.Document(sys.argv[1])
lines = [p.text for p in document.paragraphs]
for table in document.tables:
    for row in table.rows:
        for cell in row.cells:
            lines += [p.text for p in cell.paragraphs]
with open(sys.argv[2], "w", encoding="utf-8") as fh:
    fh.write("\\n".join(lines))
'''

#: Compare two rendered .docx with difflib and python-docx: the paragraphs of each, their
#: differences word by word where a paragraph changed, written as a Word document.
DIFF_DOCX = '''\
import difflib, sys
import docx

def paragraphs(path):
    return [p.text for p in docx.Document(path).paragraphs]

old, new = paragraphs(sys.argv[1]), paragraphs(sys.argv[2])
out = docx.Document()
matcher = difflib.SequenceMatcher(None, old, new)  # difflib's defaults, as a user calls it
for op, i1, i2, j1, j2 in matcher.get_opcodes():
    if op == "equal":
        for text in new[j1:j2]:
            out.add_paragraph(text)
        continue
    for a, b in zip(old[i1:i2], new[j1:j2]):
        para = out.add_paragraph()
        words = difflib.SequenceMatcher(None, a.split(), b.split())
        for wop, a1, a2, b1, b2 in words.get_opcodes():
            if wop in ("delete", "replace"):
                para.add_run(" ".join(a.split()[a1:a2]) + " ").font.strike = True
            if wop in ("insert", "replace", "equal"):
                run = para.add_run(" ".join(b.split()[b1:b2]) + " ")
                run.font.underline = wop != "equal"
    for text in old[i1 + len(new[j1:j2]):i2]:
        out.add_paragraph().add_run(text).font.strike = True
    for text in new[j1 + len(old[i1:i2]):j2]:
        out.add_paragraph().add_run(text).font.underline = True
out.save(sys.argv[3])
'''


def write(folder: Path) -> dict[str, Path]:
    """The baseline scripts, written to ``folder``: name → path."""
    scripts = {"render": RENDER, "read_docx": READ_DOCX, "diff_docx": DIFF_DOCX,
               "copies_naive": COPIES_NAIVE, "copies_once": COPIES_ONCE,
               "extracts": EXTRACTS}
    paths = {}
    for name, text in scripts.items():
        paths[name] = folder / f"plain_{name}.py"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def flattened_context(plan_path: Path, out: Path) -> Path:
    """vanban's context of the plan, ready for docxtpl, pickled to ``out``."""
    from vanban import load_plan
    from vanban.renderer import build_context, prepare

    out.write_bytes(pickle.dumps(prepare(build_context(load_plan(plan_path)))))
    return out


#: Per-recipient copies, the naive loop: load the template, render, save — for each copy.
COPIES_NAIVE = '''\
import pickle, sys
from docxtpl import DocxTemplate

context_file, template, listing, out = sys.argv[1:5]
with open(context_file, "rb") as fh:
    context = pickle.load(fh)
names = open(listing, encoding="utf-8").read().splitlines()
for i, name in enumerate(names):
    tpl = DocxTemplate(template)
    tpl.render(context, autoescape=True)
    tpl.docx.core_properties.comments = f"Bản gửi {name}"
    tpl.save(f"{out}/copy-{i:05d}.docx")
'''

#: Per-recipient copies as a careful docxtpl user writes them: render once, then change the
#: one property each copy differs in and save — N saves, one rendering.
COPIES_ONCE = '''\
import pickle, sys
from docxtpl import DocxTemplate

context_file, template, listing, out = sys.argv[1:5]
with open(context_file, "rb") as fh:
    context = pickle.load(fh)
names = open(listing, encoding="utf-8").read().splitlines()
tpl = DocxTemplate(template)
tpl.render(context, autoescape=True)
for i, name in enumerate(names):
    tpl.docx.core_properties.comments = f"Bản gửi {name}"
    tpl.save(f"{out}/copy-{i:05d}.docx")
'''

#: One extract per agency with plain docxtpl: vanban derives each agency's plan and its
#: context (the part docxtpl cannot do), docxtpl renders and saves each.
EXTRACTS = '''\
import io, sys
from docxtpl import DocxTemplate
from vanban import load_plan
from vanban.batch.extracts import Selection, extract_plan
from vanban.renderer import build_context, default_template, prepare

plan = load_plan(sys.argv[1])
template = default_template().read_bytes()
for i, agency in enumerate(plan.agencies()):
    tpl = DocxTemplate(io.BytesIO(template))
    tpl.render(prepare(build_context(extract_plan(plan, agency, Selection()))), autoescape=True)
    tpl.save(f"{sys.argv[2]}/extract-{i:04d}.docx")
'''
