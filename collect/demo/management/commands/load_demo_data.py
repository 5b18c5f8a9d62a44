from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from collect.demo.data import DEMO_PASSWORD, load_demo_data


class Command(BaseCommand):
    help = "Create (or reuse) demo organisations and one user of each role. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.ENVIRONMENT == "production":
            raise CommandError("Demo data is not loaded in production.")
        created, users = load_demo_data()
        self.stdout.write(f"Demo data: {created} records created, the rest already there.")
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for user in users:
            flags = ", ".join(f for f, on in (("DPO", user.is_dpo), ("key contact", user.is_key_contact)) if on)
            role = user.get_role_display() + (f" ({flags})" if flags else "")
            self.stdout.write(f"  {user.email:<34} {role:<40} {user.organisation.name}")
        self.stdout.write("Support users then enter the security code emailed to them (see /dev/emails/ in debug).")
