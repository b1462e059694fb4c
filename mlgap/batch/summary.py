"""The cohort summary of a batch, gathered as rows stream by, in constant memory."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from mlgap.assess.scoring import role_of
from mlgap.batch.rows import BatchRow
from mlgap.catalog.model import Catalog, Role


@dataclass
class Summary:
    """What a cohort looks like, gathered one row at a time in constant memory."""

    assessed: int = 0
    failed: int = 0
    scores: Counter[int] = field(default_factory=Counter)  # score -> how many
    phases: Counter[str] = field(default_factory=Counter)
    levels: Counter[str] = field(default_factory=Counter)
    gaps: Counter[str] = field(default_factory=Counter)
    gap_labels: dict[str, str] = field(default_factory=dict)  # requirement id -> label
    coverage: dict[str, list[float]] = field(default_factory=dict)  # name -> [met, total]
    errors: Counter[str] = field(default_factory=Counter)
    core: frozenset[str] = frozenset()  # the ids of the core requirements
    all_core: int = 0  # résumés that meet every core requirement

    @classmethod
    def for_role(cls, catalog: Catalog, role: str | Role | None) -> Summary:
        """Return an empty summary that names the gaps of `role` (None: the default; a Role:
        one made from a job ad or a role file)."""
        chosen = role if isinstance(role, Role) else role_of(catalog, role)
        return cls(
            gap_labels={r.id: f"{r.label} ({r.importance})" for r in chosen.requirements},
            core=frozenset(r.id for r in chosen.requirements if r.importance == "core"),
        )

    def add(self, row: BatchRow) -> None:
        """Count one row in."""
        if row.score is None:
            self.failed += 1
            self.errors[row.error_kind] += 1
            return
        self.assessed += 1
        self.scores[row.score] += 1
        self.phases[row.phase] += 1
        self.levels[row.level] += 1
        self.gaps.update(row.gaps)
        self.all_core += self.core.isdisjoint(row.gaps)
        for name, met, total in row.coverage:
            met_total = self.coverage.setdefault(name, [0.0, 0.0])
            met_total[0] += met
            met_total[1] += total

    def merge(self, other: Summary) -> Summary:
        """Return the summary of both cohorts (partitions summarised apart, then merged)."""
        coverage = {name: list(v) for name, v in self.coverage.items()}
        for name, (met, total) in other.coverage.items():
            mine = coverage.setdefault(name, [0.0, 0.0])
            mine[0] += met
            mine[1] += total
        return Summary(
            assessed=self.assessed + other.assessed,
            failed=self.failed + other.failed,
            scores=self.scores + other.scores,
            phases=self.phases + other.phases,
            levels=self.levels + other.levels,
            gaps=self.gaps + other.gaps,
            gap_labels={**self.gap_labels, **other.gap_labels},
            coverage=coverage,
            errors=self.errors + other.errors,
            core=self.core | other.core,
            all_core=self.all_core + other.all_core,
        )

    def histogram(self, width: int = 40) -> list[tuple[str, int, str]]:
        """Return (bucket, count, bar) for scores in tens."""
        buckets = Counter(min(score // 10, 9) for score in self.scores.elements())
        most = max(buckets.values(), default=1)
        return [
            (
                f"{b * 10:>3}-{b * 10 + 9 if b < 9 else 100:<3}",
                buckets[b],
                "█" * round(width * buckets[b] / most),
            )
            for b in range(10)
        ]

    def markdown(self) -> str:
        """Return the summary as a Markdown document."""
        total = self.assessed + self.failed
        scores = list(self.scores.elements())
        out = [
            "# mlgap cohort summary",
            "",
            f"- Résumés: {total} ({self.assessed} assessed, {self.failed} failed)",
        ]
        if scores:
            out.append(
                f"- Score: mean {statistics.mean(scores):.1f}, median "
                f"{statistics.median(scores):g}, min {min(scores)}, max {max(scores)}"
            )
        out.append(f"- Meeting every core requirement: {self.all_core} of {self.assessed}")
        out += ["", "## Score distribution", "", "| score | résumés | |", "|---|---|---|"]
        out += [f"| {b.strip()} | {n} | {bar} |" for b, n, bar in self.histogram(20)]
        out += ["", "## Roadmap phase reached", "", "| phase | résumés |", "|---|---|"]
        out += [f"| {p} | {n} |" for p, n in sorted(self.phases.items())]
        out += ["", "## Career level", "", "| level | résumés |", "|---|---|"]
        out += [f"| {lv} | {n} |" for lv, n in self.levels.most_common()]
        out += ["", "## Gaps most of the cohort shares", "", "| gap | share |", "|---|---|"]
        out += [
            f"| {self.gap_labels[g]} | {n / max(self.assessed, 1):.0%} |"
            for g, n in self.gaps.most_common(15)
        ]
        out += ["", "## Coverage by category", "", "| category | met |", "|---|---|"]
        out += [
            f"| {name} | {met / total_:.0%} |"
            for name, (met, total_) in self.coverage.items()
            if total_
        ]
        if self.errors:
            out += ["", "## Failures", "", "| kind | files |", "|---|---|"]
            out += [f"| {kind} | {n} |" for kind, n in self.errors.most_common()]
        return "\n".join(out) + "\n"

    def terminal(self) -> str:
        """Return a short plain-text summary with a score histogram."""
        lines = [
            f"{self.assessed} assessed, {self.failed} failed; "
            f"{self.all_core} meet every core requirement"
        ]
        lines += [f"  {b} {n:>6} {bar}" for b, n, bar in self.histogram()]
        if self.gaps:
            lines.append("Most shared gaps:")
            lines += [
                f"  {n / max(self.assessed, 1):>4.0%}  {self.gap_labels[g]}"
                for g, n in self.gaps.most_common(5)
            ]
        return "\n".join(lines) + "\n"
