"""Constraints and indexes derived from the model, applied idempotently on either backend.

Every label (and the shared labels ``Territory`` and ``Unit``) gets a unique ``id``;
properties marked ``indexed`` get a range index, except a node's name (a demand's title),
which the search reads with ``CONTAINS``: that gets a text index on Neo4j (FalkorDB has none,
and keeps a range index); node names also get a full-text index.
The DDL is generated here from :mod:`graph.model` — never from user input.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.backend import Backend
from graph.model import NODE_TYPES

__all__ = ["SchemaItem", "schema_items", "apply_schema", "describe_schema"]


@dataclass(frozen=True)
class SchemaItem:
    """One constraint or index: ``kind`` is ``unique``, ``index``, ``text`` or ``fulltext``."""

    kind: str
    label: str
    property: str


def schema_items() -> list[SchemaItem]:
    """Every constraint and index the model asks for, in a stable order."""
    items: list[SchemaItem] = []
    shared_labels: list[str] = []
    for node in NODE_TYPES:
        items.append(SchemaItem("unique", node.label, "id"))
        for extra in node.extra_labels:
            if extra not in shared_labels:
                shared_labels.append(extra)
        for prop in (*node.properties, *node.derived):
            if prop.indexed:
                kind = "text" if prop.name == node.name_property() else "index"
                items.append(SchemaItem(kind, node.label, prop.name))
            if prop.name == "name" and prop.indexed:
                items.append(SchemaItem("fulltext", node.label, "name"))
    items.extend(SchemaItem("unique", label, "id") for label in shared_labels)
    return items


def _neo4j_name(item: SchemaItem) -> str:
    return f"{item.label.lower()}_{item.property}_{item.kind}"


def _neo4j_statement(item: SchemaItem) -> str:
    name = _neo4j_name(item)
    if item.kind == "unique":
        return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{item.label}) REQUIRE n.{item.property} IS UNIQUE"
    if item.kind == "index":
        return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{item.label}) ON (n.{item.property})"
    if item.kind == "text":
        return f"CREATE TEXT INDEX {name} IF NOT EXISTS FOR (n:{item.label}) ON (n.{item.property})"
    return f"CREATE FULLTEXT INDEX {name} IF NOT EXISTS FOR (n:{item.label}) ON EACH [n.{item.property}]"


def _apply_falkordb(db) -> None:
    # FalkorDB has no IF NOT EXISTS: read what exists first.  A unique constraint needs
    # an exact-match index on the property beneath it.
    db.write("MERGE (n:_PartygraphSchema {id: 'schema'}) DELETE n")  # creates the graph if new
    indexed = {(row["label"], prop, kind)
               for row in db.read("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types")
               for prop in row["properties"] for kind in row["types"].get(prop, [])}
    constrained = {(row["label"], tuple(row["properties"]))
                   for row in db.read("CALL db.constraints() YIELD label, properties RETURN label, properties")}
    for item in schema_items():  # a text item gets a range index: FalkorDB has no text index
        if item.kind == "fulltext":
            if (item.label, item.property, "FULLTEXT") not in indexed:
                db.write(f"CREATE FULLTEXT INDEX FOR (n:{item.label}) ON (n.{item.property})")
            continue
        if (item.label, item.property, "RANGE") not in indexed:
            db.write(f"CREATE INDEX FOR (n:{item.label}) ON (n.{item.property})")
            indexed.add((item.label, item.property, "RANGE"))
        if item.kind == "unique" and (item.label, (item.property,)) not in constrained:
            db.command("GRAPH.CONSTRAINT", "CREATE", db.graph_name, "UNIQUE", "NODE", item.label,
                       "PROPERTIES", "1", item.property)


def _apply_neo4j(db: Backend) -> None:
    # Only the statements whose index or constraint is missing are sent (every load applies the
    # schema, and each statement is a transaction of its own: 0.3 s for the lot when none is missing).
    existing = {row["name"] for row in db.read("SHOW INDEXES YIELD name RETURN name")}
    # The range index an earlier init made on each name, before the text index replaced it.
    replaced = {_neo4j_name(SchemaItem("index", item.label, item.property))
                for item in schema_items() if item.kind == "text"}
    for name in sorted(existing & replaced):
        db.schema_command(f"DROP INDEX {name} IF EXISTS")
    for item in schema_items():
        if _neo4j_name(item) not in existing:
            db.schema_command(_neo4j_statement(item))


def apply_schema(db: Backend) -> None:
    """Create every constraint and index that is missing; running it twice changes nothing.

    Example:
        >>> apply_schema(db)  # doctest: +SKIP
    """
    if db.dialect.name == "neo4j":
        _apply_neo4j(db)
    else:
        _apply_falkordb(db)


def describe_schema(db: Backend) -> list[tuple[str, str, str]]:
    """The constraints and indexes the database reports, as sorted (kind, label, property) triples."""
    if db.dialect.name == "neo4j":
        found = {("unique", r["labels"][0], r["properties"][0])
                 for r in db.read("SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type "
                                  "WHERE type = 'UNIQUENESS' RETURN labels, properties")}
        found |= {(r["type"].lower(), r["labels"][0], r["properties"][0])
                  for r in db.read("SHOW INDEXES YIELD labelsOrTypes AS labels, properties, type, owningConstraint "
                                   "WHERE owningConstraint IS NULL AND labels IS NOT NULL "
                                   "AND type IN ['RANGE', 'TEXT', 'FULLTEXT'] RETURN labels, properties, type")}
        return sorted(("index" if k == "range" else k, lab, p) for k, lab, p in found)
    found = {("unique", r["label"], r["properties"][0])
             for r in db.read("CALL db.constraints() YIELD label, properties RETURN label, properties")}
    for row in db.read("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types"):
        for prop in row["properties"]:
            kinds = row["types"].get(prop, [])
            if "FULLTEXT" in kinds:
                found.add(("fulltext", row["label"], prop))
            if "RANGE" in kinds and ("unique", row["label"], prop) not in found:
                found.add(("index", row["label"], prop))
    return sorted(found)
