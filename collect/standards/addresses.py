"""Addresses and postcodes in a log's answers: rules that lettings and sales logs (and their previous addresses) share.

Both standards find the property's address by an address search (the answer is a UPRN) or take it entered by hand,
write postcodes one way, look up the local authority of a postcode, forget a postcode that is not known, and keep the
UPRN bookkeeping answers (`uprn_known`, `uprn_confirmed`, `uprn_selection`, `manual_address_entry_selected`)
consistent (lettings-2026.md §4.1–§4.2, sales-2026.md §2.10, §3.1–§3.2). A postcode and the local authority inferred
from it are named by a `PostcodeFields`: the property's postcode in lettings and in sales, and the previous address's
postcode (`ppostcode_full`, `ppcodenk`, `prevloc`, `is_previous_la_inferred`), use the same rules.

Looking a UPRN or a search up in OS Places is not part of the rulebook: the service does it and writes what it found
before evaluating.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

from collect.standards import postcodes
from collect.standards.answers import as_date, as_text, changed_since
from collect.standards.facts import LocalAuthorityFacts

ANY = Mapping[str, Any]
# The address lines of an address (the postcode and local authority are named by PostcodeFields).
ADDRESS_FIELDS = ("address_line1", "address_line2", "town_or_city", "county")
UPRN_BOOKKEEPING = ("uprn_known", "uprn_confirmed", "uprn_selection", "manual_address_entry_selected")
UPRN_FORMAT = re.compile(r"^[0-9]{1,12}$")
# Finds the local authority (ONS code) of a postcode, or None.
PostcodeLookup = Callable[[str], str | None]
# Finds a local authority by ONS code, or None.
AuthorityLookup = Callable[[str], LocalAuthorityFacts | None]


@dataclass(frozen=True)
class PostcodeFields:
    """The answers holding a postcode, whether it is known, and the local authority inferred from it."""

    postcode: str
    known: str
    known_value: int  # the value of `known` meaning "the postcode is known" (lettings 1; sales 0, as pcodenk)
    la: str
    inferred: str


# Reading the answers


def postcode_answer(value: Any) -> str | None:
    """A postcode answer written the standard's way: "S1 2HH" when it has a postcode's format, else compacted."""
    if value is None:
        return None
    text = as_text(value if isinstance(value, str) else str(value))
    if text is None:
        return None
    return postcodes.normalise(text) if postcodes.is_valid(text) else postcodes.compact(text)


def present(value: Any) -> bool:
    """Given and not blank (the standard's `present?`)."""
    return value is not None and not (isinstance(value, str) and not value.strip())


def clear(answers: MutableMapping[str, Any], *names: str) -> None:
    """Blank these answers."""
    for name in names:
        answers[name] = None


def entered_without_uprn(answers: ANY) -> bool:
    """Address line 1 and the town are given but no UPRN (`address_answered_without_uprn?`)."""
    lines = (as_text(answers.get("address_line1")), as_text(answers.get("town_or_city")))
    return all(lines) and answers.get("uprn") is None


# Postcodes and their local authority


def process_postcode(
    answers: MutableMapping[str, Any], previous: ANY | None, fields: PostcodeFields, lookup: PostcodeLookup | None
) -> None:
    """A new or changed postcode is written the standard's way, recorded as known, and its local authority looked up.

    When the look-up finds one, it is the local authority and is inferred; otherwise nothing is inferred and the
    local authority is left as it was.
    """
    if answers.get(fields.postcode) is None:
        return
    postcode = postcode_answer(answers.get(fields.postcode))
    answers[fields.postcode] = postcode
    if postcode is None or (previous is not None and postcode_answer(previous.get(fields.postcode)) == postcode):
        return
    answers[fields.known] = fields.known_value
    found = as_text(lookup(postcode)) if lookup is not None else None
    answers[fields.inferred] = found is not None
    if found is not None:
        answers[fields.la] = found


def forget_unknown_postcode(answers: MutableMapping[str, Any], fields: PostcodeFields) -> None:
    """Without a known postcode there is no postcode, and no local authority inferred from one."""
    if answers.get(fields.known) == fields.known_value:
        return
    answers[fields.postcode] = None
    if answers.get(fields.inferred):
        answers[fields.la] = None
    answers[fields.inferred] = False


def postcode_malformed(answers: ANY, fields: PostcodeFields) -> bool:
    """The postcode is known but is not in the format of a UK postcode."""
    value = answers.get(fields.postcode)
    if answers.get(fields.known) != fields.known_value or value is None:
        return False
    return not (isinstance(value, str) and postcodes.is_valid(value))


def uprn_malformed(answers: ANY) -> bool:
    """The UPRN is given and is not 1 to 12 digits."""
    value = answers.get("uprn")
    if value is None or isinstance(value, bool):
        return False
    return not UPRN_FORMAT.match(value if isinstance(value, str) else str(value))


# The UPRN bookkeeping


def reset_address(answers: MutableMapping[str, Any], fields: PostcodeFields, *also: str) -> None:
    """Blank the address lines, the postcode, whether it is known and the local authority; nothing is inferred."""
    clear(answers, *ADDRESS_FIELDS, fields.known, fields.postcode, fields.la, *also)
    answers[fields.inferred] = False


def forget_unknown_uprn(
    answers: MutableMapping[str, Any], was: ANY, fields: PostcodeFields, *, keep_address: bool = False
) -> bool:
    """A UPRN known not to exist, or not confirmed, is cleared, with the address it brought.

    An address with no UPRN makes `uprn_known` 0, which clears the UPRN (and, when a UPRN was known before and
    `keep_address` is false, the address); an unconfirmed UPRN is cleared with its address. Gives whether that
    unconfirmed UPRN was cleared (some standards clear more then).
    """
    if entered_without_uprn(answers):
        answers["uprn_known"] = 0
    if answers.get("uprn_known") == 0:
        answers["uprn"] = None
        if was.get("uprn_known") == 1 and not keep_address:
            reset_address(answers, fields)  # with is_la_inferred false, as the next save would: a stable outcome
    if answers.get("uprn_known") == 1 and answers.get("uprn_confirmed") == 0:
        reset_address(answers, fields, "uprn", "uprn_confirmed")
        answers["uprn_known"] = 0
        return True
    return False


def follow_uprn(
    answers: MutableMapping[str, Any],
    previous: ANY | None,
    manual: bool,
    forget_address: Callable[[MutableMapping[str, Any]], None],
) -> None:
    """The bookkeeping of the search or the address entered by hand.

    Entering by hand clears the UPRN bookkeeping (the search page is not shown: no UPRN); otherwise a UPRN is known
    and confirmed, and without one `forget_address` clears the address; `uprn_selection` follows the UPRN.
    """
    if manual:
        answers["uprn_known"] = 0
        clear(answers, "uprn", "uprn_selection", "uprn_confirmed")
        return
    value = answers.get("uprn")
    if present(value):
        answers["uprn_confirmed"] = 1
        answers["uprn_known"] = 1
    else:
        clear(answers, "uprn", "uprn_known", "uprn_confirmed")
        forget_address(answers)
    if (previous is None and present(value)) or (previous is not None and previous.get("uprn") != value):
        answers["uprn_selection"] = answers.get("uprn")


# The local authority and the log's date


def forget_la_inactive_on(
    answers: MutableMapping[str, Any],
    previous: ANY | None,
    date_field: str,
    fields: PostcodeFields,
    authority: AuthorityLookup | None,
) -> None:
    """When the log's date changes and the local authority did not exist on it, it is cleared (to be asked again)."""
    if authority is None or not changed_since(date_field, answers, previous):
        return
    code, day = as_text(answers.get(fields.la)), as_date(answers.get(date_field))
    found = authority(code) if code else None
    if found is None or day is None or not found.exists_on(day):
        answers[fields.la] = None
        answers[fields.inferred] = False


def outside_england(code: str | None, authority: AuthorityLookup | None) -> bool:
    """A local authority is given and is not an English one (an unknown code counts as not English)."""
    if authority is None or code is None:
        return False
    found = authority(code)
    return found is None or not found.in_england


def not_on_date(code: str | None, day: datetime.date | None, authority: AuthorityLookup | None) -> bool:
    """An English local authority that did not exist on the day."""
    if authority is None or code is None or day is None:
        return False
    found = authority(code)
    return found is not None and found.in_england and not found.exists_on(day)
