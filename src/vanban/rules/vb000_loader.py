"""Problems found while reading a plan or a document (VB001–VB011), listed like the rules.

Their codes and documentation live with the loader (:mod:`vanban.plan.codes`); here they
become entries of the rule registry, so ``vanban rules``, the configuration and
``--select``/``--ignore`` know them.
"""

from __future__ import annotations

from vanban.plan.codes import LOADER_CODES
from vanban.rules._base import Rule

RULES = [Rule(c.code, c.name, c.severity, c.doc, scope="loader", needs_plan=False,
              fixable=c.fixable) for c in LOADER_CODES]
