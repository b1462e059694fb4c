"""Job ads: what the employer offers is never what it asks for (labeling.md, benefits)."""

from __future__ import annotations

from collections.abc import Callable

from mlgap import Toolkit

AD = """Machine Learning Engineer
You will build forecasting models for hospitals and healthcare providers.
You have 3+ years of Python and SQL. Nice to have: experience with Docker.
Benefits: private healthcare, a pension scheme, 30 days of annual leave, a learning budget.
"""

AD_WITHOUT_THE_DUTY = AD.replace("for hospitals and healthcare providers", "for retailers")

FLAT = (
    "Data Engineer Job description You will run pipelines on Azure and use Git daily "
    + "and write tests in Python " * 20
    + "What we offer private health insurance and a gym membership"
)


def test_perks_do_not_ask_for_a_domain(found: Callable[[str], set[str]]) -> None:
    """'Private healthcare' in the perks is not the healthcare domain; a duty naming it is."""
    assert "healthcare" in found(AD)
    assert "healthcare" not in found(AD_WITHOUT_THE_DUTY)
    assert {"python", "sql"} <= found(AD_WITHOUT_THE_DUTY)


def test_perks_far_from_a_requirement_leave_it_alone(found: Callable[[str], set[str]]) -> None:
    """In an ad flattened to one line, perks at the end do not cancel the stack asked for."""
    assert {"azure", "git", "python"} <= found(FLAT)


def test_a_company_that_looks_for_people_asks_for_what_it_names(
    found: Callable[[str], set[str]],
) -> None:
    """'We look for people who are passionate about X' asks for X; it is not background."""
    ad = (
        "You will join our data team. We look first and foremost for people who are passionate "
        "about solving business problems.\nYou have strong SQL skills.\n"
    )
    assert "problem-solving" in found(ad)


def test_other_meanings_of_factory_and_lending(found: Callable[[str], set[str]]) -> None:
    """Azure Data Factory, the factory pattern and lending out books are no domain."""
    assert "manufacturing" not in found(
        "Built ETL with Azure Data Factory and the factory pattern."
    )
    assert "finance" not in found("The library is lending out books and e-readers.")
    assert "manufacturing" in found("Built quality models for a car factory.")


SECTIONED = """About us
We are a fintech running on Java and Kubernetes.
Responsibilities
You will build churn models in Python.
Requirements:
You have 3+ years of SQL.
Nice to have: experience with Docker.
Benefits
Private healthcare, a learning budget, pension scheme. Company laptop with R preinstalled.
"""

FLAT_CAPS = (
    "Data Scientist Job description WHAT YOU WILL DO Build models in Python and work with dbt "
    "WHAT WE OFFER Spark meetups every month and a private health plan"
)


def test_each_mention_of_an_ad_carries_its_section(kit: Toolkit) -> None:
    """Evidence in a job ad names its section; company and benefits text is background."""
    extraction = kit.extractor.extract(SECTIONED)
    sections = {f.skill: f.evidence[0].section for f in extraction.findings}
    assert sections["python"] == "duties" and sections["sql"] == "requirements"
    assert sections["docker"] == "preferred"
    assert {"python", "sql", "docker"} <= extraction.found
    assert not {"java", "kubernetes", "finance", "healthcare"} & extraction.found


def test_headings_in_capitals_split_a_flattened_ad(found: Callable[[str], set[str]]) -> None:
    """An ad on one line keeps its headings in capitals: what follows WHAT WE OFFER is no ask."""
    skills = found(FLAT_CAPS)
    assert "python" in skills and "large-datasets" not in skills


def test_the_companies_and_partners_an_ad_names_are_background(kit: Toolkit) -> None:
    """A group's list of its companies and partners says nothing of the hire (rule 8)."""
    ad = (
        "Data Engineer\nYou will build pipelines in Python.\n"
        "Companies and partners: Rivet Bank, North Hospital Group, Delta Lending.\n"
    )
    found = set(kit.extractor.extract(ad, job_ad=True).found)
    assert "python" in found
    assert not {"healthcare", "finance"} & found


def test_what_an_ad_asks_in_its_own_words(kit: Toolkit) -> None:
    """Equal-opportunity text asks for no classifier; financial instruments are finance; a
    degree joined to another by "or" is asked in the field named after both."""

    def asked(text: str) -> set[str]:
        return set(kit.extractor.extract(text, job_ad=True).found)

    eeo = "We consider all applicants regardless of any protected classification."
    assert "classification" not in asked(f"Data Scientist\nYou will use Python.\n{eeo}\n")
    assert "finance" in asked("Data Scientist\nExperience with financial instruments.\n")
    both = asked("Data Scientist\nPhD, or Master's and 3 years of experience, in Statistics.\n")
    assert {"phd", "masters-degree"} <= both
    assert "phd" not in asked("Lawyer\nPhD or MSc in Law; a computer science background helps.\n")


def test_perks_after_what_we_offer_leave_the_duties_before_alone(kit: Toolkit) -> None:
    """In a flattened ad, "What we offer health insurance" opens the perks: the Python just
    before it is still asked; a Python learning budget among the perks is not."""
    flat = "Data Scientist Job description You will build models in Python What we offer health "
    assert "python" in kit.extractor.extract(flat + "insurance and hack days", job_ad=True).found
    perk = "Data Scientist Benefits health insurance and a Python learning budget"
    assert "python" not in kit.extractor.extract(perk, job_ad=True).found


def test_the_company_section_asks_only_near_a_mention(kit: Toolkit) -> None:
    """Under "About us", words that ask count only near the mention: in a flattened ad,
    "with us you'll grow" at the start of a long sentence does not ask for what follows."""
    about = (
        "Data Engineer ABOUT US With us you'll be part of a small team building our web shop "
        "for retailers across Europe and beyond, and our engineering culture is centred "
        "around collaboration and autonomy. REQUIREMENTS Python and SQL."
    )
    found = set(kit.extractor.extract(about, job_ad=True).found)
    assert {"python", "sql"} <= found
    assert "collaboration" not in found
    asked = "Data Engineer\nAbout us\nWe build shops. You collaborate closely with designers.\n"
    assert "collaboration" in kit.extractor.extract(asked, job_ad=True).found


def test_how_to_apply_asks_for_nothing(kit: Toolkit) -> None:
    """What an ad says of applying ("no unsolicited presentations") is no requirement."""
    ad = (
        "Data Scientist\nRequirements: Python.\n"
        "How to apply\nSend your CV; please refrain from unsolicited presentations.\n"
    )
    extraction = kit.extractor.extract(ad, job_ad=True)
    assert "python" in extraction.found
    assert "communication" not in extraction.found
    assert "apply" in {kind for _, _, kind in extraction.ad_sections}


def test_the_companys_stack_and_boasts_are_background(kit: Toolkit) -> None:
    """A list under "Our stack" is the company's (labeling.md), as is "X is the world's
    leading manufacturer of ..."; the requirements after them are still asked."""
    ad = (
        "Backend Engineer\nOur stack\nDocker, Kubernetes and AWS.\n"
        "Acme is the world's leading manufacturer of heat pumps.\n"
        "Requirements\nPython and SQL.\n"
    )
    found = set(kit.extractor.extract(ad, job_ad=True).found)
    assert {"python", "sql"} <= found
    assert not {"docker", "kubernetes", "aws", "manufacturing"} & found


def test_an_industry_in_the_companys_words_is_asked_only_near_it(kit: Toolkit) -> None:
    """In a sentence about the company, an industry counts only where words near it ask:
    a group's long list of brands holding "Preferred" far away asks for none of them."""
    brands = ", ".join(f"Brand{i} Insurance" for i in range(12))
    ad = (
        "Data Engineer\nYou will build pipelines in Python.\n"
        f"Our companies: Acme Preferred, {brands}, Acme Healthcare Solutions.\n"
    )
    found = set(kit.extractor.extract(ad, job_ad=True).found)
    assert "python" in found
    assert "healthcare" not in found
    asked = "Data Engineer\nWe want people with experience in healthcare data.\n"
    assert "healthcare" in kit.extractor.extract(asked, job_ad=True).found


def test_headings_with_an_apostrophe_open_their_sections(kit: Toolkit) -> None:
    """ "What you'll do" and "What we're looking for" are headings as their spelled-out
    forms are: a skill under them is asked, not the company's from the section before."""
    ad = (
        "ML Engineer\nAbout us\nWe are a fintech company.\n"
        "What you'll do\n- Build models in Python.\n"
        "What we're looking for\n- Strong SQL.\n"
    )
    extraction = kit.extractor.extract(ad, job_ad=True)
    assert {"python", "sql"} <= set(extraction.found)
    assert [kind for _, _, kind in extraction.ad_sections] == ["company", "duties", "requirements"]


def test_combined_headings_open_their_sections(kit: Toolkit) -> None:
    """ "Responsibilities and tasks", "Salary and terms of employment" and "Application
    procedure" are headings too: a list of publications asked under the last is no duty."""
    ad = (
        "Postdoc in ML\nResponsibilities and tasks\nYou will co-supervise master students.\n"
        "Salary and terms of employment\nThe appointment follows the agreement.\n"
        "Application procedure\nSubmit a CV and a list of publications.\n"
    )
    extraction = kit.extractor.extract(ad, job_ad=True)
    kinds = [kind for _, _, kind in extraction.ad_sections]
    assert kinds == ["duties", "benefits", "apply"]
    assert "mentoring" in extraction.found  # "co-supervise": the prefix keeps the verb
    assert "research" not in extraction.found
