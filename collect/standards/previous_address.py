"""The household's last settled accommodation: the previous postcode and local authority, as lettings and sales ask.

Both logs ask whether the postcode of the last settled home is known (ppcodenk, ppostcode_full) and, unless the
postcode gave it, its local authority (previous_la_known, prevloc), and clean them the same way (lettings-2026.md
§4.1 steps 4 and 7, sales-2026.md §3.1 steps 3 and 6): a new postcode is written one way, marks the postcode known and
gives the local authority it is in; without a known postcode there is no postcode and no inferred local authority.
The postcode's format is checked with the national pattern (lettings P11, sales P6).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any, Protocol

from collect.rulebook import Check, Derivation, F, Pred, Severity
from collect.rulebook.declaration import Stage
from collect.standards import postcodes


class PostcodeLookup(Protocol):
    """Reference data that finds the local authority of a postcode."""

    def local_authority_for_postcode(self, postcode: str) -> str | None:
        """The ONS code of the local authority a postcode is in, if known."""


RefdataOf = Callable[[Any], PostcodeLookup | None]
Apply = Callable[[MutableMapping[str, Any], Any, Mapping[str, Any] | None], None]

# The national postcode pattern (config/initializers/postcode_regex.rb), wider than the UK format: it also accepts
# BFPO numbers and the overseas territories, which can be a household's previous address.
PREVIOUS_POSTCODE = re.compile(
    r"^(([A-Z]{1,2}[0-9][A-Z0-9]?|ASCN|STHL|TDCU|BBND|[BFS]IQQ|PCRN|TKCA) ?[0-9][A-Z]{2}|BFPO ?[0-9]{1,4}|"
    r"(KY[0-9]|MSR|VG|AI)[ -]?[0-9]{4}|[A-Z]{2} ?[0-9]{2}|GE ?CX|GIR ?0A{2}|SAN ?TA1)$",
    re.IGNORECASE,
)


def bad_previous_postcode(answers: Mapping[str, Any], context: Any) -> bool:
    """A previous postcode is given but does not have the format of a postcode."""
    value = answers.get("ppostcode_full")
    return value is not None and not (isinstance(value, str) and PREVIOUS_POSTCODE.match(value))


def previous_postcode_format_check(check_id: str) -> Check:
    """The previous postcode is known but not in the format of a postcode."""
    return Check(
        check_id,
        Severity.HARD,
        (F("ppcodenk") == 0)
        & Pred("the previous postcode is not in a postcode format", bad_previous_postcode, reads=("ppostcode_full",)),
        {"ppostcode_full": "Enter a postcode in the correct format, for example AA1 1AA."},
        description="The previous postcode is known but not in the format of a postcode",
    )


def previous_postcode_input(refdata_of: RefdataOf) -> Apply:
    """A new previous postcode is written one way, marks the postcode known and gives its local authority."""

    def apply(answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None) -> None:
        value = answers.get("ppostcode_full")
        if not isinstance(value, str):
            return
        text = value.strip()
        if not text:
            answers["ppostcode_full"] = None
            return
        valid = postcodes.is_valid(text)
        postcode = postcodes.normalise(text) if valid else postcodes.compact(text)
        answers["ppostcode_full"] = postcode
        changed = previous is None or previous.get("ppostcode_full") != postcode
        if changed:
            answers["ppcodenk"] = 0
        if changed or answers.get("is_previous_la_inferred") is None:
            refdata = refdata_of(context)
            found = refdata.local_authority_for_postcode(postcode) if valid and refdata is not None else None
            answers["is_previous_la_inferred"] = bool(found)
            if found:
                answers["prevloc"] = found

    return apply


def previous_location_reset(
    answers: MutableMapping[str, Any], context: Any, previous: Mapping[str, Any] | None
) -> None:
    """Without a known previous postcode: no postcode and no inferred local authority (a chosen one stays)."""
    if answers.get("ppcodenk") == 0:
        return
    was_inferred = answers.get("is_previous_la_inferred") is True
    answers["ppostcode_full"] = None
    answers["is_previous_la_inferred"] = False
    if was_inferred or answers.get("previous_la_known") != 1:
        answers["prevloc"] = None


def previous_postcode_derivations(refdata_of: RefdataOf) -> tuple[Derivation, Derivation]:
    """The input cleaning of a new previous postcode, and the reset without a known one."""
    return (
        Derivation(
            "ppostcode_full",
            "A new previous postcode is written in capitals with one space, marks the postcode known (ppcodenk 0) "
            "and gives the previous local authority (prevloc, is_previous_la_inferred) when the postcode is found",
            ("ppostcode_full", "ppcodenk", "prevloc", "is_previous_la_inferred"),
            ("ppostcode_full", "is_previous_la_inferred"),
            previous_postcode_input(refdata_of),
            stage=Stage.INPUT,
        ),
        Derivation(
            "previous_location_reset",
            "Unless the previous postcode is known (ppcodenk 0): no previous postcode, the local authority is not "
            "inferred, and prevloc is cleared if it was inferred or the local authority is not known",
            ("ppostcode_full", "is_previous_la_inferred", "prevloc"),
            ("ppcodenk", "is_previous_la_inferred", "previous_la_known"),
            previous_location_reset,
        ),
    )
