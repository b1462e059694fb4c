"""Extraction follows the labelling definition, rule by rule, and shows its evidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mlgap import Toolkit

Found = Callable[[str], set[str]]  # the `found` fixture: the ids a text counts as had


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Words inside other words, and symbols that make other languages.
        ("Languages: JavaScript, TypeScript", set(), {"java"}),
        ("Languages: Java, JavaScript", {"java"}, set()),
        ("Stack: C#, .NET, ASP.NET", set(), {"cpp"}),
        ("Stack: C/C++, Python", {"cpp", "python"}, set()),
        ("Sparked a culture of testing", set(), {"large-datasets"}),
        # Short ambiguous aliases count only among technologies.
        ("Budget for R&D grew by 20%", set(), {"r"}),
        ("Tools: Python, R, SQL", {"r", "python", "sql"}, set()),
        ("Statistical programming in R", {"r"}, set()),
        ("Dear R. Smith, thank you", set(), {"r"}),
        # An acronym in title case is a name: a city, a person.
        ("Residence: Ramat Gan, Israel", set(), {"deep-learning"}),
        ("References: Bert Jansen, team lead at Acme", set(), {"nlp", "deep-learning"}),
        ("Trained GANs and a BERT classifier", {"deep-learning", "nlp"}, set()),
        ("built a gan for image synthesis", {"deep-learning"}, set()),
        # Negated and wished-for mentions do not count; exposure does.
        ("No experience with Docker.", set(), {"docker"}),
        ("Would like to learn Kubernetes", set(), {"kubernetes"}),
        ("Currently learning PyTorch", set(), {"pytorch"}),
        ("Kubernetes (planned)", set(), {"kubernetes"}),
        ("I'm learning Docker at the moment", set(), {"docker"}),
        ("Skills: Python. I am studying PyTorch", {"python"}, {"pytorch"}),
        ("MLflow (in progress)", set(), {"mlflow"}),
        ("Deep Learning Specialization (in progress)", set(), {"deep-learning", "ml-certificate"}),
        ("Next year: Kubernetes, to learn", set(), {"kubernetes"}),
        ("Basic knowledge of R programming", {"r"}, set()),
        ("Familiar with Docker", {"docker"}, set()),
        ("No experience with Docker, but strong Python", {"python"}, {"docker"}),
        # Word forms, paraphrases and gaps (the recall classes).
        ("Features engineering for churn", {"feature-engineering"}, set()),
        ("Retrained the model every month", {"model-monitoring"}, set()),
        ("Team leadership and hiring", {"team-leadership"}, set()),
        ("Handling a crew of technicians", {"team-leadership"}, set()),
        ("Handled the team's support requests", set(), {"team-leadership"}),
        ("Achieved 96% test accuracy", {"model-evaluation"}, set()),
        ("Forecasted demand with ARIMA and Prophet", {"predictive-analytics"}, set()),
        ("A/B tested the new ranking model", {"statistics"}, set()),
        ("Models that run in production", {"model-deployment"}, set()),
        ("Text/sentiment analytics", {"nlp"}, set()),
        ("K-Means used to identify outliers", {"anomaly-detection", "clustering"}, set()),
        ("Objective: to learn Docker and Kubernetes", set(), {"docker", "kubernetes"}),
        ("I used PyTorch to learn embeddings of users", {"pytorch"}, set()),
        # Same word, other meaning (the list, from documents never tuned on).
        ("Implemented communication protocols for IoT devices", set(), {"communication"}),
        ("Plotted the predicted probability of churn", set(), {"probability"}),
        ("Ran update statistics on the database", set(), {"statistics"}),
        ("Data analyst at Statistics Canada", set(), {"statistics"}),
        ("Prepared solutions in a volumetric flask", set(), {"flask"}),
        ("Downloaded a Kaggle dataset for the project", set(), {"kaggle"}),
        ("We build cutting-edge AI products", set(), {"edge-ml"}),
        ("A deep learning platform for images", {"deep-learning"}, {"education-domain"}),
        ("A model capable of continuous learning", set(), {"continuous-learning"}),
        ("Worked with the lead data scientist", set(), {"team-leadership"}),
        ("Lead engineer on the payments service", set(), {"team-leadership"}),
        ("Lead developer, managing a team of 4", {"team-leadership"}, set()),
        ("Tools: Git2.X, Docker", {"git", "docker"}, set()),
        # Same word, other meaning.
        ("Configured SQL Server failover clustering", {"sql"}, {"clustering"}),
        ("Automated regression testing with Selenium", set(), {"regression"}),
        ("Wrote unit, regression and integration testing suites", set(), {"regression"}),
        ("Regression and classification models", {"regression", "classification"}, set()),
        ("Managed a Kubernetes cluster", {"kubernetes"}, {"clustering"}),
        ("Customer segmentation with k-means clustering", {"clustering"}, set()),
        # Instances.
        ("Built a random forest", {"decision-trees", "ensemble-methods"}, set()),
        ("Databases: MySQL, Postgres", {"sql"}, set()),
        ("Deployed on EC2 and S3", {"aws"}, set()),
        ("Used Keras for a CNN", {"deep-learning", "neural-networks"}, {"tensorflow"}),
        # Spellings.
        (
            "Libraries: sklearn, Sci-kit learn, Py Torch, tensorflow2, K8s",
            {"scikit-learn", "pytorch", "tensorflow", "kubernetes"},
            set(),
        ),
        (
            "Used LogisticRegression and RandomForest",
            {"classification", "regression", "decision-trees"},
            set(),
        ),
        ("Libraries: Tensorflw, Matplotlb", {"tensorflow", "matplotlib"}, set()),
        ("Detection with YOLOv5 in Python3", {"computer-vision", "python"}, set()),
        # Links are not skills.
        ("Profile: https://github.com/someone", set(), {"git"}),
        ("kaggle.com/someone", set(), {"kaggle"}),
        ("Kaggle.com competitions: top 10% twice", {"kaggle"}, set()),  # the site, named
        ("Contacts: github.com linkedin.com", set(), {"git"}),
        ("GitHub.com profile with 20 repos", set(), {"git"}),
        ("Kaggle profile: kaggle.com/jdoe", set(), {"kaggle"}),
        ("LinkedIn | GitHub | Kaggle", set(), {"git", "kaggle"}),
        ("Tools: GitHub, Jira. Kaggle: top 5% in two competitions", {"git", "kaggle"}, set()),
        ("Thesis: graph neural networks", {"research", "neural-networks"}, set()),
        ("Projects: a chess engine in Rust", {"portfolio-projects"}, set()),
        ("Worked on projects for three banks", {"finance"}, {"portfolio-projects"}),
        ("BS in Computer Science, 2012", {"bachelors-degree"}, set()),
        # Degrees need their field.
        ("B.A. in Economics, 2019", set(), {"bachelors-degree"}),
        ("B.Sc. in Computer Science, 2019", {"bachelors-degree"}, set()),
        ("Master's degree in Applied Mathematics", {"masters-degree"}, set()),
        ("MBA, Sales and Marketing", set(), {"masters-degree"}),
        ("Tools: MS Office, MS Project", set(), {"masters-degree"}),
        ("Network elements: BTS, BSC, RNC", set(), {"bachelors-degree"}),
        ("MS in Computer Science, 2015", {"masters-degree"}, set()),
        ("BE Computer Science, 2015", {"bachelors-degree"}, set()),
        ("You will be part of the engineering team", set(), {"bachelors-degree"}),
        ("Psychology/Masters Degree", set(), {"masters-degree"}),
        ("Fieldwork in West Java on rice yields", set(), {"java"}),  # the island
        # Same word, other meaning: electrical transformers, the news channel, air, a visa.
        ("Maintained power transformers at a substation", set(), {"deep-learning"}),
        ("Featured on CNN and BBC", set(), {"deep-learning", "neural-networks"}),
        ("Airflow sensors for HVAC units", set(), {"data-pipelines"}),
        ("Applied for an F1 visa", set(), {"model-evaluation"}),
        (
            "Student dropout prediction for an edtech startup",
            {"education-domain"},
            {"regularization"},
        ),
        ("Worked on the bank holiday rota", set(), {"finance"}),
        ("Demand forecasting for a grocery chain", {"e-commerce"}, set()),
        ("Worked on a loan origination system", {"finance"}, set()),
        # A degree still being studied for is not had (labeling.md).
        ("B.Sc. Computer Science (expected 2029)", set(), {"bachelors-degree"}),
        (
            "Riverside University, B.Sc. Computer Science, 2025 - present",
            set(),
            {"bachelors-degree"},
        ),
        ("Pursuing a Master's in Computer Science", set(), {"masters-degree"}),
        (
            "B.Sc. in CS, 2012-2016. Data engineer, Acme, 2016 - present",
            {"bachelors-degree"},
            set(),
        ),
        ("Developed software for medical laboratories", {"healthcare"}, set()),
        ("Warehouse management system for a logistics company", {"manufacturing"}, set()),
        ("Designed the data warehouse on Snowflake", {"ml-system-design"}, {"manufacturing"}),
        ("Contributor to scikit-learn (3 merged PRs)", {"open-source"}, set()),
        # Wishes: a goal to become, to work with (rule 3).
        ("Objective: to become an ML engineer working with TensorFlow", set(), {"tensorflow"}),
        ("Would love to work with NLP", set(), {"nlp"}),
        ("Worked with NLP for 3 years", {"nlp"}, set()),
        ("Put the model into production behind FastAPI", {"model-deployment"}, set()),
        ("NLP for clinical notes", {"healthcare", "nlp"}, set()),
        ("Topic models and Bayesian inference", {"nlp", "statistics"}, set()),
        # A sentence ends between two words of a phrase: "team. Lead" is no team lead.
        ("Joined a new team. Lead developer since 2020", set(), {"team-leadership"}),
        ("M. Sc. in Computer Science", {"masters-degree"}, set()),
        ("Published two papers at EMNLP", {"research"}, set()),
        ("Designed the architecture of our feature store", set(), {"feature-engineering"}),
        ("Unfinished bachelor's in Computer Science", set(), {"bachelors-degree"}),
        ("Deep Learning Specialization (ongoing)", set(), {"ml-certificate", "deep-learning"}),
        # A bare "Master's" takes no field from the next line, the next entry.
        ("Master's\nMachine learning engineer at Acme", set(), {"masters-degree"}),
        ("Master of Science\nComputer Science, MIT, 2015", {"masters-degree"}, set()),
        ("A PhD scholarship in physics is available", set(), {"phd"}),
        ("Experience with No-SQL databases", set(), {"sql"}),
        # A wish can be stated on the line before, in a wrapped sentence.
        ("I am looking for my first job as a junior\nprogrammer or intern.", set(), {"internship"}),
        # Links and profile labels are not skills.
        ("  GitHub\n  LinkedIn", set(), {"git"}),
        ("Mentored two interns and coached juniors", {"mentoring"}, {"internship"}),
        (
            "Built a collaborative-filtering recommender",
            {"recommendation-systems"},
            {"collaboration"},
        ),
        ("Monitoring for drift and retraining", {"model-monitoring"}, set()),
        ("Google Cloud Professional ML Engineer (2023)", {"google-ml-engineer-cert"}, set()),
        ("B.Sc. in Statistics, 2018", {"bachelors-degree", "statistics"}, set()),
        # Employers are evidence only of their industry, when the text says it.
        ("Worked at Google on search ads", set(), {"gcp"}),
        ("Data analyst at City Hospital", {"healthcare"}, set()),
        # Industries in the words the text says them in.
        ("Credit models for a retail bank", {"finance"}, {"e-commerce"}),
        ("Default prediction for a mortgage lender", {"finance"}, set()),
        ("Sensor analytics at a steel plant", {"manufacturing"}, set()),
        ("Tumour detection for cancer research", {"healthcare"}, set()),
        ("Software for a venture capital investment firm", {"finance"}, set()),
        ("Worked on a medical app for doctors", {"healthcare"}, set()),
        ("Online shopping platform for clothes", {"e-commerce"}, set()),
        ("Automating the work of a training center", {"education-domain"}, set()),
        ("Taught mathematics at a high school", {"education-domain"}, set()),  # a teaching role
        (
            "Educational Institution of Higher Education, Baikal State University",
            set(),
            {"education-domain"},
        ),  # studying at a university is no industry
        ("Tracking payments and invoices in the CRM", set(), {"finance"}),  # no industry
        ("Payment processing platform for merchants", {"finance"}, set()),
        # A domain is an industry: checking data is not a factory's quality control.
        ("Quality control and visualisation of sequencing data", set(), {"manufacturing"}),
        ("Quality inspection on the production line", {"manufacturing"}, set()),
        # Sharing knowledge is not mentoring anyone; training colleagues is.
        ("Knowledge sharing within the team", set(), {"mentoring"}),
        ("Trained new team members on our tooling", {"mentoring"}, set()),
        # Soft skills in the words people use for them.
        ("Good team worker, works well with others", {"collaboration"}, set()),
        ("Thrives in a team environment", {"collaboration"}, set()),
        ("Motivated to learn; picks up new tools fast", {"continuous-learning"}, set()),
        ("Picked up the parcel from the store", set(), {"continuous-learning"}),
        ("Speaker at PyData; regular demos to stakeholders", {"communication"}, set()),
        ("Published articles on Medium about our ML work", {"communication"}, set()),
        ("Published the package on PyPI", set(), {"communication"}),
        ("Worked in a team of 10 developers", {"collaboration"}, set()),
        ("Working hand in hand with the design team", {"collaboration"}, set()),
        ("Excellent interpersonal skills; negotiated with vendors", set(), {"communication"}),
    ],
)
def test_rules_of_the_definition(
    found: Found, text: str, present: set[str], absent: set[str]
) -> None:
    """Each case pins one rule of spec/labeling.md."""
    got = found(text)
    assert present <= got, f"missing {present - got} in {text!r}"
    assert not (absent & got), f"invented {absent & got} in {text!r}"


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ('<li><span class="hl">Python</span></li>', "python"),
        ("â€¢ NaÃ¯ve Bayes classifier", "classification"),
        ("T O O L S  &  T E C H\nP Y T H O N", "python"),
        ("Skills:\u00a0Py\u200bthon,\u00a0Docker", "docker"),
        ("Line one\r\nDocker and Kubernetes\r\n", "kubernetes"),
        (
            "Built pipelines with Deep learning.Education Details: B.E. in Mechanical",
            "deep-learning",
        ),
        ("Feature engineering and classiﬁcation models", "classification"),
        ("TECHNICAL SKILLS: PYTHON, PANDAS, NUMPY", "numpy"),
        ("• Python ▪ Docker ► Flask ✓ Pandas 🚀 NumPy", "numpy"),
    ],
)
def test_messy_real_text(found: Found, text: str, skill: str) -> None:
    """HTML remnants, mojibake, odd spaces, CRLF, glued headings, ligatures, caps and bullets."""
    assert skill in found(text)


JOB_AD = """Data Engineer
About you: you will build our data platform. Nice to have: Kubernetes.
We run on Azure and our backend is written in Go.
You have experience with Python and SQL; Spark is a plus.
Work on ETL pipelines in Airflow that feed our models.
"""


def test_a_job_ads_own_stack_is_background(kit: Toolkit) -> None:
    """In a job ad, what the company runs is background; what the hire needs counts (rule 8)."""
    extraction = kit.extractor.extract(JOB_AD)
    assert {"python", "sql", "kubernetes", "data-pipelines", "large-datasets"} <= extraction.found
    assert "azure" not in extraction.found
    statuses = {e.status for f in extraction.findings if f.skill == "azure" for e in f.evidence}
    assert statuses == {"background"}


def test_a_degree_subject_in_a_job_ad_is_not_a_required_skill(kit: Toolkit) -> None:
    """An ad asking for "a PhD in CS, Statistics or a related field" asks for no statistics."""
    ad = JOB_AD + "Requirements: MSc or PhD in Computer Science, Statistics or a related field.\n"
    extraction = kit.extractor.extract(ad)
    assert {"masters-degree", "phd"} <= extraction.found
    assert "statistics" not in extraction.found
    statuses = {
        e.status for f in extraction.findings if f.skill == "statistics" for e in f.evidence
    }
    assert statuses == {"degree-field"}
    asked = JOB_AD + "You know statistics and hypothesis testing.\n"
    assert "statistics" in kit.extractor.extract(asked).found


def test_the_company_voice_in_a_resume_still_counts(found: Found) -> None:
    """A résumé is no job ad: "we ran on Azure" there is the person's own work."""
    assert "azure" in found("Backend developer, 2019-2022\nWe ran our services on Azure.")


def test_evidence_points_at_the_line_it_came_from(kit: Toolkit) -> None:
    """Every finding carries the line, column, matched text and how it matched."""
    text = "Jane Doe\nSkills: Python, scikit-learn\n\nNo experience with Docker."
    extraction = kit.extractor.extract(text)
    by_id = {f.skill: f for f in extraction.findings}
    evidence = by_id["scikit-learn"].evidence[0]
    assert (evidence.line, evidence.column, evidence.text) == (2, 17, "scikit-learn")
    assert evidence.context == "Skills: Python, scikit-learn"
    assert evidence.how == "alias" and evidence.score == 100.0
    docker = by_id["docker"].evidence[0]
    assert docker.status == "negated" and "docker" not in extraction.found


def test_evidence_stays_in_place_when_lower_case_grows(kit: Toolkit) -> None:
    """Characters that grow when lower-cased ("İ") do not shift any evidence (found by fuzzing)."""
    text = "İİ İstanbul: clustering\nPROJECTS"
    lines = text.split("\n")
    extraction = kit.extractor.extract(text)
    assert {"clustering", "portfolio-projects"} <= extraction.found
    for finding in extraction.findings:
        for e in finding.evidence:
            assert e.line and e.column and lines[e.line - 1][e.column - 1 :].startswith(e.text)


def test_instance_and_fuzzy_matches_say_so(kit: Toolkit) -> None:
    """How a skill matched is part of its evidence."""
    findings = {f.skill: f for f in kit.extractor.extract("MySQL and Matplotlb").findings}
    assert findings["sql"].evidence[0].how == "instance"
    fuzzy = findings["matplotlib"].evidence[0]
    assert fuzzy.how == "fuzzy" and 80 <= fuzzy.score < 100


FILLER = "Built dashboards and weekly reports for the sales team. " * 25


def test_a_heading_in_capitals_counts_inside_a_flattened_cv(found: Found) -> None:
    """Almost half of real CVs arrive as one line: "... SQL PROJECTS Churn ..." is a heading."""
    flat = f"Jo Doe Data Analyst SKILLS Python, SQL {FILLER} PROJECTS Churn model in Python"
    assert "portfolio-projects" in found(flat)
    assert "portfolio-projects" not in found(flat.replace("PROJECTS", "projects"))


def test_a_cv_all_in_capitals_has_no_headings_inside_its_lines(found: Found) -> None:
    """In a text all in capitals, "PROJECTS" is a word of a sentence, not a heading."""
    shouting = "JO DOE, DATA ANALYST. LED 3 PROJECTS FOR RETAIL CLIENTS. " * 40
    assert "portfolio-projects" not in found(shouting)
