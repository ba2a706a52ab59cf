"""The package's public API: what the README shows is there and works end to end."""

from __future__ import annotations

import subprocess
import sys

import vanban
from conftest import PLANS_DIR

SEED = PLANS_DIR / "277-KH-BCD-2023.yaml"


def test_every_public_name_is_importable_from_the_package():
    for name in vanban.__all__:
        assert getattr(vanban, name) is not None, name


def test_checking_does_not_load_batch_diff_or_import():
    code = ("import sys, vanban; vanban.check_paths([sys.argv[1]]); "
            "print(sorted(m for m in sys.modules if m.startswith(('vanban.batch', "
            "'vanban.diff', 'vanban.redline', 'vanban.document.importer'))))")
    out = subprocess.run([sys.executable, "-c", code, str(SEED)], capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_readme_api_round_trip(tmp_path):
    plan = vanban.load_plan(SEED)
    path = vanban.render(plan, tmp_path)
    text, imported = vanban.import_file(path)
    again = vanban.read_plan(tmp_path / "again.yaml", text.encode("utf-8")).plan
    assert vanban.diff_plans(plan, again).changes == []
    result = vanban.run_batch(vanban.BatchRequest([SEED], tmp_path / "copies"))
    assert result.ok and result.built == len(plan.recipients)
