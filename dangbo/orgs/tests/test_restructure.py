from datetime import date

from django.urls import reverse

from dangbo.members.models import EventKind, Member
from dangbo.orgs.counts import member_counts_for
from dangbo.orgs.models import ChangeKind, Organization, OrgChange


def test_staff_merges_two_cells_and_history_keeps_the_lineage(tree, login):
    client = login(tree.staff_a)
    response = client.post(reverse("orgs:restructure", args=[tree.cell_a2.pk, "merge"]), {
        "into": tree.cell_a1.pk, "date": "01/07/2025", "decision_number": "45-QĐ/ĐU"})
    assert response.status_code == 302
    merged = Organization.objects.get(pk=tree.cell_a2.pk)
    assert merged.dissolved == date(2025, 7, 1)
    assert set(Member.objects.filter(organization=tree.cell_a1).values_list("full_name", flat=True)) >= {
        "Phạm Minh Đức", "Hoàng Thị Én"}
    change = OrgChange.objects.get(kind=ChangeKind.MERGE)
    assert list(change.sources.all()) == [merged] and list(change.results.all()) == [tree.cell_a1]
    assert change.decision_number == "45-QĐ/ĐU"
    duc = Member.objects.get(full_name="Phạm Minh Đức")
    transfer = duc.events.get(kind=EventKind.TRANSFER)
    assert transfer.from_organization_id == tree.cell_a2.pk and transfer.to_organization_id == tree.cell_a1.pk
    assert member_counts_for([tree.cell_a1.pk])[tree.cell_a1.pk]["active"] == 5
    page = client.get(reverse("orgs:detail", args=[tree.cell_a2.pk])).content.decode()
    assert "Hợp nhất, sáp nhập" in page and "Đã giải thể/sáp nhập 01/07/2025" in page


def test_dissolving_an_organization_with_members_is_refused(tree, login):
    response = login(tree.staff_a).post(reverse("orgs:restructure", args=[tree.cell_a1.pk, "dissolve"]), {
        "date": "01/07/2025"})
    assert response.status_code == 200
    assert "Phải chuyển hết đảng viên" in response.content.decode()
    assert Organization.objects.get(pk=tree.cell_a1.pk).dissolved is None


def test_move_under_an_organization_outside_the_scope_is_not_offered(tree, login):
    response = login(tree.staff_a).post(reverse("orgs:restructure", args=[tree.grassroots_a.pk, "move"]), {
        "new_parent": tree.commune_b.pk, "date": "01/07/2025"})
    assert response.status_code == 200  # the form refuses the choice
    assert Organization.objects.get(pk=tree.grassroots_a.pk).parent_id == tree.commune_a.pk


def test_restructuring_outside_the_scope_is_404_and_read_only_is_403(tree, login):
    url = reverse("orgs:restructure", args=[tree.cell_b1.pk, "dissolve"])
    assert login(tree.staff_a).get(url).status_code == 404
    assert login(tree.leader_province).get(url).status_code == 403
    assert login(tree.staff_a).get(reverse("orgs:restructure", args=[tree.cell_a1.pk, "explode"])).status_code == 404


def test_renaming_is_kept_in_history(tree, login):
    client = login(tree.staff_a)
    client.post(reverse("orgs:edit", args=[tree.village_cell.pk]), {
        "kind": tree.village_cell.kind, "code": tree.village_cell.code, "name": "Chi bộ bản Nà Tăm 1",
        "short_name": "", "established": "", "decision_number": "12-QĐ/ĐU"})
    change = OrgChange.objects.get(kind=ChangeKind.RENAME)
    assert (change.old_name, change.new_name) == ("Chi bộ thôn Nà Tăm", "Chi bộ bản Nà Tăm 1")
