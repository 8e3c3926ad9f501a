"""Masking of members' personal data (names, phones, ID numbers), on by default everywhere it is shown."""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["mask_value", "mask_rows", "SENSITIVE_KEYS", "PERSON_LABELS"]

# Keys that hold personal data when they appear in a row or a node's properties.
SENSITIVE_KEYS = frozenset({"member", "secretary", "phone", "id_number", "leader", "host", "taken_by"})
# Labels whose ``name`` is a person's name.
PERSON_LABELS = frozenset({"Member", "Leader"})


def _names_a_person(row: dict, key: str) -> bool:
    """Whether ``key`` is the name of a person in a row that says what each name is:
    ``name`` beside ``label`` (or ``level``/``kind``), ``source_name`` beside ``source_label``."""
    if key != "name" and not key.endswith("_name"):
        return False
    prefix = key[: -len("name")]
    return any(row.get(prefix + what) in PERSON_LABELS for what in ("label", "level", "kind"))


def mask_value(value: Any, key: str = "name") -> Any:
    """Mask one personal value: a name keeps its first and last character (张*明), a phone its
    first 3 and last 4 digits, an ID number its first 6 and last 4.

    Example:
        >>> mask_value("张小明"), mask_value("13800000001", "phone")
        ('张*明', '138****0001')
    """
    if not isinstance(value, str) or not value:
        if isinstance(value, list):
            return [mask_value(v, key) for v in value]
        return value
    if key == "phone":
        return value[:3] + "*" * max(len(value) - 7, 1) + value[-4:] if len(value) > 7 else "*" * len(value)
    if key == "id_number":
        return value[:6] + "*" * max(len(value) - 10, 1) + value[-4:] if len(value) > 10 else "*" * len(value)
    if len(value) <= 1:
        return "*"
    if len(value) == 2:
        return value[0] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


def _mask_node(node: dict) -> dict:
    if "Member" in node.get("_labels", []) or "Leader" in node.get("_labels", []):
        return {k: (mask_value(v, k) if k in ("name", "phone", "id_number") else v) for k, v in node.items()}
    return node


def mask_rows(rows: Iterable[dict], columns: Iterable[str] = ()) -> list[dict]:
    """Copies of ``rows`` with personal data masked: the named ``columns``, the keys in
    :data:`SENSITIVE_KEYS`, a name whose row labels it a Member or Leader, and the name,
    phone and ID number of any Member or Leader node.

    Example:
        >>> mask_rows([{"label": "Member", "name": "郑洁"}, {"label": "Compound", "name": "锦绣小区"}])
        [{'label': 'Member', 'name': '郑*'}, {'label': 'Compound', 'name': '锦绣小区'}]
    """
    sensitive = SENSITIVE_KEYS | set(columns)
    masked = []
    for row in rows:
        out = {}
        for key, value in row.items():
            if key in sensitive or _names_a_person(row, key):
                out[key] = mask_value(value, "phone" if key.endswith("phone") else
                                      "id_number" if key.endswith("id_number") else "name")
            elif isinstance(value, dict) and "_labels" in value:
                out[key] = _mask_node(value)
            elif isinstance(value, list) and value and isinstance(value[0], dict) and "_labels" in value[0]:
                out[key] = [_mask_node(v) for v in value]
            else:
                out[key] = value
        masked.append(out)
    return masked
