"""Other household information (sales 2026/27): pages and questions (sales-2026.md §1.5, §2.6).

Armed forces service, disability and wheelchair use. Not asked for a staircasing transaction (§1). The wheelchair
soft check (WHEELCHAIR: someone uses a wheelchair but no one has a disability) is declared in `triggers`; its
interruption page follows both the disability and the wheelchair questions. This subsection has no derivations or
hard checks of its own.
"""

from __future__ import annotations

from collect.rulebook import Check, Derivation, F, Option, Page, Question, QuestionKind, Subsection
from collect.rulebook.declaration import OptionKind
from collect.standards.sales.y2026.common import NOT_STAIRCASING, SETUP_DONE, YES_NO
from collect.standards.sales.y2026.triggers import CHECKS_BY_ID, interruption_page

DONT_KNOW_3 = Option(3, "Don’t know", kind=OptionKind.DONT_KNOW)

# Questions (§2.6)

hhregres = Question(
    "hhregres",
    QuestionKind.RADIO,
    "Have any of the buyers ever served as a regular in the UK armed forces?",
    "Any buyer has served as regulars in the UK armed forces",
    hint="A regular is somebody who has served in the Royal Navy, the Royal Marines, the Royal Air Force or Army full "
    "time and does not include reserve forces",
    number=69,
    options=(
        Option(1, "Yes"),
        Option(7, "No"),
        Option(3, "Buyer prefers not to say", kind=OptionKind.PREFERS_NOT_TO_SAY),
        Option(8, "Don’t know", kind=OptionKind.DONT_KNOW),
    ),
)
hhregresstill = Question(
    "hhregresstill",
    QuestionKind.RADIO,
    "Is the buyer still serving in the UK armed forces?",
    "Buyer still serving in the UK armed forces",
    number=70,
    options=(
        Option(4, "Yes"),
        Option(5, "No - they left up to and including 2 years ago"),
        Option(6, "No - they left more than 2 years ago"),
        Option(9, "Don’t know", kind=OptionKind.DONT_KNOW),
    ),  # code 10 "No" is no longer offered (2026)
)
armedforcesspouse = Question(
    "armedforcesspouse",
    QuestionKind.RADIO,
    "Are any of the buyers a spouse or civil partner of a UK armed forces regular who died in service within the "
    "last 2 years?",
    "Any buyer is a spouse or civil partner of a UK armed forces regular who died in service within the last 2 years",
    number=71,
    options=(
        Option(4, "Yes"),
        Option(5, "No"),
        Option(6, "Buyer prefers not to say", kind=OptionKind.PREFERS_NOT_TO_SAY),
        Option(7, "Don’t know", kind=OptionKind.DONT_KNOW),
    ),
)
disabled = Question(
    "disabled",
    QuestionKind.RADIO,
    "Does anyone in the household consider themselves to have a disability?",
    "Household member has a disability",
    hint="This includes any long-term health condition that has an impact on the person’s day-to-day life",
    number=72,
    options=(*YES_NO, DONT_KNOW_3),
)
wheel = Question(
    "wheel",
    QuestionKind.RADIO,
    "Does anyone in the household use a wheelchair?",
    "Household member uses a wheelchair",
    hint="This can be inside or outside the home",
    number=73,
    options=(*YES_NO, DONT_KNOW_3),
)

WHEELCHAIR = CHECKS_BY_ID["WHEELCHAIR"]

PAGES: tuple[Page, ...] = (
    Page("armed_forces", (hhregres,)),
    Page("buyer_still_serving", (hhregresstill,), F("hhregres") == 1),
    Page("armed_forces_spouse", (armedforcesspouse,)),
    Page("household_disability", (disabled,)),
    interruption_page("disability_wheelchair_check", WHEELCHAIR),
    Page("household_wheelchair", (wheel,)),
    interruption_page("wheelchair_check", WHEELCHAIR),
)
SUBSECTION = Subsection(
    "other_household_information",
    "Other household information",
    PAGES,
    enabled_when=SETUP_DONE & NOT_STAIRCASING,
    listed_when=NOT_STAIRCASING,
)
DERIVATIONS: tuple[Derivation, ...] = ()
CHECKS: tuple[Check, ...] = ()
