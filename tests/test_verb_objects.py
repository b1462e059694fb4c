"""Verb and object families (catalog `verb_objects`): skills shown in a sentence, not named."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mlgap import Toolkit

Found = Callable[[str], set[str]]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Solved several critical problems in the billing system.", "problem-solving"),
        ("Leading a team of 6 engineers.", "team-leadership"),
        ("Managed a group of four analysts.", "team-leadership"),
        ("Deployed the churn model to production.", "model-deployment"),
        ("Communicated results to the board every month.", "communication"),
        ("Cooperated with art directors on the campaign.", "collaboration"),
        ("Enjoy working in a team.", "collaboration"),
        ("Wrote the user manuals for the billing tool.", "communication"),  # technical writing
        ("Prepare clear process documentation.", "communication"),
        ("Supervise BSc, MSc and PhD students.", "mentoring"),
        ("Communicate with stakeholders across the business.", "communication"),
        ("Presented our work at two conferences.", "communication"),
        ("Reported the findings to senior management.", "communication"),
        ("Work alongside data scientists and engineers.", "collaboration"),
        ("Working with product managers to define features.", "collaboration"),
        ("I keep up with the latest research.", "continuous-learning"),
        ("Research and develop new ML methods for ranking.", "research"),
        ("Coordinated with the QA and design teams.", "collaboration"),
        ("Tackle complex problems with data.", "problem-solving"),
        ("Design and deploy ML services.", "ml-system-design"),
        ("Architected the data platform on AWS.", "ml-system-design"),
    ],
)
def test_a_verb_and_its_object_show_the_skill(found: Found, text: str, skill: str) -> None:
    """Word forms and a few words between verb and object are matched."""
    assert skill in found(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("An industry-leading data team.", "team-leadership"),  # an adjective, not the verb
        ("We solve; problems of others are not ours.", "problem-solving"),  # another clause
        ("No experience solving problems of this kind.", "problem-solving"),  # negated
        ("Solved it quickly; the remaining problems stayed.", "problem-solving"),  # too far
    ],
)
def test_no_skill_without_verb_and_object_in_one_clause(
    found: Found, text: str, skill: str
) -> None:
    """Adjectives, other clauses and negation keep a family from counting."""
    assert skill not in found(text)


@pytest.mark.parametrize(
    ("text", "skill", "shown"),
    [
        ("Coach junior and mid-level colleagues.", "mentoring", True),
        ("One of our researchers will mentor you.", "mentoring", False),  # whose skill
        ("Reported to the team lead of the platform.", "team-leadership", False),
        ("Platforms managed by other teams.", "team-leadership", False),  # passive
        ("A bootcamp that taught us to code, then junior developer.", "mentoring", False),
        ("A Telegram bot that communicates with the server.", "communication", False),  # no one
        ("Built a logs reporting solution.", "communication", False),  # a tool, not a report
        ("Reports to the Head of Data.", "communication", False),  # whom one answers to
        ("Courses: quantitative research methods.", "research", False),  # a subject
        ("A global team tackling big challenges.", "problem-solving", False),  # company speak
        ("Designed the database schema and the UI.", "ml-system-design", False),  # one app
        ("Designed a booking platform for hotels.", "ml-system-design", False),  # an app
        ("Researched new AI tools for the marketing team.", "research", False),  # looked up
        ("Identified anomalies in sensor data.", "anomaly-detection", True),  # -y: -ied
        ("Served predictions through a REST endpoint.", "model-deployment", True),
        ("Served customers in a busy restaurant.", "model-deployment", False),
        ("Monitored the model for drift in production.", "model-monitoring", True),
        ("Monitored servers and network traffic.", "model-monitoring", False),
        ("Quantised the model for mobile devices.", "edge-ml", True),
        ("Cleaned and normalised the raw data.", "data-preprocessing", True),
        ("Cleaned the office and the kitchen.", "data-preprocessing", False),
        ("Evaluate intrinsic and extrinsic metrics of the model.", "model-evaluation", True),
        ("Handling missing or noisy data.", "data-preprocessing", True),
        ("Built tools to help researchers find data.", "research", False),
        # This round: word forms, small gaps and paraphrases of each weak id.
        ("Closely worked with the product manager.", "collaboration", True),
        ("Work together closely with product owners.", "collaboration", True),
        ("Worked with team of developers on the billing app.", "collaboration", True),
        ("Good communicational skills.", "communication", True),
        ("Share findings with the sales team.", "communication", True),
        ("Act as the primary point of contact for clients.", "communication", True),
        ("Find solutions to some of the hardest problems in logistics.", "problem-solving", True),
        ("Supervised five junior programmers.", "team-leadership", True),
        ("Managed 12 employees across two shifts.", "team-leadership", True),
        ("Participate in the education of trainee doctors.", "internship", False),  # others
        ("Worked as a trainee developer at Acme.", "internship", True),
        ("Ingested click streams with Kafka into the lake.", "data-pipelines", True),
        ("Kafka streaming into Spark jobs.", "data-pipelines", True),
        ("Kafka as the message bus between services.", "data-pipelines", False),  # a bus
        ("Maintain a 50+ PB scale data store.", "large-datasets", True),
        ("Experience with distributed computing concepts.", "large-datasets", True),
        ("Set up statistics components for the admin panel.", "statistics", False),  # a feature
        ("Our mentor developer will support you.", "mentoring", False),  # one given the hire
        ("Served as a mentor to two new analysts.", "mentoring", True),
        ("One of our researchers will guide you.", "research", False),
        ("A storage system based on open source software.", "open-source", False),  # uses it
        ("Contributed to open-source projects (pandas).", "open-source", True),
        ("Fluent verbal and written English.", "communication", False),  # a language
        ("Excellent verbal and written communication.", "communication", True),
        ("Solving customers issues in the ticket system.", "problem-solving", False),  # support
        ("Solved hard problems in routing.", "problem-solving", True),
        ("Keep studying Java and Spring.", "java", False),  # still learning it (rule 3)
        ("Led team meetings every week.", "team-leadership", False),  # a meeting, no team
        ("Managed team working skills in groups.", "team-leadership", False),
        ("Managed team of developers in Minsk.", "team-leadership", True),
        ("Resolved complex technical problems for the platform.", "problem-solving", True),
        ("Keep myself updated with new frameworks.", "continuous-learning", True),
        ("Following the latest research in NLP.", "continuous-learning", True),
        ("Follow the agile development process.", "continuous-learning", False),
        ("Line manager for four data analysts.", "team-leadership", True),
        ("Interacted with stakeholders to gather requirements.", "communication", True),
        ("Gave a talk at PyData Berlin.", "communication", True),
        ("Liaising between the business and engineering teams.", "communication", True),
        ("Explained the product to customers.", "communication", True),
        ("Trained a churn model for the analyst team.", "mentoring", False),  # a model trained
        ("Trained staff in 5S and lean.", "mentoring", True),
        ("Designed and trained ML models for churn.", "ml-system-design", False),  # models
        ("Designed the ML platform on AWS.", "ml-system-design", True),
        ("Interaction with customers and business analysts.", "communication", True),
        ("Enjoy working with people.", "collaboration", True),
        ("Lead the work on team projects.", "team-leadership", False),  # projects, no team
    ],
)
def test_whose_skill_and_more_families(found: Found, text: str, skill: str, shown: bool) -> None:
    """A skill of someone else's (a mentor, a lead, researchers helped) is not the person's."""
    assert (skill in found(text)) == shown


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        (
            "Experience with supervised and unsupervised learning.",
            {"supervised-learning", "unsupervised-learning"},
        ),
        ("Linear and logistic regression.", {"linear-regression", "classification", "regression"}),
        (
            "Training, deployment and monitoring of models.",
            {"model-deployment", "model-monitoring"},
        ),
        # The last conjunct and the head are no phrase: the first conjunct's phrase still is.
        ("Owns the application, data and infrastructure architecture.", {"ml-system-design"}),
        ("Text or speech classification for support tickets.", {"nlp"}),
    ],
)
def test_coordinated_phrases_share_their_head(found: Found, text: str, skills: set[str]) -> None:
    """'X and Y learning' shows X learning too, as 'X, Y and Z of models' shows each."""
    assert skills <= found(text)


def test_coordination_stops_at_a_clause_boundary(found: Found) -> None:
    """A conjunct across a semicolon or a new line is another list."""
    assert "supervised-learning" not in found("We are supervised;\nunsupervised learning too.")
    assert "ml-system-design" not in found("We clean data and\ninfrastructure architecture.")
    assert "ml-system-design" not in found("Data and infrastructure; architecture reviews.")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Strong communication skills.", "communication"),
        ("Presented results to stakeholders.", "communication"),  # an alias, then a family
        ("Deployed models to production.", "model-deployment"),  # two aliases overlap
    ],
)
def test_overlapping_matches_are_one_mention(kit: Toolkit, text: str, skill: str) -> None:
    """Phrases that share words are one mention of the skill, however many match."""
    finding = next(f for f in kit.extractor.extract(text).findings if f.skill == skill)
    assert finding.mentions == 1
    assert len(finding.evidence) == 1
    assert finding.evidence[0].text == text.rstrip(".")  # the words of all of them
