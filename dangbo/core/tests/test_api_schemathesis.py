"""Schemathesis over the whole API (/api/v1/openapi.json), logged in with a token: the admin's,
then a read-only leader's.

Every operation gets bounded, generated requests (hypothesis, derandomized so runs are
repeatable) through the Django WSGI app, no live server. Checks: no answer is a 500, and
every answer the schema documents matches it. Data: the small tree, one document with a
target and progress, one congress with a comment round and an election, so that the
generated ids hit real objects as well as missing ones.
"""
from datetime import date

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error, response_schema_conformance

from dangbo.access.models import ApiToken
from dangbo.documents import services as documents
from dangbo.documents.tests.factories import document, issuer
from dangbo.wsgi import application

# The admin reaches every object; a read-only leader meets the 403 paths (a PermissionDenied
# once answered 500 there).
EXAMPLES_BY_USER = {"admin": 12, "lanhdao_tinh": 4}


@pytest.fixture
def api_data(tree):
    paper = document(tree.admin, issuer(tree.commune_a, code="ĐU"), "01-NQ/ĐU", issued_on=date(2024, 3, 1))
    target = documents.add_target(tree.admin, paper, wording="Kết nạp đảng viên mới", target_value=90)
    documents.add_progress(tree.admin, target, period_end=date(2024, 12, 31), value=50)
    from dangbo.congress.tests.factories import build_congress

    congress = build_congress(tree)
    from dangbo.ingest import services as ingest

    source, _ = ingest.ingest_text(tree.admin, tree.commune_a, ARTICLE, title="Hội nghị sơ kết")
    version = congress.v1
    return {
        "org_id": [tree.province.pk, tree.cell_a1.pk], "parent": [tree.province.pk],
        "organization_id": [tree.cell_a1.pk, tree.commune_a.pk], "org": [tree.commune_a.pk],
        "member_id": [m.pk for m in tree.a1_members[:2]],
        "pk": [paper.pk, target.pk], "target_id": [paper.pk], "issuer_id": [paper.issuer_id],
        "congress_id": [congress.congress.pk], "version_id": [version.pk], "against": [version.pk],
        "round_id": [congress.round.pk], "recipient_id": [congress.rec_a.pk],
        "election_id": [congress.election.pk], "source_id": [source.pk],
        "fact_id": list(source.facts.values_list("pk", flat=True)[:3]),
        "year": [2024, 2025], "paragraph_number": [3],
    }


ARTICLE = ("Ngày 12/3/2024, Đảng ủy xã Bình Lư tổ chức hội nghị sơ kết Nghị quyết số 01-NQ/ĐU. "
           "Phấn đấu đến năm 2025 có 90% chi bộ hoàn thành tốt nhiệm vụ. "
           "Đồng chí Nguyễn Văn An, Bí thư Chi bộ Giáo viên 1, phát biểu.")


def _aim_at_known_objects(case, data, known: dict) -> None:
    """Replace generated ids by real ones half of the time, so requests reach the code past the 404."""
    for container in (case.path_parameters, case.query, case.body if isinstance(case.body, dict) else None):
        for name in list(container or ()):
            if name in known and data.draw(st.booleans()):
                container[name] = data.draw(st.sampled_from(known[name]))


@pytest.fixture
def wsgi_keeps_test_connection():
    """Like Django's test client: the WSGI handler must not close the test's connection
    (and its transaction) at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_no_operation_answers_500_or_breaks_its_schema(api_data, wsgi_keeps_test_connection):
    from django.contrib.auth.models import User

    failures = []
    for username, examples in EXAMPLES_BY_USER.items():
        _, token = ApiToken.issue(User.objects.get(username=username), name="schemathesis")
        headers = {"Authorization": f"Bearer {token}"}
        schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, headers=headers)
        for result in schema.get_all_operations():
            operation = result.ok()
            try:
                _run_operation(operation, headers, api_data, examples)
            except Exception as error:  # collect every operation's failure, then report them all
                failures.append(f"{username} {operation.method.upper()} {operation.path}: {str(error)[:1500]}")
    assert not failures, "\n\n".join(failures)


def _run_operation(operation, headers: dict, known: dict, examples: int) -> None:
    @given(case=operation.as_strategy(), data=st.data())
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case, data):
        _aim_at_known_objects(case, data, known)
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

    run()
