"""The Jinja2 environment: our templates first, then the GOV.UK Frontend macros of govuk-frontend-jinja."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape
from markupsafe import Markup

from collect.web.forms import error_list, field_error, field_value
from collect.web.navigation import navigation_for


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Reverse a URL name inside templates, given the name and its arguments."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def link(href: str, text: str, classes: str = "") -> Markup:
    """A GOV.UK link, with its text escaped, for table cells and other "html" parameters."""
    return Markup('<a class="govuk-link{}" href="{}">{}</a>').format(f" {classes}" if classes else "", href, text)


def environment(**options: Any) -> Environment:
    """Build the environment Django's Jinja2 backend uses."""
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    # HTML is escaped; plain-text email bodies (.txt) and subjects are not.
    options["autoescape"] = select_autoescape(disabled_extensions=("txt",), default_for_string=False, default=True)
    options.setdefault("extensions", []).append("jinja2.ext.do")
    env = Environment(**options)  # noqa: S701 - Django's backend passes autoescape=True
    from collect.journeys.kinds import log_url, pages_of  # the log pages' addresses (after the apps are loaded)

    env.globals.update(
        log_url=log_url,
        log_pages=pages_of,
        static=static,
        url=url,
        link=link,
        Markup=Markup,
        navigation=navigation_for,
        error_list=error_list,
        field_error=field_error,
        field_value=field_value,
    )
    env.filters["govuk_date"] = lambda value: date_format(value, "j F Y") if value else ""
    env.filters["govuk_datetime"] = lambda value: date_format(value, "j F Y \\a\\t g:ia") if value else ""
    return env
