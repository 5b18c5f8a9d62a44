"""The header texts and cell types of the 136 fields of the 2026/27 sales bulk upload template.

Texts as the published template has them (refdata/bulk_upload_template_sales_2026_headers.csv), typos included: a
file is recognised by them. Cell types follow sales-2026.md §5.3; "CI" fields (ages, sexes, tenures, incomes, savings,
mortgage lengths, charges) are upper-cased before reading.
"""

from __future__ import annotations

from collect.rulebook.template import CellType, TemplateField

ROW_LABELS: tuple[str, ...] = (
    "Section",
    "Question",
    "Additional info",
    "Values",
    "Can be empty?",
    "Types of sales the question applies to",
    "Duplicate check field?",
    "Field number",
)

FIELDS: tuple[TemplateField, ...] = (
    TemplateField(
        1,
        "What is the sale completion date? - day DD",
        values="1 - 31",
        can_be_empty="No",
        applies_to="All",
        duplicate_check="Yes",
        section="Setting up this sales log",
    ),
    TemplateField(
        2,
        "What is the sale completion date? - month MM",
        values="1 - 12",
    ),
    TemplateField(
        3,
        "What is the sale completion date? - year YY",
        values="26 - 27",
    ),
    TemplateField(
        4,
        "Which organisation owned this property before the sale?",
        CellType.TEXT,
        additional_info=(
            "You can find the org ID on the CORE service under 'Stock owners' or, if your "
            "organisation is the stock owner, under 'About your organisation'"
        ),
        values="Alphanumeric",
        can_be_empty="No",
    ),
    TemplateField(
        5,
        "Which organisation is reporting this sale?",
        CellType.TEXT,
        additional_info=(
            "You can find the org ID on the CORE service under 'Managing agents' or, if your "
            "organisation is the managing agent, under 'About your organisation'"
        ),
        values="Alphanumeric",
        can_be_empty="No",
    ),
    TemplateField(
        6,
        "What is the CORE username of the account this sale log should be assigned to? ",
        CellType.TEXT,
        additional_info="If left empty, the sales log will be assigned to the account used to upload the log.",
        values="Email format",
        can_be_empty="Yes",
    ),
    TemplateField(
        7,
        "What is the purchaser code?",
        CellType.TEXT,
        additional_info="This is how you usually refer to this buyer on your own systems",
        values="Alphanumeric, punctuation can be used as long as not the field separator.\nMax 9 characters.",
        can_be_empty="Yes",
        duplicate_check="Yes",
    ),
    TemplateField(
        8,
        "Is this a shared ownership or discounted ownership sale?",
        additional_info=(
            "Sales logs are no longer required for outright and other sales.\n\nA shared ownership "
            "sale is when the purchaser buys an initial share of up to 75% of the property value "
            "and pays rent to the Private Registered Provider (PRP) on the remaining portion, or a "
            "subsequent staircasing transaction"
        ),
        values="1 - 2",
        can_be_empty="No",
    ),
    TemplateField(
        9,
        "What is the type of shared ownership sale?",
        additional_info="See specification for full description of each scheme",
        values="2, 16, 18, 24, 28 or 30 - 32",
        can_be_empty="Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2)",
        applies_to="Shared ownership only",
    ),
    TemplateField(
        10,
        "Is this a staircasing transaction?",
        additional_info=(
            "A staircasing transaction is when the household purchases more shares in their "
            "property, increasing the proportion they own and decreasing the proportion the housing "
            "association owns. Once the household purchases 100% of the shares, they own the "
            "property."
        ),
        values="1 - 2",
        can_be_empty="Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2)",
        applies_to="Shared ownership only",
    ),
    TemplateField(
        11,
        "What is the type of discounted ownership sale?",
        additional_info="See specification for full description of each scheme",
        values="8, 9, 14, 21, 22, or 29",
        can_be_empty="Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1)",
        applies_to="Discounted ownership only",
    ),
    TemplateField(
        12,
        "Is this a joint purchase?",
        additional_info=(
            "This is where two or more people are named as legal owners of the property after the purchase."
        ),
        values="1 - 2",
        can_be_empty="No",
        applies_to="All",
    ),
    TemplateField(
        13,
        "Are there more than 2 joint buyers of this property?",
        values="1 - 3",
        can_be_empty="Yes, if the sale is not a joint purchase (if field 12 = 2)",
        applies_to="Joint purchase only",
    ),
    TemplateField(
        14,
        "Did you interview the buyer(s) to answer these questions?",
        additional_info=("You should still try to answer all questions even if the buyer wasn't interviewed in person"),
        values="1 - 2",
        can_be_empty="No",
        applies_to="All",
    ),
    TemplateField(
        15,
        "Has the buyer seen or been given access to the MHCLG privacy notice?",
        additional_info=(
            "Make sure the buyer has seen or been given access to the Ministry of Housing, "
            "Communities and Local Government (MHCLG) privacy notice before completing this log. "
            "This is a legal requirement under data protection legislation."
        ),
        values="1",
        can_be_empty="No",
    ),
    TemplateField(
        16,
        "If known, enter this property’s UPRN",
        CellType.TEXT,
        additional_info=(
            "The Unique Property Reference Number (UPRN) is a unique number system created by "
            "Ordnance Survey and used by housing providers and various industries across the UK. An "
            "example UPRN is 10010457355.\nThe UPRN may not be the same as the property reference "
            "assigned by your organisation."
        ),
        values="Numeric, max 12 digits",
        can_be_empty="Yes, if property's full address is known (if fields 16, 18, 20 and 21 are not empty)",
        applies_to="All",
        duplicate_check="Yes, if UPRN is provided instead of address",
        section="Property information",
    ),
    TemplateField(
        17,
        "Address Line 1",
        CellType.TEXT,
        values="Alphanumeric",
        can_be_empty="Yes, if property's UPRN is known (if field 16 is not empty)",
        duplicate_check="Yes, if address is provided instead of UPRN",
    ),
    TemplateField(
        18,
        "Address Line 2",
        CellType.TEXT,
        can_be_empty="Yes",
    ),
    TemplateField(
        19,
        "Town or city",
        CellType.TEXT,
        values="Text",
        can_be_empty="Yes, if property's UPRN is known (if field 16 is not empty)",
    ),
    TemplateField(
        20,
        "County",
        CellType.TEXT,
        can_be_empty="Yes",
    ),
    TemplateField(
        21,
        "Part 1 of the property's postcode",
        CellType.TEXT,
        additional_info=(
            "Combined with field 28 it should be a postcode which lies within the local authority given in field 29."
        ),
        values="Alphanumeric,\n 2 - 4 characters",
        can_be_empty="Yes, if property's UPRN and local authority are known (if fields 16 and 23 are not empty",
        duplicate_check="Yes, if address is provided instead of UPRN",
    ),
    TemplateField(
        22,
        "Part 2 of the property's postcode",
        CellType.TEXT,
        additional_info=(
            "Combined with field 27 it should be a postcode which lies within the local authority given in field 29."
        ),
        values="Alphanumeric,\n 3 characters",
    ),
    TemplateField(
        23,
        "What is the property's local authority?",
        CellType.TEXT,
        values=(
            "9 character ONS code, beginning with 'E' "
            "(https://www.get-information-schools.service.gov.uk/Guidance/LaNameCodes) "
        ),
        can_be_empty="No",
    ),
    TemplateField(
        24,
        "What type of unit is the property?",
        values="1 - 4 or 9",
    ),
    TemplateField(
        25,
        "What is the building height classification?",
        additional_info=(
            "Only complete this section if the answer to Q16 (What type of unit is the property?) "
            "is ‘Flat or maisonette’, ‘Bedsit’ or ‘Other’.\n\nHigh-rise residential buildings are "
            "those containing 2 or more residential units and either have 7 or more storeys or are "
            "at least 18 metres in height. If unsure, answer based on the number of storeys."
        ),
        values="Numeric, range 1 - 3",
        can_be_empty=(
            "Yes, if the unit of the property is not 'Flat or maisonette', 'Bedsit' or 'Other'  (if field 24 = 3 or 4)"
        ),
    ),
    TemplateField(
        26,
        "How many bedrooms does the property have?",
        additional_info="For bedsits, enter ‘1’",
        values="1 - 9",
        can_be_empty="No",
    ),
    TemplateField(
        27,
        "Which type of building is the property?",
        values="1 - 2",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        28,
        "Is the property built or adapted to wheelchair-user standards?",
        additional_info=(
            "This is whether someone who uses a wheelchair is able to make full use of all of the "
            "property’s rooms and facilities, including use of both inside and outside space, and "
            "entering and exiting the property."
        ),
        values="1 - 3",
    ),
    TemplateField(
        29,
        "What is buyer 1’s age?",
        CellType.TEXT,
        additional_info=(
            "Buyer 1 is the person in the household who does the most paid work. If it’s a joint "
            "purchase and the buyers do the same amount of paid work, buyer 1 is whoever is the "
            "oldest."
        ),
        values="16 - 110\n or R",
        can_be_empty="No",
        applies_to="All",
        duplicate_check="Yes",
        section="Household characteristics",
        upper=True,
    ),
    TemplateField(
        30,
        "What is buyer 1's sex?",
        CellType.TEXT,
        additional_info=(
            "This is your sex that was registered at birth. The next question will ask about your gender identity."
        ),
        values="F, M, or R",
        upper=True,
    ),
    TemplateField(
        31,
        "Is the gender buyer 1 identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        32,
        "If 'No', enter buyer 1's gender identity",
        CellType.TEXT,
        values="Text",
        can_be_empty="Yes, if 'No' is not selected for gender same as sex (if field 31 is not 2)",
    ),
    TemplateField(
        33,
        "Which of the following best describes buyer 1's ethnic background?",
        values="1 - 20",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        34,
        "What is buyer 1's nationality?",
        additional_info=(
            "If buyer 1 is a dual national of the United Kingdom and another country, enter United "
            "Kingdom. If they are a dual national of two other countries, they should decide which "
            "country to enter."
        ),
        values="3 digit ISO country code, see specification",
    ),
    TemplateField(
        35,
        "Which of these best describes buyer 1’s working situation? ",
        additional_info=(
            "Buyer 1 is the person in the household who does the most paid work. If it’s a joint "
            "purchase and the buyers do the same amount of paid work, buyer 1 is whoever is the "
            "oldest."
        ),
        values="0 - 8 or 10",
        duplicate_check="Yes",
    ),
    TemplateField(
        36,
        "Will buyer 1 live in the property?",
        values="1 - 2",
    ),
    TemplateField(
        37,
        "Is buyer 2 or person 2 the partner of buyer 1?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2) and there is only one person "
            "living in the property (if field 46 = 1)"
        ),
        applies_to="Joint purchases",
    ),
    TemplateField(
        38,
        "What is buyer 2's or person 2's age?",
        CellType.TEXT,
        values="1 - 110 or R",
        upper=True,
    ),
    TemplateField(
        39,
        "What is buyer 2 or person 2's sex?",
        CellType.TEXT,
        additional_info=(
            "This is your sex that was registered at birth. The next question will ask about your gender identity."
        ),
        values="F, M, or R",
        upper=True,
    ),
    TemplateField(
        40,
        "Is the gender buyer 2 or person 2 identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        41,
        "If 'No', enter buyer 2 or person 2's gender identity",
        CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2) and there is only one person "
            "living in the property (if field 46 = 1) and 'No' is not selected for gender same as sex "
            "(if field 40 is not 2)"
        ),
    ),
    TemplateField(
        42,
        "Which of the following best describes buyer 2 or person 2's ethnic background?",
        values="1 - 20",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
        applies_to="Joint purchases which are shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        43,
        "What is buyer 2 or person 2's nationality?",
        additional_info=(
            "If buyer 2 is a dual national of the United Kingdom and another country, enter United "
            "Kingdom. If they are a dual national of two other countries, they should decide which "
            "country to enter."
        ),
        values="3 digit ISO country code, see specification",
    ),
    TemplateField(
        44,
        "Which of these best describes buyer 2 or person 2’s working situation? ",
        values="0 - 10",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2), if there are fewer than 2 people "
            "living in the property (if field 46 < 2), or if the purchase is a staircasing transaction "
            "(if field 10 = 1)"
        ),
    ),
    TemplateField(
        45,
        "Will buyer 2 or person 2 live in the property?",
        values="1 - 2",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        46,
        "In total, how many people live in the property?",
        additional_info="Include all people who are living or will live in the property",
        values="Integer > 0",
        can_be_empty="Yes, if purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        47,
        "Is person 3 the partner of buyer 1?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if there are fewer than 3 people living in the property (if field 46 < 3), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        48,
        "What is person 3's age?",
        CellType.TEXT,
        values="1 - 110 or R",
        upper=True,
    ),
    TemplateField(
        49,
        "What is person 3's sex?",
        CellType.TEXT,
        additional_info=(
            "This is your sex that was registered at birth. The next question will ask about your gender identity."
        ),
        values="F, M, or R",
        upper=True,
    ),
    TemplateField(
        50,
        "Is the gender person 3's identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        51,
        "If 'No', enter person 3's gender identity",
        CellType.TEXT,
        values="Text",
        can_be_empty=(
            "if there are fewer than 3 people living in the property (if field 46 < 3), or if the "
            "purchase is a staircasing transaction (if field 10 = 1), or if 'No' is not selected for "
            "gender same as sex (if field 50 is not 2)"
        ),
    ),
    TemplateField(
        52,
        "Which of these best describes person 3’s working situation? ",
        values="0 - 10",
        can_be_empty=(
            "Yes, if there are fewer than 3 people living in the property (if field 46 < 3), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        53,
        "Is person 4 the partner of buyer 1?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if there are fewer than 4 people living in the property (if field 46 < 4), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        54,
        "What is person 4's age?",
        CellType.TEXT,
        values="1 - 110 or R",
        upper=True,
    ),
    TemplateField(
        55,
        "What is person 4's sex?",
        CellType.TEXT,
        additional_info=(
            "This is your sex that was registered at birth. The next question will ask about your gender identity."
        ),
        values="F, M, or R",
        upper=True,
    ),
    TemplateField(
        56,
        "Is the gender person 4's identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        57,
        "If 'No', enter person 4's gender identity",
        CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if there are fewer than 4 people living in the property (if field 46 < 4), or if the "
            "purchase is a staircasing transaction (if field 10 = 1), or if 'No' is not selected for "
            "gender same as sex (if field 56 is not 2)"
        ),
    ),
    TemplateField(
        58,
        "Which of these best describes person 4’s working situation? ",
        values="0 - 10",
        can_be_empty=(
            "Yes, if there are fewer than 4 people living in the property (if field 46 < 4), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        59,
        "Is person 5 the partner of buyer 1?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if there are fewer than 5 people living in the property (if field 46 < 5), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        60,
        "What is person 5's age?",
        CellType.TEXT,
        values="1 - 110 or R",
        upper=True,
    ),
    TemplateField(
        61,
        "What is person 5's sex?",
        CellType.TEXT,
        additional_info=(
            "This is your sex that was registered at birth. The next question will ask about your gender identity."
        ),
        values="F, M, or R",
        upper=True,
    ),
    TemplateField(
        62,
        "Is the gender person 5's identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        63,
        "Is the gender person 5's identifies with the same as their sex registered at birth?",
        CellType.TEXT,
        values="1 - 3",
        can_be_empty=(
            "Yes, if there are fewer than 5 people living in the property (if field 46 < 5), or if the "
            "purchase is a staircasing transaction (if field 10 = 1), or if 'No' is not selected for "
            "gender same as sex (if field 62 is not 2)"
        ),
    ),
    TemplateField(
        64,
        "Which of these best describes person 5’s working situation? ",
        values="0 - 10",
        can_be_empty=(
            "Yes, if there are fewer than 5 people living in the property (if field 46 < 5), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        65,
        "Is person 6 the partner of buyer 1?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if there are fewer than 6 people living in the property (if field 46 < 6), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        66,
        "What is person 6's age?",
        CellType.TEXT,
        values="1 - 110 or R",
        upper=True,
    ),
    TemplateField(
        67,
        "What is person 6's sex?",
        CellType.TEXT,
        additional_info=(
            "This is your sex that was registered at birth. The next question will ask about your gender identity."
        ),
        values="F, M, or R",
        upper=True,
    ),
    TemplateField(
        68,
        "Is the gender person 6's identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        69,
        "Is the gender person 6's identifies with the same as their sex registered at birth?",
        CellType.TEXT,
        values="1 - 3",
        can_be_empty=(
            "Yes, if there are fewer than 6 people living in the property (if field 46 < 6), or if the "
            "purchase is a staircasing transaction (if field 10 = 1), or if 'No' is not selected for "
            "gender same as sex (if field 68 is not 2)"
        ),
    ),
    TemplateField(
        70,
        "Which of these best describes person 6’s working situation? ",
        values="0 - 10",
        can_be_empty=(
            "Yes, if there are fewer than 6 people living in the property (if field 46 < 6), or if the "
            "purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        71,
        "What was buyer 1's previous tenure?",
        CellType.TEXT,
        values="1 - 7, 9 or R",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
        section="Household situation",
        upper=True,
    ),
    TemplateField(
        72,
        "Do you know the postcode of buyer 1's last settled accommodation?",
        additional_info="This is also known as the household's 'last settled home'",
        values="1 - 2",
        can_be_empty=(
            "Yes, if sale is discounted ownership (if field 8 = 2), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
        applies_to="Shared ownership - initial purchase",
    ),
    TemplateField(
        73,
        "Part 1 of postcode of buyer 1's last settled accommodation",
        CellType.TEXT,
        additional_info=(
            "Combined with field 74 it should be a postcode which lies within the local authority given in field 75."
        ),
        values="Alphanumeric,\n 2 - 4 characters",
        can_be_empty=(
            "Yes, if postcode of buyer 1's last settled accommodation is unknown (if field 72 = "
            "2)\n\nYes, if sale is discounted ownership (if field 8 = 2), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        74,
        "Part 2 of postcode of buyer 1's last settled accommodation",
        CellType.TEXT,
        additional_info=(
            "Combined with field 73 it should be a postcode which lies within the local authority given in field 75."
        ),
        values="Alphanumeric,\n 3 characters",
    ),
    TemplateField(
        75,
        "What is the local authority of buyer 1's last settled accommodation?",
        CellType.TEXT,
        additional_info="This is also known as the household's 'last settled home'",
        values=(
            "9 character ONS code, beginning with 'E' "
            "(https://www.get-information-schools.service.gov.uk/Guidance/LaNameCodes) "
        ),
        can_be_empty="Yes",
        applies_to="Shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        76,
        "At the time of purchase, was buyer 2 living at the same address as buyer 1?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
        applies_to="Joint purchases which are shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        77,
        "What was buyer 2's previous tenure?",
        CellType.TEXT,
        values="1 - 7, 9 or R",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2), or if buyer is not known to have "
            "been living at the same address as buyer 1 at the time of purchase (if field 76 = 1 or "
            "3), or if the purchase is a staircasing transaction (if field 10 = 1)"
        ),
        upper=True,
    ),
    TemplateField(
        78,
        "Have any of the buyers ever served as a regular in the UK armed forces?\n",
        additional_info=(
            "A regular is somebody who has served in the Royal Navy, the Royal Marines, the Royal "
            "Air Force or Army full time and does not include reserve forces"
        ),
        values="1, 3, 7 or 8",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
        section="Other household information",
    ),
    TemplateField(
        79,
        "Is the buyer still serving in the UK armed forces?",
        values="4 - 6",
        can_be_empty=(
            "Yes, if none of the buyers are known to have served as a regular in the UK armed forces "
            "(if field 78 = 7, 3 or 8), or if the purchase is a staircasing transaction (if field 10 = "
            "1)"
        ),
    ),
    TemplateField(
        80,
        (
            "Are any of the buyers a spouse or civil partner of a UK armed forces regular who died in service "
            "within the last 2 years?"
        ),
        additional_info=(
            "A regular is somebody who has served in the Royal Navy, the Royal Marines, the Royal "
            "Air Force or army full time and does not include reserve forces"
        ),
        values="4 - 7",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
    ),
    TemplateField(
        81,
        "Does anyone in the household consider themselves to have a disability?",
        additional_info=(
            "This includes any long-term health condition that has an impact on the person's day-to-day life"
        ),
        values="1 - 3",
    ),
    TemplateField(
        82,
        "Does anyone in the household use a wheelchair?",
        additional_info="This can be inside or outside the home",
    ),
    TemplateField(
        83,
        "What is buyer 1's annual income?",
        CellType.TEXT,
        additional_info=(
            "Provide the gross annual income (i.e. salary before tax) plus the annual amount of "
            "benefits, Universal Credit or pensions, and income from investments"
        ),
        values="0 - 99999 or R",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
        section="Income, benefits and outgoings",
        upper=True,
    ),
    TemplateField(
        84,
        "Was buyer 1's income used for a mortgage application?",
        values="1 - 2",
        can_be_empty=(
            "Yes, if buyer 1's income is not known (if field 83 = R), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        85,
        "What is buyer 2's annual income?",
        CellType.TEXT,
        additional_info=(
            "Provide the gross annual income (i.e. salary before tax) plus the annual amount of "
            "benefits, Universal Credit or pensions, and income from investments"
        ),
        values="0 - 99999 or R",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2), or if the purchase is a "
            "staircasing transaction (if field 10 = 1)"
        ),
        applies_to="Joint purchases which are shared ownership - initial purchase and discounted ownership",
        upper=True,
    ),
    TemplateField(
        86,
        "Was buyer 2's income used for a mortgage application?",
        values="1 - 2",
        can_be_empty=(
            "Yes, if sale is not a joint purchase (if field 12 = 2) or if buyer 2's income is not "
            "known (if field 85 = R), or if the purchase is a staircasing transaction (if field 10 = "
            "1)"
        ),
    ),
    TemplateField(
        87,
        ("Were the buyers receiving any of these housing-related benefits immediately before buying this property?"),
        values="1 - 4",
        can_be_empty="Yes, if the purchase is a staircasing transaction (if field 10 = 1)",
        applies_to="Shared ownership - initial purchase and discounted ownership",
    ),
    TemplateField(
        88,
        "What is the total amount the buyers had in savings before they paid any deposit for the property?",
        CellType.TEXT,
        additional_info="Enter their total savings to the nearest £10",
        values="0 - 999990 or R",
        upper=True,
    ),
    TemplateField(
        89,
        "Have any of the buyers previously owned a property?",
        values="1 - 3",
    ),
    TemplateField(
        90,
        "Was the previous property under shared ownership?",
        additional_info="For any buyer",
        can_be_empty=(
            "Yes, if the purchasers did not previously own a property or if it is not known (if field "
            "89 = 2 or 3), or if the purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        91,
        "Is this a resale?",
        additional_info=(
            "If the social landlord has previously sold the property to another buyer and is now "
            "reselling the property, enter 'yes'. If this is the first time the property has been "
            "sold, enter 'no'."
        ),
        values="1 - 2",
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2) or "
            "if this is a staircasing transaction (if field 10 = 1)"
        ),
        applies_to="Shared ownership - initial purchase only",
        section="Shared ownership - initial purchase",
    ),
    TemplateField(
        92,
        "How long did the buyer(s) live in the property before purchasing it?",
        additional_info="If the buyers haven't been living in the property, enter '0'",
        values="Integer <= 80",
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2), if "
            "this is a resale (if field 91 = 1) or if this is a staircasing transaction (if field 10 = "
            "1)"
        ),
    ),
    TemplateField(
        93,
        "What is the day of the practical completion or handover date? - DD",
        additional_info=(
            "This is the date on which the building contractor hands over responsibility for the "
            "completed property to the private registered provider (PRP)."
        ),
        values="1 - 31",
    ),
    TemplateField(
        94,
        "What is the month of the practical completion or handover date? - MM",
        values="1 - 12",
    ),
    TemplateField(
        95,
        "What is the year of the practical completion or handover date? - YY",
        values="22 - 27",
    ),
    TemplateField(
        96,
        "How many bedrooms did the buyer's previous property have?",
        additional_info="For bedsits, enter ‘1’",
        values="1 - 9",
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2), or "
            "if the purchase is a staircasing transaction (if field 10 = 1)\n\nYes, if the buyer was "
            "not a private registered provider, housing association or local authority tenant "
            "immediately before sale (if field 71 is not 1 or 2)"
        ),
    ),
    TemplateField(
        97,
        "What was the previous property type?",
        values="1 - 4 or 9",
    ),
    TemplateField(
        98,
        "What was the buyer’s previous tenure?",
        values="1 - 3 or 9 - 10",
    ),
    TemplateField(
        99,
        "What is the full purchase price?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the full purchase price of the property before any discounts are applied. For "
            "shared ownership, enter the full purchase price paid for 100% equity (this is equal to "
            "the value of the share owned by the PRP plus the value bought by the purchaser)."
        ),
        values="15000 - 999999",
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2), or "
            "if the purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        100,
        "What was the initial percentage share purchased?",
        CellType.DECIMAL,
        additional_info=(
            "This is the initial stake purchased. Enter the amount of initial equity held by the "
            "purchaser (for example, 25% or 50%)"
        ),
        values="0 - 100",
    ),
    TemplateField(
        101,
        "Was a mortgage used to buy this property?",
        values="1 - 3",
    ),
    TemplateField(
        102,
        "What is the mortgage amount?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the amount of mortgage agreed with the mortgage lender. Exclude any deposits or cash payments."
        ),
        values="0 - 999999",
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2), if "
            "the purchase is a staircasing transaction (if field 10 = 1) or if a mortgage was not used "
            "(if field 101 = 2)"
        ),
    ),
    TemplateField(
        103,
        "What is the length of the mortgage?",
        CellType.TEXT,
        additional_info=(
            "You should round up to the nearest year. Value should not exceed 60 years. You can "
            "only select ‘Don’t Know’ if you answered ‘No’ to Q11 'Did you interview the buyer(s) "
            "to answer these questions?’."
        ),
        values="Integer <= 60 or text (upper case 'R')",
        upper=True,
    ),
    TemplateField(
        104,
        "How much was the cash deposit paid on the property?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the total cash sum paid by the buyer towards the property that was not funded by the mortgage"
        ),
        values="0 - 999999",
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2), or "
            "if the purchase is a staircasing transaction (if field 10 = 1)"
        ),
    ),
    TemplateField(
        105,
        "How much cash discount was given through Social HomeBuy?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the total cash discount given on the property being purchased through the Social HomeBuy scheme"
        ),
        can_be_empty=(
            "Yes, if the purchase was not made through a shared ownership scheme (if field 8 = 2), if "
            "the purchase is a staircasing transaction (if field 10 = 1), or if the type of shared "
            "ownership sale is not Social Homebuy (if field 9 is not 18)"
        ),
    ),
    TemplateField(
        106,
        "What is the basic monthly rent?",
        CellType.DECIMAL,
        additional_info="Before any charges",
        values="0 - 9999.99",
        can_be_empty=(
            "Yes, if there are no monthy charges or fees, if the purchase was not made through a "
            "shared ownership scheme (if field 8 = 2), or if the purchase is a staircasing transaction "
            "(if field 10 = 1)"
        ),
    ),
    TemplateField(
        107,
        "What are the total monthly service charges for the property?",
        CellType.TEXT,
        additional_info=(
            "This includes any charges for day-to-day maintenance and repairs, buildings insurance, "
            "and any contributions to a sinking or reserve fund. It does not include estate "
            "management fees."
        ),
        upper=True,
    ),
    TemplateField(
        108,
        "What are the total monthly estate management fees for the property?",
        CellType.DECIMAL,
        additional_info=(
            "Estate management fees are typically used for the maintenance of communal gardens, "
            "payments, private roads, car parks or play areas within new build estates."
        ),
    ),
    TemplateField(
        109,
        "What percentage of the property has been bought in this staircasing transaction?",
        CellType.DECIMAL,
        values="1 - 100",
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2)"
        ),
        applies_to="Shared ownership - staircasing transaction only",
        section="Shared ownership - staircasing transaction",
    ),
    TemplateField(
        110,
        "What percentage of the property do the buyers now own in total?",
        CellType.DECIMAL,
    ),
    TemplateField(
        111,
        (
            "Was this transaction part of a back-to-back staircasing transaction to facilitate sale of the home on "
            "the open market?"
        ),
        additional_info=(
            "Back-to-back staircasing transactions are used as a way for shared owners who own less "
            "than 100% of their property to sell on the open market. It involves the shared owner "
            "purchasing the remaining share from their landlord and immediately selling 100% of the "
            "property to a buyer on the open market. The landlord is then reimbursed for the "
            "staircasing transaction through the proceeds of sale to the buyer."
        ),
        values="1 - 3",
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2), or if the buyers do not own 100% of the "
            "property (if field 110 is less than 100)"
        ),
    ),
    TemplateField(
        112,
        "Is this the first time the buyer has engaged in staircasing in the home?",
        values="1 - 2",
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2)"
        ),
    ),
    TemplateField(
        113,
        "What was the day of the initial purchase of a share in the property? DD",
        values="1 - 31",
    ),
    TemplateField(
        114,
        "What was the month of the initial purchase of a share in the property? MM",
        values="1 - 12",
    ),
    TemplateField(
        115,
        "What was the year of the initial purchase of a share in the property? YYYY",
        values="1980-2027",
    ),
    TemplateField(
        116,
        "Including this time, how many times has the shared owner engaged in staircasing in the home?",
        values="2 - 10",
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2), and if this is the first time the buyer has "
            "engaged in staircasing in the home (if field 112 = 1)"
        ),
    ),
    TemplateField(
        117,
        "What was the day of the last staircasing transaction? DD",
        values="1 - 31",
    ),
    TemplateField(
        118,
        "What was the month of the last staircasing transaction? MM",
        values="1 - 12",
    ),
    TemplateField(
        119,
        "What was the year of the last staircasing transaction? YYYY",
        values="1980-2027",
    ),
    TemplateField(
        120,
        "What is the full purchase price for this staircasing transaction?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the full purchase price of the property before any discounts are applied. For "
            "shared ownership, enter the full purchase price paid for 100% equity (this is equal to "
            "the value of the share owned by the PRP plus the value bought by the purchaser)."
        ),
        values="0 - 99999999",
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2)"
        ),
    ),
    TemplateField(
        121,
        "What was the percentage share purchased in the initial transaction?",
        CellType.DECIMAL,
        additional_info=(
            "This is the initial stake purchased. Enter the amount of initial equity held by the "
            "purchaser (for example, 25% or 50%)"
        ),
        values="0 - 100",
    ),
    TemplateField(
        122,
        "Was a mortgage used for this staircasing transaction?",
        values="1 - 3",
    ),
    TemplateField(
        123,
        "What was the basic monthly rent prior to staircasing?",
        CellType.DECIMAL,
        values="0 - 9999.99",
    ),
    TemplateField(
        124,
        "What is the basic monthly rent after staircasing?",
        CellType.DECIMAL,
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2), or if the buyers now own 100% of the property "
            "(if field 110 = 100)"
        ),
    ),
    TemplateField(
        125,
        "What are the monthly service charges for the property?",
        CellType.TEXT,
        additional_info=(
            "This includes any charges for day-to-day maintenance and repairs, building insurance, "
            "and any contributions to a sinking or reserved fund. It does not include estate "
            "management fees"
        ),
        values="0 - 9999.99 or R",
        can_be_empty=(
            "Yes, if this is not a shared ownership transaction (if field 8 = 2), or if it is not a "
            "staircasing transaction (if field 10 = 2)"
        ),
        upper=True,
    ),
    TemplateField(
        126,
        (
            "If the service charges will change after this staircasing transaction takes places, what is the new "
            "monthly service charge amount?"
        ),
        CellType.TEXT,
        additional_info=(
            "This includes any charges for day-to-day maintenance and repairs, building insurance, "
            "and any contributions to a sinking or reserved fund. It does not include estate "
            "management fees"
        ),
        values="0 - 9999.99 or R",
        upper=True,
    ),
    TemplateField(
        127,
        "How long did the buyer(s) live in the property before purchasing it?",
        values="Integer <= 80",
        can_be_empty="Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1)",
        applies_to="Discounted ownership only",
        section="Discounted ownership",
    ),
    TemplateField(
        128,
        "What is the full purchase price?",
        CellType.DECIMAL,
        additional_info=(
            "For all schemes, including Right to Acquire (RTA), Right to Buy (RTB),  or Preserved "
            "Right to Buy (PRTB) sales, enter the full price of the property without any discount."
        ),
        values="15000 - 999999",
    ),
    TemplateField(
        129,
        "What was the amount of any loan, grant, discount or subsidy given?",
        CellType.DECIMAL,
        additional_info=("For all schemes except Right to Buy (RTB), Preserved Right to Buy(PRTB) and Rent to Buy."),
        values="0 - 999999",
        can_be_empty=(
            "Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1) "
            "or if the type of discounted sale is PRTB, RTB, or Rent to Buy (if field 11 is 9, 14, or "
            "29)"
        ),
    ),
    TemplateField(
        130,
        "What was the percentage discount?",
        CellType.DECIMAL,
        additional_info=(
            "For Right to Buy (RTB) and Preserved Right to Buy (PRTB). For capped discount, enter "
            "capped %. If property is sold to an existing tenant under RTB or PRTB, enter % "
            "discount from full market value."
        ),
        values="0 - 100",
        can_be_empty=(
            "Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1) "
            "or if the type of discounted sale is not PRTB, RTB, or Rent to Buy (if field 11 is 8, 21, "
            "22)"
        ),
    ),
    TemplateField(
        131,
        "Was a mortgage used to buy this property?",
        values="1 - 3",
        can_be_empty="Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1)",
    ),
    TemplateField(
        132,
        "What is the mortgage amount?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the amount of mortgage agreed with the mortgage lender. Exclude any deposits or cash payments."
        ),
        values="0 - 999999",
        can_be_empty=(
            "Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1) "
            "or if a mortgage was not used (if field 131 = 2)"
        ),
    ),
    TemplateField(
        133,
        "What is the length of the mortgage?",
        CellType.TEXT,
        additional_info=(
            "You should round up to the nearest year. Value should not exceed 60 years. You can "
            "only select ‘Don’t Know’ if you answered ‘No’ to Q11 'Did you interview the buyer(s) "
            "to answer these questions?’."
        ),
        values="Integer <= 60 or text (upper case 'R')",
        upper=True,
    ),
    TemplateField(
        134,
        "Does this include any extra borrowing?",
        additional_info=("This is 'Yes' if the mortgage includes borrowing beyond the purchase price of the property"),
        values="1 - 3",
    ),
    TemplateField(
        135,
        "How much was the cash deposit paid on the property?",
        CellType.DECIMAL,
        additional_info=(
            "Enter the total cash sum paid by the purchaser towards the property that was not "
            "funded by the mortgage. This excludes any grant or loan."
        ),
        values="0 - 999999",
        can_be_empty="Yes, if the purchase was not made through a discounted ownership scheme (if field 8 = 1)",
    ),
    TemplateField(
        136,
        "What are the total monthly leasehold charges for the property?",
        CellType.TEXT,
        additional_info="For example, service and management charges",
        values="0 - 9999.99",
        can_be_empty=(
            "Yes, if there are no leasehold charges or if the purchase was not made through a "
            "discounted ownership scheme (if field 8 = 1)"
        ),
        upper=True,
    ),
)
