"""Postcode format, normal form and the offline local authority lookup."""

from __future__ import annotations

import pytest

from collect.schemes.forms import PostcodeForm
from collect.standards import postcodes
from tests.schemes.factories import (
    CARDIFF_POSTCODE,
    SHEFFIELD,
    SHEFFIELD_POSTCODE,
    UNKNOWN_POSTCODE,
    WESTMINSTER,
    WESTMINSTER_POSTCODE,
)


@pytest.mark.parametrize(
    "text", ["SW1A 1AA", "sw1a1aa", " S1 2HH ", "EC1A 1BB", "M1 1AE", "B33 8TH", "CR2 6XH", "GIR 0AA"]
)
def test_valid_postcodes(text):
    assert postcodes.is_valid(text)


@pytest.mark.parametrize("text", ["", "SW1A", "12345", "SW1A 1A", "S1 2HHH", "Q1 1AA1", "SW1A-1AA", "AA 1AA"])
def test_invalid_postcodes(text):
    assert not postcodes.is_valid(text)


def test_postcodes_are_written_one_way():
    assert postcodes.normalise("s12hh") == "S1 2HH"
    assert postcodes.normalise(" sw1a   1aa") == "SW1A 1AA"


@pytest.mark.parametrize(
    ("postcode", "code"),
    [
        (SHEFFIELD_POSTCODE, SHEFFIELD),
        ("s1 2hh", SHEFFIELD),
        (WESTMINSTER_POSTCODE, WESTMINSTER),
        ("CF101AA", "W06000015"),
    ],
)
def test_known_postcodes_give_their_local_authority(postcode, code):
    assert postcodes.local_authority_code(postcode) == code


@pytest.mark.parametrize("postcode", [UNKNOWN_POSTCODE, "SW1A 9ZZ", "not a postcode"])
def test_unknown_postcodes_give_nothing(postcode):
    assert postcodes.local_authority_code(postcode) is None


def test_the_form_infers_a_local_authority_of_the_register(local_authorities):
    form = PostcodeForm({"postcode": "s1 2hh"})
    assert form.is_valid()
    assert form.cleaned_data["postcode"] == SHEFFIELD_POSTCODE
    assert form.local_authority_code == SHEFFIELD


def test_the_form_leaves_an_unknown_postcode_for_a_manual_choice(local_authorities):
    form = PostcodeForm({"postcode": UNKNOWN_POSTCODE})
    assert form.is_valid()
    assert form.local_authority_code == ""


def test_a_local_authority_missing_from_the_register_is_chosen_by_hand(db):
    form = PostcodeForm({"postcode": SHEFFIELD_POSTCODE})  # the register is empty
    assert form.is_valid()
    assert form.local_authority_code == ""


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("", "Enter the postcode of this location"),
        ("SW1A", "Enter a postcode in the correct format, like SW1P 4DF"),
        ("x" * 30, "Enter a postcode in the correct format, like SW1P 4DF"),
        (CARDIFF_POSTCODE, "Enter a postcode in England. CORE only collects lettings in England"),
    ],
)
def test_the_form_explains_a_wrong_postcode(local_authorities, postcode, message):
    form = PostcodeForm({"postcode": postcode})
    assert not form.is_valid()
    assert form.errors["postcode"] == [message]


def test_compact_removes_every_kind_of_white_space():
    spaces = "".join(chr(n) for n in range(0x3100) if chr(n).isspace())
    assert postcodes.compact(f"s1{spaces}2hh\t") == "S12HH"
    assert postcodes.normalise("\u2003s1\u00a02hh\n") == "S1 2HH"
