"""Questions about people that the lettings and sales logs ask in the same words, and the rules that go with them.

Both logs ask each person's sex registered at birth, whether their gender is the same, their ethnic group and
background, their nationality and their working situation with the same codes (lettings-2026.md §3.4,
sales-2026.md §2.3, §2.4); only who is asked about differs ("the lead tenant", "buyer 1", "person 3"). The wording
that differs stays in each log's module; the option lists, the reveal of the gender description, the nationality
select and the derivations shared by both live here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, MutableMapping
from decimal import Decimal
from typing import Any

from collect.rulebook import F, Option, Question, QuestionKind
from collect.rulebook.declaration import OptionKind
from collect.standards.answers import answer_number, as_code
from collect.standards.countries import COUNTRIES, UNITED_KINGDOM

ETHNIC_REFUSED = 17
NATIONALITY_OTHER = 12
NATIONALITY_REFUSED = 0
CHILD_UNDER_16 = 9
RETIRED, WORKING_REFUSED = 5, 10
GENDER_DIFFERENT = 2

Answers = MutableMapping[str, Any]
Previous = Mapping[str, Any] | None


def age(answers: Mapping[str, Any], key: str) -> Decimal | int | None:
    """An age answer as a number (whole ages, the common case, as they are), or None."""
    value = answers.get(key)
    return value if value is None or type(value) is int else answer_number(value)


def sex_at_birth_options(who: str) -> tuple[Option, ...]:
    """Female, Male, and "<who> prefers not to say" (R)."""
    return (
        Option("F", "Female"),
        Option("M", "Male"),
        Option("R", f"{who} prefers not to say", kind=OptionKind.PREFERS_NOT_TO_SAY, divider_before=True),
    )


def gender_same_as_sex_options(who: str) -> tuple[Option, ...]:
    """Yes, No (revealing the description), and "<who> prefers not to say" (3)."""
    return (
        Option(1, "Yes"),
        Option(GENDER_DIFFERENT, "No, enter gender identity"),
        Option(3, f"{who} prefers not to say", kind=OptionKind.PREFERS_NOT_TO_SAY, divider_before=True),
    )


def gender_description(person: int, number: int | None) -> Question:
    """Person N's gender identity, revealed by answering "No" to whether it is the same as their sex at birth.

    The national services mark it "derived" (so never cleared) whenever gender_same_as_sexN != 2, which keeps a
    description after the person's other answers are cleared. Here it is revealed by "No" (so required only then) and
    `clear_gender_descriptions` clears it when the answer is not "No".
    """
    return Question(
        f"gender_description{person}",
        QuestionKind.TEXT,
        "Enter gender identity",
        "Gender identity description",
        number=number,
        revealed_by=(f"gender_same_as_sex{person}", frozenset({GENDER_DIFFERENT})),
    )


ETHNIC_GROUPS: tuple[tuple[int, str], ...] = (
    (0, "White"),
    (1, "Mixed or Multiple ethnic groups"),
    (2, "Asian or Asian British"),
    (3, "Black, African, Caribbean or Black British"),
    (4, "Arab or other ethnic group"),
)


def ethnic_group_options(refused_label: str) -> tuple[Option, ...]:
    """The five ethnic groups and "prefers not to say" (17)."""
    return (
        *(Option(code, label) for code, label in ETHNIC_GROUPS),
        Option(ETHNIC_REFUSED, refused_label, kind=OptionKind.PREFERS_NOT_TO_SAY, divider_before=True),
    )


# Each ethnic group's backgrounds: (the group's name in the background question, (code, label) of each background).
ETHNIC_BACKGROUNDS: Mapping[int, tuple[str, tuple[tuple[int, str], ...]]] = {
    0: (
        "White",
        (
            (1, "English, Welsh, Northern Irish, Scottish or British"),
            (2, "Irish"),
            (18, "Gypsy or Irish Traveller"),
            (20, "Roma"),
            (3, "Any other White background"),
        ),
    ),
    1: (
        "Mixed or Multiple ethnic groups",
        (
            (4, "White and Black Caribbean"),
            (5, "White and Black African"),
            (6, "White and Asian"),
            (7, "Any other Mixed or Multiple ethnic background"),
        ),
    ),
    2: (
        "Asian or Asian British",
        (
            (10, "Bangladeshi"),
            (15, "Chinese"),
            (8, "Indian"),
            (9, "Pakistani"),
            (11, "Any other Asian or Asian British background"),
        ),
    ),
    3: (
        "Black, African, Caribbean or Black British",
        ((13, "African"), (12, "Caribbean"), (14, "Any other Black, African, Caribbean or Black British background")),
    ),
    4: ("Arab", ((19, "Arab"), (16, "Other ethnic group"))),
}


def ethnic_background_options(group: int) -> tuple[Option, ...]:
    """The backgrounds offered for an ethnic group."""
    return tuple(Option(code, label) for code, label in ETHNIC_BACKGROUNDS[group][1])


def nationality_group_options(refused_label: str) -> tuple[Option, ...]:
    """United Kingdom (826), Other (12, revealing the countries) and "prefers not to say" (0)."""
    return (
        Option(UNITED_KINGDOM, "United Kingdom"),
        Option(NATIONALITY_OTHER, "Other"),
        Option(NATIONALITY_REFUSED, refused_label, kind=OptionKind.PREFERS_NOT_TO_SAY),
    )


# The select lists every country, but not the United Kingdom, which is an answer of its own in the group.
OFFERED_NATIONALITIES = frozenset(code for code, _ in COUNTRIES if code != UNITED_KINGDOM)


def nationality_select(question_id: str, label: str, group_id: str, number: int | None) -> Question:
    """The country select revealed by the group's "Other"; the group's other answers are copied into it."""
    return Question(
        question_id,
        QuestionKind.SELECT,
        "Enter a nationality",
        label,
        number=number,
        options=tuple(Option(code, name) for code, name in COUNTRIES),
        revealed_by=(group_id, frozenset({NATIONALITY_OTHER})),
        derived_when=F(group_id).one_of(NATIONALITY_REFUSED, UNITED_KINGDOM),
        offered_options=lambda answers, context: OFFERED_NATIONALITIES,
    )


def offered_work_options(person: int, codes: frozenset[Any]) -> Callable[[Mapping[str, Any], Any], frozenset[Any]]:
    """'Child under 16' is offered only while person N's age is not known to be 16 or over."""
    age_key, known_key = f"age{person}", f"age{person}_known"
    without_child = codes - {CHILD_UNDER_16}

    def offered(answers: Mapping[str, Any], context: Any) -> frozenset[Any]:
        found = age(answers, age_key)
        if answers.get(known_key) in (1, None) or (found is not None and found < 16):
            return codes
        return without_child

    return offered


# Derivations


def copy_refused_ethnic_group(group_key: str, background_key: str) -> Callable[[Answers, Any, Previous], None]:
    """When the ethnic group is "prefers not to say" (17), the background is 17 too."""

    def apply(answers: Answers, context: Any, previous: Previous) -> None:
        if as_code(answers.get(group_key)) == ETHNIC_REFUSED:
            answers[background_key] = ETHNIC_REFUSED

    return apply


def nationality_from_group(group_key: str, key: str) -> Callable[[Answers, Any, Previous], None]:
    """A group of United Kingdom or "prefers not to say" is also the nationality.

    With the group "Other", a nationality that is not one of the countries offered is cleared: the national services
    keep a United Kingdom (or "prefers not to say") derived earlier when the group changes to "Other", which then
    reads as answered. Here it is cleared, so a country must be chosen.
    """

    def apply(answers: Answers, context: Any, previous: Previous) -> None:
        group = as_code(answers.get(group_key))
        if group in (NATIONALITY_REFUSED, UNITED_KINGDOM):
            answers[key] = group
        elif group == NATIONALITY_OTHER and answers.get(key) not in OFFERED_NATIONALITIES:
            answers[key] = None

    return apply


def clear_gender_descriptions(people: Iterable[int]) -> Callable[[Answers, Any, Previous], None]:
    """A gender identity description is cleared unless gender_same_as_sexN is "No" (2), for each person."""
    keys = tuple((f"gender_same_as_sex{n}", f"gender_description{n}") for n in people)

    def apply(answers: Answers, context: Any, previous: Previous) -> None:
        get = answers.get
        for same_key, description_key in keys:
            same = get(same_key)
            if same is not None and same != GENDER_DIFFERENT and description_key in answers:
                answers[description_key] = None

    return apply
