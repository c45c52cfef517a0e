"""`dangbo bench load` stays bounded; its figures are computed as documented."""
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from dangbo.core import loadtest


@pytest.mark.parametrize("users, seconds", [(0, 10), (201, 10), (50, 0), (50, 61)])
def test_load_test_refuses_more_than_200_users_or_60_seconds(users, seconds):
    with pytest.raises(CommandError):
        call_command("bench", "load", "--users", str(users), "--duration", str(seconds))


def test_load_test_runs_on_postgresql_only():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("bench", "load", "--users", "5", "--duration", "5", "--database-url", "sqlite:///x")


def test_virtual_users_are_spread_over_the_roles():
    logins = [loadtest._login_for(n, 200) for n in range(200)]
    assert {login: logins.count(login) for login in set(logins)} == {
        "lanhdao": 50, "tochuc_xa": 30, "bithu": 30, "dangvien": 20, "tochuc": 70}


def test_percentiles_and_page_kinds():
    values = sorted(float(n) for n in range(1, 101))
    assert (loadtest.percentile(values, .5), loadtest.percentile(values, .95), loadtest.percentile(values, .99)) == (
        50.0, 95.0, 99.0)
    assert loadtest._kind_of("/xep-loai/12/2025/") == "/xep-loai/#/#/"
    assert loadtest._kind_of("/dang-vien/?q=an") == "/dang-vien/?…"
