"""The 2026/27 sales log outside the service (platform.md §7): the CSV download's column sets and the export.

The column names, their order and their definitions (the CSV's first row) are the national service's 2026/27 sales
download (tests/standards/sales/test_downloads.py compares them with the published column lists). The non-support set
names columns by answer id; the support set uses the statistics system's upper-case names, each reading the answer
of its lower-case name unless `SUPPORT_VALUES` says otherwise. The statistics export sends the support set as codes.
"""

# ruff: noqa: E501

from __future__ import annotations

from collect.rulebook.downloads import (
    Answer,
    AuthorityName,
    DatePart,
    Downloads,
    NotCollected,
    PostcodePart,
    Record,
    Value,
    table,
)
from collect.standards.lettings.y2026.downloads import CREATION_CODES, CREATION_LABELS, STATUS_CODES, STATUS_LABELS

NOT_KEPT = "The service does not keep what was typed into the address search or the bulk upload file's address."
NOT_ASKED = "Not a question of the 2026/27 sales log."

RECORD = (
    "id",
    "duplicate_set_id",
    "owning_organisation_name",
    "owning_organisation_id",
    "managing_organisation_name",
    "managing_organisation_id",
    "created_at",
    "created_by",
    "created_by_id",
    "assigned_to",
    "assigned_to_id",
    "updated_at",
    "updated_by",
    "updated_by_id",
    "bulk_upload_id",
    "collection_start_year",
)

VALUES: dict[str, Value] = {
    **{name: Record(name) for name in RECORD},
    "status": Record("status", STATUS_CODES, STATUS_LABELS),
    "creation_method": Record("creation_method", CREATION_CODES, CREATION_LABELS),
    "day": DatePart("saledate", "day"),
    "month": DatePart("saledate", "month"),
    "year": DatePart("saledate", "year"),
    "stairlastday": DatePart("lasttransaction", "day"),
    "stairlastmonth": DatePart("lasttransaction", "month"),
    "stairlastyear": DatePart("lasttransaction", "year"),
    "stairinitialday": DatePart("initialpurchase", "day"),
    "stairinitialmonth": DatePart("initialpurchase", "month"),
    "stairinitialyear": DatePart("initialpurchase", "year"),
    "pcode1": PostcodePart("postcode_full", 1),
    "pcode2": PostcodePart("postcode_full", 2),
    "ppostc1": PostcodePart("ppostcode_full", 1),
    "ppostc2": PostcodePart("ppostcode_full", 2),
    "la": Answer("la", labels=False),
    "la_label": AuthorityName("la"),
    "prevloc": Answer("prevloc", labels=False),
    "prevloc_label": AuthorityName("prevloc"),
    "address_line1_input": NotCollected(NOT_KEPT),
    "postcode_full_input": NotCollected(NOT_KEPT),
    "has_servicecharges": NotCollected(NOT_ASKED),
    "servicecharges": NotCollected(NOT_ASKED),
}

NON_SUPPORT = table(
    """
id | Log ID
status | Status of log
duplicate_set_id | ID of a set of duplicate logs
owning_organisation_name | Which organisation owned this property before the sale?
owning_organisation_id | Which organisation owned this property before the sale? (ID)
managing_organisation_name | Which organisation reported the sale?
managing_organisation_id | Which organisation reported the sale? (ID)
created_at | Time and date the log was created
assigned_to | User the log is assigned to (email)
assigned_to_id | User the log is assigned to (ID)
updated_at | Time and date the log was last updated
updated_by | User that last amended the log (email)
updated_by_id | User that last amended the log (ID)
creation_method | Was the log submitted in-service or via bulk upload?
bulk_upload_id | ID of a set of bulk uploaded logs
collection_start_year | Year collection period opened
day | Day of sale completion date
month | Month of sale completion date
year | Year of sale completion date
purchid | What is the purchaser code?
ownershipsch | Shared or discounted ownership
type | Type of ownership
staircase | Is this a staircasing transaction?
jointpur | Is this a joint purchase?
jointmore | Are there more than 2 joint buyers of this property?
noint | Did you interview the buyer(s) to answer these questions?
privacynotice | Has the buyer seen the MHCLG privacy notice?
uprn | What is the UPRN of the property?
uprn_confirmed | We found an address that might be this property. Is this the property address?
address_line1_input | Address line 1 input from address matching feature
postcode_full_input | Postcode input from address matching feature
uprn_selection | UPRN of the address selected
address_line1 | Address line 1
address_line2 | Address line 2
town_or_city | Town/City
county | County
pcode1 | Part 1 of the property's postcode
pcode2 | Part 2 of the property's postcode
la | LA code
la_label | LA name
proptype | What type of unit is the property?
buildheightclass | What is the building height classification?
beds | How many bedrooms does the property have?
builtype | Which type of building is the property?
wchair | Is the property built or adapted to wheelchair-user standards?
age1 | What is buyer 1's age?
sexrab1 | What is buyer 1's sex registered at birth?
gender_same_as_sex1 | Is the gender buyer 1 identifies with the same as their sex registered at birth?
gender_description1 | If 'No', enter buyer 1's gender identity
ethnic_group | What is buyer 1's ethnic group?
ethnic | Which of the following best describes buyer 1's ethnic background?
nationality_all | What is buyer 1's nationality?
ecstat1 | Which of these best describes buyer 1's working situation?
buy1livein | Will buyer 1 live in the property?
relat2 | Is buyer 2 or person 2 the partner of buyer 1?
age2 | What is buyer 2 or person 2's age?
sexrab2 | What is buyer 2 or person 2's sex registered at birth?
gender_same_as_sex2 | Is the gender buyer/person 2 identifies with the same as their sex registered at birth?
gender_description2 | If 'No', enter buyer/person 2's gender identity
ethnic_group2 | What is buyer 2's ethnic group?
ethnicbuy2 | Which of the following best describes buyer 2's ethnic background?
nationality_all_buyer2 | What is buyer 2's nationality?
ecstat2 | What is buyer 2 or person 2's working situation?
buy2livein | Will buyer 2 live in the property?
hholdcount | In total, how many people live in the property?
relat3 | Is person 3 the partner of buyer 1?
age3 | What is person 3's age?
sexrab3 | What is person 3's sex registered at birth?
gender_same_as_sex3 | Is the gender person 3 identifies with the same as their sex registered at birth?
gender_description3 | If 'No', enter person 3's gender identity
ecstat3 | What is person 3's working situation?
relat4 | Is person 4 the partner of buyer 1?
age4 | What is person 4's age?
sexrab4 | What is person 4's sex registered at birth?
gender_same_as_sex4 | Is the gender person 4 identifies with the same as their sex registered at birth?
gender_description4 | If 'No', enter person 4's gender identity
ecstat4 | What is person 4's working situation?
relat5 | Is person 5 the partner of buyer 1?
age5 | What is person 5's age?
sexrab5 | What is person 5's sex registered at birth?
gender_same_as_sex5 | Is the gender person 5 identifies with the same as their sex registered at birth?
gender_description5 | If 'No', enter person 5's gender identity
ecstat5 | What is person 5's working situation?
relat6 | Is person 6 the partner of buyer 1?
age6 | What is person 6's age?
sexrab6 | What is person 6's sex registered at birth?
gender_same_as_sex6 | Is the gender person 6 identifies with the same as their sex registered at birth?
gender_description6 | If 'No', enter person 6's gender identity
ecstat6 | What is person 6's working situation?
hhtype | Household type
prevten | What was buyer 1's previous tenure?
ppcodenk | Do you know the postcode of buyer 1's last settled accommodation?
ppostc1 | Part 1 of postcode of buyer 1's last settled accommodation
ppostc2 | Part 2 of postcode of buyer 1's last settled accommodation
previous_la_known | Do you know the local authority of buyer 1's last settled accommodation?
prevloc | The local authority code of buyer 1's last settled accommodation
prevloc_label | The local authority name of buyer 1's last settled accommodation
buy2living | At the time of purchase, was buyer 2 living at the same address as buyer 1?
prevtenbuy2 | What was buyer 2's previous tenure?
hhregres | Have any of the buyers ever served as a regular in the UK armed forces?
hhregresstill | Is the buyer still serving in the UK armed forces?
armedforcesspouse | Are any of the buyers a spouse or civil partner of a UK armed forces regular who died in service within the last 2 years?
disabled | Does anyone in the household consider themselves to have a disability?
wheel | Does anyone in the household use a wheelchair?
income1nk | Is buyer 1's annual income known?
income1 | What is buyer 1's annual income?
inc1mort | Was buyer 1's income used for a mortgage application?
income2nk | Is buyer 1's annual income known?
income2 | What is buyer 2's annual income?
inc2mort | Was buyer 2's income used for a mortgage application?
hb | Were the buyers receiving any of these housing-related benefits immediately before buying this property?
savingsnk | Is the the total amount the buyers had in savings known?
savings | What is the total amount the buyers had in savings before they paid any deposit for the property?
prevown | Have any of the buyers previously owned a property?
prevshared | Was the previous property under shared ownership?
resale | Is this a resale?
proplen | How long did the buyer(s) live in the property before purchasing it?
hoday | Day of the practical completion or handover date
homonth | Month of the practical completion or handover date
hoyear | Year of the practical completion or handover date
frombeds | How many bedrooms did the buyer's previous property have?
fromprop | What was the previous property type?
socprevten | What was the rent type of buyer's previous tenure?
value | What is the full purchase price?
equity | What was the initial percentage equity stake purchased?
mortgageused | Was a mortgage used to buy this property?
mortgage | What is the mortgage amount?
mortlen | What is the length of the mortgage in years?
deposit | How much was the cash deposit paid on the property?
cashdis | How much cash discount was given through Social Homebuy?
mrent | What is the basic monthly rent?
has_servicecharges | Does the property have any service charges?
servicecharges | Monthly service charges amount
has_management_fee | Does the property have an estate management fee?
management_fee | Monthly estate management fee amount
stairbought | What percentage of the property has been bought in this staircasing transaction?
stairowned | What percentage of the property do the buyers now own in total?
staircasesale | Was this transaction part of a back-to-back staircasing transaction to facilitate sale of the home on the open market?
firststair | Is this the first time the shared owner has engaged in staircasing in the home?
numstair | Including this time, how many times has the shared owner engaged in staircasing in the home?
stairlastday | Day of last staircasing transaction
stairlastmonth | Month of last staircasing transaction
stairlastyear | Year of last staircasing transaction
stairinitialday | Day of initial staircasing transaction
stairinitialmonth | Month of initial staircasing transaction
stairinitialyear | Year of initial staircasing transaction
mrentprestaircasing | What was the basic monthly rent prior to staircasing?
grant | What was the amount of any loan, grant, discount or subsidy given?
discount | What was the percentage discount?
extrabor | Does this include any extra borrowing?
has_mscharge | Does the property have any monthly leasehold charges?
mscharge | What are the total monthly leasehold charges for the property?
hasservicechargeschanged | Will the service charge change after this staircasing transaction takes place?
newservicecharges | What are the new total monthly service charges for the property?
""",
    VALUES,
)

_BY_NAME = {column.name: column.value for column in NON_SUPPORT}

# Upper-case names that are not simply the answer (or non-support column) of the lower-case name.
ALIASES = {
    "DUPLICATESET": "duplicate_set_id",
    "OWNINGORGNAME": "owning_organisation_name",
    "OWNINGORGID": "owning_organisation_id",
    "MANINGORGNAME": "managing_organisation_name",
    "MANINGORGID": "managing_organisation_id",
    "CREATEDDATE": "created_at",
    "USERNAME": "assigned_to",
    "USERNAMEID": "assigned_to_id",
    "UPLOADDATE": "updated_at",
    "AMENDEDBY": "updated_by",
    "AMENDEDBYID": "updated_by_id",
    "CREATIONMETHOD": "creation_method",
    "BULKUPLOADID": "bulk_upload_id",
    "COLLECTIONYEAR": "collection_start_year",
    "OWNERSHIP": "ownershipsch",
    "JOINT": "jointpur",
    "ADDRESS1": "address_line1",
    "ADDRESS2": "address_line2",
    "TOWNCITY": "town_or_city",
    "LANAME": "la_label",
    "UPRNSELECTED": "uprn_selection",
    "ADDRESS1INPUT": "address_line1_input",
    "POSTCODEINPUT": "postcode_full_input",
    "ETHNICGROUP1": "ethnic_group",
    "NATIONALITYALL1": "nationality_all",
    "LIVEINBUYER1": "buy1livein",
    "ETHNICGROUP2": "ethnic_group2",
    "ETHNIC2": "ethnicbuy2",
    "NATIONALITYALL2": "nationality_all_buyer2",
    "LIVEINBUYER2": "buy2livein",
    "PREVIOUSLAKNOWN": "previous_la_known",
    "PREVLOCNAME": "prevloc_label",
    "PREVTEN2": "prevtenbuy2",
    "INC1NK": "income1nk",
    "INC2NK": "income2nk",
    "MORTLEN1": "mortlen",
    "HASESTATEFEE": "has_management_fee",
    "ESTATEFEE": "management_fee",
    "STAIRCASETOSALE": "staircasesale",
    "HASMSCHARGE": "has_mscharge",
}

SUPPORT_VALUES: dict[str, Value] = {
    # Columns that are not plain answers keep their non-support value under the upper-case name.
    **{name.upper(): value for name, value in _BY_NAME.items() if not isinstance(value, Answer) or not value.labels},
    **{name: _BY_NAME.get(key) or Answer(key) for name, key in ALIASES.items()},
    "CREATEDBY": Record("created_by"),
    "CREATEDBYID": Record("created_by_id"),
    "ISLAINFERRED": Answer("is_la_inferred"),
    "POSTCODE": Answer("postcode_full"),
    "ADDRESS_SEARCH_VALUE_CHECK": NotCollected(NOT_KEPT),
    **{
        f"BULK{part}": NotCollected(NOT_KEPT)
        for part in ("ADDRESS1", "ADDRESS2", "TOWNCITY", "COUNTY", "POSTCODE", "LA")
    },
    "HASSERVICECHARGES": NotCollected(NOT_ASKED),
    "SERVICECHARGES": NotCollected(NOT_ASKED),
    "MSCHARGE_VALUE_CHECK": Answer("monthly_charges_value_check"),
}

SUPPORT = table(
    """
ID | Log ID
STATUS | Status of log
DUPLICATESET | ID of a set of duplicate logs
OWNINGORGNAME | Which organisation owned this property before the sale?
OWNINGORGID |
MANINGORGNAME | Which organisation reported the sale?
MANINGORGID |
CREATEDDATE | Time and date the log was created
CREATEDBY | User that created the log
CREATEDBYID |
USERNAME | User the log is assigned to
USERNAMEID |
UPLOADDATE | Time and date the log was last updated
AMENDEDBY |
AMENDEDBYID |
CREATIONMETHOD | Was the log submitted in-service or via bulk upload?
BULKUPLOADID | ID of a set of bulk uploaded logs
COLLECTIONYEAR | Year collection period opened
DAY | Day of sale completion date
MONTH | Month of sale completion date
YEAR | Year of sale completion date
PURCHID | What is the purchaser code?
OWNERSHIP | Was this purchase made through an ownership scheme?
TYPE | What is the type of shared ownership/discounted ownership/outright sale?
STAIRCASE | Is this a staircasing transaction?
JOINT | Is this a joint purchase?
JOINTMORE | Are there more than 2 joint buyers of this property?
NOINT | Did you interview the buyer(s) to answer these questions?
PRIVACYNOTICE | Has the buyer seen the MHCLG privacy notice?
UPRN | What is the UPRN of the property?
ADDRESS1 | Address line 1
ADDRESS2 | Address line 2
TOWNCITY | Town/City
COUNTY | County
POSTCODE | Postcode
ISLAINFERRED | The internal value to indicate if the LA was inferred from the postcode
LANAME | LA name
LA | LA code
UPRNSELECTED | UPRN of the address selected
ADDRESS_SEARCH_VALUE_CHECK | Was the 'No address found' page seen?
ADDRESS1INPUT | Address line 1 input from address matching feature
POSTCODEINPUT | Postcode input from address matching feature
BULKADDRESS1 | Address line 1 entered in bulk upload file
BULKADDRESS2 | Address line 2 entered in bulk upload file
BULKTOWNCITY | Town or city entered in bulk upload file
BULKCOUNTY | County entered in bulk upload file
BULKPOSTCODE | Postcode entered in bulk upload file
BULKLA | Local authority entered in bulk upload file
PROPTYPE | What type of unit is the property?
BUILDHEIGHTCLASS | What is the building height classification?
BEDS | How many bedrooms does the property have?
BUILTYPE | Which type of building is the property?
WCHAIR | Is the property built or adapted to wheelchair-user standards?
AGE1 | What is buyer 1's age?
SEXRAB1 | What was buyer 1's sex at birth?
GENDER_SAME_AS_SEX1 | Is the gender buyer 1 identifies with the same as their sex registered at birth?
GENDER_DESCRIPTION1 | If 'No', enter buyer 1's gender identity
ETHNICGROUP1 | What is buyer 1's ethnic group?
ETHNIC | Which of the following best describes buyer 1's ethnic background?
NATIONALITYALL1 | What is buyer 1's nationality?
ECSTAT1 | Which of these best describes buyer 1's working situation?
LIVEINBUYER1 | Will buyer 1 live in the property?
RELAT2 | What is buyer 2 or person 2's relationship to buyer 1?
AGE2 | What is buyer 2 or person 2's age?
SEXRAB2 | What was buyer/person 2's sex at birth?
GENDER_SAME_AS_SEX2 | Is the gender buyer/person 2 identifies with the same as their sex registered at birth?
GENDER_DESCRIPTION2 | If 'No', enter buyer/person 2's gender identity
ETHNICGROUP2 | What is buyer 2's ethnic group?
ETHNIC2 | Which of the following best describes buyer 2's ethnic background?
NATIONALITYALL2 | What is buyer 2's nationality?
ECSTAT2 | What is buyer 2 or person 2's working situation?
LIVEINBUYER2 | Will buyer 2 live in the property?
HHOLDCOUNT | In total, how many people live in the property?
RELAT3 | What is person 3's relationship to buyer 1?
AGE3 | What is person 3's age?
SEXRAB3 | What was person 3's sex at birth?
GENDER_SAME_AS_SEX3 | Is the gender person 3 identifies with the same as their sex registered at birth?
GENDER_DESCRIPTION3 | If 'No', enter person 3's gender identity
ECSTAT3 | What is person 3's working situation?
RELAT4 | What is person 4's relationship to buyer 1?
AGE4 | What is person 4's age?
SEXRAB4 | What was person 4's sex at birth?
GENDER_SAME_AS_SEX4 | Is the gender person 4 identifies with the same as their sex registered at birth?
GENDER_DESCRIPTION4 | If 'No', enter person 4's gender identity
ECSTAT4 | What is person 4's working situation?
RELAT5 | What is person 5's relationship to buyer 1?
AGE5 | What is person 5's age?
SEXRAB5 | What was person 5's sex at birth?
GENDER_SAME_AS_SEX5 | Is the gender person 5 identifies with the same as their sex registered at birth?
GENDER_DESCRIPTION5 | If 'No', enter person 5's gender identity
ECSTAT5 | What is person 5's working situation?
RELAT6 | What is person 6's relationship to buyer 1?
AGE6 | What is person 6's age?
SEXRAB6 | What was person 6's sex at birth?
GENDER_SAME_AS_SEX6 | Is the gender person 6 identifies with the same as their sex registered at birth?
GENDER_DESCRIPTION6 | If 'No', enter person 6's gender identity
ECSTAT6 | What is person 6's working situation?
HHTYPE | Household type
PREVTEN | What was buyer 1's previous tenure?
PPCODENK | Do you know the postcode of buyer 1's last settled accommodation?
PPOSTC1 | Part 1 of postcode of buyer 1's last settled accommodation
PPOSTC2 | Part 2 of postcode of buyer 1's last settled accommodation
PREVIOUSLAKNOWN | Do you know the local authority of buyer 1's last settled accommodation?
PREVLOC | The local authority code of buyer 1's last settled accommodation
PREVLOCNAME | The local authority name of buyer 1's last settled accommodation
BUY2LIVING | At the time of purchase, was buyer 2 living at the same address as buyer 1?
PREVTEN2 | What was buyer 2's previous tenure?
HHREGRES | Have any of the buyers ever served as a regular in the UK armed forces?
HHREGRESSTILL | Is the buyer still serving in the UK armed forces?
ARMEDFORCESSPOUSE | Are any of the buyers a spouse or civil partner of a UK armed forces regular who died in service within the last 2 years?
DISABLED | Does anyone in the household consider themselves to have a disability?
WHEEL | Does anyone in the household use a wheelchair?
INC1NK | Is buyer 1's annual income known?
INCOME1 | What is buyer 1's annual income?
INC1MORT | Was buyer 1's income used for a mortgage application?
INC2NK | Is buyer 1's annual income known?
INCOME2 | What is buyer 2's annual income?
INC2MORT | Was buyer 2's income used for a mortgage application?
HB | Were the buyers receiving any of these housing-related benefits immediately before buying this property?
SAVINGSNK | Is the the total amount the buyers had in savings known?
SAVINGS | What is the total amount the buyers had in savings before they paid any deposit for the property?
PREVOWN | Have any of the buyers previously owned a property?
PREVSHARED | Was the previous property under shared ownership?
RESALE | Is this a resale?
PROPLEN | How long did the buyer(s) live in the property before purchasing it?
HODAY | Day of the practical completion or handover date
HOMONTH | Month of the practical completion or handover date
HOYEAR | Year of the practical completion or handover date
FROMBEDS | How many bedrooms did the buyer's previous property have?
FROMPROP | What was the previous property type?
SOCPREVTEN | What was the rent type of buyer's previous tenure?
VALUE | What is the full purchase price?
VALUE_VALUE_CHECK | Populated if a soft validation is confirmed.
EQUITY | What was the initial percentage equity stake purchased?
MORTGAGEUSED | Was a mortgage used to buy this property?
MORTGAGE | What is the mortgage amount?
MORTLEN1 | What is the length of the mortgage in years?
DEPOSIT | How much was the cash deposit paid on the property?
CASHDIS | How much cash discount was given through Social Homebuy?
MRENT | What is the basic monthly rent?
HASSERVICECHARGES |
SERVICECHARGES |
HASESTATEFEE |
ESTATEFEE |
STAIRBOUGHT | What percentage of the property has been bought in this staircasing transaction?
STAIROWNED | What percentage of the property do the buyers now own in total?
STAIRCASETOSALE | Was this transaction part of a back-to-back staircasing transaction to facilitate sale of the home on the open market?
FIRSTSTAIR |
NUMSTAIR |
STAIRLASTDAY |
STAIRLASTMONTH |
STAIRLASTYEAR |
STAIRINITIALDAY |
STAIRINITIALMONTH |
STAIRINITIALYEAR |
MRENTPRESTAIRCASING |
GRANT | What was the amount of any loan, grant, discount or subsidy given?
DISCOUNT | What was the percentage discount?
EXTRABOR | Does this include any extra borrowing?
HASMSCHARGE | Does the property have any monthly leasehold charges?
MSCHARGE | What are the total monthly leasehold charges for the property?
MSCHARGE_VALUE_CHECK | Populated if a soft validation is confirmed.
HASSERVICECHARGESCHANGED | Will the service charge change after this staircasing transaction takes place?
NEWSERVICECHARGES | What are the new total monthly service charges for the property?
""",
    SUPPORT_VALUES,
    key=str.lower,
)

DOWNLOADS = Downloads(support=SUPPORT, non_support=NON_SUPPORT, export_fields=SUPPORT, export_prefix="core_sales")
