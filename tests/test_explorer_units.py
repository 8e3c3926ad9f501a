"""The explorer's parts that need no database: exports, the graph drawing helpers, the command."""

from __future__ import annotations

import io
import sys
import threading

import openpyxl
import pandas as pd
import pytest

from explorer import cli, data, export, netview, widgets


def test_neutralise_prefixes_formula_cells_only():
    assert export.neutralise("=1+1") == "'=1+1"
    assert export.neutralise("+86 138") == "'+86 138"
    assert export.neutralise("-x") == "'-x"
    assert export.neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert export.neutralise("灏景玥城") == "灏景玥城"
    assert export.neutralise(-3) == -3


def test_csv_and_excel_exports_are_neutralised():
    df = pd.DataFrame({"居民小区": ["=HYPERLINK(\"http://x\",\"y\")", "灏景玥城"], "户数": [3, -1]})
    text = export.to_csv(df).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "灏景玥城" in text and "-1" in text
    sheet = openpyxl.load_workbook(io.BytesIO(export.to_excel(df, "R1"))).active
    assert sheet["A2"].value == "'=HYPERLINK(\"http://x\",\"y\")"
    assert sheet["A2"].data_type == "s"  # text, not a formula
    assert sheet["B3"].value == -1


def test_graphml_holds_nodes_and_edges():
    nodes = {"CP04": {"label": "Compound", "name": "灏景玥城"}, "G2": {"label": "Grid", "name": "东风社区第二网格"}}
    xml = export.to_graphml(nodes, [("CP04", "G2", "PART_OF"), ("CP04", "X", "PART_OF")]).decode()
    assert "灏景玥城" in xml and xml.count("<edge ") == 1


def test_graph_from_rows_reads_edge_rows_and_node_values():
    nodes, edges = netview.graph_from_rows([
        {"source_id": "CP04", "source_label": "Compound", "source_name": "灏景玥城", "type": "PART_OF",
         "target_id": "G2", "target_label": "Grid", "target_name": "东风社区第二网格"}])
    assert set(nodes) == {"CP04", "G2"} and edges == [("CP04", "G2", "PART_OF")]
    nodes, edges = netview.graph_from_rows([{"m": {"_labels": ["Member"], "id": "M15", "name": "郑洁"}}])
    assert nodes == {"M15": {"label": "Member", "name": "郑洁"}} and edges == []


def test_chain_graph_links_territory_and_organizations():
    chain = [
        {"chain": "territory", "step": 1, "level": "Compound", "id": "CP04", "name": "灏景玥城", "kind": "Compound"},
        {"chain": "territory", "step": 2, "level": "Grid", "id": "G2", "name": "第二网格", "kind": "Grid"},
        {"chain": "territory", "step": 3, "level": "Community", "id": "CM1", "name": "东风社区", "kind": "Community"},
        {"chain": "organization", "step": 1, "level": "Community", "id": "O_CM1", "name": "东风社区党委",
         "kind": "community_committee"},
        {"chain": "organization", "step": 2, "level": "Street", "id": "O_S1", "name": "城东街道党工委",
         "kind": "street_committee"},
    ]
    nodes, edges = widgets.chain_graph(chain)
    assert nodes["O_CM1"]["label"] == "Organization"
    assert ("CP04", "G2", "PART_OF") in edges and ("O_CM1", "O_S1", "UNDER") in edges
    assert ("O_CM1", "CM1", "COVERS") in edges


def test_explore_refuses_a_public_address_without_a_password(monkeypatch, capsys):
    from graph.cli import main

    monkeypatch.delenv(cli.PASSWORD_ENV, raising=False)
    monkeypatch.setattr(cli.os, "execve", lambda *a, **k: pytest.fail("streamlit must not start"))
    assert main(["explore", "--host", "0.0.0.0"]) == 1
    assert cli.PASSWORD_ENV in capsys.readouterr().err


def test_explore_runs_streamlit_with_the_backend(monkeypatch, tmp_path):
    from graph.cli import main

    calls = []
    monkeypatch.setenv(cli.PASSWORD_ENV, "a long passphrase")
    monkeypatch.setenv("PARTYGRAPH_HOME", str(tmp_path))
    # explore replaces itself with Streamlit: here the replacing is recorded instead
    monkeypatch.setattr(cli.os, "execve", lambda path, command, env: calls.append((command, env)))
    assert main(["--backend", "neo4j", "explore", "--host", "0.0.0.0", "--port", "8600"]) == 0
    command, env = calls[0]
    assert command[:4] == [sys.executable, "-m", "streamlit", "run"] and command[4].endswith("app.py")
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert command[command.index("--server.port") + 1] == "8600"
    assert command[command.index("--server.headless") + 1] == "true"
    assert env["PARTYGRAPH_BACKEND"] == "neo4j" and env[cli.PASSWORD_ENV] == "a long passphrase"


def test_side_by_side_runs_reads_at_once_and_leaves_errors_to_the_page():
    both_started = threading.Barrier(2, timeout=10)  # one after the other, the first read would wait in vain
    answered = []

    def read(name):
        both_started.wait()
        answered.append(name)

    def refused():
        raise data.BackendError("the database refused")

    data.side_by_side(lambda: read("coverage"), lambda: read("figures"), refused)
    assert sorted(answered) == ["coverage", "figures"]
