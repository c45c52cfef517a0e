"""Discipline decisions against the rules, the member register and the rating caps."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangbo.inspection import rules, services
from dangbo.inspection.models import DisciplineDecision
from dangbo.inspection.testing import discipline_member
from dangbo.members.models import EventKind, MemberStatus
from dangbo.ratings import services as rating_services
from dangbo.ratings.models import MemberRating
from dangbo.ratings.services import RatingInput


def decide(tree, member=None, **overrides):
    values = dict(member=member or tree.a1_members[0], form=rules.WARNING, violation_on=date(2024, 5, 1),
                  violation_summary="Vi phạm nguyên tắc tập trung dân chủ", decider=rules.UPPER_COMMITTEE,
                  decided_by=tree.commune_a, decided_on=date(2025, 3, 10), number="12-QĐ/UBKT",
                  received_on=date(2025, 3, 12))
    values.update(overrides)
    return services.decide_discipline(None, **values)


def test_a_2025_decision_caps_that_members_2025_rating_and_annulment_lifts_it(tree):
    an = tree.a1_members[0]
    rating_services.open_period(tree.admin, tree.province, 2025)
    rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(an, "httnv")])
    decision = decide(tree)
    assert MemberRating.objects.get(member=an, year=2025).disciplined is True
    assert [b.code for b in rating_services.validate_subtree(tree.province, 2025).breaches] == ["cap"]
    with pytest.raises(ValidationError, match="Nguyễn Văn An"):
        rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(an, "httnv")])
    rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(an, "khtnv")])

    services.record_appeal(None, decision, filed_on=date(2025, 4, 11), outcome=rules.ANNULLED,
                           decided_on=date(2025, 5, 20))
    assert MemberRating.objects.get(member=an, year=2025).disciplined is False
    rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(an, "httnv")])


def test_decision_of_another_year_does_not_cap_2025(tree):
    rating_services.open_period(tree.admin, tree.province, 2025)
    decide(tree, decided_on=date(2024, 12, 31), received_on=date(2024, 12, 31))
    rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [RatingInput(tree.a1_members[0], "httnv")])


def test_hand_set_flags_of_older_ratings_are_kept_as_history(tree):
    an = tree.a1_members[0]
    rating_services.open_period(tree.admin, tree.province, 2024)
    rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2024, [RatingInput(an, "khtnv")])
    MemberRating.objects.filter(member=an).update(disciplined=True, disciplined_by_hand=True)
    with pytest.raises(ValidationError):
        rating_services.save_cell_ratings(tree.admin, tree.cell_a1, 2024, [RatingInput(an, "htnv")])
    assert MemberRating.objects.get(member=an).disciplined is True


def test_probationary_member_cannot_be_dismissed_or_expelled(tree):
    chien = tree.a1_members[2]
    with pytest.raises(ValidationError) as error:
        decide(tree, chien, form=rules.DISMISSAL, held_post="Chi ủy viên")
    assert "dự bị" in error.value.message_dict["form"][0]
    with pytest.raises(ValidationError):
        decide(tree, chien, form=rules.EXPULSION)
    assert decide(tree, chien, form=rules.REPRIMAND).subject == rules.PROBATIONARY


def test_dismissal_needs_the_post_held(tree):
    with pytest.raises(ValidationError) as error:
        decide(tree, form=rules.DISMISSAL)
    assert "chức vụ" in error.value.message_dict["form"][0]
    assert decide(tree, form=rules.DISMISSAL, held_post="Phó Bí thư chi bộ").form == rules.DISMISSAL


def test_organization_cannot_be_expelled_and_is_capped_too(tree):
    with pytest.raises(ValidationError):
        services.decide_discipline(None, organization=tree.cell_b1, form=rules.EXPULSION, violation_on=date(2025, 1, 5),
                                   violation_summary="x", decider=rules.UPPER_COMMITTEE, decided_by=tree.commune_b,
                                   decided_on=date(2025, 2, 1))
    decision = services.decide_discipline(
        None, organization=tree.cell_b1, form=rules.WARNING, violation_on=date(2025, 1, 5), violation_summary="x",
        decider=rules.GRASSROOTS_COMMITTEE, decided_by=tree.commune_b, decided_on=date(2025, 2, 1))
    assert decision.subject == rules.ORGANIZATION and decision.year == 2025
    rating_services.open_period(tree.admin, tree.province, 2025)
    with pytest.raises(ValidationError, match="bị kỷ luật trong năm"):
        rating_services.save_org_rating(tree.admin, tree.cell_b1, 2025, level="htnv")


def test_expired_statute_is_refused_on_the_day_after(tree):
    decide(tree, form=rules.REPRIMAND, violation_on=date(2020, 3, 10), decided_on=date(2025, 3, 10))
    with pytest.raises(ValidationError) as error:
        decide(tree, tree.a1_members[1], form=rules.REPRIMAND, violation_on=date(2020, 3, 9), decided_on=date(2025, 3, 10))
    assert "thời hiệu" in error.value.message_dict["violation_on"][0]
    decide(tree, tree.a1_members[1], form=rules.REPRIMAND, violation_on=date(2020, 3, 9), decided_on=date(2025, 3, 10),
           unlimited_ground=rules.INTERNAL_POLITICS)


def test_postponement_during_nursing_refuses_the_decision(tree):
    binh = tree.a1_members[1]
    services.record_postponement(None, binh, reason=rules.NURSING, start=date(2024, 11, 1),
                                 child_born_on=date(2024, 11, 1))
    with pytest.raises(ValidationError) as error:
        decide(tree, binh, decided_on=date(2025, 10, 31))
    assert "nuôi con" in error.value.message_dict["decided_on"][0]
    assert decide(tree, binh, decided_on=date(2025, 11, 1)).year == 2025


def test_cell_decides_only_light_forms_effective_when_announced(tree):
    with pytest.raises(ValidationError):
        decide(tree, form=rules.EXPULSION, decider=rules.CELL, decided_by=tree.cell_a1)
    decision = decide(tree, decider=rules.CELL, decided_by=tree.cell_a1, decided_on=date(2025, 12, 30),
                      announced_on=date(2025, 12, 30))
    assert decision.effective_on == date(2025, 12, 30)
    with pytest.raises(ValidationError) as error:
        decide(tree, tree.a1_members[1], decider=rules.CELL_COMMITTEE, decided_by=tree.cell_a1)
    assert "Chi ủy" in error.value.message_dict["decider"][0]


def test_decision_needing_approval_counts_from_the_approval_year(tree):
    decision = decide(tree, form=rules.EXPULSION, decider=rules.GRASSROOTS_COMMITTEE, decided_by=tree.grassroots_a,
                      admission_delegated=True, decided_on=date(2024, 12, 20))
    assert decision.effective_on is None and decision.year is None
    tree.a1_members[0].refresh_from_db()
    assert tree.a1_members[0].status == MemberStatus.OFFICIAL
    services.approve_decision(None, decision, approved_on=date(2025, 1, 6))
    decision.refresh_from_db()
    assert decision.year == 2025
    tree.a1_members[0].refresh_from_db()
    assert tree.a1_members[0].status == MemberStatus.EXPELLED


def test_expulsion_ends_membership_and_a_successful_appeal_reinstates(tree):
    an = tree.a1_members[0]
    decision = decide(tree, form=rules.EXPULSION)
    an.refresh_from_db()
    assert an.status == MemberStatus.EXPELLED
    assert an.events.filter(kind=EventKind.EXPELLED, decision_number="12-QĐ/UBKT").exists()
    services.record_appeal(None, decision, filed_on=date(2025, 4, 1), outcome=rules.CHANGED, new_form=rules.WARNING,
                           decided_on=date(2025, 5, 2))
    an.refresh_from_db()
    assert an.status == MemberStatus.OFFICIAL
    assert an.events.filter(kind=EventKind.CORRECTION, date=date(2025, 5, 2)).exists()
    assert DisciplineDecision.objects.get(pk=decision.pk).final_form == rules.WARNING


def test_appeal_after_thirty_days_is_refused(tree):
    decision = decide(tree)  # received 12/03/2025
    with pytest.raises(ValidationError) as error:
        services.record_appeal(None, decision, filed_on=date(2025, 4, 12))
    assert "Quá thời hạn" in error.value.message_dict["filed_on"][0]
    services.record_appeal(None, decision, filed_on=date(2025, 4, 11))


def test_lighter_discipline_is_recorded_in_the_member_history(tree):
    discipline_member(tree.a2_members[0], date(2025, 6, 2))
    event = tree.a2_members[0].events.get(kind=EventKind.DISCIPLINE)
    assert event.discipline_form == rules.REPRIMAND and event.date == date(2025, 6, 2)


def test_annulment_of_a_reprimand_is_appended_to_the_member_history(tree):
    decision = decide(tree)
    services.record_appeal(None, decision, filed_on=date(2025, 3, 20), outcome=rules.ANNULLED,
                           decided_on=date(2025, 4, 2))
    events = list(tree.a1_members[0].events.values_list("kind", "note"))
    assert (EventKind.DISCIPLINE, "Cảnh cáo") in events
    assert (EventKind.CORRECTION, "Khiếu nại kỷ luật: xóa bỏ") in events


def test_appeal_that_raises_a_warning_to_expulsion_ends_membership(tree):
    decision = decide(tree)
    services.record_appeal(None, decision, filed_on=date(2025, 3, 20), outcome=rules.CHANGED,
                           new_form=rules.EXPULSION, decided_on=date(2025, 4, 2))
    tree.a1_members[0].refresh_from_db()
    assert tree.a1_members[0].status == MemberStatus.EXPELLED


def test_inspection_role_reads_its_subtree_but_writes_no_member_data(tree, inspector_b):
    from dangbo.access.scope import Scope

    scope = Scope.for_user(inspector_b)
    assert sorted(m.full_name for m in scope.members()) == ["Lê Quang Huy", "Đỗ Thu Hà"]
    assert scope.can_inspect(tree.cell_b1) and not scope.can_inspect(tree.cell_a1)
    assert not scope.can_write(tree.cell_b1)
    staff = Scope.for_user(tree.staff_a)
    assert not staff.can_inspect(tree.cell_a1) and staff.inspection_roots == frozenset()
