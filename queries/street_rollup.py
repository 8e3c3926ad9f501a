"""Coverage by street, summed from coverage by community.

Every count of ``coverage_by_community`` is of things that lie in one community (a compound,
building, grid or household), so a street's count is the sum over its communities: one
whole-city walk instead of two.
"""

from __future__ import annotations

__all__ = ["COMMUNITY_COUNTS", "streets_from_communities"]

# The counts of coverage_by_community that a street sums.
COMMUNITY_COUNTS = ("compounds", "compounds_covered", "compounds_effectively_covered", "buildings_with_members",
                    "buildings_with_group", "grids", "grids_with_org", "households", "households_reached")


def streets_from_communities(rows: list[dict], streets: list[dict] | None = None) -> list[dict]:
    """The rows of ``coverage_by_street`` from those of ``coverage_by_community``.

    One row per street, ordered by ``street_id``: ``street_id``, ``street``, ``communities`` (how
    many rows it had) and the sum of each of :data:`COMMUNITY_COUNTS` over its communities.

    Args:
        rows: rows of ``coverage_by_community``.
        streets: every street (``street_id``, ``street``); a street with no community row gets a
            row of zeros.  Without it, only the streets of ``rows`` are listed.

    Example:
        >>> streets_from_communities([{"street_id": "S1", "street": "东风街道", "compounds": 2},
        ...                           {"street_id": "S1", "street": "东风街道", "compounds": 3}])
        [{'street_id': 'S1', 'street': '东风街道', 'communities': 2, 'compounds': 5}]
    """
    totals: dict[str, dict] = {}
    for street in streets or ():
        totals[street["street_id"]] = {"street_id": street["street_id"], "street": street["street"], "communities": 0,
                                       **{column: 0 for column in COMMUNITY_COUNTS}}
    for row in rows:
        street = totals.setdefault(row["street_id"], {"street_id": row["street_id"], "street": row["street"],
                                                      "communities": 0})
        street["communities"] += 1
        for column in COMMUNITY_COUNTS:
            if column in row:
                street[column] = street.get(column, 0) + int(row[column] or 0)
    return [totals[key] for key in sorted(totals)]
