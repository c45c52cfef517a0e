"""The review queue over the REST API (/api/v1/ingest/)."""
from dangbo.documents.models import Document
from dangbo.ingest import services
from dangbo.ingest.tests.fakes import gold_extractor, seed_text


def test_api_ingests_once_and_accepts_into_the_registry(tree, login, monkeypatch):
    monkeypatch.setattr(services, "default_extractor", gold_extractor())
    client = login(tree.staff_a)
    body = {"organization_id": tree.commune_a.pk, "text": seed_text()}
    created = client.post("/api/v1/ingest/sources", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["created"] is True
    source = created.json()["source"]
    assert len(source["facts"]) == 11 and all(f["status"] == "pending" for f in source["facts"])
    again = client.post("/api/v1/ingest/sources", body, content_type="application/json")
    assert again.status_code == 200 and again.json()["source"]["id"] == source["id"]

    person = next(f for f in source["facts"] if f["kind"] == "person")
    rejected = client.post(f"/api/v1/ingest/facts/{person['id']}/reject")
    assert rejected.json()["status"] == "rejected"
    result = client.post(f"/api/v1/ingest/sources/{source['id']}/accept-all").json()
    assert result == {"accepted": 10, "failed": {}}
    assert Document.objects.get(number="02-NQ/ĐUK").targets.count() == 4


def test_api_correction_that_the_registry_refuses_is_422(tree, login, monkeypatch):
    monkeypatch.setattr(services, "default_extractor", gold_extractor())
    source, _ = services.ingest_text(tree.admin, tree.commune_a, seed_text())
    fact = source.facts.filter(kind="target").first()
    response = login(tree.staff_a).post(f"/api/v1/ingest/facts/{fact.pk}/accept",
                                        {"corrections": {"value": "không rõ"}}, content_type="application/json")
    assert response.status_code == 422 and "value" in response.json()["detail"]
