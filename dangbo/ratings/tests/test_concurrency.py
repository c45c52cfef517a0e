"""Closing a rating period while users enter ratings, in real threads with their own database
connections: no rating is written after the period is closed, and nobody gets a server error."""
import json
import threading
import time

import pytest
from django.test import Client

from dangbo.access.models import ApiToken
from dangbo.audit.models import AuditEntry
from dangbo.core.threads import run_together
from dangbo.ratings import services
from dangbo.ratings.models import MemberRating, PeriodStatus
from dangbo.ratings.tests.factories import open_period

pytestmark = pytest.mark.django_db(transaction=True)
YEAR = 2025
WRITES_PER_USER = 12
RATERS = 4


def test_no_rating_is_written_after_the_period_is_closed(tree):
    period = open_period(tree.commune_a, YEAR)
    members = [*tree.a1_members[:2], *tree.a2_members, *tree.village_members]
    first_writes = threading.Event()

    def rater(offset):
        _, raw = ApiToken.issue(tree.staff_a, name="test")
        client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
        answers = []
        # Each rater has members of their own: two people saving the same rating at once is a
        # version conflict (test_edit_conflicts.py); here the only refusal may be the closed period.
        own = members[offset::RATERS]
        for n in range(WRITES_PER_USER):
            member = own[n % len(own)]
            body = {"level": ("httnv", "htnv")[n % 2]}
            response = client.put(f"/api/v1/ratings/member/{member.pk}/{YEAR}", json.dumps(body),
                                  content_type="application/json")
            answers.append((response.status_code, json.dumps(response.json(), ensure_ascii=False)))
            first_writes.set()
        return answers

    def closer():
        first_writes.wait(timeout=30)
        time.sleep(0.05)
        return services.close_period(tree.staff_a, period)

    *answers, closed = run_together([lambda o=o: rater(o) for o in range(RATERS)] + [closer])
    assert not isinstance(closed, BaseException), closed
    statuses = {status for answer in answers for status, _ in answer}
    assert statuses <= {200, 422}, answers
    refused = [body for answer in answers for status, body in answer if status == 422]
    assert all("đã khóa" in body for body in refused), refused
    period.refresh_from_db()
    assert period.status == PeriodStatus.CLOSED
    assert not MemberRating.objects.filter(year=YEAR, updated_at__gt=period.closed_at).exists()
    assert not AuditEntry.objects.filter(model="ratings.MemberRating", at__gt=period.closed_at).exists()
    assert MemberRating.objects.filter(year=YEAR).exists()
