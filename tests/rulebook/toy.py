"""A small collection year that exercises every feature of the engine (the real ones live in collect.standards)."""

from __future__ import annotations

from collect.rulebook import (
    Check,
    CollectionYear,
    Derivation,
    F,
    Option,
    Page,
    Pred,
    Question,
    QuestionKind,
    Section,
    Severity,
    Subsection,
)
from collect.rulebook.declaration import OptionKind, Stage

YES_NO = (Option(1, "Yes"), Option(0, "No"))

needstype = Question(
    "needstype",
    QuestionKind.RADIO,
    "What is the needs type?",
    "Needs type",
    options=(Option(1, "General needs"), Option(2, "Supported housing")),
)
scheme = Question("scheme", QuestionKind.TEXT, "Which scheme?", "Scheme")
code = Question("code", QuestionKind.TEXT, "Tenant code", optional_when=F("needstype").answered())
hhmemb = Question(
    "hhmemb",
    QuestionKind.NUMERIC,
    "How many people live in the household?",
    "Household members",
    minimum=1,
    maximum=8,
    step=1,
)
age1_known = Question(
    "age1_known",
    QuestionKind.RADIO,
    "Do you know the lead tenant's age?",
    options=(Option(0, "Yes"), Option(1, "No", kind=OptionKind.DONT_KNOW)),
)
age1 = Question(
    "age1",
    QuestionKind.NUMERIC,
    "Age",
    "Lead tenant's age",
    minimum=16,
    maximum=120,
    step=1,
    revealed_by=("age1_known", frozenset({0})),
    not_known_when=F("age1_known") == 1,
)
rent = Question("rent", QuestionKind.NUMERIC, "Weekly rent", "Rent", minimum=0, step="0.01", prefix="£")  # type: ignore[arg-type]
needs = Question(
    "needs",
    QuestionKind.CHECKBOX,
    "Access needs",
    "Access needs",
    options=(Option("needs_ramp", "Ramp"), Option("needs_lift", "Lift")),
)
rent_check = Question(
    "rent_check", QuestionKind.INTERRUPTION, "Are you sure?", options=(Option(0, "Yes"), Option(1, "No"))
)

HIGH_RENT = F("rent") > 500

TOY = CollectionYear(
    id="toy-2026",
    kind="toy",
    start_year=2026,
    label="Toy 2026",
    sections=(
        Section(
            "setup",
            "Before you start",
            (
                Subsection(
                    "setup",
                    "Set up",
                    (
                        Page("needs_type", (needstype,)),
                        Page("scheme", (scheme,), shown_when=F("needstype") == 2),
                        Page("code", (code,)),
                    ),
                    done_flag="setup_done",
                    done_excluding=frozenset({"scheme"}),
                ),
            ),
        ),
        Section(
            "household",
            "Household",
            (
                Subsection(
                    "household",
                    "Household",
                    (
                        Page("members", (hhmemb,)),
                        Page("age", (age1_known, age1)),
                        Page("needs", (needs,), shown_when=F("hhmemb") >= 2),
                    ),
                    enabled_when=F("setup_done").is_true(),
                ),
                Subsection(
                    "finances",
                    "Finances",
                    (
                        Page("rent", (rent,)),
                        Page("rent_check", (rent_check,), shown_when=HIGH_RENT, confirms="rent_high"),
                    ),
                    enabled_when=F("setup_done").is_true(),
                ),
            ),
        ),
    ),
    derivations=(
        Derivation(
            "normalise_code",
            "Tenant codes are upper case",
            ("code",),
            ("code",),
            lambda a, c, p: a.__setitem__("code", a["code"].upper()) if isinstance(a.get("code"), str) else None,
            stage=Stage.INPUT,
        ),
        Derivation(
            "totelder",
            "Count of people aged 60 or over",
            ("totelder",),
            ("age1",),
            lambda a, c, p: a.__setitem__("totelder", int((a.get("age1") or 0) >= 60)),
        ),
    ),
    checks=(
        Check(
            "joint_alone",
            Severity.HARD,
            (F("hhmemb") == 1) & (F("needs_lift") == 1),
            {
                "needs_lift": "A lift cannot be needed by a household of one in this toy.",
                "hhmemb": "There must be more than one person if a lift is needed.",
            },
        ),
        Check(
            "rent_high",
            Severity.SOFT,
            HIGH_RENT,
            {"rent": "This rent is higher than we would expect."},
            confirm_field="rent_check",
        ),
        Check(
            "context_rule",
            Severity.HARD,
            Pred(
                "the rent is above the context's limit",
                lambda a, c: bool(c) and (a.get("rent") or 0) > c["limit"],
                reads=("rent",),
            ),
            {"rent": lambda a, c: f"Rent must be at most {c['limit']}."},
        ),
    ),
)

COMPLETE = {"needstype": 1, "code": "abc", "hhmemb": 2, "age1_known": 0, "age1": 30, "needs_ramp": 1, "rent": 100}
