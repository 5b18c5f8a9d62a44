"""Complete 2026/27 lettings logs built from the spec: one general needs, one supported housing.

They evaluate to "completed" with no errors (tests/standards/lettings/test_examples.py), and serve as examples for
suppliers using the command-line checker, for the benchmark and for tests of other channels. Contexts: a housing
association (private registered provider) owning and managing, with every rent period; the supported housing log
needs a scheme and a location in Leeds (E08000035).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Final

GENERAL_NEEDS: Final[dict[str, Any]] = {
    "owning_organisation_id": 1,
    "managing_organisation_id": 1,
    "assigned_to_id": 10,
    "needstype": 1,
    "renewal": 0,
    "startdate": datetime.date(2026, 10, 5),
    "rent_type": 0,
    "tenancycode": "T123",
    "propcode": "P456",
    "declaration": 1,
    "first_time_property_let_as_social_housing": 0,
    "unitletas": 1,
    "rsnvac": 13,
    "manual_address_entry_selected": True,
    "address_line1": "1 Brick Lane",
    "town_or_city": "Leeds",
    "postcode_full": "LS1 1AA",
    "la": "E08000035",
    "unittype_gn": 1,
    "wchair": 2,
    "beds": 2,
    "voiddate": datetime.date(2026, 9, 1),
    "majorrepairs": 0,
    "joint": 2,
    "startertenancy": 2,
    "tenancy": 2,
    "hhmemb": 2,
    "age1_known": 0,
    "age1": 35,
    "sexrab1": "F",
    "gender_same_as_sex1": 1,
    "ethnic_group": 0,
    "ethnic": 1,
    "nationality_all_group": 826,
    "ecstat1": 1,
    "details_known_2": 0,
    "age2_known": 0,
    "age2": 37,
    "relat2": "P",
    "sexrab2": "M",
    "gender_same_as_sex2": 1,
    "ecstat2": 2,
    "armedforces": 2,
    "preg_occ": 2,
    "housingneeds": 2,
    "illness": 2,
    "layear": 2,
    "waityear": 2,
    "reason": 50,
    "prevten": 30,
    "homeless": 1,
    "ppcodenk": 0,
    "ppostcode_full": "LS1 1AA",
    "reasonpref": 2,
    "cbl": 1,
    "cap": 0,
    "chr": 0,
    "accessible_register": 0,
    "letting_allocation_unknown": 0,
    "referral_register": 7,
    "referral_noms": 8,
    "net_income_known": 0,
    "incfreq": 1,
    "earnings": 500,
    "hb": 3,
    "benefits": 3,
    "period": 1,
    "brent": Decimal("100.00"),
    "scharge": Decimal("10.00"),
    "pscharge": Decimal("0.00"),
    "supcharg": Decimal("0.00"),
}

SUPPORTED_HOUSING: Final[dict[str, Any]] = {
    **{k: v for k, v in GENERAL_NEEDS.items() if k not in ("la", "unittype_gn", "wchair", "beds")},
    "needstype": 2,
    "scheme_id": 5,
    "location_id": 7,
    "sheltered": 3,
    "tenancy": 6,
    "tenancylength": 5,
    "household_charge": 0,
}
