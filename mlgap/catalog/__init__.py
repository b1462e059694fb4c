"""The catalog: skills, roles, roadmap and levels, as YAML data validated strictly on load."""

from __future__ import annotations

from mlgap.catalog.model import Catalog, Category, Level, Phase, Requirement, Role, Skill

__all__ = ["Catalog", "Category", "Level", "Phase", "Requirement", "Role", "Skill"]
