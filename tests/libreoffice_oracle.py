"""Accept or reject every tracked change with a real LibreOffice, headless, and export text.

This is how a redline is proven right: accepting all its changes must give the new
version's text, rejecting them all the old one's. LibreOffice has no command-line switch
for it, so a small Basic macro does the work inside one ``soffice`` process for a whole
batch of documents; the macro lives in a private, throw-away user profile (trusted there,
and no running LibreOffice or other job can interfere). No Python-UNO bridge is needed.

For each job the macro writes, next to the requested text file:

- the text as LibreOffice's own "Text (encoded)" filter exports it (UTF-8, body and
  tables, after the changes were accepted or rejected);
- ``.info``: the tracked changes LibreOffice found before resolving them (type, author,
  date), how many remained after, and the text of every page header in use (without
  fields: a page number depends on the layout).
"""

from __future__ import annotations

import enum
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from vanban.errors import OfficeError
from vanban.i18n import _
from vanban.libreoffice import find_soffice

MODULE = "VanbanRedline"


class Mode(str, enum.Enum):
    ACCEPT = "accept"
    REJECT = "reject"
    KEEP = "keep"  # export as is


_BASIC = r'''
Sub Run(jobsUrl As String)
    Dim sfa As Object, inp As Object, line As String, parts
    sfa = createUnoService("com.sun.star.ucb.SimpleFileAccess")
    inp = createUnoService("com.sun.star.io.TextInputStream")
    inp.setInputStream(sfa.openFileRead(jobsUrl))
    inp.setEncoding("UTF-8")
    Do While Not inp.isEOF()
        line = Replace(Replace(inp.readLine(), Chr(13), ""), Chr(10), "")
        If Len(line) > 0 Then
            parts = Split(line, Chr(9))
            DoJob(parts(0), parts(1), parts(2))
        End If
    Loop
    inp.closeInput()
    StarDesktop.terminate()
End Sub

Function PlainText(txt As Object) As String
    ' The words of a text, without fields (a page number depends on the layout)
    Dim paras As Object, para As Object, portions As Object, portion As Object, s As String
    paras = txt.createEnumeration()
    Do While paras.hasMoreElements()
        para = paras.nextElement()
        If para.supportsService("com.sun.star.text.Paragraph") Then
            portions = para.createEnumeration()
            Do While portions.hasMoreElements()
                portion = portions.nextElement()
                If portion.TextPortionType = "Text" Then s = s & portion.getString()
            Loop
            s = s & Chr(10)
        End If
    Loop
    PlainText = s
End Function

Function Clean(s As String) As String
    Clean = Replace(Replace(Replace(s, Chr(9), " "), Chr(13), Chr(10)), Chr(10), "\n")
End Function

Sub DoJob(mode As String, inUrl As String, outUrl As String)
    Dim args(1) As New com.sun.star.beans.PropertyValue
    Dim doc As Object, disp As Object, none(), info As String, i As Integer, r As Object
    Dim styles As Object, st As Object, dt
    On Error GoTo Failed
    args(0).Name = "Hidden" : args(0).Value = True
    args(1).Name = "ReadOnly" : args(1).Value = False
    doc = StarDesktop.loadComponentFromURL(inUrl, "_blank", 0, args())
    info = ""
    For i = 0 To doc.Redlines.Count - 1
        r = doc.Redlines.getByIndex(i)
        dt = r.RedlineDateTime
        info = info & "redline" & Chr(9) & r.RedlineType & Chr(9) & Clean(r.RedlineAuthor) _
            & Chr(9) & Format(dt.Year, "0000") & "-" & Format(dt.Month, "00") & "-" _
            & Format(dt.Day, "00") & "T" & Format(dt.Hours, "00") & ":" _
            & Format(dt.Minutes, "00") & ":" & Format(dt.Seconds, "00") & Chr(10)
    Next i
    disp = createUnoService("com.sun.star.frame.DispatchHelper")
    If mode = "accept" Then
        disp.executeDispatch(doc.CurrentController.Frame, ".uno:AcceptAllTrackedChanges", "", 0, none())
    ElseIf mode = "reject" Then
        disp.executeDispatch(doc.CurrentController.Frame, ".uno:RejectAllTrackedChanges", "", 0, none())
    End If
    info = info & "remaining" & Chr(9) & doc.Redlines.Count & Chr(10)
    styles = doc.StyleFamilies.getByName("PageStyles")
    For i = 0 To styles.Count - 1
        st = styles.getByIndex(i)
        If st.isInUse() And st.HeaderIsOn Then
            info = info & "header" & Chr(9) & st.Name & Chr(9) & Clean(PlainText(st.HeaderText)) & Chr(10)
            If Not st.HeaderIsShared Then
                info = info & "header-left" & Chr(9) & st.Name & Chr(9) & Clean(PlainText(st.HeaderTextLeft)) & Chr(10)
            End If
            On Error Resume Next
            If Not st.FirstIsShared Then
                info = info & "header-first" & Chr(9) & st.Name & Chr(9) & Clean(PlainText(st.HeaderTextFirst)) & Chr(10)
            End If
            On Error GoTo Failed
        End If
    Next i
    Dim out(1) As New com.sun.star.beans.PropertyValue
    out(0).Name = "FilterName" : out(0).Value = "Text (encoded)"
    out(1).Name = "FilterOptions" : out(1).Value = "UTF8,LF"
    doc.storeToURL(outUrl, out())
    WriteText(outUrl & ".info", info)
    doc.close(True)
    Exit Sub
Failed:
    WriteText(outUrl & ".error", Error$ & " (line " & Erl & ")")
    On Error Resume Next
    doc.close(True)
End Sub

Sub WriteText(url As String, text As String)
    Dim sfa As Object, stream As Object
    sfa = createUnoService("com.sun.star.ucb.SimpleFileAccess")
    If sfa.exists(url) Then sfa.kill(url)
    stream = createUnoService("com.sun.star.io.TextOutputStream")
    stream.setOutputStream(sfa.openFileWrite(url))
    stream.setEncoding("UTF-8")
    stream.writeString(text)
    stream.closeOutput()
End Sub
'''


@dataclass(frozen=True)
class TrackedChange:
    """A tracked change as LibreOffice read it."""

    type: str  # Insert, Delete, Format, ParagraphFormat …
    author: str
    date: str  # YYYY-MM-DDTHH:MM:SS


@dataclass
class Resolved:
    """One document after LibreOffice accepted or rejected its changes."""

    text: str
    changes: list[TrackedChange] = field(default_factory=list)
    remaining: int = 0
    headers: dict[str, str] = field(default_factory=dict)  # "header:First Page" → its words

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


def _install_macro(profile: Path, soffice: str, timeout: float) -> None:
    """Create the profile, then add the macro module to its Standard library."""
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--terminate_after_init"], capture_output=True,
                   timeout=timeout, check=False)
    library = profile / "user" / "basic" / "Standard"
    if not (library / "script.xlb").exists():
        raise OfficeError(_("LibreOffice could not create its user profile in {path}"),
                          path=str(profile))
    (library / f"{MODULE}.xba").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" '
        '"module.dtd">\n<script:module xmlns:script="http://openoffice.org/2000/script" '
        f'script:name="{MODULE}" script:language="StarBasic">{escape(_BASIC)}</script:module>\n',
        encoding="utf-8")
    index = library / "script.xlb"
    text = index.read_text(encoding="utf-8")
    if f'library:name="{MODULE}"' not in text:
        text = text.replace("</library:library>",
                            f' <library:element library:name="{MODULE}"/>\n</library:library>')
        index.write_text(text, encoding="utf-8")


def _read_info(path: Path) -> tuple[list[TrackedChange], int, dict[str, str]]:
    changes, remaining, headers = [], 0, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if fields[0] == "redline" and len(fields) == 4:
            changes.append(TrackedChange(fields[1], fields[2], fields[3]))
        elif fields[0] == "remaining":
            remaining = int(fields[1])
        elif fields[0].startswith("header") and len(fields) == 3:
            text = fields[2].replace("\\n", "\n")
            # a header with no words shows nothing, in use or not (whether a page style is
            # in use depends on how far LibreOffice has laid the document out)
            if text.strip():
                headers[f"{fields[0]}:{fields[1]}"] = text
    return changes, remaining, headers


def resolve(jobs: Sequence[tuple[str | Path, Mode]], *, timeout: float = 600) -> list[Resolved]:
    """Open each document, accept or reject all its tracked changes (or keep them), and
    return what LibreOffice then shows; one LibreOffice process for the whole batch."""
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="vanban-redline-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        _install_macro(profile, soffice, timeout)
        outputs = [work / f"{n}.txt" for n in range(len(jobs))]
        lines = [f"{Mode(mode).value}\t{Path(doc).resolve().as_uri()}\t{out.as_uri()}"
                 for (doc, mode), out in zip(jobs, outputs)]
        listing = work / "jobs.tsv"
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nolockcheck",
               f'macro:///Standard.{MODULE}.Run("{listing.as_uri()}")']
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise OfficeError(_("LibreOffice did not finish within {seconds} s"),
                              seconds=int(timeout)) from None
        results = []
        for (doc, _mode), out in zip(jobs, outputs):
            error = out.with_name(out.name + ".error")
            if error.exists() or not out.exists():
                reason = (error.read_text(encoding="utf-8") if error.exists()
                          else (done.stderr or done.stdout).strip()[-500:] or "?")
                raise OfficeError(_("LibreOffice could not convert {files}: {reason}"),
                                  files=Path(doc).name, reason=reason)
            text = out.read_text(encoding="utf-8-sig")
            changes, remaining, headers = _read_info(out.with_name(out.name + ".info"))
            results.append(Resolved(text, changes, remaining, headers))
        return results
