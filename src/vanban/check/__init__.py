"""The checker: what ``vanban check`` runs, as a library.

:func:`check_paths` checks files and folders and returns a :class:`Report`;
:func:`check_file` checks one plan or document. Modules, each with one job: :mod:`.paths`
(what is checked, dispatch by suffix, rules across plans), :mod:`.plans` and
:mod:`.documents` (one file of each kind), :mod:`.engine` (selection, levels, findings to
problems), :mod:`.config`, :mod:`.suppress`, :mod:`.fixer` (``--fix``), :mod:`.formats`
(output for people and machines), :mod:`.results`.
"""

from __future__ import annotations

from vanban.check.paths import DOCUMENT_SUFFIXES, PLAN_SUFFIXES, check_file, check_paths, collect
from vanban.check.results import FileResult, Report

__all__ = ["DOCUMENT_SUFFIXES", "PLAN_SUFFIXES", "FileResult", "Report", "check_file",
           "check_paths", "collect"]
