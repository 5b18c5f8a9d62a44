"""People who use the service. Every user belongs to one organisation and has one role."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models

from collect.organisations.models import Organisation


class Role(models.IntegerChoices):
    """Roles of the national service, with its codes."""

    DATA_PROVIDER = 1, "Data provider"
    DATA_COORDINATOR = 2, "Data coordinator"
    SUPPORT = 99, "Support"


def normalise_email(email: str) -> str:
    """Email addresses are compared without case or surrounding spaces."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    """Creates users with a normalised email address."""

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email=normalise_email(username or ""))

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        """A user; without a password they must set one from an invitation."""
        user = self.model(email=normalise_email(email), **fields)
        user.set_password(password)  # None gives an unusable password
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A person with an account. Signs in with email address and password."""

    email = models.EmailField(unique=True)
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="users")
    role = models.PositiveSmallIntegerField(choices=Role.choices, default=Role.DATA_PROVIDER)
    is_dpo = models.BooleanField("Data protection officer", default=False)
    is_key_contact = models.BooleanField("Key contact", default=False)
    phone = models.CharField("Phone number", max_length=30, blank=True)
    # A new email address waiting for its owner to follow the confirmation link sent to it.
    pending_email = models.EmailField(blank=True, default="")
    is_active = models.BooleanField(default=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["name"]

    objects = UserManager()

    class Meta:
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name or self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_support(self) -> bool:
        """Support users (the department) see and manage everything."""
        return self.role == Role.SUPPORT

    @property
    def is_data_coordinator(self) -> bool:
        """Data coordinators manage their organisation's users and data."""
        return self.role == Role.DATA_COORDINATOR

    @property
    def has_set_password(self) -> bool:
        """False until an invited user has followed their invitation and set a password."""
        return self.has_usable_password()

    @property
    def status(self) -> str:
        """Deactivated, invited (has not yet set a password) or active."""
        if not self.is_active:
            return "Deactivated"
        if not self.has_set_password:
            return "Invited"
        return "Active"


from collect.accounts.two_factor_models import EmailCodeDevice  # noqa: E402, F401 - registers the model here
