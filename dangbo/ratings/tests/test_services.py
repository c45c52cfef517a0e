"""Periods, entry and closing, as staff would do them."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangbo.audit.models import AuditEntry
from dangbo.inspection.testing import discipline_member
from dangbo.members.models import EventKind, MemberEvent
from dangbo.ratings import services
from dangbo.ratings.models import MemberRating, OrgRating, PeriodStatus
from dangbo.ratings.services import RatingInput
from dangbo.ratings.tests.factories import known_ratings, rate


def test_staff_opens_a_period_with_the_rule_set_of_the_year(tree):
    period = services.open_period(tree.staff_a, tree.commune_a, 2024)
    assert period.rule_set == "124-QĐ/TW" and period.status == PeriodStatus.OPEN
    assert services.open_period(tree.staff_a, tree.province, 2025).rule_set == "366-QĐ/TW"
    with pytest.raises(ValidationError):
        services.open_period(tree.staff_a, tree.commune_a, 2024)


def test_ratings_need_an_open_period_covering_the_cell(tree):
    with pytest.raises(ValidationError, match="Chưa mở"):
        services.save_member_rating(tree.admin, tree.a1_members[0], 2025, level="httnv")
    services.open_period(tree.admin, tree.commune_a, 2025)
    rating = services.save_member_rating(tree.admin, tree.a1_members[0], 2025, level="httnv")
    assert rating.organization == tree.cell_a1 and rating.rated_by == tree.grassroots_a
    assert rating.rated_on == services.default_rating_date(2025)


def test_cell_entry_saves_a_whole_cell_at_once_with_one_audit_entry(tree):
    services.open_period(tree.admin, tree.province, 2025)
    an, binh, chien = tree.a1_members
    before = AuditEntry.objects.count()
    result = services.save_cell_ratings(tree.secretary_a1, tree.cell_a1, 2025, [
        RatingInput(an, "htxsnv"), RatingInput(binh, "httnv"), RatingInput(chien, ""),
    ])
    assert result["saved"] == 2 and result["removed"] == 0
    assert AuditEntry.objects.count() == before + 1
    # 1 HTXSNV against 1 HTTNV in the grassroots organization: over the 20% quota -> warning.
    assert [w.code for w in result["warnings"]] == ["quota"]
    result = services.save_cell_ratings(tree.secretary_a1, tree.cell_a1, 2025, [
        RatingInput(an, "httnv"), RatingInput(binh, ""), RatingInput(chien, "htnv"),
    ])
    assert result == {"saved": 2, "removed": 1, "warnings": []}
    assert dict(MemberRating.objects.values_list("member__full_name", "level")) == {
        "Nguyễn Văn An": "httnv", "Lò Văn Chiến": "htnv"}


def test_disciplined_member_cannot_be_rated_above_khtnv(tree):
    services.open_period(tree.admin, tree.province, 2025)
    discipline_member(tree.a1_members[0], date(2025, 5, 4))
    with pytest.raises(ValidationError, match="Nguyễn Văn An"):
        services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(tree.a1_members[0], "htnv")])
    services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(tree.a1_members[0], "khtnv")])
    assert MemberRating.objects.get(member=tree.a1_members[0], year=2025).disciplined is True


def test_member_who_died_before_the_rating_date_is_not_rated(tree):
    from dangbo.members import services as member_services

    services.open_period(tree.admin, tree.province, 2025)
    member = tree.a2_members[0]
    member_services.end_membership(tree.admin, member, "tu_tran", on=date(2025, 3, 1))
    member.refresh_from_db()
    with pytest.raises(ValidationError, match="Không còn sinh hoạt"):
        services.save_member_rating(tree.admin, member, 2025, level="httnv", rated_on=date(2025, 12, 15))


def test_member_transferred_in_is_rated_by_the_new_cell(tree):
    from dangbo.members import services as member_services

    services.open_period(tree.admin, tree.province, 2025)
    member = tree.b1_members[0]
    member_services.transfer_member(tree.admin, member, tree.cell_a1, on=date(2025, 9, 1))
    assert MemberEvent.objects.filter(member=member, kind=EventKind.TRANSFER).exists()
    rating = services.save_member_rating(tree.admin, member, 2025, level="httnv", rated_on=date(2025, 12, 15))
    assert rating.organization == tree.cell_a1


def test_organization_rating_is_decided_by_the_superior_and_capped(tree):
    services.open_period(tree.admin, tree.province, 2025)
    rating = services.save_org_rating(tree.staff_a, tree.grassroots_a, 2025, level="httnv")
    assert rating.rated_by == tree.commune_a
    with pytest.raises(ValidationError, match="có vi phạm"):
        services.save_org_rating(tree.staff_a, tree.grassroots_a, 2025, level="htnv", violations=True)
    with pytest.raises(ValidationError):
        services.save_org_rating(tree.staff_a, tree.grassroots_a, 2025, level="htxsnv", subordinate_disciplined=True)
    assert OrgRating.objects.get().level == "httnv"


def test_closing_is_blocked_while_breaches_remain_and_lists_them(tree):
    known_ratings(tree)
    period = services.open_period(tree.admin, tree.province, 2025)
    with pytest.raises(ValidationError) as error:
        services.close_period(tree.admin, period)
    messages = error.value.message_dict["status"]
    # Members: grassroots_a 1 HTXSNV against 2 HTTNV; cell_b1 1 against 1.
    # Organizations: commune_b rated its only grassroots cell HTXSNV with no HTTNV beside it.
    assert "còn 3 vi phạm" in messages[0]
    assert any("Đảng bộ Trường THPT Bình Lư" in m for m in messages)
    assert any("Chi bộ khu phố 3" in m for m in messages)
    assert any("do Đảng bộ phường Tân Phong xếp loại" in m for m in messages)
    MemberRating.objects.filter(level="htxsnv").update(level="httnv")
    OrgRating.objects.filter(level="htxsnv").update(level="httnv")
    period = services.close_period(tree.admin, period)
    assert period.status == PeriodStatus.CLOSED


def test_closed_period_is_read_only_and_reopening_is_audited(tree):
    period = services.open_period(tree.admin, tree.province, 2025)
    services.close_period(tree.admin, period)
    with pytest.raises(ValidationError, match="đã khóa"):
        services.save_member_rating(tree.admin, tree.a1_members[0], 2025, level="httnv")
    with pytest.raises(ValidationError, match="lý do"):
        services.reopen_period(tree.admin, period, "  ")
    services.reopen_period(tree.admin, period, "Bổ sung kết quả chi bộ 2")
    assert AuditEntry.objects.filter(note__contains="Bổ sung kết quả chi bộ 2").exists()
    services.save_member_rating(tree.admin, tree.a1_members[0], 2025, level="httnv")


def test_a_lower_open_period_does_not_override_a_closed_one_above(tree):
    services.close_period(tree.admin, services.open_period(tree.admin, tree.province, 2025))
    services.open_period(tree.admin, tree.commune_a, 2025)
    assert services.period_state(tree.cell_a1, 2025)[0] is False
    assert services.closed_org_ids([tree.cell_a1.pk, tree.cell_b1.pk], 2024) == {tree.cell_a1.pk, tree.cell_b1.pk}


def test_validation_names_a_capped_rating_entered_directly(tree):
    rate(tree.a1_members[0], 2025, "httnv", disciplined=True, disciplined_by_hand=True)
    result = services.validate_subtree(tree.province, 2025)
    assert [b.code for b in result.breaches] == ["cap"]
    assert "Nguyễn Văn An" in result.breaches[0].message
