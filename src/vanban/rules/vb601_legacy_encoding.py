"""Text typed in a legacy Vietnamese encoding (TCVN3/ABC, VNI) shows as mojibake.

## Why
Text copied from an old .VnTime or VNI-Times document into a Unicode file reads like
“Céng hoµ x· héi chñ nghÜa” (TCVN3) or “Coäng hoøa xaõ hoäi” (VNI): unreadable, unsearchable,
and printed as garbage. The message shows the converted text. When a whole value is in the
legacy encoding, `--fix` replaces it with the converted Unicode; a phrase pasted inside a
Unicode sentence is reported for a person to correct (see docs/legacy-encodings.md).

## Bad
```yaml
- Céng hoµ x· héi chñ nghÜa ViÖt Nam
```

## Good
```yaml
- Cộng hoà xã hội chủ nghĩa Việt Nam
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.i18n import _
from vanban.plan.edits import literal
from vanban.problems import Severity
from vanban.rules._base import Finding, Rule, RuleContext

#: Latin-1 characters that Vietnamese does not use: mojibake of both encodings contains
#: them, ordinary Vietnamese almost never, so most plans are cleared with one quick search.
_SUSPECT = re.compile("[\u0080-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc"
                      "\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc"
                      "\u00fe\u00ff]")
NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
_EDGE = " \t\"'“”-–.,;:()"


def _preview(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check(ctx: RuleContext) -> Iterator[Finding]:
    if not _SUSPECT.search(ctx.source.text):
        return
    from vanban.text import legacy  # its tables load only for a plan that may need them

    for _path, node in ctx.text_scalars():
        value = node.value
        if not _SUSPECT.search(value):
            continue
        detection = legacy.detect(value)
        if detection is None:
            continue
        start, end = detection.spans[0][0], detection.spans[-1][1]
        # Only a value that is legacy text from end to end is converted by --fix: converting
        # the edges of a phrase inside Unicode text could change a correct word.
        whole = not value[:start].strip(_EDGE) and not value[end:].strip(_EDGE)
        converted = legacy.convert_spans(value, detection)
        fix = literal(ctx.source.text, node, value, converted) if whole else None
        mark = ctx.at(node, start, end - start) if "\n" not in value else node.mark
        yield ctx.finding(mark, _(
            "this text is in the legacy {encoding} encoding; in Unicode it reads “{converted}”"),
            fix, encoding=NAMES[detection.encoding], converted=_preview(converted[start:]))


RULE = Rule("VB601", "legacy-encoding", Severity.ERROR, __doc__, check, needs_plan=False,
            fixable=True)
