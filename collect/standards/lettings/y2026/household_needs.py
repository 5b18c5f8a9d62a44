"""The household needs subsection of the 2026/27 lettings log (lettings-2026.md): pages, checks, derivations.

Pages and questions: §2.5 and §3.5; derived variables: §4.2 (housingneeds_a…h, checkbox zeros); hard check H13
(§5.2). The two interruption pages confirm soft checks owned by household_characteristics (PREG, WI; §5.3): their
triggers come from triggers.py.

Not declared, on purpose: H4 (armed forces follow-ups answered although the person has not served: `reservist` when
armedforces is 2 or 3, `leftreg` when it is not 1) and H6 (condition effects given although nobody has a condition).
Their answers live only on `armed_forces_injured` (armedforces 1 or 4), `armed_forces_serving` (armedforces 1) and
`health_condition_effects` (illness 1); answers of pages not shown are cleared before any check runs (§0), so these
rules can never fire, in the national service as here. tests/standards/lettings/test_household_needs.py shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import replace
from typing import Any

from collect.rulebook import Check, Derivation, F, Option, Page, Question, QuestionKind, Severity, Subsection
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import checkbox_zeros, interruption
from collect.standards.lettings.y2026 import triggers
from collect.standards.lettings.y2026.common import SETUP_DONE

DONT_KNOW = OptionKind.DONT_KNOW
PREFERS_NOT_TO_SAY = OptionKind.PREFERS_NOT_TO_SAY

# Questions (§3.5)

armedforces = Question(
    "armedforces",
    QuestionKind.RADIO,
    "Does anybody in the household have any links to the UK armed forces?",
    "Household links to UK armed forces",
    hint=(
        "This excludes national service.\n\n"
        "If there are several people in the household with links to the UK armed forces, you should answer for the "
        "regular. If there’s no regular, answer for the reserve. If there’s no reserve, answer for the spouse or civil "
        "partner."
    ),
    number=72,
    options=(
        Option(1, "Yes – the person is a current or former regular"),
        Option(4, "Yes – the person is a current or former reserve"),
        Option(
            5,
            "Yes – the person is a spouse or civil partner of a UK armed forces member and has been bereaved or "
            "separated from them within the last 2 years",
        ),
        Option(2, "No"),
        Option(3, "Person prefers not to say", kind=PREFERS_NOT_TO_SAY),
        Option(6, "Don’t know", kind=DONT_KNOW, divider_before=True),
    ),
)
leftreg = Question(
    "leftreg",
    QuestionKind.RADIO,
    "Is the person still serving in the UK armed forces?",
    "Person still serving in UK armed forces",
    number=73,
    options=(
        Option(6, "Yes"),
        Option(4, "No – they left up to and including 5 years ago"),
        Option(5, "No – they left more than 5 years ago"),
        Option(3, "Person prefers not to say", kind=PREFERS_NOT_TO_SAY, divider_before=True),
    ),
)
reservist = Question(
    "reservist",
    QuestionKind.RADIO,
    "Was the person seriously injured or ill as a result of serving in the UK armed forces?",
    "Person seriously injured or ill as result of serving in UK armed forces",
    number=74,
    options=(
        Option(1, "Yes"),
        Option(2, "No"),
        Option(3, "Person prefers not to say", kind=PREFERS_NOT_TO_SAY, divider_before=True),
    ),
)
preg_occ = Question(
    "preg_occ",
    QuestionKind.RADIO,
    "Is anybody in the household pregnant?",
    "Anybody in household pregnant",
    number=75,
    options=(
        Option(1, "Yes"),
        Option(2, "No"),
        Option(3, "Tenant prefers not to say", kind=PREFERS_NOT_TO_SAY, divider_before=True),
    ),
)
pregnancy_value_check = replace(
    interruption("pregnancy_value_check", "Are you sure this is correct?"),
    check_answers_label="Pregnancy confirmation",
)
housingneeds = Question(
    "housingneeds",
    QuestionKind.RADIO,
    "Does anybody in the household have any disabled access needs?",
    "Anybody with disabled access needs",
    number=76,
    options=(
        Option(1, "Yes"),
        Option(2, "No"),
        Option(3, "Don’t know", kind=DONT_KNOW, divider_before=True),
    ),
)
# A radio question with integer codes (§3.5, §3.8: one integer column), not a checkbox.
housingneeds_type = Question(
    "housingneeds_type",
    QuestionKind.RADIO,
    "What type of access needs do they have?",
    "Disabled access needs",
    number=77,
    options=(
        Option(0, "Fully wheelchair accessible housing"),
        Option(1, "Wheelchair access to essential rooms"),
        Option(2, "Level access housing"),
        Option(3, "None of the listed options", divider_before=True),
    ),
)
housingneeds_other = Question(
    "housingneeds_other",
    QuestionKind.RADIO,
    "Do they have any other disabled access needs?",
    "Other disabled access needs",
    number=78,
    options=(
        Option(1, "Yes"),
        Option(0, "No"),
        Option(2, "Don’t know", kind=DONT_KNOW, divider_before=True),
    ),
)
illness = Question(
    "illness",
    QuestionKind.RADIO,
    "Does anybody in the household have a physical or mental health condition (or other illness) expected to last "
    "12 months or more?",
    "Anybody in household with physical or mental health condition",
    number=79,
    options=(
        Option(1, "Yes"),
        Option(2, "No"),
        Option(3, "Tenant prefers not to say", kind=PREFERS_NOT_TO_SAY, divider_before=True),
    ),
)
working_situation_illness_check = replace(
    interruption("working_situation_illness_check", "Are you sure this is correct?"),
    check_answers_label="Working situation illness confirmation",
)
condition_effects = Question(
    "condition_effects",
    QuestionKind.CHECKBOX,
    "How is the person affected by their condition or illness?",
    "How is person affected by condition or illness",
    hint="Select all that apply.",
    number=80,
    options=(
        Option("illness_type_4", "Dexterity", hint="For example, lifting and carrying objects or using a keyboard."),
        Option("illness_type_5", "Learning or understanding or concentrating"),
        Option("illness_type_2", "Hearing", hint="For example, deafness or partial hearing."),
        Option("illness_type_6", "Memory"),
        Option("illness_type_7", "Mental health", hint="For example, depression or anxiety."),
        Option("illness_type_3", "Mobility", hint="For example, walking short distances or climbing stairs."),
        Option(
            "illness_type_9",
            "Socially or behaviourally",
            hint=(
                "For example, associated with autism spectrum disorder (ASD) which includes Asperger’s or attention "
                "deficit hyperactivity disorder (ADHD)."
            ),
        ),
        Option("illness_type_8", "Stamina or breathing or fatigue"),
        Option("illness_type_1", "Vision", hint="For example, blindness or partial sight."),
        Option("illness_type_10", "Other"),
    ),
)

# Pages (§2.5), in order

PAGES: tuple[Page, ...] = (
    Page("armed_forces", (armedforces,)),
    Page("armed_forces_serving", (leftreg,), shown_when=F("armedforces") == 1),
    Page("armed_forces_injured", (reservist,), shown_when=F("armedforces").one_of(1, 4)),
    Page("pregnant", (preg_occ,)),
    Page(
        "no_household_member_likely_to_be_pregnant_check",
        (pregnancy_value_check,),
        shown_when=triggers.PREG,
        confirms="PREG",
    ),
    Page("access_needs_exist", (housingneeds,)),
    Page(
        "type_of_access_needs",
        (housingneeds_type, housingneeds_other),
        shown_when=F("housingneeds") == 1,
        header="Disabled access needs",
    ),
    Page("health_conditions", (illness,)),
    Page(
        "working_situation_long_term_illness_check",
        (working_situation_illness_check,),
        shown_when=triggers.WORKING_ILLNESS,
        confirms="WI",
    ),
    Page("health_condition_effects", (condition_effects,), shown_when=F("illness") == 1),
)
SUBSECTION = Subsection("household_needs", "Household needs", PAGES, enabled_when=SETUP_DONE)

# Checks (§5.2)

_ACCESS_NEEDS_COMBINATION = (
    "If somebody in the household has disabled access needs, they must have the access needs listed, or other access "
    "needs."
)

CHECKS: tuple[Check, ...] = (
    Check(
        "H13",
        Severity.HARD,
        (F("housingneeds") == 1) & (F("housingneeds_type") == 3) & F("housingneeds_other").one_of(0, 2),
        {
            "housingneeds": _ACCESS_NEEDS_COMBINATION,
            "housingneeds_type": _ACCESS_NEEDS_COMBINATION,
            "housingneeds_other": _ACCESS_NEEDS_COMBINATION,
        },
        description=(
            "Somebody has disabled access needs, but none of the listed types and no (or unknown) other access needs"
        ),
    ),
)

# Derivations (§4.2)

HOUSINGNEEDS_FLAGS = (
    "housingneeds_a",
    "housingneeds_b",
    "housingneeds_c",
    "housingneeds_f",
    "housingneeds_g",
    "housingneeds_h",
)


def _housingneeds_flags(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
    """housingneeds_a/b/c: the type of access needs; _f: other needs; _g: none; _h: not known (1 or 0)."""
    needs = answers.get("housingneeds")
    if needs is None:
        # The national service leaves earlier values in place; a derived value must follow its answers, so clear.
        for name in HOUSINGNEEDS_FLAGS:
            answers[name] = None
        return
    kind, other = answers.get("housingneeds_type"), answers.get("housingneeds_other")
    has_needs = needs == 1
    answers["housingneeds_a"] = int(has_needs and kind == 0)
    answers["housingneeds_b"] = int(has_needs and kind == 1)
    answers["housingneeds_c"] = int(has_needs and kind == 2)
    answers["housingneeds_f"] = int(has_needs and other == 1)
    answers["housingneeds_g"] = int(needs == 2)
    answers["housingneeds_h"] = int(needs == 3)


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "housingneeds_flags",
        "Access needs as flags: a fully wheelchair accessible, b wheelchair access to essential rooms, c level access, "
        "f other needs (all 0 unless housingneeds is 1), g no access needs, h not known",
        HOUSINGNEEDS_FLAGS,
        ("housingneeds", "housingneeds_type", "housingneeds_other"),
        _housingneeds_flags,
    ),
    checkbox_zeros(condition_effects),
)
