"""Passwords are checked against common passwords and the person's own details, as well as their length."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from collect.accounts.models import Role


@pytest.mark.parametrize("password", ["password123", "qwertyuiop", "iloveyou1", "12345678901"])
def test_common_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_password_like_the_persons_email_or_name_is_refused(make_user, organisation):
    person = make_user(Role.DATA_PROVIDER, organisation, email="sam.orchard@riverside.example", name="Samuel Orchard")
    for password in ("sam.orchard", "SamuelOrchard", "riverside.example"):
        with pytest.raises(ValidationError):
            validate_password(password, person)
    validate_password("correct-horse-battery-staple", person)


@pytest.mark.parametrize("password", ["short", "x" * 129])
def test_too_short_or_too_long_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)
