"""Secrets and exposure: the Neo4j password is never printed or logged, the explorer stays on
this machine unless a password guards it, exported spreadsheets cannot run formulas, and
members' names and phones are masked unless asked for.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.load import load_path

FIXTURE = Path(__file__).parent / "fixtures" / "dongfeng"
PARTYGRAPH = str(Path(sys.executable).with_name("partygraph"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([PARTYGRAPH, *args], capture_output=True, text=True, env=env, timeout=timeout)


# --- the Neo4j password ------------------------------------------------------------------------

@pytest.mark.neo4j_server
def test_the_neo4j_password_is_never_printed_or_logged(tmp_path):
    """start, status, load, query, stats with a wrong password, stop: the password appears in no
    output, in no file under PARTYGRAPH_HOME, and not on the server's command line."""
    if os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI points at an outside server; this test runs a local one of its own")
    home = tmp_path / "home"
    marker = "Pw-" + secrets.token_hex(16)
    wrong = "Wrong-" + secrets.token_hex(16)
    port = _free_port()
    env = {**os.environ, "PARTYGRAPH_HOME": str(home), "NEO4J_PASSWORD": marker,
           "NEO4J_URI": f"bolt://127.0.0.1:{port}", "PARTYGRAPH_NEO4J_HEAP": "1g"}
    outputs = []
    try:
        started = _run(env, "neo4j", "start", "--port", str(port), "--no-warm-up")  # the warm-up is tested apart
        outputs.append(started)
        assert started.returncode == 0, started.stderr
        status = _run(env, "neo4j", "status")
        outputs.append(status)
        pid = json.loads(status.stdout)["pid"]
        assert marker.encode() not in Path(f"/proc/{pid}/cmdline").read_bytes()
        for args in (("load", str(FIXTURE)), ("query", "r4_members_not_in_one_org", "-p", "as_of=2021-12-31"),
                     ("stats",)):
            result = _run(env, "--backend", "neo4j", *args)
            assert result.returncode == 0, result.stderr
            outputs.append(result)
        refused = _run({**env, "NEO4J_PASSWORD": wrong}, "--backend", "neo4j", "stats")
        assert refused.returncode == 1 and "NEO4J_PASSWORD" in refused.stderr
        outputs.append(refused)
    finally:
        outputs.append(_run(env, "neo4j", "stop"))
    for result in outputs:
        for secret in (marker, wrong):
            assert secret not in result.stdout and secret not in result.stderr, result.args
    files = [path for path in home.rglob("*") if path.is_file()]
    assert any("log" in path.name for path in files)  # the server did write its logs
    leaking = [str(path) for path in files if marker.encode() in path.read_bytes() or wrong.encode() in path.read_bytes()]
    assert leaking == []


def test_a_generated_password_is_kept_in_a_file_only_its_owner_can_read(tmp_path, monkeypatch):
    from graph import neo4j_server

    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    password = neo4j_server.password(tmp_path)
    path = tmp_path / "neo4j" / "password"
    assert path.read_text(encoding="utf-8").strip() == password and len(password) >= 16
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert neo4j_server.password(tmp_path) == password


# --- the explorer --------------------------------------------------------------------------------

def test_the_explorer_listens_on_this_machine_by_default():
    from graph import cli

    cli._load_extra_commands()
    args = cli.build_parser().parse_args(["explore"])
    assert args.host == "127.0.0.1"


def test_the_explorer_refuses_another_address_without_a_password(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PARTYGRAPH_EXPLORER_PASSWORD"}
    env["PARTYGRAPH_HOME"] = str(tmp_path)
    for host in ("0.0.0.0", "192.0.2.10", "::"):
        result = _run(env, "explore", "--host", host, "--port", str(_free_port()), timeout=60)
        assert result.returncode != 0, host
        assert "Traceback" not in result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "PARTYGRAPH_EXPLORER_PASSWORD" in lines[0], result.stderr


# --- exports ------------------------------------------------------------------------------------

DANGEROUS = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)",
             "=1+1", "\t=1+1"]


def test_csv_and_excel_exports_cannot_run_formulas():
    import openpyxl
    import pandas as pd

    from explorer.export import to_csv, to_excel

    frame = pd.DataFrame({"name": DANGEROUS + ["锦绣小区"], "count": list(range(-3, len(DANGEROUS) - 3)) + [7],
                          "=header": ["x"] * (len(DANGEROUS) + 1)})
    rows = list(csv.reader(io.StringIO(to_csv(frame).decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t")
                or (cell.startswith("-") and not cell.lstrip("-").isdigit())]
    assert [row[0] for row in rows[1:]] == ["'" + text for text in DANGEROUS] + ["锦绣小区"]
    assert rows[0][2] == "'=header"
    assert [row[1] for row in rows[1:]][:3] == ["-3", "-2", "-1"]  # numbers stay numbers

    sheet = openpyxl.load_workbook(io.BytesIO(to_excel(frame))).active
    values = [[cell for cell in row] for row in sheet.iter_rows()]
    assert not [cell.coordinate for row in values for cell in row if cell.data_type == "f"]
    assert [row[0].value for row in values[1:]] == ["'" + text for text in DANGEROUS] + ["锦绣小区"]
    assert [row[1].value for row in values[1:]][:3] == [-3, -2, -1]


# --- personal data -------------------------------------------------------------------------------

def test_mask_rows_masks_names_and_phones_of_members_and_leaders():
    from graph.privacy import mask_rows

    rows = [{"member": "郑洁", "phone": "13800000015", "secretary": "张小明", "compound": "锦绣小区",
             "node": {"_labels": ["Member"], "name": "郑洁", "phone": "13800000015", "id_number": "450403199007170156",
                      "id": "M15"},
             "place": {"_labels": ["Compound"], "name": "锦绣小区"}}]
    masked = mask_rows(rows)[0]
    assert masked["member"] == "郑*" and masked["secretary"] == "张*明"
    assert masked["phone"] == "138****0015"
    assert masked["node"]["name"] == "郑*" and masked["node"]["phone"] == "138****0015"
    assert masked["node"]["id_number"] == "450403********0156"
    assert masked["node"]["id"] == "M15" and masked["compound"] == "锦绣小区" and masked["place"]["name"] == "锦绣小区"
    assert rows[0]["member"] == "郑洁"  # the rows themselves are untouched


@pytest.fixture(scope="module")
def loaded_home(tmp_path_factory):
    from graph.backend import open_backend
    from graph.config import Settings

    home = tmp_path_factory.mktemp("masking")
    db = open_backend(Settings(backend="embedded", home=home))
    load_path(db, FIXTURE)
    yield home
    db.close()


@pytest.mark.parametrize("output", ["table", "json", "csv"])
def test_partygraph_query_masks_members_unless_asked(loaded_home, output):
    env = {**os.environ, "PARTYGRAPH_HOME": str(loaded_home), "PARTYGRAPH_BACKEND": "embedded"}
    args = ["query", "r4_members_not_in_one_org", "-p", "as_of=2021-12-31", "--format", output]
    masked = _run(env, *args, timeout=120)
    shown = _run(env, *args, "--show-personal", timeout=120)
    assert masked.returncode == 0 and shown.returncode == 0, masked.stderr + shown.stderr
    assert "郑*" in masked.stdout and "郑洁" not in masked.stdout
    assert "郑洁" in shown.stdout
    if output == "json":
        assert [row["member"] for row in json.loads(masked.stdout)] == ["郑*"]
