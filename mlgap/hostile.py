"""Hostile and careless inputs, built in code: the cases mlgap must survive in bounded time.

Nothing here is used by mlgap itself. `benchmarks/hostile.py` times each case at full size
as a whole process; the test suite runs small versions of the same builders. Each builder
takes `scale` (1.0: the size reported by users; the tests use far less) and returns the
bytes of one file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mlgap.testing import (
    docx_inflating,
    docx_nested,
    docx_runs,
    make_pdf_stream_pages,
    text_lines,
)

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "resumes"
MB = 1024 * 1024

_AD = (
    "We are looking for a Machine Learning Engineer to join our platform team. You will "
    "design, train and deploy models with Python, PyTorch and scikit-learn, build data "
    "pipelines on Spark and Airflow, and monitor models in production on AWS. You have a "
    "degree in Computer Science or Statistics, 3+ years of experience and strong "
    "communication skills. Nice to have: Kubernetes, MLflow, experience with NLP. We offer "
    "health insurance, a learning budget and flexible hours. We are an equal opportunity "
    "employer: all qualified applicants receive consideration without regard to any "
    "protected classification.\n"
)


def _repeat(text: str, size: int) -> bytes:
    data = text.encode()
    return (data * (size // len(data) + 1))[:size]


def _examples() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))


def resume_text(scale: float) -> bytes:
    """Real-looking résumé text of 9.9 MB at scale 1."""
    return _repeat(_examples(), int(9.9 * MB * scale))


def negations(scale: float) -> bytes:
    """9 MB of sentences that each deny or wish for several skills."""
    text = "No experience with Docker, never used Kubernetes; would like to learn PyTorch.\n"
    return _repeat(text, int(9 * MB * scale))


def dots(scale: float) -> bytes:
    """9 MB of dots on one line."""
    return b"." * int(9 * MB * scale)


def urls(scale: float) -> bytes:
    """9 MB of links glued to skill names."""
    return _repeat("https://github.com/python/pytorch.com/sql ", int(9 * MB * scale))


def entities(scale: float) -> bytes:
    """9 MB of HTML entities."""
    return _repeat("&lt;", int(9 * MB * scale))


def one_line(scale: float) -> bytes:
    """6.7 MB of résumé text flattened to one line, as converters often deliver it."""
    return _repeat(_examples().replace("\n", " "), int(6.7 * MB * scale))


def job_ad(scale: float) -> bytes:
    """A long but ordinary job ad: 112 KB."""
    return _repeat(_AD, int(112 * 1024 * scale))


def work_years(scale: float) -> bytes:
    """9 MB of one line under a work heading: titles and years, and nothing else."""
    return b"EXPERIENCE " + _repeat("Senior Data Scientist 2019 lead ", int(9 * MB * scale))


def date_ranges(scale: float) -> bytes:
    """9 MB of date ranges on one line under a work heading."""
    return b"Work Experience: " + _repeat("Jan 2019 - Mar 2020 Staff ", int(9 * MB * scale))


def pdf_shared_stream(scale: float) -> bytes:
    """50 pages drawing one shared 2 MB content stream."""
    line = text_lines(["Python, PyTorch and SQL; deployed models with FastAPI."] * 20)
    content = (line + b"\n") * max(1, int(2 * MB * scale) // (len(line) + 1))
    return make_pdf_stream_pages(content, 50, compress=True)


def pdf_inflating_page(scale: float) -> bytes:
    """One page whose compressed drawing instructions inflate to about 10 MB of text."""
    line = text_lines(["Python " * 60] * 40)
    content = (line + b"\n") * max(1, int(10 * MB * scale) // (len(line) + 1))
    return make_pdf_stream_pages(content, 1, compress=True)


def docx_deep(scale: float) -> bytes:
    """A .docx nesting 40,000 elements."""
    return docx_nested(max(300, int(40_000 * scale)))


def docx_many_runs(scale: float) -> bytes:
    """A .docx of 100,000 runs."""
    return docx_runs(max(100, int(100_000 * scale)))


def docx_lying(scale: float) -> bytes:
    """A .docx whose one part inflates to 1 GB but claims to hold 1 KB."""
    return docx_inflating(max(24, int(1024 * scale)), claimed_sizes=1024)


def docx_many_parts(scale: float) -> bytes:
    """A .docx of 40 parts of 19 MB each (each under a per-part limit, not together)."""
    return docx_inflating(max(1, int(19 * scale)), parts=40)


def typed_words(scale: float) -> bytes:
    """1 MB of unknown words for `-s`, comma separated."""
    return _repeat("qzxv wobble, ", int(MB * scale))


def yaml_bomb(scale: float) -> bytes:
    """A catalog YAML whose anchors expand to billions of nodes ("billion laughs")."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def big_yaml(scale: float) -> bytes:
    """A 100 MB catalog YAML file."""
    return _repeat("# a comment line that goes on and on\n", int(100 * MB * scale))


BUILDERS: dict[str, Callable[[float], bytes]] = {
    "resume-text-9.9MB.txt": resume_text,
    "negations-9MB.txt": negations,
    "dots-9MB.txt": dots,
    "urls-9MB.txt": urls,
    "entities-9MB.txt": entities,
    "one-line-6.7MB.txt": one_line,
    "job-ad-112KB.txt": job_ad,
    "work-years-9MB.txt": work_years,
    "date-ranges-9MB.txt": date_ranges,
    "pdf-50-pages-shared-2MB.pdf": pdf_shared_stream,
    "pdf-page-inflates-10MB.pdf": pdf_inflating_page,
    "docx-nested-40000.docx": docx_deep,
    "docx-100000-runs.docx": docx_many_runs,
    "docx-lying-1GB.docx": docx_lying,
    "docx-40-parts-19MB.docx": docx_many_parts,
}
