from dangbo.orgs import tree as tree_ops
from dangbo.orgs.counts import all_member_counts, member_counts_for
from dangbo.orgs.models import Organization, OrgClosure


def names(queryset):
    return sorted(o.name for o in queryset)


def test_subtree_is_exactly_the_node_and_its_descendants(tree):
    assert names(tree.commune_a.subtree()) == sorted([
        "Đảng bộ xã Bình Lư", "Đảng bộ Trường THPT Bình Lư", "Chi bộ Giáo viên 1", "Chi bộ Giáo viên 2",
        "Chi bộ thôn Nà Tăm",
    ])
    assert names(tree.cell_b1.subtree()) == ["Chi bộ khu phố 3"]
    assert tree.province.subtree().count() == Organization.objects.count() == 8


def test_ancestors_go_from_root_down(tree):
    assert [o.name for o in tree.cell_a1.ancestors()] == [
        "Đảng bộ tỉnh Lai Châu", "Đảng bộ xã Bình Lư", "Đảng bộ Trường THPT Bình Lư"]


def test_member_counts_cover_whole_subtrees(tree):
    counts = member_counts_for([tree.province.pk, tree.commune_a.pk, tree.grassroots_a.pk, tree.cell_b1.pk])
    assert counts[tree.province.pk] == {"active": 9, "official": 8, "probationary": 1}
    assert counts[tree.commune_a.pk]["active"] == 7
    assert counts[tree.grassroots_a.pk] == {"active": 5, "official": 4, "probationary": 1}
    assert counts[tree.cell_b1.pk]["active"] == 2
    everything = all_member_counts()
    for org_id, bucket in counts.items():
        assert everything[org_id] == bucket


def test_moving_a_subtree_updates_closure_and_paths(tree):
    tree_ops.move_subtree(tree.grassroots_a, tree.commune_b)
    assert names(tree.commune_b.subtree()) == sorted([
        "Đảng bộ phường Tân Phong", "Chi bộ khu phố 3", "Đảng bộ Trường THPT Bình Lư", "Chi bộ Giáo viên 1",
        "Chi bộ Giáo viên 2"])
    assert names(tree.commune_a.subtree()) == ["Chi bộ thôn Nà Tăm", "Đảng bộ xã Bình Lư"]
    cell = Organization.objects.get(pk=tree.cell_a1.pk)
    assert cell.path.startswith(Organization.objects.get(pk=tree.commune_b.pk).path)
    assert cell.depth == 3
    assert member_counts_for([tree.commune_b.pk])[tree.commune_b.pk]["active"] == 7


def test_rebuild_reproduces_the_same_closure(tree):
    before = set(OrgClosure.objects.values_list("ancestor_id", "descendant_id", "depth"))
    paths = dict(Organization.objects.values_list("pk", "path"))
    tree_ops.rebuild_tree()
    assert set(OrgClosure.objects.values_list("ancestor_id", "descendant_id", "depth")) == before
    assert dict(Organization.objects.values_list("pk", "path")) == paths
