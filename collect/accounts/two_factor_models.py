"""The emailed security code, a django-otp device of our own (collect.accounts.two_factor has the rules).

django-otp's email plugin stores the code in clear, compares it with `==`, sends it with Django's mail API and
makes 6-digit codes; ours keeps only a keyed hash of the code, compares in constant time, makes 5-digit codes
valid for settings.COLLECT_TWO_FACTOR_CODE_VALIDITY, and leaves sending to collect.notify.
"""

from __future__ import annotations

import enum
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django_otp.models import CooldownMixin, Device, ThrottlingMixin, TimestampMixin
from django_otp.util import random_number_token

EMAIL_CODE_DIGITS = 5


class CodeCheck(enum.StrEnum):
    """What checking a security code found."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    EXPIRED = "expired"
    USED = "used"


class EmailCodeDevice(TimestampMixin, CooldownMixin, ThrottlingMixin, Device):
    """Security codes sent to the user's email address: 5 digits, valid 15 minutes, each usable once.

    Only a keyed hash of the code is stored. The hash of the last accepted code is kept, so that entering it
    again can be told apart from a wrong code. ThrottlingMixin's fields count wrong codes in a row across
    sign-ins; collect.accounts.two_factor decides what that count means.
    """

    code_hash = models.CharField(max_length=64, blank=True)
    valid_until = models.DateTimeField(null=True, blank=True)
    used_code_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = "email code device"

    def _hash(self, code: str) -> str:
        return salted_hmac(
            "collect.accounts.two_factor.email-code", f"{self.pk}|{code}", algorithm="sha256"
        ).hexdigest()

    def new_code(self) -> str:
        """Make, store (hashed) and return a new code; it replaces any earlier one."""
        code = random_number_token(EMAIL_CODE_DIGITS)
        self.code_hash = self._hash(code)
        self.valid_until = timezone.now() + settings.COLLECT_TWO_FACTOR_CODE_VALIDITY
        self.cooldown_set(commit=False)
        self.save()
        return code

    def forget_code(self) -> None:
        """Make the current code unusable (after too many wrong codes); a new one can be sent at once."""
        self.code_hash = ""
        self.valid_until = None
        self.cooldown_reset(commit=False)
        self.save(update_fields=["code_hash", "valid_until", "last_generated_timestamp"])

    def check_code(self, code: str) -> CodeCheck:
        """Check a code in constant time. An accepted code is used up; a wrong one adds to the failure count."""
        entered = self._hash(code)
        matches = bool(self.code_hash) & constant_time_compare(entered, self.code_hash or "-")
        if matches and self.valid_until is not None and timezone.now() < self.valid_until:
            self.code_hash, self.valid_until, self.used_code_hash = "", None, entered
            self.throttle_reset(commit=False)
            self.cooldown_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
            return CodeCheck.ACCEPTED
        if matches:
            return CodeCheck.EXPIRED
        if self.used_code_hash and constant_time_compare(entered, self.used_code_hash):
            return CodeCheck.USED
        self.throttle_increment()
        return CodeCheck.WRONG

    def verify_token(self, token: Any) -> bool:
        """django-otp's interface: True if the code is accepted (and so used up)."""
        return self.check_code(str(token)) is CodeCheck.ACCEPTED

    def get_throttle_factor(self) -> int:
        # collect.accounts.two_factor.retry_after applies the delays, so django-otp's own throttle stays off.
        return 0

    def get_cooldown_duration(self) -> int:
        return int(settings.COLLECT_TWO_FACTOR_RESEND_INTERVAL.total_seconds())
