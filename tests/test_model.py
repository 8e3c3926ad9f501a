"""The model is consistent with itself, the loaders and the docs."""

import re
from pathlib import Path

from graph.diagram import model_markdown
from graph.model import NODES, RELATIONSHIPS, display_name
from loaders.input_files import INPUT_FILES
from loaders.load import LOADERS

ROOT = Path(__file__).parent.parent


def test_model_doc_is_current():
    assert (ROOT / "docs" / "MODEL.md").read_text(encoding="utf-8").strip() == model_markdown().strip()


def test_every_input_file_has_a_loader_that_reads_only_its_columns():
    for spec in INPUT_FILES:
        text = LOADERS[spec.name].text
        used = set(re.findall(r"\br\.(\w+)", text))
        declared = {c.name for c in spec.columns}
        assert used <= declared, (spec.name, used - declared)
        assert text.startswith("UNWIND $rows AS r"), spec.name


def test_every_label_and_relationship_in_a_loader_is_declared():
    for name, statement in LOADERS.items():
        if name.startswith("lookup_"):
            continue
        for label in re.findall(r"\(\w*:(\w+)", statement.text):
            assert label in NODES or label in ("Territory", "Unit"), (name, label)
        for rel in re.findall(r"\[\w*:(\w+)", statement.text):
            assert rel in RELATIONSHIPS, (name, rel)


def test_every_node_type_can_be_loaded():
    loaded = {spec.label for spec in INPUT_FILES if spec.label}
    assert loaded == set(NODES)


def test_display_names_are_chinese_by_default():
    assert display_name("Compound") == "居民小区"
    assert display_name("Compound", "en") == "Compound"
    assert display_name("COVERS") == "覆盖"


def test_input_doc_is_current():
    from loaders.input_doc import input_markdown

    assert (ROOT / "docs" / "INPUT.md").read_text(encoding="utf-8").strip() == input_markdown().strip()


def test_template_examples_pass_the_validator_column_by_column():
    from loaders.values import CellError, parse_cell

    for spec in INPUT_FILES:
        for column in spec.columns:
            if column.example and not column.references and not column.many:
                try:
                    parse_cell(column.example, column.type, column.choices, is_id=column.name == "id")
                except CellError as error:
                    raise AssertionError(f"{spec.name}.{column.name} example {column.example!r}: {error.en}")
