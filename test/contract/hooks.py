"""Schemathesis hooks for the API contract run (scripts/contract.sh loads this file through
SCHEMATHESIS_HOOKS; Schemathesis 4.x).

What OpenAPI cannot say about the parameters, kept true in the requests Schemathesis
generates as valid (its negative cases are left alone: they are meant to be refused):

- min_amount is not above max_amount, date_from not after date_to: the API answers a range
  that is empty with a 400 naming min_amount or date_from (see their descriptions);
- a cursor is only ever the next_cursor of a page the API gave out, bound to that search:
  any other string is a 400 naming cursor, so a generated one is left out.

The same holds for the params of POST /api/v1/exports. `map_case` is the hook that both the
coverage and the fuzzing phases apply (filter_query/map_query are the fuzzing phase's only).
"""

import schemathesis
from schemathesis import GenerationMode

RANGES = (("min_amount", "max_amount"), ("date_from", "date_to"))


def _number(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _in_order(params):
    """The same parameters with each range the right way round and no cursor."""
    params.pop("cursor", None)
    for low, high in RANGES:
        if low not in params or high not in params:
            continue
        a, b = params[low], params[high]
        if low == "min_amount":
            x, y = _number(a), _number(b)
            swap = x is not None and y is not None and x > y
        else:
            swap = isinstance(a, str) and isinstance(b, str) and a > b
        if swap:
            params[low], params[high] = b, a
    return params


def _two_versions(query):
    """A comparison of a version with itself is a 400 (to must be another version)."""
    a, b = query.get("from"), query.get("to")
    if a is None or str(a) != str(b) or not str(a).isdigit():
        return
    n = int(a)
    query["to"] = n + 1 if n < 999 else n - 1


def _positive(case):
    meta = getattr(case, "meta", None)
    return meta is None or meta.generation.mode == GenerationMode.POSITIVE


@schemathesis.hook
def map_case(ctx, case):
    if not _positive(case):
        return case
    if isinstance(case.query, dict):
        _in_order(case.query)
        _two_versions(case.query)
    body = case.body
    if isinstance(body, dict) and isinstance(body.get("params"), dict):
        _in_order(body["params"])
    return case
