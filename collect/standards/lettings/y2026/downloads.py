"""The 2026/27 lettings log outside the service (platform.md §7): the CSV download's column sets and the export.

The column names, their order and their definitions (the CSV's first row) are the national service's 2026/27 lettings
download, so analysts' pipelines read our files unchanged (tests/standards/lettings/test_downloads.py compares them
with the published column lists). A column reads the answer of the same id unless `VALUES` says otherwise. The
non-support set is the support set without the support-only columns, with `uprn_known` before `uprn`.

The statistics export (§7.2) sends the fields of the national service's 2026/27 lettings XML, always as codes.
"""

# ruff: noqa: E501

from __future__ import annotations

from collect.rulebook.downloads import (
    Answer,
    AuthorityName,
    Column,
    Downloads,
    NotCollected,
    Recoded,
    Record,
    Value,
    table,
)

NOT_KEPT = "The service does not keep what was typed into the address search or the bulk upload file's address."
STATUS_CODES = {"not_started": 0, "in_progress": 1, "completed": 2, "pending": 3, "deleted": 4}
STATUS_LABELS = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "completed": "Completed",
    "pending": "Pending",
    "deleted": "Deleted",
}
CREATION_CODES = {"web": 1, "bulk_upload": 2, "api": 3, "system": 1}
CREATION_LABELS = {"web": "single log", "bulk_upload": "bulk upload", "api": "API", "system": "single log"}
# renttype_detail: the rent type (rent_type 0-5) as the standard's detailed code 1-6.
RENTTYPE_DETAIL = {0: 1, 1: 2, 2: 3, 3: 4, 4: 5, 5: 6}

RECORD = (
    "id",
    "duplicate_set_id",
    "created_by",
    "assigned_to",
    "is_dpo",
    "created_at",
    "updated_by",
    "updated_at",
    "collection_start_year",
    "bulk_upload_id",
    "owning_organisation_name",
    "managing_organisation_name",
    "scheme_code",
    "scheme_service_name",
    "scheme_confidential",
    "scheme_registered_under_care_act",
    "scheme_owning_organisation_name",
    "scheme_primary_client_group",
    "scheme_has_other_client_group",
    "scheme_secondary_client_group",
    "scheme_support_type",
    "scheme_intended_stay",
    "scheme_created_at",
    "location_code",
    "location_postcode",
    "location_name",
    "location_units",
    "location_type_of_unit",
    "location_mobility_type",
    "location_local_authority",
    "location_startdate",
)
NOT_KEPT_COLUMNS = (
    "address_search_value_check",
    "address_line1_input",
    "postcode_full_input",
    "address_line1_as_entered",
    "address_line2_as_entered",
    "town_or_city_as_entered",
    "county_as_entered",
    "postcode_full_as_entered",
    "la_as_entered",
)

VALUES: dict[str, Value] = {
    **{name: Record(name) for name in RECORD},
    **{name: NotCollected(NOT_KEPT) for name in NOT_KEPT_COLUMNS},
    "status": Record("status", STATUS_CODES, STATUS_LABELS),
    "creation_method": Record("creation_method", CREATION_CODES, CREATION_LABELS),
    "SCHTYPE": Record("scheme_type"),
    "renttype_detail": Recoded("rent_type", RENTTYPE_DETAIL),
    "la": Answer("la", labels=False),
    "la_label": AuthorityName("la"),
    "prevloc": Answer("prevloc", labels=False),
    "prevloc_label": AuthorityName("prevloc"),
    "letting_allocation_none": Answer("letting_allocation_unknown"),
}

SUPPORT = table(
    """
id | Log ID
status | Status of log
duplicate_set_id | ID of a set of duplicate logs
created_by | User the log is created by
assigned_to | User the log is assigned to
is_dpo | Is the user in the assigned_to column the data protection officer?
created_at | Time and date the log was created
updated_by | User who last updated the log
updated_at | Time and date the log was last updated
creation_method | Was the log submitted in-service or via bulk upload?
collection_start_year | Year collection period opened
bulk_upload_id | ID of a set of bulk uploaded logs
owning_organisation_name | Which organisation owns this property?
managing_organisation_name | Which organisation manages this letting?
needstype | What is the needs type?
lettype | What is the letting type?
renewal | Is this letting a renewal?
startdate | What is the tenancy start date?
renttype | What is the rent type? (grouped into SR, IR or AR)
renttype_detail | What is the rent type?
irproduct | Which type of Intermediate Rent is this letting?
irproduct_other | Which 'Other' type of Intermediate Rent is this letting?
lar | Is this a London Affordable Rent letting?
tenancycode | What is the tenant code?
propcode | What is the property reference?
declaration | Has the tenant seen the MHCLG privacy notice?
first_time_property_let_as_social_housing | Is this the first time the property has been let as social housing?
unitletas | What rent product was the property most recently let as?
rsnvac | What is the reason for the property being vacant?
newprop | Is this property new to the social rented sector?
uprn | If known, property's UPRN
address_line1 | Address line 1
address_line2 | Address line 2
town_or_city | Town or City
county | County
postcode_full | Postcode
is_la_inferred | The internal value to indicate if the LA was inferred from the postcode
la_label | What is the property's local authority?
la | Local authority code
uprn_known | Is the UPRN known?
uprn_selection | UPRN of the address selected
address_search_value_check | Was the 'No address found' page seen?
address_line1_input | Address line 1 input from address matching feature
postcode_full_input | Postcode input from address matching feature
address_line1_as_entered | Address line 1 entered in bulk upload file
address_line2_as_entered | Address line 2 entered in bulk upload file
town_or_city_as_entered | Town or city entered in bulk upload file
county_as_entered | County entered in bulk upload file
postcode_full_as_entered | Postcode entered in bulk upload file
la_as_entered | Local authority entered in bulk upload file
unittype_gn | What type of unit is the property?
wchair | Is the property built or adapted to wheelchair-user standards?
beds | How many bedrooms does the property have?
voiddate | What is the void date?
vacdays | Number of days the property was vacant
void_date_value_check | The following soft validation was confirmed: You told us that the property has been vacant for more than 2 years. This is higher than we would expect.
majorrepairs | Were any major repairs carried out during the void period?
mrcdate | What date were any major repairs completed on?
major_repairs_date_value_check | The following soft validation was confirmed: You told us the property has been vacant for 2 years. This is higher than we would expect.
sheltered | Is this letting in sheltered accommodation?
joint | Is this a joint tenancy?
startertenancy | Is this a starter tenancy?
tenancy | What is the type of tenancy?
tenancyother | If 'Other', what is the type of tenancy?
tenancyother_value_check |
tenancylength | What is the length of the fixed-term tenancy to the nearest year?
hhmemb | How many people live in the household at this letting?
pregnancy_value_check | The following soft validation was confirmed: You told us somebody in the household is pregnant. You also told us there are no female tenants living at the property.
net_income_value_check | Populated when someone hits the soft validation and confirmed in the service
refused | Where household characteristics have a 'Refused' option for some or all of: AGE1-AGE8, SEX1-SEX8, RELAT2-RELAT8, ECSTAT1-ECSTAT8
hhtype | Type of household 1 = 1 elder; 2 = 2 adults, including elder(s); 3 = 1 adult; 4 = 2 adults; 5 = 1 adult & 1+ children; 6 = 2+ adults & 1+ children; 9 = Other
totchild | Total number of dependent children in the household (Sum of when RELAT2-8 = C)
totelder | Total number of elders in household (Sum of when AGE1-8 >= 60)
totadult | Total number of adults in household
age1 | What is the lead tenant's age?
retirement_value_check | The following soft validation was confirmed: You told us this person is aged %{age} years and retired. The minimum expected retirement age for %{gender} in England is %{age}.
sexrab1 | What was the lead tenant's sex at birth?
gender_same_as_sex1 | Is the gender the lead tenant identifies with the same as their sex registered at birth?
gender_description1 | If 'No', enter the lead tenant's gender identity
ethnic_group | What is the lead tenant's ethnic group?
ethnic | Which of these best describes the lead tenant's ethnic background?
nationality_all | What is the lead tenant's nationality?
ecstat1 | Which of these best describes the lead tenant's working situation?
working_situation_illness_check | The following soft validation was confirmed: You have said that at least one person's situation is 'Unable to work because of long-term sickness or disability'.
details_known_2 | Are the details of tenant 2 known?
age2 | What is person 2's age?
relat2 | What is person 2's relationship to the lead tenant?
sexrab2 | What was person 2's sex at birth?
gender_same_as_sex2 | Is the gender person 2 identifies with the same as their sex registered at birth?
gender_description2 | If 'No', enter person 2's gender identity
ecstat2 | Which of these best describes person 2's working situation?
details_known_3 | Are the details of tenant 3 known?
age3 | What is person 3's age?
relat3 | What is person 3's relationship to the lead tenant?
sexrab3 | What was person 3's sex at birth?
gender_same_as_sex3 | Is the gender person 3 identifies with the same as their sex registered at birth?
gender_description3 | If 'No', enter person 3's gender identity
ecstat3 | Which of these best describes person 3's working situation?
details_known_4 | Are the details of tenant 4 known?
age4 | What is person 4's age?
relat4 | What is person 4's relationship to the lead tenant?
sexrab4 | What was person 4's sex at birth?
gender_same_as_sex4 | Is the gender person 4 identifies with the same as their sex registered at birth?
gender_description4 | If 'No', enter person 4's gender identity
ecstat4 | Which of these best describes person 4's working situation?
details_known_5 | Are the details of tenant 5 known?
age5 | What is person 5's age?
relat5 | What is person 5's relationship to the lead tenant?
sexrab5 | What was person 5's sex at birth?
gender_same_as_sex5 | Is the gender person 5 identifies with the same as their sex registered at birth?
gender_description5 | If 'No', enter person 5's gender identity
ecstat5 | Which of these best describes person 5's working situation?
details_known_6 | Are the details of tenant 6 known?
age6 | What is person 6's age?
relat6 | What is person 6's relationship to the lead tenant?
sexrab6 | What was person 6's sex at birth?
gender_same_as_sex6 | Is the gender person 6 identifies with the same as their sex registered at birth?
gender_description6 | If 'No', enter person 6's gender identity
ecstat6 | Which of these best describes person 6's working situation?
details_known_7 | Are the details of tenant 7 known?
age7 | What is person 7's age?
relat7 | What is person 7's relationship to the lead tenant?
sexrab7 | What was person 7's sex at birth?
gender_same_as_sex7 | Is the gender person 7 identifies with the same as their sex registered at birth?
gender_description7 | If 'No', enter person 7's gender identity
ecstat7 | Which of these best describes person 7's working situation?
details_known_8 | Are the details of tenant 8 known?
age8 | What is person 8's age?
relat8 | What is person 8's relationship to the lead tenant?
sexrab8 | What was person 8's sex at birth?
gender_same_as_sex8 | Is the gender person 8 identifies with the same as their sex registered at birth?
gender_description8 | If 'No', enter person 8's gender identity
ecstat8 | Which of these best describes person 8's working situation?
armedforces | Does anybody in the household have links to the UK armed forces?
leftreg | Is this person still serving in the UK armed forces?
reservist | Was this person seriously injured or ill as a result of serving in the UK armed forces?
preg_occ | Is anybody in the household pregnant?
housingneeds | Does anybody in the household have any disabled access needs?
housingneeds_type | What access needs do they have? (Fully wheelchair-accessible housing, Level access housing or Wheelchair access to essential rooms)
housingneeds_a | Disabled access needs a) Fully wheelchair-accessible housing
housingneeds_b | Disabled access needs b) Wheelchair access to essential rooms
housingneeds_c | Disabled access needs c) Level access housing
housingneeds_f | Disabled access needs f) Other disabled access needs
housingneeds_g | Disabled access needs g) No disabled access needs
housingneeds_h | Disabled access needs h) Don't know
housingneeds_other | Do they have any other disabled access needs?
illness | Does anybody in the household have a physical or mental health condition (or other illness) expected to last 12 months or more?
illness_type_4 | Does this person's condition affect their dexterity?
illness_type_5 | Does this person's condition affect their learning or understanding or concentrating?
illness_type_2 | Does this person's condition affect their hearing?
illness_type_6 | Does this person's condition affect their memory?
illness_type_7 | Does this person's condition affect their mental health?
illness_type_3 | Does this person's condition affect their mobility?
illness_type_9 | Does this person's condition affect them socially or behaviourally?
illness_type_8 | Does this person's condition affect their stamina or breathing or fatigue?
illness_type_1 | Does this person's condition affect their vision?
illness_type_10 | Does this person's condition affect them in another way?
layear | How long has the household continuously lived in the local authority area of the new letting?
waityear | How long has the household been on the local authority waiting list for the new letting?
reason | What is the tenant's main reason for the household leaving their last settled home?
reasonother | If 'Other', what was the main reason for leaving their last settled home?
reasonother_value_check | The soft validation was confirmed
prevten | Where was the household immediately before this letting?
homeless | Did the household experience homelessness immediately before this letting?
ppcodenk | Previous postcode unknown or previous accommodation was temporary
ppostcode_full | What is the postcode of the household's last settled home?
previous_la_known | Was the local authority of the household's last settled home known?
is_previous_la_inferred | The internal value to indicate if the previous LA was inferred from the postcode
prevloc_label | Previous location LA name
prevloc | Previous location's ONS LA Code
reasonpref | Was the household given reasonable preference by the local authority?
rp_homeless | Reasonable preference reason - They were homeless or about to lose their home (within 56 days)
rp_insan_unsat | Reasonable preference reason - They were living in insanitary, overcrowded or unisatisfactory housing
rp_medwel | Reasonable preference reason - They needed to move on medical and welfare reasons (including disability)
rp_hardship | Reasonable preference reason - They needed to move to avoid hardship to themselves or others
rp_dontknow | Reasonable preference reason - Don't Know
cbl | Was the letting made under Choice-Based Lettings (CBL)?
cap | Was the letting made under the Common Allocation Policy (CAP)?
chr | Was the letting made under the Common Housing Register (CHR)?
accessible_register | Was the letting made under the Accessible Register?
letting_allocation_none | The letting was not allocated under CBL, CAP, CHR or Accessible Register.
referral_register | What was the source of referral for this letting?
referral_noms | What was the source of referral for this letting?
referral_org | What was the source of referral for this letting?
net_income_known | Do you know the household's combined income after tax?
incref | Was the household income refused?
incfreq | How often does the household receive income?
earnings | How much income does the household have in total?
hb | Is the tenant likely to be receiving any of these housing-related benefits?
has_benefits | Does the tenant receive housing-related benefits? Yes if hb = Universal Credit housing element or Housing benefit, No if hb =  Don't Know, Neither, Tenant prefers not to say or blank
benefits | How much of the household's income is from Universal Credit, state pensions or benefits?
household_charge | Does the household pay rent or other charges for the accommodation?
nocharge | Does the household pay rent or other charges for the accommodation? - flag for when household_charge is answered no
period | How often does the household pay rent and other charges?
brent | What is the basic rent?
wrent | Weekly rent
rent_value_check | Populated when the soft validation and confirmed in the service
scharge | What is the service charge?
wscharge | Weekly service charge
pscharge | What is the personal service charge?
wpschrge | Weekly personal service charge
supcharg | What is the support charge?
wsupchrg | Weekly support charge
tcharge | Total charge to the tenant
wtcharge | Weekly total charge to the tenant
scharge_value_check | Populated when the soft validation and confirmed in the service
pscharge_value_check | Populated when the soft validation and confirmed in the service
supcharg_value_check | Populated when the soft validation and confirmed in the service
hbrentshortfall | After the household has received any housing-related benefits, will they still need to pay for rent and charges?
tshortfall_known | Can you estimate the outstanding amount?
tshortfall | Estimated outstanding amount
wtshortfall | Weekly total rent shortfall charge for tenant receiving housing benefit
scheme_code | What scheme does this letting belong to?
scheme_service_name | From scheme code, we map to the scheme name
scheme_confidential | Does the scheme contain confidential information?
SCHTYPE | What is this type of scheme? (Direct access hostel), Foyer, Housing for older people or Other supported housing
scheme_registered_under_care_act | Is this scheme registered under the Care Standards Act 2000?
scheme_owning_organisation_name | Which organisation owns the housing stock for this scheme?
scheme_primary_client_group | What client group is this scheme intended for?
scheme_has_other_client_group | Does this scheme provide for another client group?
scheme_secondary_client_group | What is the other client group?
scheme_support_type | What support does this scheme provide?
scheme_intended_stay | Intended length of stay
scheme_created_at | Date scheme was created
location_code | Which location is this letting for?
location_postcode | What is the postcode for this location?
location_name | What is the name of this location?
location_units | How many units are at this location?
location_type_of_unit | What is the most common type of unit at this location?
location_mobility_type | What are the mobility standards for the majority of the units in this location?
location_local_authority | What is the local authority of this postcode?
location_startdate | When did the first property in this location become available under this scheme?
""",
    VALUES,
)

_BY_NAME = {column.name: column for column in SUPPORT}

NON_SUPPORT: tuple[Column, ...] = tuple(
    _BY_NAME[name]
    for name in [
        "id",
        "status",
        "duplicate_set_id",
        "assigned_to",
        "is_dpo",
        "created_at",
        "updated_by",
        "updated_at",
        "creation_method",
        "collection_start_year",
        "bulk_upload_id",
        "owning_organisation_name",
        "managing_organisation_name",
        "needstype",
        "lettype",
        "renewal",
        "startdate",
        "renttype",
        "renttype_detail",
        "irproduct",
        "irproduct_other",
        "lar",
        "tenancycode",
        "propcode",
        "declaration",
        "first_time_property_let_as_social_housing",
        "unitletas",
        "rsnvac",
        "newprop",
        "uprn_known",
        "uprn",
        "address_line1",
        "address_line2",
        "town_or_city",
        "county",
        "postcode_full",
        "la_label",
        "unittype_gn",
        "wchair",
        "beds",
        "voiddate",
        "vacdays",
        "majorrepairs",
        "mrcdate",
        "sheltered",
        "joint",
        "startertenancy",
        "tenancy",
        "tenancyother",
        "tenancylength",
        "hhmemb",
        "refused",
        "age1",
        "sexrab1",
        "gender_same_as_sex1",
        "gender_description1",
        "ethnic_group",
        "ethnic",
        "nationality_all",
        "ecstat1",
        "age2",
        "relat2",
        "sexrab2",
        "gender_same_as_sex2",
        "gender_description2",
        "ecstat2",
        "age3",
        "relat3",
        "sexrab3",
        "gender_same_as_sex3",
        "gender_description3",
        "ecstat3",
        "age4",
        "relat4",
        "sexrab4",
        "gender_same_as_sex4",
        "gender_description4",
        "ecstat4",
        "age5",
        "relat5",
        "sexrab5",
        "gender_same_as_sex5",
        "gender_description5",
        "ecstat5",
        "age6",
        "relat6",
        "sexrab6",
        "gender_same_as_sex6",
        "gender_description6",
        "ecstat6",
        "age7",
        "relat7",
        "sexrab7",
        "gender_same_as_sex7",
        "gender_description7",
        "ecstat7",
        "age8",
        "relat8",
        "sexrab8",
        "gender_same_as_sex8",
        "gender_description8",
        "ecstat8",
        "armedforces",
        "leftreg",
        "reservist",
        "preg_occ",
        "housingneeds",
        "housingneeds_type",
        "housingneeds_a",
        "housingneeds_b",
        "housingneeds_c",
        "housingneeds_f",
        "housingneeds_g",
        "housingneeds_h",
        "housingneeds_other",
        "illness",
        "illness_type_4",
        "illness_type_5",
        "illness_type_2",
        "illness_type_6",
        "illness_type_7",
        "illness_type_3",
        "illness_type_9",
        "illness_type_8",
        "illness_type_1",
        "illness_type_10",
        "layear",
        "waityear",
        "reason",
        "reasonother",
        "prevten",
        "homeless",
        "ppcodenk",
        "ppostcode_full",
        "prevloc_label",
        "reasonpref",
        "rp_homeless",
        "rp_insan_unsat",
        "rp_medwel",
        "rp_hardship",
        "rp_dontknow",
        "cbl",
        "cap",
        "chr",
        "accessible_register",
        "letting_allocation_none",
        "referral_register",
        "referral_noms",
        "referral_org",
        "incref",
        "incfreq",
        "earnings",
        "hb",
        "has_benefits",
        "benefits",
        "household_charge",
        "nocharge",
        "period",
        "brent",
        "scharge",
        "pscharge",
        "supcharg",
        "tcharge",
        "hbrentshortfall",
        "tshortfall",
        "scheme_code",
        "scheme_service_name",
        "scheme_confidential",
        "SCHTYPE",
        "scheme_registered_under_care_act",
        "scheme_owning_organisation_name",
        "scheme_primary_client_group",
        "scheme_has_other_client_group",
        "scheme_secondary_client_group",
        "scheme_support_type",
        "scheme_intended_stay",
        "scheme_created_at",
        "location_code",
        "location_postcode",
        "location_name",
        "location_units",
        "location_type_of_unit",
        "location_mobility_type",
        "location_local_authority",
        "location_startdate",
    ]
)

# The statistics export's fields (the national service's 2026/27 lettings XML), in its order.
EXPORT_VALUES: dict[str, Value] = {
    **{f"sex{n}": Answer(f"sexrab{n}") for n in range(1, 9)},
    "status": Record("status", STATUS_CODES),
    "underoccupation_benefitcap": NotCollected("Not asked since 2023/24."),
    "wchchrg": NotCollected("Not asked since 2023/24."),
    "discarded_at": Record("deleted_at"),
    "creation_method": Record("creation_method", CREATION_CODES),
    "duplicate_set_id": Record("duplicate_set_id"),
    "bulk_upload_id": Record("bulk_upload_id"),
    "formid": Record("id"),
    "owningorgid": Record("owning_organisation_id"),
    "owningorgname": Record("owning_organisation_name"),
    "hcnum": Record("owning_organisation_housing_registration_no"),
    "maningorgid": Record("managing_organisation_id"),
    "maningorgname": Record("managing_organisation_name"),
    "manhcnum": Record("managing_organisation_housing_registration_no"),
    "createddate": Record("created_at"),
    "uploaddate": Record("updated_at"),
    "log_id": Record("id"),
    "assigned_to": Record("assigned_to"),
    "created_by": Record("created_by"),
    "amended_by": Record("updated_by"),
    "renttype_detail": Recoded("rent_type", RENTTYPE_DETAIL),
    "providertype": Record("owning_organisation_provider_type"),
    **{name: NotCollected(NOT_KEPT) for name in NOT_KEPT_COLUMNS},
}

EXPORT_FIELDS = table(
    """
status tenancycode age1 sex1 ethnic prevten ecstat1 hhmemb age2 sex2 ecstat2 age3 sex3 ecstat3 age4 sex4 ecstat4
age5 sex5 ecstat5 age6 sex6 ecstat6 age7 sex7 ecstat7 age8 sex8 ecstat8 homeless underoccupation_benefitcap leftreg
reservist illness preg_occ startertenancy tenancylength tenancy ppostcode_full rsnvac unittype_gn beds wchair earnings
incfreq benefits period layear waityear postcode_full reasonpref cbl chr cap reasonother housingneeds_a housingneeds_b
housingneeds_c housingneeds_f housingneeds_g housingneeds_h illness_type_1 illness_type_2 illness_type_3
illness_type_4 illness_type_8 illness_type_5 illness_type_6 illness_type_7 illness_type_9 illness_type_10 rp_homeless
rp_insan_unsat rp_medwel rp_hardship rp_dontknow tenancyother net_income_value_check irproduct_other reason propcode
la prevloc hb hbrentshortfall mrcdate incref startdate armedforces unitletas voiddate renttype needstype lettype
totchild totelder totadult nocharge referral_register referral_noms referral_org brent scharge pscharge supcharg
tcharge tshortfall ppcodenk has_benefits renewal wrent wscharge wpschrge wsupchrg wtcharge wtshortfall refused
housingneeds wchchrg newprop relat2 relat3 relat4 relat5 relat6 relat7 relat8 rent_value_check lar irproduct joint
sheltered hhtype new_old vacdays bulk_upload_id uprn uprn_known uprn_confirmed address_line1 address_line2
town_or_city county discarded_at creation_method supcharg_value_check scharge_value_check pscharge_value_check
duplicate_set_id accessible_register nationality_all address_line1_as_entered address_line2_as_entered
town_or_city_as_entered county_as_entered postcode_full_as_entered la_as_entered formid owningorgid owningorgname
hcnum maningorgid maningorgname manhcnum createddate uploaddate log_id assigned_to created_by amended_by
renttype_detail providertype
""".replace(" ", "\n"),
    EXPORT_VALUES,
)

DOWNLOADS = Downloads(support=SUPPORT, non_support=NON_SUPPORT, export_fields=EXPORT_FIELDS, export_prefix="core")
