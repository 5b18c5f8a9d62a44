"""Completeness: counts per organisation and quarter, expected from a year earlier, late first; the page and CSV."""

from __future__ import annotations

import csv
import datetime
import io

from django.urls import reverse

from collect.collection.chart import chart_svg
from collect.collection.completeness import Filters, Quarter, completeness, quarter_of
from collect.collection.models import NilReturn
from collect.logs.models import LogStatus
from collect.organisations.models import ProviderType, Region
from tests.conftest import verified_login

D = datetime.date
TODAY = D(2026, 11, 21)  # after the second quarter's cut-off (9 October 2026)


def test_quarters_follow_the_collection_year():
    assert [quarter_of(2026, d) for d in (D(2026, 4, 1), D(2026, 9, 30), D(2026, 10, 1), D(2027, 3, 31))] == [
        1,
        2,
        3,
        4,
    ]


def test_counts_per_quarter_with_last_years_as_expected(organisation, add_logs):
    add_logs(organisation, D(2025, 5, 1), count=4)  # quarter 1 a year earlier
    add_logs(organisation, D(2025, 5, 2), count=1, status=LogStatus.IN_PROGRESS)
    add_logs(organisation, D(2026, 5, 1), count=2)
    add_logs(organisation, D(2026, 6, 30), count=1, status=LogStatus.IN_PROGRESS)
    add_logs(organisation, D(2026, 6, 30), count=1, status=LogStatus.DELETED)  # not counted
    add_logs(organisation, D(2026, 7, 1), count=1, kind="sales")  # another kind
    row = completeness("lettings", 2026, today=TODAY).rows[0]
    q1 = row.quarters[0]
    assert (q1.completed, q1.in_progress, q1.expected) == (2, 1, 5)
    assert q1.late
    assert q1.status == "Late"
    assert row.quarters[3].past_cutoff is False  # quarter 4's cut-off is in June 2027


def test_late_organisations_come_first_then_by_name(make_organisation, add_logs):
    on_time = make_organisation("Aardvark Homes")
    late = make_organisation("Zebra Housing")
    add_logs(on_time, D(2025, 5, 1), count=1)
    add_logs(on_time, D(2026, 5, 1), count=1)
    add_logs(late, D(2025, 5, 1), count=3)
    found = completeness("lettings", 2026, today=TODAY)
    assert [row.name for row in found.rows][:2] == ["Zebra Housing", "Aardvark Homes"]
    assert found.late_count == 1
    assert found.totals()[0].expected == 4


def test_a_nil_return_is_never_late(organisation, add_logs):
    add_logs(organisation, D(2025, 5, 1), count=3)
    NilReturn.objects.create(organisation=organisation, start_year=2026, quarter=1, kind="lettings")
    q1 = completeness("lettings", 2026, today=TODAY).rows[0].quarters[0]
    assert not q1.late
    assert q1.status == "No logs declared"


def test_filters_by_type_and_region(make_organisation, add_logs):
    council = make_organisation("Council", provider_type=ProviderType.LOCAL_AUTHORITY, region=Region.LONDON)
    make_organisation("Association", provider_type=ProviderType.PRIVATE_REGISTERED_PROVIDER, region=Region.LONDON)
    names = lambda f: [r.name for r in completeness("lettings", 2026, f, today=TODAY).rows]  # noqa: E731
    assert names(Filters(provider_type=ProviderType.LOCAL_AUTHORITY)) == ["Council"]
    assert sorted(names(Filters(region=Region.LONDON))) == ["Association", "Council"]
    assert names(Filters(region=Region.NORTH_EAST)) == []
    assert council.get_region_display() == "London"


def test_the_chart_has_a_title_and_a_description():
    svg = chart_svg("Lettings logs per quarter", [Quarter(1, 2, 1, 5), Quarter(2), Quarter(3), Quarter(4)])
    assert svg.startswith("<svg")
    assert "<title>Lettings logs per quarter</title>" in svg
    assert "quarter 1: 2 completed, 1 in progress, 5 expected" in svg


def test_support_sees_every_organisation_with_chart_table_and_csv(client, support, organisation, add_logs):
    add_logs(organisation, D(2025, 5, 1), count=3)
    verified_login(client, support)
    page = client.get(reverse("collection:completeness"), {"year": 2026, "kind": "lettings"})
    text = page.content.decode()
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in text
    assert 'alt="Lettings logs per quarter, 2026 to 2027.' in text
    assert "Riverside Homes" in text
    assert "0 of 3 completed" in text
    response = client.get(reverse("collection:completeness-csv"), {"year": 2026, "kind": "lettings"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode().lstrip("\ufeff"))))
    assert rows[0][:5] == ["Organisation", "Organisation ID", "Type of provider", "Region", "Q1 completed"]
    riverside = next(r for r in rows if r[0] == "Riverside Homes")
    assert riverside[4:8] == ["0", "0", "3", "Late"]


def test_a_coordinator_sees_only_their_organisation(client, coordinator, organisation, other_organisation, add_logs):
    add_logs(other_organisation, D(2025, 5, 1), count=3)
    verified_login(client, coordinator)
    text = client.get(reverse("collection:completeness"), {"region": Region.LONDON}).content.decode()
    assert "Riverside Homes" in text
    assert "Hilltop Council" not in text
    assert "Type of provider" not in text  # no filters for coordinators
