"""A job ad's target written as a role file, for a mentor to edit and pass to --role."""

from __future__ import annotations

import json

from mlgap.assess.targets import JobTarget


def _scalar(text: str) -> str:
    """Return `text` as a YAML scalar: JSON strings are YAML, and safe for any character."""
    return json.dumps(text, ensure_ascii=False)


def render_role_file(job: JobTarget) -> str:
    """Return the ad's requirements as a role file, each with its ad line as a comment."""
    role, target = job.role, job.target
    out = [
        "# yaml-language-server: $schema=https://example.invalid/mlgap/catalog.schema.json",
        f"# Made by `mlgap role from-job {target.source}` (ad {target.digest}).",
        "# Edit it (ids: `mlgap skills`; importance: core, important or bonus), then:",
        "#   mlgap assess RESUME --role THIS_FILE.yaml",
    ]
    if target.unscored:
        out.append("# Not scored, outside the catalog: " + ", ".join(target.unscored_lines()))
    for ask in target.asks:
        out.append(f"# Check yourself ({ask.kind}), ad line {ask.line}: {ask.text}")
    out += [
        "roles:",
        f"  - id: {role.id}",
        f"    name: {_scalar(role.name)}",
        f"    source: {_scalar(target.source)}",
        f"    description: {_scalar('The requirements of a job ad, each with its ad line.')}",
        "    requirements:",
    ]
    for req in role.requirements:
        if req.ad_line is not None:
            out.append(f"      # ad line {req.ad_line}: {' '.join(req.ad_text.split())}")
        if len(req.any_of) == 1:
            out.append(f"      - {{skill: {req.any_of[0]}, importance: {req.importance}}}")
        else:
            out.append(f"      - any_of: [{', '.join(req.any_of)}]")
            out.append(f"        importance: {req.importance}")
            out.append(f"        label: {_scalar(req.label)}")
    if not role.requirements:
        out.append("      []  # the ad names no skill of the catalog")
    return "\n".join(out) + "\n"
