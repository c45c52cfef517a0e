from django.urls import reverse

from dangbo.orgs.models import Position, PositionKind


def test_staff_adds_a_term_and_a_secretary_shown_on_the_page(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("orgs:add_term", args=[tree.grassroots_a.pk]), {
        "name": "2025 – 2030", "congress_ordinal": "5", "start": "15/05/2025"})
    assert response.status_code == 302
    term = tree.grassroots_a.terms.get()
    assert term.name == "2025-2030"
    secretary = tree.a1_members[0]
    response = client.post(reverse("orgs:add_position", args=[tree.grassroots_a.pk]), {
        "member": secretary.pk, "kind": PositionKind.SECRETARY, "term": term.pk, "start": "16/05/2025",
        "decision_number": "102-QĐ/ĐU"})
    assert response.status_code == 302
    page = client.get(reverse("orgs:detail", args=[tree.grassroots_a.pk])).content.decode()
    assert "Bí thư" in page and "Nguyễn Văn An" in page and "Đại hội lần thứ V" in page


def test_a_member_from_another_subtree_cannot_hold_the_position(tree, login):
    client = login(tree.admin)
    response = client.post(reverse("orgs:add_position", args=[tree.cell_a1.pk]), {
        "member": tree.b1_members[0].pk, "kind": PositionKind.CELL_COMMITTEE, "start": "01/01/2025"})
    assert response.status_code == 200
    assert not Position.objects.exists()


def test_bad_term_name_gets_a_vietnamese_message(tree, login):
    response = login(tree.staff_a).post(reverse("orgs:add_term", args=[tree.grassroots_a.pk]), {
        "name": "2030-2025", "start": "15/05/2025"})
    assert "Nhiệm kỳ ghi dạng 2025-2030." in response.content.decode()


def test_committee_pages_are_404_outside_scope(tree, login):
    for name in ("orgs:add_term", "orgs:add_position"):
        assert login(tree.staff_a).get(reverse(name, args=[tree.cell_b1.pk])).status_code == 404
        assert login(tree.leader_province).get(reverse(name, args=[tree.cell_b1.pk])).status_code == 403
