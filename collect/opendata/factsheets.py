"""Area factsheets: an area's key figures, with England and the previous year, and its charts, from a release's tables.

Every figure on a factsheet is read from the release's protected tables (`BuiltTable.count`, `.average`), so a
factsheet shows nothing the tables hide and always agrees with them. The factsheets of a release are worked out in one
run and kept as one JSON document (`factsheets.json`), from which the pages and the PDFs are rendered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from collect.opendata.tables import ALL, ENGLAND, BuiltTable
from collect.rulebook.tables import CountTable, Tables


def _share(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)


def factsheets(
    built: Mapping[str, Sequence[BuiltTable]],
    declared: Mapping[str, Tables],
    area_names: Mapping[str, str],
    previous: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Every area's factsheet (by area code) from the tables of each collection year of a release.

    `previous`: the previous year's factsheets document, for the comparison with last year.
    """
    areas = sorted({a for tables in built.values() for t in tables for a in t.areas if a != ENGLAND})
    before = (previous or {}).get("areas", {})
    sheets: dict[str, Any] = {}
    for area in areas:
        sections = []
        for collection_id, tables in built.items():
            sections.append(_section(collection_id, tables, declared[collection_id], area, area_names))
        sheet = {"code": area, "name": area_names.get(area, area), "sections": sections}
        _add_previous(sheet, before.get(area))
        sheets[area] = sheet
    return {"areas": sheets}


def _section(
    collection_id: str, tables: Sequence[BuiltTable], declared: Tables, area: str, area_names: Mapping[str, str]
) -> dict[str, Any]:
    by_id = {t.id: t for t in tables}
    first = by_id[declared.counts[0].id] if declared.counts else None
    figures: list[dict[str, Any]] = []
    if first is not None:
        figures.append(
            {
                "id": f"{declared.kind_label}-count",
                "label": f"Number of {declared.kind_label}",
                "table": first.id,
                "area": first.count(area),
                "england": first.count(ENGLAND),
                "unit": "",
            }
        )
    headline = by_id.get(declared.headline) if declared.headline else None
    if headline is not None:
        figures.append(
            {
                "id": f"{headline.id}-median",
                "label": declared.headline_label,
                "table": headline.id,
                "area": headline.average(area, ALL),
                "england": headline.average(ENGLAND, ALL),
                "unit": getattr(headline.declared, "unit", ""),
            }
        )
    charts = []
    for count_table in declared.counts:
        if not (isinstance(count_table, CountTable) and count_table.chart):
            continue
        table = by_id[count_table.id]
        area_total, england_total = table.count(area), table.count(ENGLAND)
        rows = [
            {
                "label": label,
                "count": table.count(area, category),
                "share": _share(table.count(area, category), area_total),
                "england_share": _share(table.count(ENGLAND, category), england_total),
            }
            for category, label in table.categories
            if category != ALL
        ]
        charts.append(
            {
                "id": f"chart-{table.id}",
                "table": table.id,
                "title": f"{declared.kind_label.capitalize()} by {count_table.by.title.lower()}",
                "caption": f"{count_table.title.replace('by local authority and ', 'by ')}: "
                f"{area_names.get(area, area)} compared with England",
                "rows": rows,
            }
        )
    return {"collection": collection_id, "kind": declared.kind_label, "figures": figures, "charts": charts}


def _add_previous(sheet: dict[str, Any], before: Mapping[str, Any] | None) -> None:
    """Each key figure's value in the previous year's factsheet of the area (None when there is none)."""
    earlier = {
        figure["id"]: figure["area"]
        for section in (before or {}).get("sections", [])
        for figure in section.get("figures", [])
    }
    for section in sheet["sections"]:
        for figure in section["figures"]:
            figure["previous"] = earlier.get(figure["id"])
