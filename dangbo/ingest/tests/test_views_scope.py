"""Every review page and action: 404 outside the scope, 403 for read-only roles inside it."""
import pytest
from django.urls import reverse

from dangbo.ingest import services
from dangbo.ingest.models import FactStatus, Source
from dangbo.ingest.tests.fakes import fixed_extractor

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]
TEXT = "Đại hội Chi bộ lần thứ V, nhiệm kỳ 2020-2025 thành công tốt đẹp."

# source's organization -> roles that see it (others get 404). A plain member sees no
# uploaded report, not even of their own cell (access.visibility: ingest.Source).
READERS = {
    "cell_a1": {"admin", "staff_a", "leader_province", "secretary_a1"},
    "cell_a2": {"admin", "staff_a", "leader_province"},
    "cell_b1": {"admin", "leader_province"},
}
# source's organization -> roles that may review it (other readers get 403)
REVIEWERS = {
    "cell_a1": {"admin", "staff_a", "secretary_a1"},
    "cell_a2": {"admin", "staff_a"},
    "cell_b1": {"admin"},
}
ACTIONS = [("ingest:fact_accept", "post", "fact"), ("ingest:fact_reject", "post", "fact"),
           ("ingest:fact_correct", "get", "fact"), ("ingest:fact_correct", "post", "fact"),
           ("ingest:accept_all", "post", "source")]


def make_source(tree, org_name):
    source, _ = services.ingest_text(tree.admin, getattr(tree, org_name), TEXT, extractor=fixed_extractor(
        congresses=[{"text": "Đại hội Chi bộ lần thứ V, nhiệm kỳ 2020-2025", "ordinal": 5, "term": "2020-2025"}]))
    return source


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", list(READERS))
def test_review_screen_answers_404_outside_the_scope(tree, login, role, org_name):
    source = make_source(tree, org_name)
    response = login(getattr(tree, role)).get(reverse("ingest:source", args=[source.pk]))
    assert response.status_code == (200 if role in READERS[org_name] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", list(READERS))
@pytest.mark.parametrize("action", ACTIONS)
def test_reviewing_needs_write_rights_on_the_source_organization(tree, login, role, org_name, action):
    url_name, method, on = action
    source = make_source(tree, org_name)
    fact = source.facts.get()
    client = login(getattr(tree, role))
    url = reverse(url_name, args=[(fact if on == "fact" else source).pk])
    response = getattr(client, method)(url, {"text": fact.text, "ordinal": "5", "term": "2020-2025"})
    fact.refresh_from_db()
    if role in REVIEWERS[org_name]:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == (403 if role in READERS[org_name] else 404)
        assert fact.status == FactStatus.PENDING


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", list(READERS))
def test_api_answers_404_outside_the_scope_and_403_to_readers(tree, login, role, org_name):
    source = make_source(tree, org_name)
    fact = source.facts.get()
    client = login(getattr(tree, role))
    read = client.get(f"/api/v1/ingest/sources/{source.pk}")
    accept = client.post(f"/api/v1/ingest/facts/{fact.pk}/accept", {}, content_type="application/json")
    reject_all = client.post(f"/api/v1/ingest/sources/{source.pk}/accept-all")
    expected_read = 200 if role in READERS[org_name] else 404
    expected_write = 200 if role in REVIEWERS[org_name] else (403 if role in READERS[org_name] else 404)
    assert read.status_code == expected_read
    assert accept.status_code == expected_write
    assert reject_all.status_code == expected_write


def test_queue_lists_only_sources_in_scope(tree, login):
    for org_name in READERS:
        make_source(tree, org_name)
    page = login(tree.secretary_a1).get(reverse("ingest:index")).content.decode()
    assert page.count("Đại hội Chi bộ lần thứ V") == 1
    listed = login(tree.leader_province).get("/api/v1/ingest/sources").json()
    assert len(listed) == 3
    assert len(login(tree.staff_a).get("/api/v1/ingest/sources").json()) == 2


@pytest.mark.parametrize("role,status", [("admin", 200), ("staff_a", 200), ("secretary_a1", 200),
                                         ("leader_province", 403), ("member_user", 403)])
def test_only_writers_may_upload(tree, login, role, status):
    assert login(getattr(tree, role)).get(reverse("ingest:upload")).status_code == status


def test_uploading_into_an_organization_outside_the_scope_is_refused(tree, login, monkeypatch):
    monkeypatch.setattr(services, "default_extractor", fixed_extractor())
    client = login(tree.secretary_a1)
    response = client.post(reverse("ingest:upload"), {"organization": tree.cell_b1.pk, "text": TEXT})
    assert response.status_code == 200 and "organization" in response.context["form"].errors
    api = client.post("/api/v1/ingest/sources", {"organization_id": tree.cell_b1.pk, "text": TEXT},
                      content_type="application/json")
    assert api.status_code == 404
    api = client.post("/api/v1/ingest/sources", {"organization_id": tree.grassroots_a.pk, "text": TEXT},
                      content_type="application/json")
    assert api.status_code == 404
    assert login(tree.leader_province).post("/api/v1/ingest/sources", {"organization_id": tree.cell_b1.pk, "text": TEXT},
                                            content_type="application/json").status_code == 403
    assert Source.objects.count() == 0
