"""The 2026/27 lettings bulk upload template (lettings-2026.md §6): `TEMPLATE`, given to LETTINGS_2026.

Its parts: the 147 fields' header texts and cell types (`bulk_fields.py`), the readers that turn a row's cells into the
declaration's answers as the standard's parser does and back (`bulk_readers.py`, §6.3), and the cell checks
(`bulk_checks.py`): only the §6.4 rules about how the template encodes answers. Every other rule is the declaration's,
evaluated on the answers read and reported on the cells of those answers.

Decisions:
- Quirk §8 #8: fixed. Errors about the access needs (housingneeds) are reported on fields 94–99, not on field 93.
- Quirk §8 #9: fixed. Charges need not be given all together when the supported housing household does not pay rent
  or charges (field 140 = 1), rather than when the basic rent (field 142) is 1.
- Quirk §8 #13: the gender-same-as-sex fields keep the standard's cell types (text for 43/51/57/63, integer for
  69/75/81/87); a digit text is read as its number.
- The source of referral goes to the local authority question (field 131) or to the PRP questions (132–134) by the
  owning organisation's provider type when the look-ups give one (`provider_type` 1 or 2); otherwise (the offline
  checker) by which cells are filled.
"""

from __future__ import annotations

from collect.rulebook.template import BulkTemplate, FileRules
from collect.standards.lettings.y2026.bulk_checks import CHECKS
from collect.standards.lettings.y2026.bulk_fields import FIELDS
from collect.standards.lettings.y2026.bulk_readers import (
    ALLOCATION_FLAGS,
    CHARGES,
    CONDITION_EFFECTS,
    PREFERENCE_REASONS,
    READERS,
)

TEMPLATE = BulkTemplate(
    fields=FIELDS,
    readers=READERS,
    checks=CHECKS,
    file_rules=FileRules(
        kind_label="lettings",
        date_fields=(8, 9, 10),
        wrong_year_message="Incorrect start dates, please ensure you have used the correct template.",
        duplicate_fields=(1, 8, 9, 10, 13, 18, 19, 23, 24, 41, 42, 47, *CHARGES),
        record_code_field=13,
        record_code_label="Tenant code",
        record_reference_field=14,
    ),
    # Checkbox questions are missing by question id: report them on their options' cells.
    reported_as={
        "condition_effects": tuple(CONDITION_EFFECTS.values()),
        "reasonable_preference_reason": tuple(PREFERENCE_REASONS.values()),
        "letting_allocation": (*ALLOCATION_FLAGS.values(), "letting_allocation_unknown"),
    },
)
