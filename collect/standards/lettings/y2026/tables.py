"""The open data tables of 2026/27 lettings: which answers are published, grouped how, with which labels.

Codes are those of the 2026/27 questions (lettings-2026.md) and derived variables (§4.2: `hhtype`, `wrent`). Reasons
for leaving the last settled home are grouped as the national statistics group them, so each group is large enough to
be published for most local authorities.
"""

from __future__ import annotations

from collect.rulebook.tables import AmountTable, Breakdown, Category, CountTable, Tables, codes

TENANCY = Breakdown(
    "tenancy",
    "Tenancy type",
    codes(
        ("secure-lifetime", "Secure – lifetime", (7,)),
        ("secure-fixed", "Secure – fixed term", (6,)),
        ("assured-lifetime", "Assured – lifetime", (2,)),
        ("assured-shorthold", "Assured shorthold – fixed term", (4,)),
        ("periodic", "Periodic", (8,)),
        ("licence", "Licence agreement", (5,)),
        ("other", "Other", (3,)),
    ),
)
RENT_TYPE = Breakdown(
    "rent_type",
    "Rent type",
    codes(
        ("social-rent", "Social rent", (0,)),
        ("affordable-rent", "Affordable rent", (1, 2)),
        ("intermediate-rent", "Intermediate rent", (3, 4, 5)),
        ("specified-accommodation", "Specified accommodation", (6,)),
    ),
)
NEEDS_TYPE = Breakdown(
    "needstype",
    "Needs type",
    codes(("general-needs", "General needs", (1,)), ("supported-housing", "Supported housing", (2,))),
)
BEDROOMS = Breakdown(
    "beds",
    "Bedrooms (general needs)",
    (
        Category("1", "1 bedroom or bedsit", low=0, high=2),
        Category("2", "2 bedrooms", low=2, high=3),
        Category("3", "3 bedrooms", low=3, high=4),
        Category("4-or-more", "4 or more bedrooms", low=4),
    ),
)
HOUSEHOLD_TYPE = Breakdown(
    "hhtype",
    "Household type",
    codes(
        ("one-elder", "1 older person", (1,)),
        ("two-adults-elder", "2 adults, including an older person", (2,)),
        ("one-adult", "1 adult", (3,)),
        ("two-adults", "2 adults", (4,)),
        ("one-adult-children", "1 adult with children", (5,)),
        ("adults-children", "2 or more adults with children", (6,)),
        ("other", "Other", (9,)),
    ),
)
ECONOMIC_STATUS = Breakdown(
    "ecstat1",
    "Lead tenant's working situation",
    codes(
        ("full-time", "Working full time", (1,)),
        ("part-time", "Working part time", (2,)),
        ("unemployed", "Jobseeker", (4,)),
        ("retired", "Retired", (5,)),
        ("not-working", "Not seeking work or unable to work", (6, 8)),
        ("student-training", "Student or in training", (3, 7)),
        ("other", "Other or prefers not to say", (0, 10)),
    ),
)
REASON = Breakdown(
    "reason",
    "Reason for leaving last settled home",
    codes(
        ("end-of-tenancy", "End of tenancy", (50, 51, 52, 53, 34, 54)),
        ("decant-refugee-institution", "Decanted, refugee, or leaving an institution or care", (1, 2, 45, 46, 4, 55)),
        ("family-relationship", "Asked to leave, relationship breakdown or bereavement", (9, 8, 44)),
        ("domestic-abuse-harassment", "Domestic abuse, violence or harassment", (48, 49, 56, 57, 10, 31, 11)),
        ("unsuitable-property", "Property unsuitable or under-occupied", (12, 13, 14, 29, 30)),
        ("move-closer-support", "To move near family or work, or for support or independence", (16, 17, 18, 19)),
        ("other", "Other, not known or prefers not to say", (47, 20, 28)),
    ),
)
TABLES = Tables(
    kind_label="lettings",
    area="la",
    counts=(
        CountTable(
            "lettings-tenancy-type",
            "Lettings by local authority and tenancy type",
            "Social housing lettings started in the year, by the local authority of the property and tenancy type.",
            TENANCY,
            chart=True,
        ),
        CountTable(
            "lettings-rent-type",
            "Lettings by local authority and rent type",
            "Social housing lettings by local authority and rent type (social, affordable, intermediate rent).",
            RENT_TYPE,
            chart=True,
        ),
        CountTable(
            "lettings-needs-type",
            "Lettings by local authority and needs type",
            "Social housing lettings by local authority: general needs and supported housing.",
            NEEDS_TYPE,
        ),
        CountTable(
            "lettings-bedrooms",
            "General needs lettings by local authority and number of bedrooms",
            "General needs lettings by local authority and the number of bedrooms of the property.",
            BEDROOMS,
            chart=True,
        ),
        CountTable(
            "lettings-household-type",
            "Lettings by local authority and household type",
            "Social housing lettings by local authority and the type of household housed.",
            HOUSEHOLD_TYPE,
            chart=True,
        ),
        CountTable(
            "lettings-economic-status",
            "Lettings by local authority and the lead tenant's working situation",
            "Social housing lettings by local authority and the lead tenant's economic status.",
            ECONOMIC_STATUS,
        ),
        CountTable(
            "lettings-reason",
            "Lettings by local authority and reason for leaving last settled home",
            "Social housing lettings by local authority and the household's main reason for leaving their last "
            "settled home, in groups of reasons.",
            REASON,
        ),
    ),
    amounts=(
        AmountTable(
            "lettings-weekly-rent",
            "Average and median weekly rent by local authority and rent type",
            "The basic weekly rent of social housing lettings (the rent as a weekly amount, before service and "
            "other charges), by local authority and rent type.",
            "wrent",
            "£ per week",
            RENT_TYPE,
        ),
    ),
    headline="lettings-weekly-rent",
    headline_label="Median weekly rent",
)
