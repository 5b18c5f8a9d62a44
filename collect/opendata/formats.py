"""A built table in every published format: CSV with CSVW metadata, RDF Data Cube (Turtle, JSON-LD), Parquet.

Hidden figures are written as "[c]" in CSV (declared as the null value in the CSVW metadata), as nulls in Parquet, and
their observations are left out of the RDF (an observation without its measure is not a well-formed cube). Areas in
the RDF are the ONS statistical geography URIs. Turtle and JSON-LD are written directly from the figures (a release has
tens of thousands of observations, faster to write than through an RDF graph); the tests read both back with rdflib.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import polars as pl

from collect.opendata.tables import HIDDEN, BuiltTable
from collect.rulebook.tables import AmountTable

GEOGRAPHY = "http://statistics.data.gov.uk/id/statistical-geography/"
PREFIXES = {
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "sdmx-dimension": "http://purl.org/linked-data/sdmx/2009/dimension#",
    "geo": GEOGRAPHY,
}
FORMATS = {  # format: (file suffix, content type)
    "csv": (".csv", "text/csv; charset=utf-8"),
    "csvw": (".csv-metadata.json", "application/csvm+json"),
    "ttl": (".ttl", "text/turtle; charset=utf-8"),
    "jsonld": (".jsonld", "application/ld+json"),
    "parquet": (".parquet", "application/vnd.apache.parquet"),
}


def measures(table: BuiltTable) -> list[tuple[str, str, str]]:
    """The table's figures as (column, title, XSD datatype)."""
    what = _what(table)
    found = [("count", f"Number of {what}", "integer")]
    if isinstance(table.declared, AmountTable):
        amount = f"{table.declared.amount} ({table.declared.unit})"
        found += [("mean", f"Mean {amount}", "decimal"), ("median", f"Median {amount}", "decimal")]
    return found


def _what(table: BuiltTable) -> str:
    return "sales" if table.collection_id.startswith("sales") else "lettings"


def to_csv(table: BuiltTable) -> bytes:
    """The table as CSV: a header row, then one row per area and category; hidden figures "[c]"."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    names = [name for name, _, _ in measures(table)]
    writer.writerow(["area_code", "area_name", "category", "category_label", *names])
    for row in table.frame().iter_rows(named=True):
        figures = [HIDDEN if row[n] is None and not _empty(table, row, n) else _number(row[n]) for n in names]
        writer.writerow([row["area_code"], row["area_name"], row["category"], row["category_label"], *figures])
    return text.getvalue().encode()


def _empty(table: BuiltTable, row: dict[str, Any], name: str) -> bool:
    """A mean or median of no logs is empty rather than hidden."""
    return name != "count" and row["count"] == 0


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def to_csvw(table: BuiltTable, csv_url: str, issued: str) -> bytes:
    """The CSVW metadata of the table's CSV (csv_url: its address, relative to the metadata's)."""
    declared = table.declared
    columns: list[dict[str, Any]] = [
        {
            "name": "area_code",
            "titles": "area_code",
            "dc:description": "ONS statistical geography code of the local authority (E92000001: England)",
            "datatype": "string",
            "required": True,
            "propertyUrl": PREFIXES["sdmx-dimension"] + "refArea",
            "valueUrl": GEOGRAPHY + "{area_code}",
        },
        {"name": "area_name", "titles": "area_name", "dc:description": "Name of the area", "datatype": "string"},
        {
            "name": "category",
            "titles": "category",
            "dc:description": f"{declared.by.title}: category id ('all': every category)",
            "datatype": "string",
            "required": True,
        },
        {
            "name": "category_label",
            "titles": "category_label",
            "dc:description": declared.by.title,
            "datatype": "string",
        },
    ]
    for name, title, datatype in measures(table):
        columns.append(
            {"name": name, "titles": name, "dc:description": title, "datatype": datatype, "null": ["", HIDDEN]}
        )
    metadata = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "url": csv_url,
        "dc:title": declared.title,
        "dc:description": declared.description,
        "dc:issued": issued,
        "dc:license": "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "dialect": {"header": True, "encoding": "utf-8"},
        "tableSchema": {"columns": columns, "primaryKey": ["area_code", "category"]},
    }
    return json.dumps(metadata, indent=2, ensure_ascii=False).encode()


def _literal(text: str) -> str:
    return json.dumps(text)


def cube_terms(table: BuiltTable, base: str) -> dict[str, str]:
    """The URIs of the table's dataset, structure, category dimension, measures and categories.

    `base` is the release's address, ending in "/".
    """
    root = f"{base}{table.id}"
    terms = {
        "dataset": f"{root}#dataset",
        "structure": f"{root}#structure",
        "dimension": f"{root}#{table.declared.by.key}",
    }
    for name, _, _ in measures(table):
        terms[f"measure:{name}"] = f"{root}#{name}"
    for category, _ in table.categories:
        terms[f"category:{category}"] = f"{root}#category-{category}"
    return terms


def _observations(table: BuiltTable) -> list[tuple[str, str, dict[str, Any]]]:
    """(area, category, published figures) of every observation with its count published."""
    found = []
    names = [name for name, _, _ in measures(table)]
    for row in table.frame().iter_rows(named=True):
        if row["count"] is None:
            continue
        found.append((row["area_code"], row["category"], {n: row[n] for n in names if row[n] is not None}))
    return found


def to_turtle(table: BuiltTable, base: str, issued: str) -> bytes:
    """The table as an RDF Data Cube in Turtle."""
    terms = cube_terms(table, base)
    lines = [f"@prefix {p}: <{uri}> ." for p, uri in PREFIXES.items()]
    declared = table.declared
    lines += [
        "",
        f"<{terms['dataset']}> a qb:DataSet ;",
        f"  rdfs:label {_literal(declared.title)}@en ;",
        f"  dcterms:description {_literal(declared.description)}@en ;",
        f'  dcterms:issued "{issued}"^^xsd:dateTime ;',
        f"  qb:structure <{terms['structure']}> .",
        f"<{terms['structure']}> a qb:DataStructureDefinition ;",
        "  qb:component [ qb:dimension sdmx-dimension:refArea ; qb:order 1 ] ,",
        f"    [ qb:dimension <{terms['dimension']}> ; qb:order 2 ] ,",
        " ,\n".join(f"    [ qb:measure <{terms['measure:' + n]}> ]" for n, _, _ in measures(table)) + " .",
        f"<{terms['dimension']}> a qb:DimensionProperty, rdf:Property ; rdfs:label {_literal(declared.by.title)}@en .",
    ]
    for name, title, datatype in measures(table):
        lines.append(
            f"<{terms['measure:' + name]}> a qb:MeasureProperty, rdf:Property ; rdfs:label {_literal(title)}@en ; "
            f"rdfs:range xsd:{datatype} ."
        )
    for category, label in table.categories:
        lines.append(f"<{terms['category:' + category]}> rdfs:label {_literal(label)}@en .")
    for area, category, figures in _observations(table):
        values = " ; ".join(
            f'<{terms["measure:" + n]}> "{_number(v)}"^^xsd:{"integer" if n == "count" else "decimal"}'
            for n, v in figures.items()
        )
        lines.append(
            f"<{terms['dataset']}/{area}/{category}> a qb:Observation ; qb:dataSet <{terms['dataset']}> ; "
            f"sdmx-dimension:refArea geo:{area} ; <{terms['dimension']}> <{terms['category:' + category]}> ; {values} ."
        )
    return ("\n".join(lines) + "\n").encode()


def to_jsonld(table: BuiltTable, base: str, issued: str) -> bytes:
    """The table as an RDF Data Cube in JSON-LD."""
    terms = cube_terms(table, base)
    declared = table.declared
    kinds = {n: f"xsd:{d}" for n, _, d in measures(table)}
    graph: list[dict[str, Any]] = [
        {
            "@id": terms["dataset"],
            "@type": "qb:DataSet",
            "rdfs:label": {"@value": declared.title, "@language": "en"},
            "dcterms:description": {"@value": declared.description, "@language": "en"},
            "dcterms:issued": {"@value": issued, "@type": "xsd:dateTime"},
            "qb:structure": {"@id": terms["structure"]},
        },
        {
            "@id": terms["structure"],
            "@type": "qb:DataStructureDefinition",
            "qb:component": [
                {"qb:dimension": {"@id": "sdmx-dimension:refArea"}, "qb:order": 1},
                {"qb:dimension": {"@id": terms["dimension"]}, "qb:order": 2},
                *({"qb:measure": {"@id": terms[f"measure:{n}"]}} for n in kinds),
            ],
        },
        {
            "@id": terms["dimension"],
            "@type": ["qb:DimensionProperty", "rdf:Property"],
            "rdfs:label": {"@value": declared.by.title, "@language": "en"},
        },
        *(
            {
                "@id": terms[f"measure:{n}"],
                "@type": ["qb:MeasureProperty", "rdf:Property"],
                "rdfs:label": {"@value": title, "@language": "en"},
                "rdfs:range": {"@id": f"xsd:{d}"},
            }
            for n, title, d in measures(table)
        ),
        *(
            {"@id": terms[f"category:{c}"], "rdfs:label": {"@value": label, "@language": "en"}}
            for c, label in table.categories
        ),
    ]
    for area, category, figures in _observations(table):
        observation: dict[str, Any] = {
            "@id": f"{terms['dataset']}/{area}/{category}",
            "@type": "qb:Observation",
            "qb:dataSet": {"@id": terms["dataset"]},
            "sdmx-dimension:refArea": {"@id": f"geo:{area}"},
            terms["dimension"]: {"@id": terms[f"category:{category}"]},
        }
        for name, value in figures.items():
            observation[terms[f"measure:{name}"]] = {"@value": _number(value), "@type": kinds[name]}
        graph.append(observation)
    return json.dumps({"@context": PREFIXES, "@graph": graph}, ensure_ascii=False).encode()


def to_parquet(table: BuiltTable) -> bytes:
    """The table as Parquet: typed columns, hidden figures null."""
    buffer = io.BytesIO()
    frame = table.frame()
    frame.with_columns(pl.col(c).round(2) for c in frame.columns if c in ("mean", "median")).write_parquet(buffer)
    return buffer.getvalue()
