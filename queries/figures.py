"""The seed's headline figures, counted from the graph, beside the seed's own numbers."""

from __future__ import annotations

import datetime

from graph.backend import Backend
from queries.catalogue import run_query

__all__ = ["SEED_FIGURES", "headline_figures"]

# Wuzhou, as reported in China City News on 2021-11-29 (docs/DOMAIN.md).
SEED_FIGURES: dict[str, tuple[int, str, str]] = {
    "streets": (8, "街道", "Streets"),
    "communities": (57, "社区", "Communities"),
    "grids": (613, "网格", "Grids"),
    "compounds": (451, "居民小区", "Compounds"),
    "compounds_covered": (451, "已覆盖小区", "Compounds covered"),
    "compound_branches": (201, "小区党支部(含联合党支部)", "Compound and joint branches"),
    "property_branches": (41, "物业服务企业党支部", "Property-company branches"),
    "no_property_compounds": (268, "无物业小区", "No-property compounds"),
    "new_field_orgs": (960, "新兴领域党组织", "New-field organizations"),
    "pocket_or_floating_members": (3125, "口袋党员、流动党员", "Pocket and floating members"),
    "reporting_unit_branches": (2400, "双报到党支部", "Reporting unit branches"),
    "reporting_members": (30000, "双报到在职党员", "Reporting in-service members"),
    "service_centres": (1426, "党群服务中心", "Service centres"),
    "joint_meeting_units": (19, "联席会议成员单位", "Joint-meeting member units"),
}


def headline_figures(db: Backend, as_of: datetime.date | None = None) -> dict[str, int]:
    """Count the seed's headline figures in the graph, keyed as in :data:`SEED_FIGURES`.

    Example:
        >>> headline_figures(db)["communities"]  # doctest: +SKIP
        57
    """
    rows = run_query(db, "headline_figures", {"as_of": as_of} if as_of else None)
    row = rows[0] if rows else {}
    return {key: int(row.get(key) or 0) for key in SEED_FIGURES}
