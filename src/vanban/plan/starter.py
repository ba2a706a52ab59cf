"""The commented starting plan printed by ``vanban new``."""

from __future__ import annotations

from importlib import resources


def starter_plan() -> str:
    """A complete, valid draft plan with a comment on every key (Vietnamese)."""
    return resources.files("vanban").joinpath("data/new-plan.yaml").read_text("utf-8")
