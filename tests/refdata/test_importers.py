"""The reference data import: the published files load in full, and a bad file is refused and changes nothing."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from collect.refdata.importers import MissingRefdataError, RefdataError, import_refdata, read_refdata
from collect.refdata.models import ImportRun, LocalAuthority, LocalAuthorityLink, RentRange, SaleRange

RENT_HEADER = "\ufeffranges_rent_id,lettype,la,beds,soft_min,soft_max,hard_min,hard_max\r\n"
SALE_HEADER = "la_name,la,bedrooms,soft_min,soft_max\n"

# A small folder in the published formats: a byte order mark and CRLF in one file, a trailing empty field, a changes
# file, a links file without a final line end.
GOOD = {
    "local_authorities.csv": (
        "code,name,start_year,end_year\n"
        "E07000223,Adur,2021,\n"
        "E08000016,Barnsley,2021,\n"
        "E06000066,Somerset,2023,\n"
        "E07000189,South Somerset,2021,2023,\n"
        "W06000001,Isle of Anglesey,2021,\n"
        "9300000XX,Outside UK,2021,\n"
    ),
    "local_authorities_2025_changes.csv": (
        "code,name,start_year,end_year\nE08000016,Barnsley,2021,2025\nE08000038,Barnsley,2025,\n"
    ),
    "local_authority_links_2025.csv": (
        "local_authority_code,linked_local_authority_code\nE08000038,E08000016\nE08000016,E08000038"
    ),
    "rent_ranges_2026.csv": (
        RENT_HEADER + "1,1,E07000223,1,60.13,139.33,25.84,1000\r\n"
        "327,1,E07000223,2,74.68,165.75,25.84,1000\r\n"
        "3271,6,E08000038,0,55.56,1127.3,25.84,1000\r\n"
    ),
    "sale_ranges_2026.csv": (SALE_HEADER + "Adur,E07000223,1,120822,426553\nBarnsley,E08000038,2,65536,208896\n"),
}


def write_folder(folder: Path, **files: str | None) -> Path:
    """Write the GOOD files into the folder, with some replaced (a name with None leaves that file out)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**GOOD, **files}.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8", newline="")
    return folder


def snapshot() -> dict[str, list[tuple[object, ...]]]:
    """Every row of every reference data table."""
    return {
        "local authorities": list(
            LocalAuthority.objects.order_by("pk").values_list("pk", "code", "name", "start_year", "end_year")
        ),
        "links": list(LocalAuthorityLink.objects.order_by("pk").values_list()),
        "rent ranges": list(RentRange.objects.order_by("pk").values_list()),
        "sale ranges": list(SaleRange.objects.order_by("pk").values_list()),
        "import runs": list(ImportRun.objects.order_by("pk").values_list()),
    }


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.django_db
def test_the_published_files_import_in_full_and_again_without_change() -> None:
    folder = Path(settings.COLLECT_REFDATA_DIR)
    codes = {row["code"] for row in csv_rows(folder / "local_authorities.csv")}
    for changes in folder.glob("local_authorities_*_changes.csv"):
        codes |= {row["code"] for row in csv_rows(changes)}
    expected = {
        "local_authorities": len(codes),
        "links": sum(len(csv_rows(p)) for p in folder.glob("local_authority_links_*.csv")),
        "rent_ranges": sum(len(csv_rows(p)) for p in folder.glob("rent_ranges_*.csv")),
        "sale_ranges": sum(len(csv_rows(p)) for p in folder.glob("sale_ranges_*.csv")),
    }

    result = import_refdata(folder)

    counted = {
        "local_authorities": LocalAuthority.objects.count(),
        "links": LocalAuthorityLink.objects.count(),
        "rent_ranges": RentRange.objects.count(),
        "sale_ranges": SaleRange.objects.count(),
    }
    assert counted == expected
    assert {name: getattr(result, name) for name in expected} == expected
    assert {f.status for f in result.files} == {"new"}

    old_barnsley = LocalAuthority.objects.get(code="E08000016")
    assert (old_barnsley.name, old_barnsley.start_year, old_barnsley.end_year) == ("Barnsley", 2021, 2025)
    assert LocalAuthority.objects.get(code="E08000038").start_year == 2025
    assert set(LocalAuthority.objects.filter(name="Barnsley").active_in(2025).values_list("code", flat=True)) == {
        "E08000038"
    }
    assert set(LocalAuthority.objects.filter(name="Barnsley").active_in(2024).values_list("code", flat=True)) == {
        "E08000016"
    }
    assert LocalAuthorityLink.objects.filter(
        year=2025, local_authority_code="E08000038", linked_local_authority_code="E08000016"
    ).exists()

    published = next(
        row
        for row in csv_rows(folder / "rent_ranges_2026.csv")
        if (row["lettype"], row["la"], row["beds"]) == ("1", "E07000223", "1")
    )
    found = RentRange.find(2026, 1, "E07000223", 1)
    assert found is not None
    assert (found.soft_min, found.soft_max, found.hard_min, found.hard_max) == tuple(
        Decimal(published[c]) for c in ("soft_min", "soft_max", "hard_min", "hard_max")
    )
    sale = SaleRange.find(2026, "E07000223", 1)
    assert sale is not None
    assert sale.la_name == "Adur"

    before = snapshot()
    again = import_refdata(folder)

    after = snapshot()
    assert again.unchanged
    assert after["local authorities"] == before["local authorities"]  # same rows, same ids
    for table in ("links", "rent ranges", "sale ranges"):
        assert len(after[table]) == len(before[table])
    assert RentRange.objects.values("start_year", "lettype", "la", "beds").distinct().count() == expected["rent_ranges"]


@pytest.mark.django_db
def test_a_small_folder_imports_with_changes_applied(tmp_path: Path) -> None:
    result = import_refdata(write_folder(tmp_path))

    assert result.summary == "local authorities: 7, links: 2, rent ranges: 3, sale ranges: 2"
    barnsley = LocalAuthority.objects.get(code="E08000016")
    assert barnsley.end_year == 2025
    assert barnsley.is_active_in(2024)
    assert not barnsley.is_active_in(2025)
    assert barnsley.is_in_england
    assert not LocalAuthority.objects.get(code="W06000001").is_in_england
    assert not LocalAuthority.objects.get(code="9300000XX").is_in_england
    assert LocalAuthority.objects.get(code="E07000189").end_year == 2023  # the row with a trailing empty field
    assert set(LocalAuthority.objects.active_in(2025).in_england().values_list("code", flat=True)) == {
        "E07000223",
        "E06000066",
        "E08000038",
    }
    supported = RentRange.find(2026, 6, "E08000038", 0)
    assert supported is not None
    assert supported.soft_max == Decimal("1127.30")
    assert RentRange.find(2025, 1, "E07000223", 1) is None


@pytest.mark.django_db
def test_changes_files_apply_in_year_order_and_new_years_are_found(tmp_path: Path) -> None:
    write_folder(
        tmp_path,
        **{
            # Listed first, but 2026 comes after 2025 and wins.
            "local_authorities_2026_changes.csv": "code,name,start_year,end_year\nE08000038,Barnsley Borough,2025,\n",
            "rent_ranges_2027.csv": RENT_HEADER + "1,1,E07000223,1,70,150,25.84,1000\r\n",
        },
    )

    result = import_refdata(tmp_path)

    assert LocalAuthority.objects.get(code="E08000038").name == "Barnsley Borough"
    assert RentRange.objects.filter(start_year=2027).count() == 1
    assert result.rent_ranges == 4


@pytest.mark.django_db
def test_years_without_a_file_are_kept(tmp_path: Path) -> None:
    import_refdata(write_folder(tmp_path / "first"))
    import_refdata(
        write_folder(
            tmp_path / "second",
            **{
                "rent_ranges_2026.csv": None,
                "rent_ranges_2027.csv": RENT_HEADER + "1,1,E07000223,1,70,150,25.84,1000\r\n",
            },
        )
    )

    assert sorted(RentRange.objects.values_list("start_year", flat=True)) == [2026, 2026, 2026, 2027]


@pytest.mark.django_db
def test_a_changed_file_is_reported_as_changed(tmp_path: Path) -> None:
    import_refdata(write_folder(tmp_path))
    write_folder(tmp_path, **{"sale_ranges_2026.csv": SALE_HEADER + "Adur,E07000223,1,120822,426554\n"})

    result = import_refdata(tmp_path)

    assert {f.name: f.status for f in result.files if f.status != "unchanged"} == {"sale_ranges_2026.csv": "changed"}
    assert SaleRange.objects.get().soft_max == Decimal("426554")


BAD_FILES = [
    pytest.param(
        "rent_ranges_2026.csv",
        "lettype,la,beds,soft_min,soft_max,hard_min,hardmax\n1,E07000223,1,60,100,20,1000\n",
        "rent_ranges_2026.csv line 1: the header is missing columns hard_max",
        id="wrong header",
    ),
    pytest.param(
        "local_authorities.csv",
        "code,title,start,end_year\nE07000223,Adur,2021,\n",
        "local_authorities.csv line 1: the header is missing columns name, start_year",
        id="wrong header, two columns",
    ),
    pytest.param(
        "sale_ranges_2026.csv",
        SALE_HEADER + "Adur,E07000223,1,120822,426553\nAdur,E0700022,2,1,2\n",
        "sale_ranges_2026.csv line 3: la 'E0700022' is not a local authority code",
        id="bad code",
    ),
    pytest.param(
        "local_authority_links_2025.csv",
        "local_authority_code,linked_local_authority_code\nE08000038,X08000016\n",
        "local_authority_links_2025.csv line 2: linked_local_authority_code 'X08000016' is not a local authority code",
        id="bad code in links",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + "1,1,E07000223,1,60.13,139.33,25.84,1000\r\n2,1,E07000223,2,95.2,80.1,25.84,1000\r\n",
        "rent_ranges_2026.csv line 3: soft_min 95.2 is more than soft_max 80.1",
        id="soft_min above soft_max",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + "1,1,E07000223,1,60.13,139.33,1000,25.84\r\n",
        "rent_ranges_2026.csv line 2: hard_min 1000 is more than hard_max 25.84",
        id="hard_min above hard_max",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + "1,1,E07000223,1,60.13,139.33,25.84,£1000\r\n",
        "rent_ranges_2026.csv line 2: hard_max '£1000' is not a number",
        id="non-numeric value",
    ),
    pytest.param(
        "sale_ranges_2026.csv",
        SALE_HEADER + "Adur,E07000223,1,-5,426553\n",
        "sale_ranges_2026.csv line 2: soft_min -5 is negative",
        id="negative value",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + "1,1,E07000223,1,60.125,139.33,25.84,1000\r\n",
        "rent_ranges_2026.csv line 2: soft_min 60.125 has more than 2 decimal places",
        id="fractions of a penny",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + "1,13,E07000223,1,60,139.33,25.84,1000\r\n",
        "rent_ranges_2026.csv line 2: lettype 13 is not between 1 and 12",
        id="unknown lettype",
    ),
    pytest.param(
        "sale_ranges_2026.csv",
        SALE_HEADER + "Adur,E07000223,0,1,2\n",
        "sale_ranges_2026.csv line 2: bedrooms 0 is not between 1 and 32767",
        id="no bedrooms",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + "1,1,E07000223,1,60.13,139.33,25.84,1000\r\n"
        "2,1,E07000223,2,60.13,139.33,25.84,1000\r\n"
        "3,1,E07000223,1,61,140,25.84,1000\r\n",
        "rent_ranges_2026.csv line 4: duplicate range (lettype 1, la E07000223, beds 1), first on line 2",
        id="duplicate key",
    ),
    pytest.param(
        "local_authorities.csv",
        GOOD["local_authorities.csv"] + "E07000223,Adur again,2021,\n",
        "local_authorities.csv line 8: duplicate code (E07000223), first on line 2",
        id="duplicate code",
    ),
    pytest.param(
        "local_authorities.csv",
        "code,name,start_year,end_year\nE07000223,Adur,2021,,\nE08000016,Barnsley,2021,,2023\n",
        "local_authorities.csv line 3: the row has 5 fields but the header has 4 (extra value '2023')",
        id="extra non-empty field",
    ),
    pytest.param(
        "local_authorities.csv",
        "code,name,start_year,end_year\nE07000223,Adur,2021\n",
        "local_authorities.csv line 2: the row has 3 fields but the header has 4",
        id="missing field",
    ),
    pytest.param(
        "local_authorities.csv",
        "code,name,start_year,end_year\nE07000223,Adur,21,\n",
        "local_authorities.csv line 2: start_year '21' is not a 4-digit year",
        id="short year",
    ),
    pytest.param(
        "local_authorities.csv",
        "code,name,start_year,end_year\nE07000223,Adur,2023,2021\n",
        "local_authorities.csv line 2: end_year 2021 is not after start_year 2023",
        id="ends before it starts",
    ),
    pytest.param(
        "local_authorities.csv",
        "code,name,start_year,end_year\nE07000223,,2021,\n",
        "local_authorities.csv line 2: name is empty",
        id="empty name",
    ),
    pytest.param(
        "local_authorities.csv",
        "",
        "local_authorities.csv line 1: the file has no header",
        id="empty file",
    ),
    pytest.param(
        "sale_ranges_2026.csv",
        SALE_HEADER + "Adur,E07000223,1,120822,426553\nNowhere,E07000999,1,1,2\n",
        "sale_ranges_2026.csv line 3: la E07000999 is not in the local authority register",
        id="code not in the register",
    ),
    pytest.param(
        "local_authority_links_2025.csv",
        "local_authority_code,linked_local_authority_code\nE08000038,E08000038\n",
        "local_authority_links_2025.csv line 2: local_authority_code E08000038 is linked to itself",
        id="link to itself",
    ),
    pytest.param(
        "rent_ranges_2026.csv",
        RENT_HEADER + '1,1,E07000223,1,"60.13,139.33,25.84,1000\r\n',
        "rent_ranges_2026.csv line 2: the line is not valid CSV",
        id="unclosed quote",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "text", "message"), BAD_FILES)
def test_a_bad_file_is_refused_and_changes_nothing(tmp_path: Path, name: str, text: str, message: str) -> None:
    import_refdata(write_folder(tmp_path / "good"))
    before = snapshot()
    bad = write_folder(tmp_path / "bad", **{name: text})

    with pytest.raises(RefdataError) as raised:
        import_refdata(bad)

    assert str(raised.value).startswith(message)
    assert snapshot() == before
    found = RentRange.find(2026, 1, "E07000223", 1)
    assert found is not None
    assert found.soft_min == Decimal("60.13")


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    latin1 = "la_name,la,bedrooms,soft_min,soft_max\nYnys Môn,W06000001,1,1,2\n".encode("latin-1")
    (folder / "sale_ranges_2026.csv").write_bytes(latin1)

    with pytest.raises(RefdataError, match=r"^sale_ranges_2026\.csv line 2: the file is not UTF-8 text"):
        import_refdata(folder)

    assert not RentRange.objects.exists()


@pytest.mark.django_db
def test_a_failure_while_writing_leaves_every_table_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import_refdata(write_folder(tmp_path / "good"))
    before = snapshot()
    changed = write_folder(
        tmp_path / "changed",
        **{
            "local_authorities.csv": GOOD["local_authorities.csv"].replace("Adur", "Adur District"),
            "rent_ranges_2026.csv": RENT_HEADER + "1,1,E07000223,1,1,2,0,3\r\n",
        },
    )

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    # Sale ranges are written after local authorities, links and rent ranges.
    monkeypatch.setattr(SaleRange.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        import_refdata(changed)

    assert snapshot() == before


def test_reading_needs_the_folder_and_the_register(tmp_path: Path) -> None:
    with pytest.raises(MissingRefdataError, match="There is no reference data folder at"):
        read_refdata(tmp_path / "nowhere")
    write_folder(tmp_path, **{"local_authorities.csv": None})
    with pytest.raises(MissingRefdataError, match=r"has no local_authorities\.csv"):
        read_refdata(tmp_path)


def test_reading_checks_without_the_database(tmp_path: Path) -> None:
    data = read_refdata(write_folder(tmp_path))

    assert [f.name for f in data.files] == [
        "local_authorities.csv",
        "local_authorities_2025_changes.csv",
        "local_authority_links_2025.csv",
        "rent_ranges_2026.csv",
        "sale_ranges_2026.csv",
    ]
    assert [f.rows for f in data.files] == [6, 2, 2, 3, 2]
