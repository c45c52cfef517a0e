"""Members and admission candidates share one set of personal fields (members/person.py):
the same columns and labels, the same name normalization, copied as one from a candidate
onto the member record the ceremony creates."""
from __future__ import annotations

from datetime import date

from dangbo.admission.models import Candidate
from dangbo.core import vn
from dangbo.members.models import Member
from dangbo.members.person import PersonalDetails


def test_both_models_take_their_personal_fields_from_one_place():
    for name in PersonalDetails.PERSONAL_FIELDS + ("sort_key", "search_name"):
        shared = PersonalDetails._meta.get_field(name)
        for model in (Member, Candidate):
            field = model._meta.get_field(name)
            assert (field.verbose_name, field.max_length, field.null, field.blank, field.choices) == \
                   (shared.verbose_name, shared.max_length, shared.null, shared.blank, shared.choices), (model, name)
    # Only the register makes a citizen ID unique: two candidates may share a mistyped one.
    assert Member._meta.get_field("citizen_id").unique and not Candidate._meta.get_field("citizen_id").unique


def test_a_candidate_name_is_normalized_as_a_member_name(tree):
    decomposed = vn.nfc("Nguyễn Thị Ánh").replace("ễ", "e\u0302\u0303")
    candidate = Candidate.objects.create(organization=tree.cell_a1, full_name=decomposed, birth_date=date(2000, 1, 1),
                                         gender="nu")
    member = Member(full_name=decomposed)
    member.normalize_name()
    assert candidate.full_name == member.full_name == "Nguyễn Thị Ánh"
    assert (candidate.sort_key, candidate.search_name) == (member.sort_key, member.search_name)
    assert candidate.personal_details()["full_name"] == "Nguyễn Thị Ánh"
