"""The copying body's one running series of copy numbers, kept in a small JSON file.

Phụ lục I Phần II, 1.c: every copy the body makes — sao y, sao lục, trích sao alike — takes
the next number of one series, written in Arabic digits from 01 on 1 January to 31 December
(Điều 15). The state file is also a small register: a copy that was already issued keeps its
number and date when the batch is run again, so rebuilding a file never burns a number.

Every read-modify-write happens under an exclusive lock and the file is replaced atomically,
so two runs at the same time never hand out the same number. The file may be edited by hand,
for example to continue a paper register (``"last": 57``)::

    {"format": 1, "body": "VP",
     "years": {"2026": {"last": 3, "issued": [
        {"number": 1, "code": "SY", "date": "2026-03-05", "document": "277/KH-BCĐ",
         "for": "", "key": "…"}]}}}
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from vanban.batch.locking import locked
from vanban.errors import OutputError, SeriesError, os_reason
from vanban.fsutil import atomic_write
from vanban.i18n import _

STATE_FORMAT = 1
DEFAULT_NAME = "copy-series.json"


@dataclass(frozen=True)
class Request:
    """A copy that needs a number: ``key`` says which copy act it is."""

    key: str
    code: str                # SY, SL, TrS
    date: _dt.date
    document: str            # the copied document, "277/KH-BCĐ"
    audience: str = ""       # the agency of a trích sao, if any
    explicit_date: bool = False


@dataclass(frozen=True)
class Issued:
    number: int
    code: str
    date: str                # ISO date of the copy
    document: str
    audience: str
    key: str

    @property
    def day(self) -> _dt.date:
        return _dt.date.fromisoformat(self.date)

    def symbol(self, body: str) -> str:
        """``01/SY-VP``: the number (two digits at least), the copy code, the body."""
        return f"{self.number:02d}/{self.code}-{body}"


def _bad(path: Path, what: str) -> SeriesError:
    return SeriesError(_("the copy series {path} is damaged ({what}); fix or remove it"),
                       path=str(path), what=what)


class Series:
    """The running copy numbers of the body ``body`` (its abbreviation), stored at ``path``."""

    def __init__(self, path: Path, body: str) -> None:
        self.path = Path(path)
        self.body = body
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"format": STATE_FORMAT, "body": self.body, "years": {}}
        except (OSError, UnicodeDecodeError) as exc:
            raise SeriesError(_("cannot read {path}: {reason}"), path=str(self.path),
                              reason=os_reason(exc)) from None
        try:
            state = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SeriesError(_("{path}:{line}:{col}: the copy series is not valid JSON: {reason}"),
                              path=str(self.path), line=exc.lineno, col=exc.colno,
                              reason=exc.msg) from None
        if not isinstance(state, dict) or not isinstance(state.get("years", {}), dict):
            raise _bad(self.path, "years")
        if state.get("body", self.body) != self.body:
            raise SeriesError(_(
                "the copy series {path} belongs to “{other}”, not to “{body}”; use another "
                "series file for this body"), path=str(self.path), other=state.get("body"),
                body=self.body)
        state.setdefault("years", {})
        for year, entry in state["years"].items():
            if not (year.isdigit() and isinstance(entry, dict)
                    and isinstance(entry.get("last", 0), int) and entry.get("last", 0) >= 0
                    and isinstance(entry.get("issued", []), list)):
                raise _bad(self.path, f"years.{year}")
        return state

    def _find(self, state: dict[str, Any], key: str) -> Issued | None:
        found = None
        for entry in state["years"].values():
            for item in entry.get("issued", []):
                if isinstance(item, dict) and item.get("key") == key:
                    try:
                        issued = Issued(int(item["number"]), str(item["code"]), str(item["date"]),
                                        str(item.get("document", "")), str(item.get("for", "")),
                                        key)
                    except (KeyError, ValueError, TypeError):
                        raise _bad(self.path, "issued") from None
                    if found is None or (issued.date, issued.number) > (found.date, found.number):
                        found = issued
        return found

    def issue(self, requests: Sequence[Request], *, reissue: bool = False) -> list[Issued]:
        """A number for each request: the one it already has, or the next of its year."""
        if not requests:
            return []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(_("cannot write {path}: {reason}"), path=str(self.path),
                              reason=os_reason(exc)) from None
        with locked(self.lock_path):
            state = self._read()
            out: list[Issued] = []
            changed = False
            for request in requests:
                existing = None if reissue else self._find(state, request.key)
                if existing is not None:
                    if request.explicit_date and existing.day != request.date:
                        raise SeriesError(_(
                            "{document} was already copied as {symbol} on {date}; use "
                            "--reissue to make a new copy"), document=request.document,
                            symbol=existing.symbol(self.body), date=existing.date)
                    out.append(existing)
                    continue
                year = state["years"].setdefault(str(request.date.year), {"last": 0})
                year["last"] = int(year.get("last", 0)) + 1
                issued = Issued(year["last"], request.code, request.date.isoformat(),
                                request.document, request.audience, request.key)
                record = asdict(issued)
                record["for"] = record.pop("audience")
                year.setdefault("issued", []).append(record)
                out.append(issued)
                changed = True
            if changed:
                state["format"], state["body"] = STATE_FORMAT, self.body
                text = json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
                atomic_write(self.path, text.encode("utf-8"))
        return out
