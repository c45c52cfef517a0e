"""One candidate through every step to official member, and the rules the services enforce."""
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangbo.admission import rules, services
from dangbo.admission.models import AdmissionStep, Candidate
from dangbo.admission.tests.factories import DATES, advance, new_candidate, step_input, verify_family
from dangbo.audit.models import AuditEntry
from dangbo.members.models import EventKind, MemberStatus

pytestmark = pytest.mark.django_db


def test_one_candidate_walks_every_step_to_official_member_with_a_card(tree):
    candidate = new_candidate(tree)
    assert candidate.stage == rules.COURSE
    candidate = advance(tree, candidate, until=rules.CEREMONY)
    assert candidate.stage == rules.CEREMONY
    assert candidate.admitted_on == DATES[rules.DECISION]
    assert candidate.member is None

    services.record_step(tree.admin, candidate, rules.CEREMONY, step_input(tree, rules.CEREMONY))
    candidate.refresh_from_db()
    member = candidate.member
    assert member.status == MemberStatus.PROBATIONARY
    assert member.admission_date == date(2024, 8, 1)  # party seniority from the decision, not the ceremony
    assert member.organization == tree.cell_a1
    assert candidate.helper == tree.a1_members[1]
    admitted = member.events.get(kind=EventKind.ADMITTED)
    assert admitted.date == date(2024, 8, 1) and admitted.decision_number == "345-QĐ/HU"
    assert "20/08/2024" in admitted.note and "Trần Thị Bình" in admitted.note

    services.record_step(tree.admin, candidate, rules.RECOGNITION, step_input(tree, rules.RECOGNITION))
    member.refresh_from_db()
    assert member.status == MemberStatus.OFFICIAL
    assert member.official_date == date(2025, 8, 20)  # end of the 12 months after the ceremony; meeting 10/09
    assert member.events.get(kind=EventKind.RECOGNIZED).date == date(2025, 8, 20)

    services.record_step(tree.admin, candidate, rules.CARD, step_input(tree, rules.CARD))
    member.refresh_from_db()
    candidate.refresh_from_db()
    assert member.card_number == "01234567"
    assert candidate.stage == rules.DONE
    assert list(candidate.steps.values_list("step", flat=True)) == list(rules.ALL_STEPS)
    assert AuditEntry.objects.filter(note__contains="Lễ kết nạp").exists()


def test_a_grassroots_cell_goes_from_its_resolution_straight_to_the_decision(tree):
    candidate = new_candidate(tree, org=tree.village_cell)
    candidate = advance(tree, candidate, until=rules.CELL_RESOLUTION)
    services.record_step(tree.admin, candidate, rules.CELL_RESOLUTION,
                         step_input(tree, rules.CELL_RESOLUTION, candidate))
    candidate.refresh_from_db()
    assert candidate.stage == rules.DECISION
    with pytest.raises(ValidationError):
        services.record_step(tree.admin, candidate, rules.GRASSROOTS_RESOLUTION,
                             step_input(tree, rules.GRASSROOTS_RESOLUTION, candidate))


def test_steps_out_of_order_are_refused(tree):
    candidate = new_candidate(tree)
    with pytest.raises(ValidationError) as error:
        services.record_step(tree.admin, candidate, rules.BIOGRAPHY, step_input(tree, rules.BIOGRAPHY))
    assert "step" in error.value.message_dict


def test_a_failed_chi_bo_vote_is_kept_and_the_candidate_stays(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.CELL_RESOLUTION)
    row = services.record_step(tree.admin, candidate, rules.CELL_RESOLUTION,
                               step_input(tree, rules.CELL_RESOLUTION, approve=1, total=2))
    candidate.refresh_from_db()
    assert not row.passed and candidate.stage == rules.CELL_RESOLUTION
    services.record_step(tree.admin, candidate, rules.CELL_RESOLUTION, step_input(tree, rules.CELL_RESOLUTION))
    candidate.refresh_from_db()
    assert candidate.stage == rules.GRASSROOTS_RESOLUTION


def test_chi_bo_resolution_checks_age_certificate_and_sponsors(tree):
    young = advance(tree, new_candidate(tree, birth_date=date(2006, 6, 21), citizen_id=""), until=rules.CELL_RESOLUTION)
    with pytest.raises(ValidationError) as error:  # 17 years 11 months on 20/06/2024
        services.record_step(tree.admin, young, rules.CELL_RESOLUTION, step_input(tree, rules.CELL_RESOLUTION))
    assert "birth_date" in error.value.message_dict
    old_course = advance(tree, new_candidate(tree, full_name="Lường Văn Tâm", citizen_id=""), until=rules.CELL_RESOLUTION)
    old_course.course_certificate_date = date(2019, 6, 19)  # 60 months end on 19/06/2024, one day before
    old_course.save()
    with pytest.raises(ValidationError) as error:
        services.record_step(tree.admin, old_course, rules.CELL_RESOLUTION, step_input(tree, rules.CELL_RESOLUTION))
    assert "certificate_date" in error.value.message_dict


def test_a_sponsor_with_11_months_together_is_refused(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.SPONSORS)
    data = step_input(tree, rules.SPONSORS)
    data.sponsors[0].together_since = date(2023, 7, 11)  # 11 months before 10/06/2024
    with pytest.raises(ValidationError) as error:
        services.record_step(tree.admin, candidate, rules.SPONSORS, data)
    assert "sponsors" in error.value.message_dict


def test_a_probationary_sponsor_is_refused(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.SPONSORS)
    data = step_input(tree, rules.SPONSORS)
    data.sponsors[0].member = tree.a1_members[2]  # Lò Văn Chiến, probationary
    with pytest.raises(ValidationError):
        services.record_step(tree.admin, candidate, rules.SPONSORS, data)


def test_verification_waits_for_every_relative(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.VERIFICATION)
    services.add_relative(tree.admin, candidate, relation="ban_than", full_name="Vì Thị Hoa", verified_on=date(2024, 5, 1))
    mother = services.add_relative(tree.admin, candidate, relation="me_de", full_name="Lò Thị Xuân")
    with pytest.raises(ValidationError):
        services.record_step(tree.admin, candidate, rules.VERIFICATION, step_input(tree, rules.VERIFICATION))
    services.verify_relative(tree.admin, mother, verified_on=date(2024, 5, 30))
    services.record_step(tree.admin, candidate, rules.VERIFICATION, step_input(tree, rules.VERIFICATION))


def test_a_late_ceremony_needs_the_upper_committees_approval(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.CEREMONY)
    late = step_input(tree, rules.CEREMONY, on=date(2024, 10, 1))
    with pytest.raises(ValidationError) as error:
        services.record_step(tree.admin, candidate, rules.CEREMONY, late)
    assert "on" in error.value.message_dict
    late.late_approval = "88-CV/ĐU"
    services.record_step(tree.admin, candidate, rules.CEREMONY, late)


def test_recognition_before_12_months_is_refused(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.RECOGNITION)
    with pytest.raises(ValidationError):
        services.record_step(tree.admin, candidate, rules.RECOGNITION,
                             step_input(tree, rules.RECOGNITION, on=date(2025, 8, 19)))


def test_three_failed_recognition_votes_go_to_the_upper_committee(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.RECOGNITION)
    for attempt in range(3):
        services.record_step(tree.admin, candidate, rules.RECOGNITION,
                             step_input(tree, rules.RECOGNITION, approve=1, total=2, on=date(2025, 9, 1 + attempt)))
    candidate.refresh_from_db()
    assert candidate.failed_recognition_votes == 3 and candidate.escalated
    with pytest.raises(ValidationError):  # the upper committee's decision number is needed now
        services.record_step(tree.admin, candidate, rules.RECOGNITION,
                             step_input(tree, rules.RECOGNITION, decision_number="", on=date(2025, 9, 20)))
    services.record_step(tree.admin, candidate, rules.RECOGNITION,
                         step_input(tree, rules.RECOGNITION, approve=None, total=None, on=date(2025, 10, 20),
                                    decision_number="77-QĐ/TU"))
    candidate.member.refresh_from_db()
    assert candidate.member.official_date == date(2025, 8, 20)


def test_an_upper_committee_refusal_removes_the_probationary_member(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.RECOGNITION)
    candidate.escalated = True
    candidate.save()
    services.record_step(tree.admin, candidate, rules.RECOGNITION,
                         step_input(tree, rules.RECOGNITION, recognized=False, decision_number="78-QĐ/TU"))
    candidate.refresh_from_db()
    candidate.member.refresh_from_db()
    assert candidate.stage == rules.STOPPED
    assert candidate.member.status == MemberStatus.REMOVED


def test_personal_data_is_validated_like_members(tree):
    with pytest.raises(ValidationError) as error:
        new_candidate(tree, full_name="Hoa", citizen_id="12ab", phone="12")
    assert {"full_name", "citizen_id", "phone"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError):  # a member's citizen id
        new_candidate(tree, citizen_id=tree.a1_members[0].citizen_id)


def test_candidates_belong_to_a_chi_bo(tree):
    with pytest.raises(ValidationError):
        new_candidate(tree, org=tree.grassroots_a)


def test_bulk_course_moves_each_candidate_that_can_move(tree):
    first = new_candidate(tree)
    second = new_candidate(tree, full_name="Lường Văn Tâm", citizen_id="")
    advance(tree, second, until=rules.APPLICATION)
    moved, problems = services.bulk_record(tree.admin, [first, second], rules.COURSE, on=date(2024, 3, 1))
    assert moved == 1 and list(problems) == ["Lường Văn Tâm"]
    with pytest.raises(ValidationError):
        services.bulk_record(tree.admin, [first], rules.DECISION, on=date(2024, 3, 1))


def test_stopping_keeps_the_history(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.BIOGRAPHY)
    services.stop_candidate(tree.admin, candidate, on=date(2024, 5, 1), reason="Rút đơn")
    candidate.refresh_from_db()
    assert candidate.stage == rules.STOPPED
    assert AdmissionStep.objects.filter(candidate=candidate).count() == 2
    assert Candidate.objects.count() == 1


def test_verify_family_helper_is_enough(tree):
    candidate = advance(tree, new_candidate(tree), until=rules.VERIFICATION)
    verify_family(tree, candidate)
    services.record_step(tree.admin, candidate, rules.VERIFICATION, step_input(tree, rules.VERIFICATION))


def test_a_step_lists_its_date_and_its_own_problems_together(tree):
    """The chi bộ resolution of a candidate who is too young, with a vote that does not add up:
    both refusals in one answer, not one per try."""
    young = advance(tree, new_candidate(tree, birth_date=date(2006, 6, 21), citizen_id=""), until=rules.CELL_RESOLUTION)
    data = step_input(tree, rules.CELL_RESOLUTION, approve=9, total=5)
    with pytest.raises(ValidationError) as error:
        services.record_step(tree.admin, young, rules.CELL_RESOLUTION, data)
    assert set(error.value.message_dict) >= {"birth_date", "approve"}


def test_a_course_certificate_dated_before_the_course_and_in_the_future_says_both(tree):
    candidate = new_candidate(tree)
    data = step_input(tree, rules.COURSE, certificate_date=date(2999, 1, 1), on=date(2999, 1, 2))
    with pytest.raises(ValidationError) as error:
        services.record_step(tree.admin, candidate, rules.COURSE, data)
    problems = error.value.message_dict
    assert problems["on"] == ["Ngày ở tương lai."]
    assert problems["certificate_date"] == ["Ngày cấp giấy chứng nhận trước ngày học lớp.",
                                            "Ngày cấp giấy chứng nhận ở tương lai."]
