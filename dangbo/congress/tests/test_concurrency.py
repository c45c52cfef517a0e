"""Twenty ballots entered at once in one election round, in real threads with their own
database connections: every ballot is kept, numbered 1 to 20 without a gap or a repeat."""
import pytest
from django.test import Client
from django.urls import reverse

from dangbo.congress.models import BallotPaper
from dangbo.congress.tests.factories import build_congress
from dangbo.core.threads import run_together

pytestmark = pytest.mark.django_db(transaction=True)
CLERKS = 20


def test_twenty_ballots_at_once_get_twenty_different_numbers(tree):
    congress = build_congress(tree)
    round_ = congress.election_round
    url = reverse("congress:election_round", args=[round_.pk])
    people = list(round_.entries.values_list("candidate_id", flat=True))

    def clerk(n):
        client = Client()
        client.force_login(congress.staff_province)
        return lambda: client.post(url, {"action": "ballot", "struck": [people[n % len(people)]]}).status_code

    assert run_together([clerk(n) for n in range(CLERKS)]) == [302] * CLERKS
    numbers = sorted(BallotPaper.objects.filter(round=round_).values_list("number", flat=True))
    assert numbers == list(range(1, CLERKS + 1))
