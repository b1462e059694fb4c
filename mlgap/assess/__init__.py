"""Assess: compare what a résumé shows with what a role requires."""

from __future__ import annotations

from mlgap.assess.results import SCHEMA_VERSION, Assessment, RequirementResult
from mlgap.assess.scoring import assess, role_of

__all__ = ["SCHEMA_VERSION", "Assessment", "RequirementResult", "assess", "role_of"]
