"""Support's pages for running the collection: the calendar, reminder rounds (preview, pause) and data quality."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from collect.accounts.policy import signed_in_user, support_required
from collect.collection import calendar as service_calendar
from collect.collection import quality, reminders
from collect.collection.completeness import quarter_label
from collect.collection.forms import DATE_FIELDS, CollectionYearForm
from collect.collection.models import CollectionYear, LogKindChoice, ReminderRound, RoundKind
from collect.notify.service import render_email
from collect.standards import calendar

NAV = {"nav_section": "collection"}


@require_http_methods(["GET", "POST"])
@support_required
def calendar_list(request: HttpRequest) -> HttpResponse:
    """The collection years and their dates; support adds the next year (with the standard's default dates)."""
    actor = signed_in_user(request)
    years = list(CollectionYear.objects.all())
    next_year = (max((y.start_year for y in years), default=calendar.collection_start_year(timezone.localdate()))) + 1
    if request.method == "POST":
        if not CollectionYear.objects.filter(start_year=next_year).exists():
            service_calendar.add_year(actor, next_year)
            messages.success(request, f"{calendar.dates_for(next_year).label} has been added. Check its dates")
        return redirect("collection:calendar-year", year=next_year)
    context = {"title": "Collection calendar", "years": years, "next_label": f"{next_year} to {next_year + 1}", **NAV}
    return render(request, "collection/calendar.html", context)


@require_http_methods(["GET", "POST"])
@support_required
def calendar_year(request: HttpRequest, year: int) -> HttpResponse:
    """Change a collection year's dates and the timing of its reminders."""
    actor = signed_in_user(request)
    found = get_object_or_404(CollectionYear, start_year=year)
    form = CollectionYearForm(
        request.POST or None,
        start_year=year,
        initial={
            "reminder_days_before": found.reminder_days_before,
            "overdue_days_after": found.overdue_days_after,
            "resources_released": int(found.resources_released),
        },
    )
    if request.method == "POST" and form.is_valid():
        service_calendar.update_year(actor, found, form.cleaned_data)
        messages.success(request, f"The dates of {found} have been saved")
        return redirect("collection:calendar")
    dates = [(name, what[4:].capitalize(), getattr(found, name)) for name, what in DATE_FIELDS.items()]
    context = {"title": f"Dates of {found}", "year": found, "form": form, "dates": dates, **NAV}
    return render(request, "collection/calendar_year.html", context)


@require_GET
@support_required
def reminder_rounds(request: HttpRequest) -> HttpResponse:
    """Every reminder round of the years open for changes: when it is sent, whether it is paused or sent."""
    today = timezone.localdate()
    reminders.plan_open_rounds(today)
    rounds = ReminderRound.objects.filter(start_year__in=[d.start_year for d in calendar.open_for_editing(today)])
    rows = [(r, quarter_label(r.quarter), calendar.dates_for(r.start_year).label, r.sent.count()) for r in rounds]
    return render(request, "collection/reminders.html", {"title": "Reminders", "rows": rows, "today": today, **NAV})


@require_http_methods(["GET", "POST"])
@support_required
def reminder_round(request: HttpRequest, pk: int) -> HttpResponse:
    """Preview a round (who would get it today, and the email) and pause or resume it."""
    actor = signed_in_user(request)
    round_ = get_object_or_404(ReminderRound, pk=pk)
    if request.method == "POST":
        paused = request.POST.get("paused") == "1"
        reminders.set_paused(actor, round_, paused)
        messages.success(request, "The round has been paused" if paused else "The round will be sent when it is due")
        return redirect("collection:reminder-round", pk=pk)
    today = timezone.localdate()
    chases = reminders.chases(round_, today)
    already = set(round_.sent.values_list("organisation_id", flat=True))
    example = next((c for c in chases if c.organisation.pk not in already), chases[0] if chases else None)
    subject, body = (
        render_email(reminders.email_kind(round_), reminders.email_context(round_, example)) if example else ("", "")
    )
    context = {
        "title": f"{round_.get_kind_display()}: {quarter_label(round_.quarter)}",
        "round": round_,
        "year_label": calendar.dates_for(round_.start_year).label,
        "chases": chases,
        "already": already,
        "due": reminders.is_due(round_, today),
        "last_day": reminders.last_day(round_),
        "example": example,
        "subject": subject,
        "body": body,
        "overdue": round_.kind == RoundKind.OVERDUE,
        **NAV,
    }
    return render(request, "collection/reminder_round.html", context)


@require_GET
@support_required
def data_quality(request: HttpRequest) -> HttpResponse:
    """Which checks fire most and which warnings are confirmed most, by organisation and by question."""
    current = calendar.collection_start_year(timezone.localdate())
    years = [(y, calendar.dates_for(y).label) for y in range(current, current - 3, -1)]
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        year = current
    if year not in dict(years):
        raise Http404("No such year")
    kind = request.GET.get("kind", LogKindChoice.LETTINGS)
    if kind not in LogKindChoice.values:
        raise Http404("No such kind of log")
    found = quality.quality(kind, year)
    context = {
        "title": "Data quality",
        "found": found,
        "years": years,
        "year": year,
        "kind": kind,
        "kinds": LogKindChoice.choices,
        "year_label": calendar.dates_for(year).label,
        **NAV,
    }
    return render(request, "collection/quality.html", context)
