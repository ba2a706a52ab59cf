"""The loader's problems (VB001–VB011): their codes as named constants, beside their docs.

The loader, the schema, the importer and the configuration report them; the checker lists and
documents them like rules (:mod:`vanban.rules.vb000_loader`), and they can be set to another
level or disabled like rules, except that a plan that cannot be read cannot be checked further.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.problems import Severity

YAML_SYNTAX = "VB001"
DUPLICATE_KEY = "VB002"
UNKNOWN_KEY = "VB003"
MISSING_KEY = "VB004"
WRONG_TYPE = "VB005"
INVALID_VALUE = "VB006"
NOT_UTF8 = "VB007"
CONTROL_CHARACTER = "VB008"
GLUED_COMMENT = "VB009"
NOT_NFC = "VB010"
IMPORT_UNCERTAIN = "VB011"
#: Not a problem of the plan: a rule that crashed on it (a bug to report).
RULE_FAILED = "VB999"


@dataclass(frozen=True)
class LoaderCode:
    """A problem the loader reports, with its stable code (VB0xx) and explanation."""

    code: str
    name: str
    severity: Severity
    doc: str
    fixable: bool = False


_SYNTAX = """The file is not valid YAML.

## Why
Nothing in a file that does not parse can be trusted: a missing quote can swallow the next
lines into one value. The message gives PyYAML's reason and the line.

## Bad
```yaml
place: [Hà Nội
```

## Good
```yaml
place: Hà Nội
```
"""

_DUPLICATE = """A key appears twice in the same mapping.

## Why
YAML loaders silently keep the last value, so text written first is lost without a word —
typically a second `number:` or a second `content:` added while revising.

## Bad
```yaml
number: 05
number: 6
```

## Good
```yaml
number: 6
```
"""

_UNKNOWN = """A key the plan format does not have (the message suggests the closest one).

## Why
A misspelt key (`titel`, `signtaure`) would be ignored by a lenient loader and its content
would silently disappear from the document.

## Bad
```yaml
titel: Phòng, chống thiên tai năm 2026
```

## Good
```yaml
title: Phòng, chống thiên tai năm 2026
```
"""

_MISSING = """A required key or entry is missing.

## Why
The decree's components (number and symbol, place and date, title, signature, recipients…)
cannot be printed from nothing; the message says what the key holds.

## Bad
```yaml
signature:
  titles: GIÁM ĐỐC
```

## Good
```yaml
signature:
  titles: GIÁM ĐỐC
  name: Nguyễn Văn A
```
"""

_TYPE = """A value has the wrong shape: a list where text is expected, text that is not a number…

## Why
Every scalar is read as text and converted explicitly, so `05` stays 5 and `no` stays “no”;
a value that cannot be converted is reported instead of guessed. Text ending with “:” is
read by YAML as a key — the message says to quote it.

## Bad
```yaml
opening:
  - Sở Tư pháp xây dựng Kế hoạch như sau:
```

## Good
```yaml
opening:
  - "Sở Tư pháp xây dựng Kế hoạch như sau:"
```
"""

_VALUE = """A value is not allowed: a date not in the calendar, a margin outside the decree's range…

## Why
The decree fixes ranges (margins, sizes, spacing) and forms (authority prefixes, urgency
marks); a value outside them would produce a document a văn thư must send back.

## Bad
```yaml
date: 2023-02-29
layout:
  margin_left: 25
```

## Good
```yaml
date: 2023-02-28
layout:
  margin_left: 30
```
"""

_ENCODING = """The file is not UTF-8.

## Why
Plans written in a legacy code page (Windows-1258, UTF-16) cannot be read reliably; the
message locates the first byte that is not UTF-8.

## Bad
```text
place: H\\xe0 N\\xf4i        (Windows-1258 bytes)
```

## Good
```text
place: Hà Nội              (saved as UTF-8)
```
"""

_CONTROL = """A control character (tab, bell, form feed …) or a line break inside one paragraph.

## Why
Such characters are invisible in an editor but break the Word file or the layout; a
paragraph with a line break belongs in two list entries.

## Bad
```yaml
title: "Kế hoạch\\tnăm 2026"
```

## Good
```yaml
title: Kế hoạch năm 2026
```
"""

_GLUED = """A “#” right after a value starts a comment, and the rest of the line is dropped.

## Why
In YAML, “ #” after a plain value begins a comment: `title: Kế hoạch #5 năm 2024` gives the
title “Kế hoạch”, and nothing says the rest is gone. A comment that belongs there is written
with a space after “#”; text that holds “#” is put in quotes.

## Bad
```yaml
title: Kế hoạch #5 năm 2024
```

## Good
```yaml
title: "Kế hoạch #5 năm 2024"
number: 5            # a comment, with a space after “#”
```
"""

_NFC = """Text is not in Unicode NFC form (decomposed diacritics).

## Why
The same Vietnamese word typed with composed or decomposed marks looks identical but
compares, sorts and searches as two different words. The loader normalises to NFC; the
fix rewrites the file so it stays normalised.

## Bad
```yaml
title: Tuyên truyền   # typed with combining marks: u + U+0300 …
```

## Good
```yaml
title: Tuyên truyền
```
"""

_IMPORT = """A paragraph of a .docx or .txt that the importer could not read with certainty.

## Why
`vanban import` and `vanban check` on a document read it into a plan. A paragraph that fits
no component (a line after “Lưu: VT”, a date that is not in the calendar, a level deeper
than “+”, a header line vanban does not know) is kept as a plain paragraph where it stood,
so no text is lost, and reported with the paragraph it came from so you can place it.

## Bad
```text
c) Tuyên truyền trên các phương tiện thông tin đại chúng;
   ¶ nested under “+”, a level the decree's numbering does not have
```

## Good
```text
c) Tuyên truyền trên các phương tiện thông tin đại chúng;
- Phát thanh, truyền hình;
+ chương trình thời sự hằng ngày.
```
"""


LOADER_CODES = (
    LoaderCode(YAML_SYNTAX, "yaml-syntax", Severity.ERROR, _SYNTAX),
    LoaderCode(DUPLICATE_KEY, "duplicate-key", Severity.ERROR, _DUPLICATE),
    LoaderCode(UNKNOWN_KEY, "unknown-key", Severity.ERROR, _UNKNOWN),
    LoaderCode(MISSING_KEY, "missing-key", Severity.ERROR, _MISSING),
    LoaderCode(WRONG_TYPE, "wrong-type", Severity.ERROR, _TYPE),
    LoaderCode(INVALID_VALUE, "invalid-value", Severity.ERROR, _VALUE),
    LoaderCode(NOT_UTF8, "not-utf8", Severity.ERROR, _ENCODING),
    LoaderCode(CONTROL_CHARACTER, "control-character", Severity.ERROR, _CONTROL),
    LoaderCode(GLUED_COMMENT, "glued-comment", Severity.WARNING, _GLUED),
    LoaderCode(NOT_NFC, "not-nfc", Severity.WARNING, _NFC, fixable=True),
    LoaderCode(IMPORT_UNCERTAIN, "import-uncertain", Severity.WARNING, _IMPORT),
)
