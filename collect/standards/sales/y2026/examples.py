"""Complete 2026/27 sales logs built from the spec: shared ownership (initial purchase), staircasing, discounted.

Each holds every answer a complete log of its route needs (sales-2026.md §6.4), with values chosen so that no hard or
soft check fires: a 2-bedroom flat entered by hand in Leeds (LS1 1AA, E08000035; expected price £100,000 to
£350,000), one buyer aged 35 working full-time, living alone. Context: a housing association (organisation 1) owning
and reporting the sale, its data coordinator (user 10) filling it in. They serve as examples for suppliers using the
command-line checker, for the benchmark and for tests of other channels.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Final

SALE_DATE = datetime.date(2026, 10, 5)

_SETUP: Final[dict[str, Any]] = {
    "owning_organisation_id": 1,
    "managing_organisation_id": 1,
    "assigned_to_id": 10,
    "saledate": SALE_DATE,
    "purchid": "P123",
    "jointpur": 2,
    "noint": 2,
    "privacynotice": 1,
}
_ADDRESS: Final[dict[str, Any]] = {
    "manual_address_entry_selected": True,
    "address_line1": "1 Park Row",
    "town_or_city": "Leeds",
    "postcode_full": "LS1 1AA",
    "pcodenk": 0,
    "la": "E08000035",
    "is_la_inferred": True,
    "proptype": 1,
    "buildheightclass": 2,
    "beds": 2,
}
_BUYER_1: Final[dict[str, Any]] = {
    "age1_known": 0,
    "age1": 35,
    "sexrab1": "F",
    "gender_same_as_sex1": 1,
}
# What a buyer who is not staircasing is also asked (household characteristics, situation, other, finances).
_NOT_STAIRCASING: Final[dict[str, Any]] = {
    "builtype": 1,
    "wchair": 2,
    "ethnic_group": 0,
    "ethnic": 1,
    "nationality_all_group": 826,
    "nationality_all": 826,
    "ecstat1": 1,
    "buy1livein": 1,
    "hholdcount": 1,
    "hhregres": 7,
    "armedforcesspouse": 5,
    "disabled": 2,
    "wheel": 2,
    "income1nk": 0,
    "income1": 30_000,
    "inc1mort": 1,
    "hb": 1,
    "savingsnk": 0,
    "savings": 20_000,
    "prevown": 2,
}

SHARED_OWNERSHIP: Final[dict[str, Any]] = {
    **_SETUP,
    "ownershipsch": 1,
    "type": 30,
    "staircase": 2,
    **_ADDRESS,
    **_BUYER_1,
    **_NOT_STAIRCASING,
    "prevten": 3,  # a private tenant: no previous social housing questions
    "ppcodenk": 0,
    "ppostcode_full": "LS1 1AA",
    "previous_la_known": 1,
    "prevloc": "E08000035",
    "is_previous_la_inferred": True,
    # A first sale of a new-build flat: a 25% share of £200,000 paid with a £40,000 mortgage and a £10,000 deposit.
    "resale": 2,
    "proplen_asked": 1,
    "hodate": datetime.date(2025, 6, 1),
    "value": 200_000,
    "equity": 25,
    "mortgageused": 1,
    "mortgage": 40_000,
    "mortlen": 25,
    "deposit": 10_000,
    "mrent": Decimal("400.00"),
    "has_mscharge": 1,
    "mscharge": Decimal("100.00"),
    "has_management_fee": 0,
}

STAIRCASING: Final[dict[str, Any]] = {
    **_SETUP,
    "ownershipsch": 1,
    "type": 30,
    "staircase": 1,
    **_ADDRESS,
    **_BUYER_1,
    # A second staircasing: 20% bought now, 60% owned in all, 30% bought in 2015, last staircased in 2020.
    "stairbought": 20,
    "stairowned": 60,
    "firststair": 2,
    "numstair": 2,
    "lasttransaction": datetime.date(2020, 5, 1),
    "initialpurchase": datetime.date(2015, 5, 1),
    "value": 200_000,
    "equity": 30,
    "mortgageused": 2,
    "mrentprestaircasing": Decimal("500.00"),
    "mrent": Decimal("300.00"),
    "has_mscharge": 1,
    "mscharge": Decimal("100.00"),
    "hasservicechargeschanged": 2,
}

DISCOUNTED_OWNERSHIP: Final[dict[str, Any]] = {
    **_SETUP,
    "ownershipsch": 2,
    "type": 9,
    **_ADDRESS,
    **_BUYER_1,
    **_NOT_STAIRCASING,
    "prevten": 1,  # a council tenant buying their home under Right to Buy (the last address is the property's)
    # A £200,000 flat at a 30% discount, paid with a £130,000 mortgage and a £10,000 deposit.
    "proplen_asked": 0,
    "proplen": 5,
    "value": 200_000,
    "discount": 30,
    "mortgageused": 1,
    "mortgage": 130_000,
    "mortlen": 25,
    "extrabor": 2,
    "deposit": 10_000,
    "has_mscharge": 0,
}
