"""Export of the 东风 fixture as GraphML, GEXF and JSON, read back with networkx, on both backends.

The counts are the rows of the fixture's CSV files, added up by hand:

nodes (125): cities 1, districts 1, streets 2, communities 3, grids 4, compounds 12,
buildings 10, households 16, organizations 20, members 16, central households 1,
stationed units 3, property companies 1, owners' committees 1, contracts 2, joint meetings 8,
visits 3, demands 4, departments 2, service centres 5, funds 6, leaders 2, joint-meeting units 2.

relationships (212): PART_OF 48 (1+2+3+4+12+10+16), central households 3 (HOSTED_BY,
LOCATED_AT, UNDER), their contacts 2, UNDER 17 (organizations with a parent), PARTY_ORG_OF 3,
COVERS 19, LOCAL_PARTY + UNIT_PARTY 4, RAISED_IN 4, ASSIGNED_TO 3, STATIONED_IN 2, WORKS_AT 6,
FUNDS 6, SITS_ON 2, MEETING_OF 8, ATTENDED 15, RESPONSIBLE_FOR 2, members' REPORTED_TO 5,
BELONGS_TO 16, OWNERS_COMMITTEE_OF 1, MANAGES 7, LIVES_IN 16, SECRETARY_OF 4, SERVES 5,
LOCATED_IN 3, units' REPORTED_TO 2, visits 9 (VISIT_OF, VISIT_FROM, VISIT_TO).
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from queries.export import ExportError, export_graph

NODES, RELATIONSHIPS = 125, 212


@pytest.fixture
def g(fixture_db):
    """The 东风 fixture, loaded once per module and backend by conftest's fixture_db (tests only read)."""
    return fixture_db


def read_back(fmt: str, path: Path) -> nx.Graph:
    if fmt == "graphml":
        return nx.read_graphml(path)
    if fmt == "gexf":
        return nx.read_gexf(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    return nx.node_link_graph(data, edges="edges")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_export_the_whole_graph(g, tmp_path, fmt):
    out = tmp_path / f"dongfeng.{fmt}"
    result = export_graph(g, fmt, out)
    assert result == {"nodes": NODES, "relationships": RELATIONSHIPS, "path": str(out)}
    graph = read_back(fmt, out)
    assert graph.number_of_nodes() == NODES and graph.number_of_edges() == RELATIONSHIPS
    member = graph.nodes["M01"]
    assert member["label"] == "Member" and member["labels"] == "Member"
    assert member["name"] == "张*"                       # 张明, masked
    assert member["phone"] == "138****0001" and member["id_number"] == "450403********0011"
    assert member["birth_date"] == "1955-03-02" and member["kind"] == "retired"
    assert graph.nodes["L1"]["name"] == "李*"            # leaders' names are personal data too
    compound = graph.nodes["CP07"]
    assert compound["label"] == "Compound" and compound["labels"] == "Compound;Territory"
    assert compound["services"] == (["cleaning", "greening"] if fmt == "json" else "cleaning;greening")
    assert compound["no_property"] is True
    assert graph.nodes["PC1"]["phone"] == "0774-3800001"  # a company's phone is not personal
    assert graph.nodes["SC1"]["area_m2"] == 3600.0
    ended = [d for _, target, d in graph.out_edges("O_B2", data=True) if target == "CP11"]
    assert len(ended) == 1 and ended[0]["label"] == "COVERS"
    assert ended[0]["since"] == "2020-03-01" and ended[0]["until"] == "2021-06-30"
    if fmt != "gexf":
        assert ended[0]["type"] == "COVERS"


def test_export_with_personal_data(g, tmp_path):
    out = tmp_path / "personal.json"
    export_graph(g, "json", out, show_personal=True)
    graph = read_back("json", out)
    assert graph.nodes["M01"]["name"] == "张明" and graph.nodes["M01"]["phone"] == "13800000001"


def test_export_a_neighbourhood(g, tmp_path):
    out = tmp_path / "cp04.graphml"
    # CP04 and, one hop away, B041, G2 and leader L2; the three relationships among them.
    assert export_graph(g, "graphml", out, around="CP04", depth=1) == {
        "nodes": 4, "relationships": 3, "path": str(out)}
    graph = read_back("graphml", out)
    assert sorted(graph.nodes) == ["B041", "CP04", "G2", "L2"]
    assert graph.nodes["L2"]["name"] == "韦*"
    # Two hops add H0411-H0413 (under B041) and CP03, CP12, CM1 (around G2), and 6 relationships.
    two = export_graph(g, "json", tmp_path / "cp04.json", around="CP04")
    assert (two["nodes"], two["relationships"]) == (10, 9)
    assert export_graph(g, "gexf", tmp_path / "cp04.gexf", around="CP04", depth=0)["nodes"] == 1


def test_export_refuses_what_it_cannot_do(g, tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export_graph(g, "csv", tmp_path / "x.csv")
    with pytest.raises(ExportError, match="no node with id 'NOPE'"):
        export_graph(g, "json", tmp_path / "x.json", around="NOPE")
    with pytest.raises(ExportError, match="depth must be 0 to 3"):
        export_graph(g, "json", tmp_path / "x.json", around="CP04", depth=5)
