"""The header texts and cell types of the 2026/27 lettings bulk upload template's 147 fields (lettings-2026.md §6.3).

The texts are the published template's header rows as they are (typos, stray spaces and the standard's wrong field
references kept, §8 #17), so a file made from the template matches them; the cell types follow the standard's parser
("CSV type"): integer cells unless stated, decimal for amounts, text for codes, names and ages (an age may be "R").
"""

from __future__ import annotations

from collect.rulebook.template import CellType, TemplateField

FIELDS: tuple[TemplateField, ...] = (
    TemplateField(
        1,
        "Which organisation owns this property?",
        cell_type=CellType.TEXT,
        section="Setting up this lettings log",
        additional_info=(
            "You can find the org ID on the CORE service under 'Stock owners' or, if your organisation "
            "is the stock owner, under 'About your organisation'"
        ),
        values="Alphanumeric",
        can_be_empty="No",
        duplicate_check="Yes",
    ),
    TemplateField(
        2,
        "Which organisation manages this letting?",
        cell_type=CellType.TEXT,
        additional_info=(
            "You can find the org ID on the CORE service under 'Managing agents' or, if your "
            "organisation is the managing agent, under 'About your organisation'"
        ),
    ),
    TemplateField(
        3,
        "What is the CORE username of the account this letting log should be assigned to? ",
        cell_type=CellType.TEXT,
        additional_info="If left empty, the letting log will be assigned to the account used to upload the log.",
        values="Email format",
        can_be_empty="Yes",
    ),
    TemplateField(
        4,
        "What is the needs type?",
        additional_info=(
            "General needs housing includes both self-contained and shared housing without support or "
            "specific adaptations.\n\nSupported housing is housing with special design facilities or "
            "features targeted at a specific client group requiring support, for example housing "
            "designed for older people, sheltered accommodation, extra care housing. It can include "
            "direct access hostels, group homes, and purpose-built self-contained housing. We do not "
            "require CORE logs for residential care or nursing homes."
        ),
        values="1 - 2",
        can_be_empty="No",
    ),
    TemplateField(
        5,
        "What scheme does this letting belong to?",
        cell_type=CellType.TEXT,
        additional_info=(
            "Scheme code. Include the 'S' at the beginning if it has one.\n\nYou can find the scheme "
            "code on the CORE service under 'Schemes', either by searching for the specific scheme or "
            "downloading a csv."
        ),
        values="Alphanumeric",
        can_be_empty="Yes, if letting is general needs (if field 4 = 1)",
        applies_to="Supported housing only",
    ),
    TemplateField(
        6,
        "Which location is this letting for?",
        cell_type=CellType.TEXT,
        additional_info=(
            "Location code.\n\nYou can find the location code on the CORE service under 'Schemes', "
            "either by searching for the specific location or downloading a csv."
        ),
        values="Numeric",
        can_be_empty="Yes, if letting is general needs (if field 4 = 1)",
    ),
    TemplateField(
        7,
        "Is this letting a renewal of social housing to the same tenant in the same property?",
        additional_info="If the property was previously being used as temporary accommodation, then answer 'no'.",
        values="1 - 2",
        can_be_empty="No",
    ),
    TemplateField(
        8,
        "What is the tenancy start date? - day DD",
        values="1 - 31",
        duplicate_check="Yes",
    ),
    TemplateField(
        9,
        "What is the tenancy start date? - month MM",
        values="1 - 12",
    ),
    TemplateField(
        10,
        "What is the tenancy start date? - year YY",
        values="26 - 27",
    ),
    TemplateField(
        11,
        "What is the rent type?",
        additional_info="See specification for definitions",
        values="1 - 7",
    ),
    TemplateField(
        12,
        "Which 'Other' type of Intermediate Rent is this letting?",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty="Yes, if letting is not 'Other intermediate rent product' (if field 11 is not 6)",
        applies_to="Other Intermediate Rent only",
    ),
    TemplateField(
        13,
        "What is the tenant code?",
        cell_type=CellType.TEXT,
        additional_info="This is how you usually refer to this tenancy on your own systems.",
        values="Alphanumeric, max 13 characters",
        can_be_empty="Yes",
        duplicate_check="Yes",
    ),
    TemplateField(
        14,
        "What is the property reference?",
        cell_type=CellType.TEXT,
        additional_info="This is how you usually refer to this property on your own systems.",
        values="Alphanumeric, max 12 characters",
    ),
    TemplateField(
        15,
        "Has the tenant seen or been given access to the MHCLG privacy notice?",
        additional_info=(
            "Make sure the lead tenant has seen or been given access to the Ministry of Housing, "
            "Communities and Local Government (MHCLG) privacy notice before completing this log. This "
            "is a legal requirement under data protection legislation."
        ),
        values="1",
        can_be_empty="No",
    ),
    TemplateField(
        16,
        "What is the reason for the property being vacant?",
        section="Property information",
        additional_info=(
            "Internal transfer - Where a tenant moved from one social housing property to another "
            "property. Their landlord may be the same or may have changed.\n\nRenewal of a fixed term "
            "tenancy - to the same tenant in the same property, except if was previously used as "
            "temporary accommodation."
        ),
        values="5 - 6, or 8 - 22",
        can_be_empty="Yes, if letting is a renewal (if field 7 = 1)",
    ),
    TemplateField(
        17,
        "What type was the property most recently let as?",
        additional_info="This is the rent type of the previous tenancy in this property.",
        values="1 - 3 or 5 - 9",
        can_be_empty="Yes, if letting is a renewal (if field 7 = 1) or a first-time let (if field 16 = 15 - 17)",
    ),
    TemplateField(
        18,
        "If known, provide this property’s UPRN",
        cell_type=CellType.TEXT,
        additional_info=(
            "The Unique Property Reference Number (UPRN) is a unique number system created by Ordnance "
            "Survey and used by housing providers and various industries across the UK. An example "
            "UPRN is 10010457355.\nThe UPRN may not be the same as the property reference assigned by "
            "your organisation."
        ),
        values="Numeric",
        can_be_empty=(
            "Yes, if the property's postcode is not empty (if fields 23 and 24 contain full and valid entries)"
        ),
        duplicate_check="Yes, if UPRN provided instead of address",
    ),
    TemplateField(
        19,
        "Address Line 1",
        cell_type=CellType.TEXT,
        values="Alphanumeric",
        can_be_empty="Yes, if property's UPRN and local authority are known (if fields 18 and 25 are not empty)",
        duplicate_check="Yes, if address provided instead of UPRN",
    ),
    TemplateField(
        20,
        "Address Line 2",
        cell_type=CellType.TEXT,
        can_be_empty="Yes",
    ),
    TemplateField(
        21,
        "Town or city",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty="Yes, if property's UPRN and local authority are known (if fields 18 and 25 are not empty)",
    ),
    TemplateField(
        22,
        "County",
        cell_type=CellType.TEXT,
        can_be_empty="Yes",
    ),
    TemplateField(
        23,
        "Part 1 of the property's postcode",
        cell_type=CellType.TEXT,
        additional_info=(
            "Combined with field 22 it should be a postcode which lies within the local authority given in field 25."
        ),
        values="Alphanumeric,\n 2 - 4 characters",
        can_be_empty="Yes, if property's UPRN and local authority are known (if fields 18 and 25 are not empty)",
        duplicate_check="Yes, if address provided instead of UPRN",
    ),
    TemplateField(
        24,
        "Part 2 of the property's postcode",
        cell_type=CellType.TEXT,
        additional_info=(
            "Combined with field 21 it should be a postcode which lies within the local authority given in field 25."
        ),
        values="Alphanumeric,\n 3 characters",
        can_be_empty="No",
    ),
    TemplateField(
        25,
        "What is the property's local authority?",
        cell_type=CellType.TEXT,
        values=(
            "9 character ONS code, beginning with 'E' "
            "(https://www.get-information-schools.service.gov.uk/Guidance/LaNameCodes) "
        ),
        can_be_empty="Yes, if letting is supported housing (if field 4 = 2)",
    ),
    TemplateField(
        26,
        "What type of unit is the property?",
        values="1 - 2, 4 or 6 - 10",
        applies_to="General needs only",
    ),
    TemplateField(
        27,
        "Is the property built or adapted to wheelchair-user standards?",
        additional_info=(
            "This is whether someone who uses a wheelchair is able to make full use of all of the "
            "property’s rooms and facilities, including use of both inside and outside space, and "
            "entering and exiting the property."
        ),
        values="1 - 2",
    ),
    TemplateField(
        28,
        "How many bedrooms does the property have?",
        additional_info=(
            "If shared accommodation, enter the number of bedrooms occupied by this household. A bedsit has 1 bedroom."
        ),
        values="1 - 7",
    ),
    TemplateField(
        29,
        "What is the void date? - day DD",
        additional_info=(
            "Date the property was (legally/contractually) available to let, or for:\n- re-lets: the "
            "day after previous tenant’s contract end\n- new-builds: the day the landlord legally owned "
            "the property ('completion date’)\n- new conversions or acquisitions: the completion date, "
            "or the day after any rehabilitation work ended\n- new leases: the day the landlord got "
            "contractual property rights, and could let it out to tenants."
        ),
        values="1 - 31",
        can_be_empty="Yes, if letting is a renewal (if field 7 = 1)",
    ),
    TemplateField(
        30,
        "What is the void date? - month MM",
        values="1 - 12",
    ),
    TemplateField(
        31,
        "What is the void date? - year YY",
        values="07 - 27",
    ),
    TemplateField(
        32,
        "What date were any major repairs completed on? - day DD",
        additional_info=(
            "Major repairs are works which could not reasonably be carried out with a tenant in "
            "occupation, and which need to be carried out in a property while it is vacant. They "
            "involve remedial works that are necessary for the property to remain habitable and "
            "include structural repairs, site works and service installations."
        ),
        values="1 - 31",
        can_be_empty="Yes",
    ),
    TemplateField(
        33,
        "What date were any major repairs completed on? - month MM",
        values="1 - 12",
    ),
    TemplateField(
        34,
        "What date were any major repairs completed on? - year YY",
        values="07 - 27",
    ),
    TemplateField(
        35,
        "Is this property older people's housing?",
        additional_info=(
            "This includes retirement living, sheltered housing and extra care housing. There is no "
            "national set limit for \u201colder people\u201d, please answer based on your own policies.\n\nExtra "
            "care housing is for tenants with medium to high care and support needs, often with 24 "
            "hour access to support staff provided by an agency registered with the Care Quality "
            "Commission."
        ),
        values="2 - 4, 7 - 8",
        can_be_empty="Yes, if letting is general needs (if field 4 = 1)",
        applies_to="Supported housing only",
    ),
    TemplateField(
        36,
        "Is this a joint tenancy?",
        section="Tenancy information",
        additional_info="This is where two or more people are named on the tenancy agreement.",
        values="1 - 3",
        can_be_empty="No",
    ),
    TemplateField(
        37,
        "Is this a starter tenancy?",
        additional_info=(
            "If the tenancy has an ‘introductory period’ answer ‘yes’.\nYou should submit a CORE log at "
            "the beginning of the starter tenancy or introductory period, with the best information "
            "you have at the time. You do not need to submit a log when a tenant later rolls onto the "
            "main tenancy."
        ),
        values="1 - 2",
    ),
    TemplateField(
        38,
        "What is the type of tenancy?",
        additional_info=(
            "This is about the main tenancy after any starter or introductory period. See "
            "specification for definitions."
        ),
        values="2 - 8",
    ),
    TemplateField(
        39,
        "If 'Other', what is the type of tenancy?",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty="Yes, if 'Other' is not selected for tenancy type (if field 38 is not 3)",
    ),
    TemplateField(
        40,
        "What is the length of the fixed-term tenancy to the nearest year?",
        additional_info=(
            "Do not include the starter or introductory period. The minimum period is 2 years for "
            "social or affordable rent general needs logs. You do not need to submit CORE logs for "
            "these types of tenancies if they are shorter than 2 years."
        ),
        values="1 - 99, see specification for more detail",
        can_be_empty="Yes, if letting is not a fixed-term tenancy (if field 38 is not 4 or 6)",
    ),
    TemplateField(
        41,
        "What is the lead tenant’s age?",
        cell_type=CellType.TEXT,
        section="Household characteristics",
        additional_info=(
            "This is the household member who does the most paid work. If several people do the same "
            "amount of paid work, it's the oldest household member."
        ),
        values="16 - 120 or R",
        can_be_empty="No",
        duplicate_check="Yes",
        upper=True,
    ),
    TemplateField(
        42,
        "What is the lead tenant's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        upper=True,
    ),
    TemplateField(
        43,
        "Is the gender the lead tenant identifies with the same as their sex registered at birth?",
        cell_type=CellType.TEXT,
        values="1 - 3",
    ),
    TemplateField(
        44,
        "If 'No', enter lead tenant's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty="Yes, if 'No' is not selected for gender same as sex (if field 43 is not 2)",
    ),
    TemplateField(
        45,
        "Which of these best describes the lead tenant's ethnic background?",
        values="Text",
        can_be_empty="No",
    ),
    TemplateField(
        46,
        "What is the lead tenant’s nationality?",
        additional_info=(
            "If the lead tenant is a dual national of the United Kingdom and another country, enter "
            "United Kingdom. If they are a dual national of two other countries, the tenant should "
            "decide which country to enter."
        ),
        values="3 digit ISO country code, see specification",
    ),
    TemplateField(
        47,
        "Which of these best describes the lead tenant’s working situation?",
        additional_info=(
            "This is the household member who does the most paid work. If several people do the same "
            "amount of paid work, it's the oldest household member.\n\nPeople providing informal care "
            "for family and friends who are not in formal employment (but may receive carer's "
            'allowance) should answer "Not seeking work".'
        ),
        values="0 - 10",
        duplicate_check="Yes",
    ),
    TemplateField(
        48,
        "What is person 2's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 2 are empty (fields 48 - 53)",
        upper=True,
    ),
    TemplateField(
        49,
        "Is person 2 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 2 is aged under 16 (if field 46 < 16) or if all fields about person 2 are "
            "empty (fields 48 - 53)"
        ),
    ),
    TemplateField(
        50,
        "What is person 2's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 2 are empty (fields 48 - 53)",
        upper=True,
    ),
    TemplateField(
        51,
        "Is the gender the person 2 identifies with the same as their sex registered at birth?",
        cell_type=CellType.TEXT,
        values="1 - 3",
    ),
    TemplateField(
        52,
        "If 'No', enter person 2's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 51 is not 2) or if all "
            "fields about person 2 are empty (fields 48 - 53)"
        ),
    ),
    TemplateField(
        53,
        "Which of these best describes person 2's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 2 are empty (fields 48 - 53)",
    ),
    TemplateField(
        54,
        "What is person 3's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 3 are empty (fields 54 - 59)",
        upper=True,
    ),
    TemplateField(
        55,
        "Is person 3 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 3 is aged under 16 (if field 54 < 16) or if all fields about person 2 are "
            "empty (fields 54 - 59)"
        ),
    ),
    TemplateField(
        56,
        "What is person 3's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 3 are empty (fields 54 - 59)",
        upper=True,
    ),
    TemplateField(
        57,
        "Is the gender the person 3 identifies with the same as their sex registered at birth?",
        cell_type=CellType.TEXT,
        values="1 - 3",
    ),
    TemplateField(
        58,
        "If 'No', enter person 3's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 57 is not 2) or if all "
            "fields about person 3 are empty (fields 54 - 59)"
        ),
    ),
    TemplateField(
        59,
        "Which of these best describes person 3's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 3 are empty (fields 54 - 59)",
    ),
    TemplateField(
        60,
        "What is person 4's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 4 are empty (fields 60 - 65)",
        upper=True,
    ),
    TemplateField(
        61,
        "Is person 4 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 4 is aged under 16 (if field 60 < 16) or if all fields about person 2 are "
            "empty (fields 54 - 59)"
        ),
    ),
    TemplateField(
        62,
        "What is person 4's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 4 are empty (fields 60 - 65)",
        upper=True,
    ),
    TemplateField(
        63,
        "Is the gender the person 4 identifies with the same as their sex registered at birth?",
        cell_type=CellType.TEXT,
        values="1 - 3",
    ),
    TemplateField(
        64,
        "If 'No', enter person 4's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 63 is not 2) or if all "
            "fields about person 4 are empty (fields 60 - 65)"
        ),
    ),
    TemplateField(
        65,
        "Which of these best describes person 4's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 4 are empty (fields 60 - 65)",
    ),
    TemplateField(
        66,
        "What is person 5's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 5 are empty (fields 59 - 62)",
        upper=True,
    ),
    TemplateField(
        67,
        "Is person 5 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 5 is aged under 16 (if field 66 < 16) or if all fields about person 5 are "
            "empty (fields 66 - 71)"
        ),
    ),
    TemplateField(
        68,
        "What is person 5's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 5 are empty (fields 59 - 62)",
        upper=True,
    ),
    TemplateField(
        69,
        "Is the gender the person 5 identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        70,
        "If 'No', enter person 5's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 69 is not 2) or if all "
            "fields about person 5 are empty (fields 66 - 71)"
        ),
    ),
    TemplateField(
        71,
        "Which of these best describes person 5's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 5 are empty (fields 59 - 62)",
    ),
    TemplateField(
        72,
        "What is person 6's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 6 are empty (fields 63 - 66)",
        upper=True,
    ),
    TemplateField(
        73,
        "Is person 6 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 6 is aged under 16 (if field 72 < 16) or if all fields about person 6 are "
            "empty (fields 72 - 77)"
        ),
    ),
    TemplateField(
        74,
        "What is person 6's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 6 are empty (fields 63 - 66)",
        upper=True,
    ),
    TemplateField(
        75,
        "Is the gender the person 6 identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        76,
        "If 'No', enter person 6's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 75 is not 2) or if all "
            "fields about person 6 are empty (fields 72 - 77)"
        ),
    ),
    TemplateField(
        77,
        "Which of these best describes person 6's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 6 are empty (fields 63 - 66)",
    ),
    TemplateField(
        78,
        "What is person 7's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 7 are empty (fields 67 - 70)",
        upper=True,
    ),
    TemplateField(
        79,
        "Is person 7 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 7 is aged under 16 (if field 78 < 16) or if all fields about person 7 are "
            "empty (fields 78 - 83)"
        ),
    ),
    TemplateField(
        80,
        "What is person 7's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 7 are empty (fields 67 - 70)",
        upper=True,
    ),
    TemplateField(
        81,
        "Is the gender the person 7 identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        82,
        "If 'No', enter person 7's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 81 is not 2) or if all "
            "fields about person 7 are empty (fields 78 - 83)"
        ),
    ),
    TemplateField(
        83,
        "Which of these best describes person 7's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 7 are empty (fields 67 - 70)",
    ),
    TemplateField(
        84,
        "What is person 8's age?",
        cell_type=CellType.TEXT,
        additional_info="Answer 1 for children aged under 1 year old",
        values=(
            "Numeric, range 1 - 120 or text (upper case 'R')\nMust be >= 16 if working situation = 1 - "
            "8 or 0\nMust be <16 if working situation = 9"
        ),
        can_be_empty="Yes, if all fields about person 8 are empty (fields 71 - 74)",
        upper=True,
    ),
    TemplateField(
        85,
        "Is person 8 the partner of the lead tenant?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if person 8 is aged under 16 (if field 84 < 16) or if all fields about person 8 are "
            "empty (fields 84 - 89)"
        ),
    ),
    TemplateField(
        86,
        "What is person 8's sex?",
        cell_type=CellType.TEXT,
        additional_info=("This is their sex as registered at birth. The next question will ask about gender identity."),
        values="F, M or R",
        can_be_empty="Yes, if all fields about person 8 are empty (fields 71 - 74)",
        upper=True,
    ),
    TemplateField(
        87,
        "Is the gender the person 8 identifies with the same as their sex registered at birth?",
        values="1 - 3",
    ),
    TemplateField(
        88,
        "If 'No', enter person 8's gender identity",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'No' is not selected for gender same as sex (if field 87 is not 2) or if all "
            "fields about person 8 are empty (fields 84 - 89)"
        ),
    ),
    TemplateField(
        89,
        "Which of these best describes person 8's working situation?",
        additional_info=(
            "People providing informal care for family and friends who are not in formal employment "
            '(but may receive carer\'s allowance) should answer "Not seeking work".'
        ),
        values="0 - 10\n\nMust be 9 if age <16",
        can_be_empty="Yes, if all fields about person 8 are empty (fields 71 - 74)",
    ),
    TemplateField(
        90,
        "Does anybody in the household have links to the UK armed forces?",
        section="Household needs",
        additional_info=(
            "This excludes national service.\nIf several household members have these links, answer for "
            "regular first. If no regular, answer for reserve. If no reserve, answer for spouses or "
            "civil partners."
        ),
        values="1 - 6",
        can_be_empty="No",
    ),
    TemplateField(
        91,
        "Is this person still serving in the UK armed forces?",
        values="3 - 6",
        can_be_empty="Yes, if no one in the household is a current or former regular (if field 90 is not 1)",
    ),
    TemplateField(
        92,
        "Was this person seriously injured or ill as a result of serving in the UK armed forces?",
        values="1 - 3",
        can_be_empty=(
            "Yes, if no one in the household is a current or former regular or reserve (if field 90 is not 1 or 4)"
        ),
    ),
    TemplateField(
        93,
        "Is anybody in the household pregnant?",
        can_be_empty="No",
    ),
    TemplateField(
        94,
        "Disabled access needs\n\na) Fully wheelchair-accessible housing",
        values="1 or empty",
        can_be_empty="Yes, if no household members have access needs or if it is unknown (if field 98 or 99 = 1)",
    ),
    TemplateField(
        95,
        "Disabled access needs\n\nb) Wheelchair access to essential rooms",
    ),
    TemplateField(
        96,
        "Disabled access needs\n\nc) Level access housing",
    ),
    TemplateField(
        97,
        "Disabled access needs\n\nf) Other disabled access needs",
    ),
    TemplateField(
        98,
        "Disabled access needs\n\ng) No disabled access needs",
        can_be_empty="Yes, if a household member has an access need (if at least one of fields 94 to 97 = 1)",
    ),
    TemplateField(
        99,
        "Disabled access needs\n\nh) Don’t know",
    ),
    TemplateField(
        100,
        (
            "Does anybody in the household have a physical or mental health condition (or other "
            "illness) expected to last 12 months or more?"
        ),
        values="1 - 3",
        can_be_empty="No",
    ),
    TemplateField(
        101,
        "Does this person's condition affect their dexterity?",
        additional_info="For example, lifting and carrying objects, or using a keyboard",
        values="1 or empty",
        can_be_empty=(
            "Yes, if no one in the household has a physical or mental health condition (if field 100 "
            "is 2 or 3).\nIf someone in the household does have such a condition (if field 100 = 1), "
            "then at least 1 of these fields must be 1."
        ),
    ),
    TemplateField(
        102,
        "Does this person's condition affect their learning or understanding or concentrating?",
    ),
    TemplateField(
        103,
        "Does this person's condition affect their hearing?",
        additional_info="For example, deafness or partial hearing",
    ),
    TemplateField(
        104,
        "Does this person's condition affect their memory?",
    ),
    TemplateField(
        105,
        "Does this person's condition affect their mental health?",
        additional_info="For example, depression or anxiety",
    ),
    TemplateField(
        106,
        "Does this person's condition affect their mobility?",
        additional_info="For example, walking short distances or climbing stairs",
    ),
    TemplateField(
        107,
        "Does this person's condition affect them socially or behaviourally?",
        additional_info=(
            "For example, anything associated with autism spectrum disorder (ASD), including "
            "Asperger’s or attention deficit hyperactivity disorder (ADHD)"
        ),
    ),
    TemplateField(
        108,
        "Does this person's condition affect their stamina or breathing or fatigue?",
    ),
    TemplateField(
        109,
        "Does this person's condition affect their vision?",
        additional_info="For example, blindness or partial sight",
    ),
    TemplateField(
        110,
        "Does this person's condition affect them in another way?",
    ),
    TemplateField(
        111,
        ("How long has the household continuously lived in the local authority area of the new letting?"),
        section="Household situation",
        values="1 - 2 or 6 - 12",
        can_be_empty="No",
    ),
    TemplateField(
        112,
        (
            "How long has the household been on the local authority housing register (or waiting list) "
            "for the area of the new letting?"
        ),
        values="2 or 6 - 13",
        can_be_empty="Yes, if letting is a renewal (if field 7 = 1)",
    ),
    TemplateField(
        113,
        "What is the tenant’s main reason for the household leaving their last settled home?",
        additional_info=(
            "The tenant's ‘last settled home' is their last long-standing home. For tenants who had "
            "temporary accommodation, sleeping rough or otherwise homeless, their last settled home is "
            "where they were living immediately before that period."
        ),
        values="1 - 2, 4, 8 - 14, 16 - 20, 28 - 31, 34 or 44 - 57",
        can_be_empty="No",
    ),
    TemplateField(
        114,
        "If 'Other', what was the main reason for leaving their last settled home?",
        cell_type=CellType.TEXT,
        values="Text",
        can_be_empty=(
            "Yes, if 'Other' is not selected for reason for leaving last settled home (if field 113 is not 20)"
        ),
    ),
    TemplateField(
        115,
        "Where was the household immediately before this letting?",
        additional_info="This is where the household was the night before they moved into this new let.",
        values="3 - 4, 6 - 7, 9 - 10, 13 - 14, 18 - 19, 21, 23 - 33, 35, 37 - 40",
        can_be_empty="No",
    ),
    TemplateField(
        116,
        "Did the household experience homelessness immediately before this letting?",
        values="1 or 11",
        can_be_empty="No",
    ),
    TemplateField(
        117,
        "Do you know the postcode of the household's last settled home?",
        additional_info=(
            "This is the tenant’s last long-standing home. It is where the tenant was living before "
            "any period in temporary accommodation, sleeping rough or otherwise homeless."
        ),
        values="1 - 2",
    ),
    TemplateField(
        118,
        "Part 1 of postcode of last settled home",
        cell_type=CellType.TEXT,
        additional_info=(
            "Combined with field 119, it should be a postcode which lies within the local authority given in field 120."
        ),
        values="Alphanumeric,  2 - 4 characters",
        can_be_empty="Yes, if postcode of household's last settled home is not known (if 117 = 2)",
    ),
    TemplateField(
        119,
        "Part 2 of postcode of last settled home",
        cell_type=CellType.TEXT,
        additional_info=(
            "Combined with field 118, it should be a postcode which lies within the local authority given in field 120."
        ),
        values="Alphanumeric,\n3 characters",
    ),
    TemplateField(
        120,
        "What is the local authority of the household's last settled home?",
        cell_type=CellType.TEXT,
        additional_info=(
            "This is the tenant’s last long-standing home. It is where the tenant was living before "
            "any period in temporary accommodation, sleeping rough or otherwise homeless."
        ),
        values=(
            "9 character ONS code, beginning with 'E' "
            "(https://www.get-information-schools.service.gov.uk/Guidance/LaNameCodes) "
        ),
        can_be_empty="Yes",
    ),
    TemplateField(
        121,
        "Was the household given 'reasonable preference' by the local authority?",
        additional_info=(
            "Households may be given ‘reasonable preference’ for social housing under one or more "
            "specific category by the local authority. This is also known as ‘priority need’."
        ),
        values="1 - 3",
        can_be_empty="No",
    ),
    TemplateField(
        122,
        ("Reasonable preference reason\n\nThey were homeless or about to lose their home (within 56 days)"),
        values="1 or empty",
        can_be_empty="Yes, if household was not given 'reasonable preference' (if field 121 = 2 or 3)\n",
    ),
    TemplateField(
        123,
        ("Reasonable preference reason\n\nThey were living in unsanitary, overcrowded or unsatisfactory housing"),
    ),
    TemplateField(
        124,
        (
            "Reasonable preference reason\n\nThey needed to move due to medical and welfare reasons "
            "(including disability)"
        ),
    ),
    TemplateField(
        125,
        ("Reasonable preference reason\n\nThey needed to move to avoid hardship to themselves or others"),
    ),
    TemplateField(
        126,
        "Reasonable preference reason\n\nDon't know",
    ),
    TemplateField(
        127,
        "How was this letting allocated?\n\nChoice based Lettings (CBL)",
        additional_info=(
            "Where available vacant properties are advertised and applicants are able to bid for specific properties."
        ),
        values="1 - 2",
        can_be_empty="No",
    ),
    TemplateField(
        128,
        "How was this letting allocated?\n\nCommon Allocations Policy (CAP)",
        additional_info=(
            "Where a common system agreed between a group of housing providers is used to determine "
            "applicants' priority for housing."
        ),
    ),
    TemplateField(
        129,
        "How was this letting allocated?\n\nCommon Housing Register (CHR)",
        additional_info=(
            "Where a single waiting list is used by a group of housing providers to receive and "
            "process housing applications. Providers may use different approaches to determine "
            "priority."
        ),
    ),
    TemplateField(
        130,
        "How was this letting allocated?\n\nAccessible Housing Register",
        additional_info=(
            "Where the 'access category' or another descriptor of whether an available vacant property "
            "meets a range of access needs is displayed to applicants during the allocations process."
        ),
    ),
    TemplateField(
        131,
        "What was the source of referral for this letting? - LA properties",
        values="1 - 4",
        can_be_empty=("Yes, if the stock owner (field 1) is a PRP, or if the letting is a renewal (if field 7 = 1)"),
        applies_to="Local authority owned properties",
    ),
    TemplateField(
        132,
        "What was the source of referral for this letting? - PRP properties part 1",
        values="5 - 9",
        can_be_empty=(
            "Yes, if the stock owner (field 1) is a local authority, or if the letting is a renewal (if field 7 = 1)"
        ),
        applies_to="PRP owned properties",
    ),
    TemplateField(
        133,
        "What was the source of referral for this letting? - PRP properties part 2",
        additional_info=(
            "Use code 3 for internal transfers from a housing register had LA involvement (if field "
            "131 = 6) and code 5 for internal transfers from a housing register had no LA involvement "
            "(if field 132 = 7)."
        ),
        values="1 - 8",
        can_be_empty=(
            "Yes, if the stock owner (field 1) is a local authority, or if the letting is a renewal "
            "(if field 7 = 1), or if field 132 is 5 or 8-9"
        ),
    ),
    TemplateField(
        134,
        "What was the source of referral for this letting? - PRP properties part 3",
        additional_info=(
            "Use codes 1-10 for lettings from a housing register that had LA involvement (if field 131 "
            "= 6) and codes 11-20 for lettings from a housing register with no LA involvement (if "
            "field 132= 7)."
        ),
        values="1 - 20",
        can_be_empty=(
            "Yes, if the stock owner (field 1) is a local authority, or if the letting is a renewal "
            "(if field 7 = 1), or if field 133 is 2-6 or 8"
        ),
    ),
    TemplateField(
        135,
        "Do you know the household's combined total income after tax?",
        section="Income, benefits and outgoings",
        values="1 - 3",
        can_be_empty="No",
    ),
    TemplateField(
        136,
        "How often does the household receive income?",
        values="1 - 3",
        can_be_empty="Yes, if household's income is unknown (if field 135 = 2 or 3)",
    ),
    TemplateField(
        137,
        "How much income does the household have in total?",
        cell_type=CellType.DECIMAL,
        additional_info=(
            "Include any income after tax from employment, pensions, and Universal Credit. Don't "
            "include National Insurance (NI) contributions and tax, housing benefit, child benefit, or "
            "council tax support."
        ),
        values="0 - 99999",
    ),
    TemplateField(
        138,
        "Is the tenant likely to be receiving any of these housing-related benefits?",
        additional_info=(
            "This is about when the tenant is in their new let. If they are unsure about the situation "
            "for their new let and their financial and working situation hasn’t changed significantly, "
            "answer based on what housing-related benefits they currently receive."
        ),
        values="1, 3, 6, 9 or 10",
        can_be_empty="No",
    ),
    TemplateField(
        139,
        "How much of the household's income is from Universal Credit, state pensions or benefits?",
        values="1 - 4",
    ),
    TemplateField(
        140,
        "Does the household pay rent or other charges for the accommodation?",
        additional_info=(
            "If rent is charged on the property then answer Yes, even if tenants do not pay it themselves."
        ),
        values="0 - 1",
        can_be_empty="Yes, if letting is supported housing (if field 4 = 2)",
        applies_to="Supported housing only",
    ),
    TemplateField(
        141,
        "How often does the household pay rent and other charges?",
        additional_info=(
            "Only options relevant to your organisation will be accepted. To change these, go to the "
            "'About your organisation' page or contact the CORE helpdesk."
        ),
        values="1 - 10",
        can_be_empty="No",
        duplicate_check="Yes",
    ),
    TemplateField(
        142,
        "What is the basic rent?",
        cell_type=CellType.DECIMAL,
        additional_info=(
            "This is the amount paid before any charges are added for services (for example, hot water "
            "or cleaning). Households may receive housing benefit or Universal Credit towards basic "
            "rent."
        ),
        values="xxxx.xx",
        can_be_empty="Yes, if the household does not pay rent (if field 140 = 1)",
    ),
    TemplateField(
        143,
        "What is the service charge?",
        cell_type=CellType.DECIMAL,
        additional_info="For example, cleaning. Households may get household benefits towards the service charge.",
    ),
    TemplateField(
        144,
        "What is the personal service charge?",
        cell_type=CellType.DECIMAL,
        additional_info=("For example heating or hot water. This doesn’t include housing benefit or Universal Credit."),
    ),
    TemplateField(
        145,
        "What is the support charge?",
        cell_type=CellType.DECIMAL,
        additional_info="Any charges made to fund support services included in the tenancy agreement.",
    ),
    TemplateField(
        146,
        (
            "After the household has received any housing-related benefits, will they still need to "
            "pay for rent and charges?"
        ),
        additional_info="Also known as the 'outstanding amount'",
        values="1 - 3",
        can_be_empty=(
            "Yes, if the household doesn't receive housing benefits, or if it is unknown (if field 139 = 3, 9 or 10)"
        ),
    ),
    TemplateField(
        147,
        "What do you expect the outstanding amount to be?",
        cell_type=CellType.DECIMAL,
        additional_info="You only need to give an approximate figure.",
        values="xxxx.xx",
        can_be_empty=(
            "Yes, if the household does not need to pay rent or charges after receiving housing "
            "benefits (if field 146 is not 1)"
        ),
    ),
)
