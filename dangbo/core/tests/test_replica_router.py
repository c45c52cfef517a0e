"""Dashboards read from a reachable replica and fall back to the primary when none answers.

The replica's connection attempt is replaced by a stand-in (a test database cannot be
reached under a second alias); the routing decisions and the page are real."""
from __future__ import annotations

import pytest
from django.db import DEFAULT_DB_ALIAS, OperationalError
from django.urls import reverse

from dangbo.core import routers


@pytest.fixture
def one_replica(monkeypatch):
    attempts = []
    state = {"up": True}

    def connect(alias):
        attempts.append(alias)
        if not state["up"]:
            raise OperationalError("connection refused")

    monkeypatch.setattr(routers, "replica_aliases", lambda: ["replica_1"])
    monkeypatch.setattr(routers, "_connect", connect)
    monkeypatch.setattr(routers, "_down_until", {})
    return state, attempts


def test_outside_reports_everything_reads_the_primary(one_replica):
    assert routers.report_database() == DEFAULT_DB_ALIAS
    assert routers.ReplicaRouter().db_for_write(None) == DEFAULT_DB_ALIAS


def test_reports_read_a_reachable_replica(one_replica):
    with routers.reading_reports():
        assert routers.report_database() == "replica_1"


def test_an_unreachable_replica_is_skipped_for_a_while(one_replica):
    state, attempts = one_replica
    state["up"] = False
    with routers.reading_reports():
        assert routers.report_database() == DEFAULT_DB_ALIAS
        assert routers.report_database() == DEFAULT_DB_ALIAS
    assert attempts == ["replica_1"]  # not retried on every query


def test_the_dashboard_falls_back_to_the_primary(one_replica, tree, login):
    state, attempts = one_replica
    state["up"] = False
    response = login(tree.admin).get(reverse("ratings:dashboard", args=[tree.province.pk, 2025]))
    assert response.status_code == 200 and attempts == ["replica_1"]
