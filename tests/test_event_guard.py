"""Events that would store a non-bool in Reflex's own `is_hydrated` are recognised."""

from __future__ import annotations

import json

import pytest

from flash_reader.event_guard import bounded_event, is_hostile

ROOT = "reflex___state____state"


@pytest.mark.parametrize(("name", "payload"), [
    (f"{ROOT}.set_is_hydrated", {"value": "x" * 400_000}),
    (f"{ROOT}.set_is_hydrated", {"value": [1] * 20_000}),
    (f"{ROOT}.set_is_hydrated", {}),
    (f"{ROOT}.setvar", {"var_name": "is_hydrated", "value": {"a": 1}}),
])
def test_hostile_is_hydrated_is_refused(name: str, payload: dict) -> None:
    assert is_hostile(name, payload)


@pytest.mark.parametrize(("name", "payload"), [
    (f"{ROOT}.set_is_hydrated", {"value": True}),
    (f"{ROOT}.setvar", {"var_name": "is_hydrated", "value": False}),
    (f"{ROOT}.reflex___state____on_load_internal_state.on_load_internal", {}),
    (f"{ROOT}.flash_reader___state___view____view_state.on_load", {"x": "y"}),
])
def test_ordinary_events_pass(name: str, payload: dict) -> None:
    assert not is_hostile(name, payload)


# What Reflex's client sends with every event (state.js withRouterData).
ORDINARY_ROUTER = {"pathname": "/embed/builder", "asPath": "/embed/builder?lang=en#x",
                   "query": {"lang": "en"}}


@pytest.mark.parametrize("router_data", [
    ORDINARY_ROUTER, {"pathname": "/", "asPath": "/"}, {}, None,
    {"pathname": "/embed/builder", "asPath": "/embed/builder?q=" + "あ" * 1_000,
     "query": {"q": "あ" * 1_000}},
])
def test_ordinary_router_data_passes(router_data: object) -> None:
    assert bounded_event({"name": "x", "payload": {}, "router_data": router_data}) is not None


@pytest.mark.parametrize("router_data", [
    {"pathname": "/" + "x" * 900_000, "asPath": "/"},  # the 900 KB address of the review
    {"pathname": "/", "asPath": "/?q=" + "x" * 5_000},
    {"pathname": "/", "asPath": "/", "query": {"q": "x" * 5_000}},
    {"pathname": "/", "asPath": "/", "query": {f"k{i}": "v" for i in range(1_000)}},
    {"pathname": "/", "asPath": "/", "query": {"office": ["PAR"] * 10}},
    {"pathname": "/", "asPath": "/", "query": "q=1"},
    {"pathname": ["/"], "asPath": "/"},
    {"pathname": "/", "asPath": "/", "headers": {"x": "y"}},  # a key Reflex would merge in
    {"pathname": "/", "asPath": "/", "parked": "x" * 100},
    "/",
    [],
])
def test_oversized_or_odd_router_data_drops_the_event(router_data: object) -> None:
    assert bounded_event({"name": "x", "payload": {}, "router_data": router_data}) is None


def test_event_as_a_json_string_is_bounded_too() -> None:
    hostile = json.dumps({"name": "x", "router_data": {"pathname": "/" + "x" * 5_000}})
    assert bounded_event(hostile) is None
    assert bounded_event(json.dumps({"name": "x", "router_data": ORDINARY_ROUTER})) == {
        "name": "x", "router_data": ORDINARY_ROUTER}


@pytest.mark.parametrize("data", ["not json", 42, ["event"], None])
def test_what_reflex_itself_refuses_is_left_to_reflex(data: object) -> None:
    assert bounded_event(data) == data
