"""Optimistic locking (core.versioning) through the member record: a stale save never
overwrites, concurrent edits of different fields all survive, and saves write only what changed."""
import pytest

from dangbo.audit.models import AuditEntry
from dangbo.core import versioning
from dangbo.members import services
from dangbo.members.models import Member


def fresh(member):
    return Member.objects.get(pk=member.pk)


def test_every_save_raises_the_version(tree):
    member = tree.a1_members[0]
    start = fresh(member).version
    services.update_member(tree.staff_a, member, {"phone": "0912000001"}, version=start)
    assert fresh(member).version == start + 1


def test_stale_save_of_the_same_field_is_refused_with_both_values(tree):
    member = tree.a1_members[0]
    read = fresh(member).version
    services.update_member(tree.staff_a, fresh(member), {"home_town": "Xã Bình Lư"}, version=read)
    with pytest.raises(versioning.EditConflict) as caught:
        services.update_member(tree.secretary_a1, fresh(member), {"home_town": "Xã Nậm Tăm"}, version=read)
    conflict = caught.value
    assert [(c.label, c.theirs, c.yours) for c in conflict.conflicts] == [("Quê quán", "Xã Bình Lư", "Xã Nậm Tăm")]
    assert "người khác đã lưu «Xã Bình Lư», bạn nhập «Xã Nậm Tăm»" in conflict.message
    assert fresh(member).home_town == "Xã Bình Lư"
    assert conflict.current_version == fresh(member).version


def test_stale_save_of_other_fields_is_merged(tree):
    member = tree.a1_members[0]
    read = fresh(member)
    form_values = {"home_town": read.home_town, "phone": read.phone, "occupation": read.occupation}
    services.update_member(tree.staff_a, fresh(member), {**form_values, "home_town": "Xã Bình Lư"}, version=read.version)
    # The second editor's form still shows the old home town; only the phone is theirs.
    services.update_member(tree.secretary_a1, fresh(member), {**form_values, "phone": "0987654321"}, version=read.version)
    saved = fresh(member)
    assert (saved.home_town, saved.phone) == ("Xã Bình Lư", "0987654321")


def test_same_value_saved_twice_is_no_conflict(tree):
    member = tree.a1_members[0]
    read = fresh(member).version
    services.update_member(tree.staff_a, fresh(member), {"occupation": "Giáo viên"}, version=read)
    services.update_member(tree.secretary_a1, fresh(member), {"occupation": "Giáo viên"}, version=read)
    assert fresh(member).occupation == "Giáo viên"


def test_change_outside_the_log_makes_every_differing_field_a_conflict(tree):
    member = tree.a1_members[0]
    read = fresh(member).version
    Member.objects.filter(pk=member.pk).update(version=read + 1, phone="0900000000")  # no audit entry
    with pytest.raises(versioning.EditConflict):
        services.update_member(tree.staff_a, fresh(member), {"phone": "0911111111"}, version=read)


def test_save_writes_only_the_changed_fields(tree):
    member = tree.a1_members[0]
    stale_copy = fresh(member)
    Member.objects.filter(pk=member.pk).update(occupation="Bác sĩ")  # another writer, unseen by stale_copy
    services.update_member(tree.staff_a, stale_copy, {"phone": "0912000002"})
    saved = fresh(member)
    assert (saved.occupation, saved.phone) == ("Bác sĩ", "0912000002")


def test_nothing_changed_nothing_saved(tree):
    member = fresh(tree.a1_members[0])
    entries = AuditEntry.objects.count()
    services.update_member(tree.staff_a, member, {"full_name": member.full_name}, version=member.version)
    assert fresh(member).version == member.version and AuditEntry.objects.count() == entries


@pytest.mark.parametrize("raw, expected", [("3", 3), ('"3"', 3), ('W/"12"', 12), ("", None), (None, None),
                                           ("*", None), ("-1", None)])
def test_parse_version(raw, expected):
    assert versioning.parse_version(raw) == expected
