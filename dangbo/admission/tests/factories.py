"""Candidates at a chosen step, for tests (through the services, as a user would)."""
from __future__ import annotations

from datetime import date

from dangbo.admission import rules, services
from dangbo.admission.services import SponsorInput, StepInput

PERSON = {"full_name": "Vì Thị Hoa", "birth_date": date(2000, 5, 5), "gender": "nu", "ethnicity": "Thái",
          "religion": "Không", "citizen_id": "012300004567", "workplace": "hoc_sinh_sinh_vien",
          "source": "doan_thanh_nien"}

# One date per step, in order; the recognition meeting is late on purpose (official date
# must still be the end of the 12 months after the ceremony).
DATES = {
    rules.COURSE: date(2024, 3, 1),
    rules.APPLICATION: date(2024, 4, 1),
    rules.BIOGRAPHY: date(2024, 4, 15),
    rules.VERIFICATION: date(2024, 6, 3),
    rules.SPONSORS: date(2024, 6, 10),
    rules.CELL_RESOLUTION: date(2024, 6, 20),
    rules.GRASSROOTS_RESOLUTION: date(2024, 7, 5),
    rules.DECISION: date(2024, 8, 1),
    rules.CEREMONY: date(2024, 8, 20),
    rules.RECOGNITION: date(2025, 9, 10),
    rules.CARD: date(2025, 10, 1),
}


def _official_pair(tree, candidate):
    """Two official members of the candidate's own grassroots organization."""
    if candidate is not None and candidate.organization_id == tree.village_cell.pk:
        return tree.village_members[0], tree.village_members[1]
    if candidate is not None and candidate.organization_id == tree.cell_b1.pk:
        return tree.b1_members[0], tree.b1_members[1]
    return tree.a1_members[0], tree.a1_members[1]


def step_input(tree, step: str, candidate=None, **extra) -> StepInput:
    on = extra.pop("on", DATES[step])
    sponsor_a, sponsor_b = _official_pair(tree, candidate)
    defaults = {
        rules.COURSE: dict(certificate_date=on, certificate_number="125-GCN/TTCT"),
        rules.SPONSORS: dict(sponsors=[SponsorInput(rules.MEMBER_SPONSOR, sponsor_a, together_since=date(2023, 1, 1)),
                                       SponsorInput(rules.MEMBER_SPONSOR, sponsor_b, together_since=date(2022, 9, 1))]),
        rules.CELL_RESOLUTION: dict(approve=2, total=2, decision_number="05-NQ/CB"),
        rules.GRASSROOTS_RESOLUTION: dict(approve=5, total=7, decision_number="12-NQ/ĐU"),
        rules.DECISION: dict(decision_number="345-QĐ/HU"),
        rules.CEREMONY: dict(helper=sponsor_b),
        rules.RECOGNITION: dict(approve=2, total=2, decision_number="512-QĐ/HU"),
        rules.CARD: dict(card_number="01234567"),
    }.get(step, {})
    return StepInput(on=on, **{**defaults, **extra})


def new_candidate(tree, user=None, org=None, **person):
    return services.create_candidate(user or tree.admin, org or tree.cell_a1, {**PERSON, **person})


def verify_family(tree, candidate, on=date(2024, 5, 20)):
    for relation, name in (("ban_than", candidate.full_name), ("cha_de", "Vì Văn Lả"), ("me_de", "Lò Thị Xuân")):
        services.add_relative(tree.admin, candidate, relation=relation, full_name=name, verified_on=on)


def advance(tree, candidate, until: str, user=None):
    """Record every step before `until` (exclusive) with the dates above."""
    for step in rules.steps_for(candidate.under_grassroots_committee):
        if step == until:
            break
        if step == rules.VERIFICATION and not candidate.relatives.exists():
            verify_family(tree, candidate)
        services.record_step(user or tree.admin, candidate, step, step_input(tree, step, candidate))
        candidate.refresh_from_db()
    return candidate
