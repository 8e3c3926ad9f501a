"""The model as a Mermaid diagram with Chinese and English names, for docs/MODEL.md."""

from __future__ import annotations

from graph.model import NODE_TYPES, RELATIONSHIP_TYPES, TERRITORY_LEVELS

__all__ = ["model_markdown"]


def model_markdown() -> str:
    """docs/MODEL.md: a Mermaid graph of every label and relationship, then property tables."""
    lines = ["# The partygraph model", "",
             "Generated from `graph/model.py` by `python -m graph.diagram > docs/MODEL.md`; "
             "a test checks it is current.", "",
             "Territory nodes also carry the label `Territory`; stationed units and property companies "
             "carry `Unit`. Relationships with 起止日期 carry `since` and `until` (open while `until` is empty), "
             "so the graph can be read as of any date.", "", "```mermaid", "flowchart LR"]
    for node in NODE_TYPES:
        lines.append(f'    {node.label}["{node.zh}<br/>{node.label}"]')
    lines.append('    Territory(["任一层级区域<br/>Territory (any level)"])')
    for rel in RELATIONSHIP_TYPES:
        dated = " 起止日期" if rel.properties else ""
        # A relationship that may end at most territory levels is drawn once, to Territory.
        targets = ("Territory",) if len(set(rel.targets) & set(TERRITORY_LEVELS)) > 3 and rel.type != "PART_OF" \
            else rel.targets
        for source in rel.sources:
            for target in targets:
                if rel.type == "PART_OF" and not _territory_step(source, target):
                    continue
                lines.append(f'    {source} -- "{rel.type}<br/>{rel.zh}{dated}" --> {target}')
    lines += ["```", "", "## Properties", ""]
    for node in NODE_TYPES:
        lines += [f"### {node.zh} `{node.label}`", "", "| property | 中文 | type | required | notes |",
                  "|---|---|---|---|---|"]
        for prop in node.properties:
            notes = []
            if prop.choices:
                notes.append("、".join(f"{c.zh} `{c.code}`" for c in prop.choices))
            if prop.sensitive:
                notes.append("personal data, masked by default")
            if prop.indexed:
                notes.append("indexed")
            lines.append(f"| `{prop.name}` | {prop.zh} | {prop.type} | {'yes' if prop.required else ''} | "
                         f"{'; '.join(notes)} |")
        for prop in node.derived:
            lines.append(f"| `{prop.name}` | {prop.zh} | {prop.type} | | derived: kept by every load from the graph "
                         "(`loaders/rollups.py`), not input |")
        lines.append("")
    return "\n".join(lines)


def _territory_step(source: str, target: str) -> bool:
    return TERRITORY_LEVELS.index(source) == TERRITORY_LEVELS.index(target) + 1


if __name__ == "__main__":
    print(model_markdown())
