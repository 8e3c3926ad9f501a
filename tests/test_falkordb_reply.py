"""FalkorDB's compact replies turned into plain rows (graph/falkordb_reply.py), on replies written by hand."""

from __future__ import annotations

import datetime

import pytest
from redis.exceptions import ResponseError

from graph.falkordb_reply import reply_rows


class _Schema:
    """Names for the ids used below, as falkordb's GraphSchema gives them."""

    def get_label(self, i):
        return ["Territory", "Street"][i]

    def get_property(self, i):
        return ["id", "name", "since"][i]

    def get_relation(self, i):
        return ["PART_OF"][i]


STATS = ["Cached execution: 0", "Query internal execution time: 0.1 milliseconds"]


def test_every_kind_of_value_becomes_plain_python():
    street = [8, [7, [1, 0], [[0, 2, "S1"], [1, 2, "东风街道"]]]]
    part_of = [7, [3, 0, 7, 9, [[2, 14, 1577836800]]]]
    reply = [
        [[1, "street"], [1, "link"], [1, "values"], [1, "path"]],
        [[street, part_of,
          [10, ["n", [3, 12], "share", [5, "0.25"], "ok", [4, "true"], "none", [1, None],
                "days", [6, [[3, 1], [2, "二"]]]]],
          [9, [[6, [street]], [6, [part_of]]]]]],
        STATS,
    ]
    node = {"_labels": ["Street", "Territory"], "id": "S1", "name": "东风街道"}
    edge = {"_type": "PART_OF", "since": datetime.date(2020, 1, 1)}
    assert reply_rows(reply, _Schema()) == [{
        "street": node, "link": edge,
        "values": {"n": 12, "share": 0.25, "ok": True, "none": None, "days": [1, "二"]},
        "path": {"_nodes": [node], "_relationships": [edge]},
    }]


def test_a_reply_with_no_columns_or_no_records_has_no_rows():
    assert reply_rows([STATS], _Schema()) == []
    assert reply_rows([[[1, "id"]], [], STATS], _Schema()) == []


def test_an_error_in_the_reply_is_raised():
    with pytest.raises(ResponseError, match="Division by zero"):
        reply_rows([[[1, "x"]], [], ResponseError("Division by zero")], _Schema())
