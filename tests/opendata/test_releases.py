"""Building a release: every table in every format, protected; CSVW and RDF read back; factsheets agree."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
import rdflib
from django.core.files.storage import default_storage

from collect.opendata import releases
from collect.opendata.models import Release, ReleaseFile, ReleaseStatus
from collect.opendata.reading import answers_frame, completed_logs
from collect.opendata.tables import ENGLAND, build_tables
from collect.standards.registry import collection
from tests.opendata.conftest import AREAS
from tests.opendata.test_disclosure import assert_protected

QB = rdflib.Namespace("http://purl.org/linked-data/cube#")
GEO = "http://statistics.data.gov.uk/id/statistical-geography/"


def content(release: Release, name: str) -> bytes:
    stored = ReleaseFile.objects.get(release=release, name=name)
    with default_storage.open(stored.path, "rb") as file:
        return file.read()


def rows(release: Release, table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content(release, f"{table}.csv").decode())))


@pytest.fixture
def publish(django_capture_on_commit_callbacks: Any) -> Any:
    def publish(notes: str, threshold: int) -> Release:
        with django_capture_on_commit_callbacks(execute=True):
            made = releases.request_release(2026, notes, threshold, None)
        made.refresh_from_db()
        return made

    return publish


@pytest.fixture
def release(logs: Any, publish: Any) -> Release:
    return publish("First release.", 5)


TABLES = (*collection("lettings-2026").tables.all_ids(), *collection("sales-2026").tables.all_ids())  # type: ignore[union-attr]


def test_release_is_published_with_every_file(release: Release) -> None:
    assert release.status == ReleaseStatus.READY, release.error
    assert release.version == 1
    assert release.log_counts == {
        "lettings-2026": sum(c for _, c in AREAS.values()),
        "sales-2026": sum(c // 3 for _, c in AREAS.values()),
    }
    names = set(release.files.values_list("name", flat=True))
    for table in TABLES:
        for suffix in (".csv", ".csv-metadata.json", ".ttl", ".jsonld", ".parquet"):
            assert f"{table}{suffix}" in names
    assert {f"factsheet-{code}.pdf" for code in AREAS} <= names
    assert {"method.md", "factsheets.json"} <= names
    assert content(release, "factsheet-E09000002.pdf").startswith(b"%PDF")
    assert "threshold is 5" in content(release, "method.md").decode()


def test_no_published_count_is_small(release: Release) -> None:
    for table in TABLES:
        for row in rows(release, table):
            if row["count"] != "[c]":
                assert int(row["count"]) == 0 or int(row["count"]) >= 5, (table, row)
        hidden = [r for r in rows(release, table) if r["count"] == "[c]"]
        if table == "lettings-tenancy-type":
            assert hidden, "the City of London's 3 lettings are hidden"
            assert {"area_code": "E09000001", "category": "all"}.items() <= next(
                r for r in hidden if r["area_code"] == "E09000001" and r["category"] == "all"
            ).items()


def test_tables_of_the_release_are_proved_safe(logs: Any) -> None:
    tables = collection("lettings-2026").tables
    assert tables is not None
    from collect.rulebook.tables import answer_keys

    frame = answers_frame(completed_logs("lettings-2026"), sorted(answer_keys(tables)))
    for table in build_tables("lettings-2026", tables, frame, 5, {}):
        cells = [list(row[:-1]) for row in table.counts.grid[:-1]]
        assert_protected(cells, table.counts)
        if table.is_amount:  # averages hidden wherever their count is
            for i, j in table.counts.suppressed:
                assert table.medians[i][j] is None
                assert table.means[i][j] is None


def test_linked_tables_hide_the_same_totals(release: Release) -> None:
    hidden = {}
    for table in ("lettings-tenancy-type", "lettings-rent-type", "lettings-needs-type"):
        hidden[table] = {r["area_code"] for r in rows(release, table) if r["category"] == "all" and r["count"] == "[c]"}
    assert hidden["lettings-tenancy-type"] == hidden["lettings-rent-type"] == hidden["lettings-needs-type"]


def test_csvw_metadata_describes_the_csv(release: Release) -> None:
    for table in TABLES:
        metadata = json.loads(content(release, f"{table}.csv-metadata.json"))
        header = next(csv.reader(io.StringIO(content(release, f"{table}.csv").decode())))
        assert [c["name"] for c in metadata["tableSchema"]["columns"]] == header
        assert [c["titles"] for c in metadata["tableSchema"]["columns"]] == header
        assert metadata["url"] == f"{table}.csv"
        assert "http://www.w3.org/ns/csvw" in metadata["@context"]
        assert metadata["tableSchema"]["columns"][-1]["null"] == ["", "[c]"]


# rdflib's JSON-LD parser uses its own deprecated ConjunctiveGraph inside.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("file_format", ["ttl", "jsonld"])
def test_rdf_data_cube_parses_with_every_published_observation(release: Release, file_format: str) -> None:
    for table in ("lettings-rent-type", "lettings-weekly-rent", "sales-route"):
        graph = rdflib.Graph().parse(
            data=content(release, f"{table}.{file_format}").decode(),
            format="turtle" if file_format == "ttl" else "json-ld",
        )
        published = [r for r in rows(release, table) if r["count"] != "[c]"]
        observations = list(graph.subjects(rdflib.RDF.type, QB.Observation))
        assert len(observations) == len(published)
        assert len(list(graph.subjects(rdflib.RDF.type, QB.DataSet))) == 1
        assert len(list(graph.subjects(rdflib.RDF.type, QB.DataStructureDefinition))) == 1
        england = next(r for r in published if r["area_code"] == ENGLAND and r["category"] == "all")
        base = releases.release_base(release)
        subject = rdflib.URIRef(f"{base}{table}#dataset/{ENGLAND}/all")
        area = graph.value(subject, rdflib.URIRef("http://purl.org/linked-data/sdmx/2009/dimension#refArea"))
        assert str(area) == GEO + ENGLAND
        count = graph.value(subject, rdflib.URIRef(f"{base}{table}#count"))
        assert count is not None
        assert int(count) == int(england["count"])


def test_parquet_matches_the_csv(release: Release) -> None:
    import polars as pl

    frame = pl.read_parquet(io.BytesIO(content(release, "lettings-weekly-rent.parquet")))
    csv_rows = rows(release, "lettings-weekly-rent")
    assert frame.height == len(csv_rows)
    assert frame.columns == list(csv_rows[0])


def test_factsheet_figures_match_the_tables(release: Release) -> None:
    sheets = releases.load_factsheets(release)
    assert sheets is not None
    assert set(sheets["areas"]) == set(AREAS)
    tenancy = {(r["area_code"], r["category"]): r for r in rows(release, "lettings-tenancy-type")}
    rent = {(r["area_code"], r["category"]): r for r in rows(release, "lettings-weekly-rent")}
    sales = {(r["area_code"], r["category"]): r for r in rows(release, "sales-price")}
    for code, sheet in sheets["areas"].items():
        lettings, sold = sheet["sections"]
        figures = {f["id"]: f for f in lettings["figures"] + sold["figures"]}
        expected = tenancy[(code, "all")]["count"]
        assert figures["lettings-count"]["area"] == (None if expected == "[c]" else int(expected))
        assert figures["lettings-count"]["england"] == int(tenancy[(ENGLAND, "all")]["count"])
        median = rent[(code, "all")]["median"]
        assert figures["lettings-weekly-rent-median"]["area"] == (None if median in ("[c]", "") else float(median))
        price = sales[(code, "all")]["median"]
        assert figures["sales-price-median"]["area"] == (None if price in ("[c]", "") else float(price))
        chart = next(c for c in lettings["charts"] if c["table"] == "lettings-tenancy-type")
        for chart_row in chart["rows"]:
            category = next(r["category"] for r in tenancy.values() if r["category_label"] == chart_row["label"])
            shown = tenancy[(code, category)]["count"]
            assert chart_row["count"] == (None if shown == "[c]" else int(shown))


def test_a_correction_is_a_new_version_and_the_first_stays(release: Release, publish: Any) -> None:
    second = publish("Corrected.", 10)
    assert second.version == 2
    assert second.status == ReleaseStatus.READY
    assert ReleaseFile.objects.filter(release=release).count() == ReleaseFile.objects.filter(release=second).count()
    assert content(release, "method.md") != content(second, "method.md")  # thresholds differ
    assert "threshold is 5" in content(release, "method.md").decode()


def test_building_again_changes_nothing(release: Release) -> None:
    files = list(ReleaseFile.objects.filter(release=release).values_list("name", "sha256"))
    assert releases.build(release.pk) == ReleaseStatus.READY
    assert list(ReleaseFile.objects.filter(release=release).values_list("name", "sha256")) == files


def test_a_failed_build_publishes_nothing_and_can_run_again(
    logs: Any, publish: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise RuntimeError("disk full")

    monkeypatch.setattr(releases.formats, "to_parquet", broken)
    made = publish("Notes.", 5)
    assert made.status == ReleaseStatus.FAILED
    assert "disk full" in made.error
    assert not made.files.exists()
    monkeypatch.undo()
    assert releases.build(made.pk) == ReleaseStatus.READY


def test_previous_year_figures_come_from_the_previous_release() -> None:
    from collect.opendata.factsheets import _add_previous

    sheet = {"sections": [{"figures": [{"id": "lettings-count", "area": 20}, {"id": "other", "area": 1}]}]}
    before = {"sections": [{"figures": [{"id": "lettings-count", "area": 17}]}]}
    _add_previous(sheet, before)
    assert [f["previous"] for f in sheet["sections"][0]["figures"]] == [17, None]


def test_a_pdf_asked_for_before_the_printing_job_is_printed_then_and_kept(release: Release) -> None:
    ReleaseFile.objects.filter(release=release, file_format="pdf").delete()  # as if the printing job had not run
    printed = releases.pdf_file(release, "E09000002")
    assert printed is not None
    assert content(release, "factsheet-E09000002.pdf").startswith(b"%PDF")
    assert releases.pdf_file(release, "E09000002") == printed  # kept: not printed again
    assert releases.pdf_file(release, "E99999999") is None
    assert releases.make_pdfs.call(release.pk) == len(AREAS) - 1  # the job prints only the others
    assert releases.make_pdfs.call(release.pk) == 0
