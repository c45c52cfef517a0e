"""Drafts with stable paragraphs, comment rounds, who has not answered, synthesis and the next draft."""
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from dangbo.congress import services
from dangbo.congress.models import CommentKind, DraftVersion
from dangbo.congress.paragraphs import Change, diff_versions
from dangbo.congress.synthesis import Decision
from dangbo.congress.tests.factories import DRAFT_V1, build_congress


@pytest.fixture
def congress(tree):
    return build_congress(tree)


def test_draft_text_becomes_numbered_paragraphs_with_headings(congress):
    paragraphs = list(congress.v1.paragraphs.all())
    assert [p.number for p in paragraphs] == [1, 2, 3, 4, 5, 6]
    assert [p.kind for p in paragraphs][:2] == ["heading", "text"] and paragraphs[4].kind == "heading"


def test_second_draft_keeps_keys_and_diff_shows_each_paragraph(congress):
    text = DRAFT_V1.replace("kịp thời định hướng", "chủ động định hướng").replace(
        "II. PHƯƠNG HƯỚNG", "Công tác kiểm tra, giám sát được tăng cường, xử lý nghiêm vi phạm.\nII. PHƯƠNG HƯỚNG")
    v2 = services.add_version_from_text(congress.staff_province, congress.document, text)
    assert v2.number == 2
    old = {p.number: p.key for p in congress.v1.paragraphs.all()}
    new = {p.number: p.key for p in v2.paragraphs.all()}
    assert new[2] == old[2] and new[7] == old[6] and new[5] not in old.values()
    rows = diff_versions(list(congress.v1.paragraphs.values_list("key", "text")), list(v2.paragraphs.values_list("key", "text")))
    changes = {r.new_number: r.change for r in rows}
    assert changes[2] is Change.MODIFIED and changes[5] is Change.ADDED and changes[3] is Change.UNCHANGED


def test_staff_see_who_has_not_answered(congress, tree):
    pending = {r.organization.name for r in services.not_answered(congress.round)}
    assert pending == {tree.commune_a.name, tree.cell_a1.name}
    services.submit_response(tree.staff_a, congress.rec_a)
    assert {r.organization.name for r in services.not_answered(congress.round)} == {tree.cell_a1.name}


def test_round_goes_only_to_subordinate_units(congress, tree):
    with pytest.raises(ValidationError):
        services.create_round(congress.staff_province, congress.v1, title="x", deadline=congress.round.deadline,
                              recipients=[tree.province])


def test_unit_cannot_comment_after_the_deadline_but_staff_can_enter_on_its_behalf(congress, tree):
    late = congress.round.deadline + timedelta(days=1)
    with pytest.raises(ValidationError):
        services.add_comment(tree.staff_a, congress.rec_a, kind=CommentKind.AGREE, today=late)
    comment = services.add_comment(congress.staff_province, congress.rec_a, kind=CommentKind.AGREE, on_behalf=True, today=late)
    assert comment.on_behalf


def test_proposal_needs_wording_and_a_paragraph_of_the_draft_sent(congress, tree):
    with pytest.raises(ValidationError) as error:
        services.add_comment(tree.staff_a, congress.rec_a, kind=CommentKind.PROPOSAL, paragraph=congress.p3)
    assert "proposed_text" in error.value.message_dict
    other = services.add_version_from_text(congress.staff_province, congress.document, DRAFT_V1)
    with pytest.raises(ValidationError):
        services.add_comment(tree.staff_a, congress.rec_a, kind=CommentKind.COMMENT, text="x",
                             paragraph=other.paragraphs.get(number=3))


def test_synthesis_groups_same_proposal_from_two_units_and_counts_them(congress):
    assert services.group_comments(congress.staff_province, congress.round) == 2
    rows = services.synthesis_rows(congress.round)
    assert [row["paragraph_label"] for row in rows] == ["Toàn văn", "Đoạn 3"]
    paragraph_row = rows[1]
    assert len(paragraph_row["units"]) == 2 and paragraph_row["item"].comments.count() == 2
    assert services.group_comments(congress.staff_province, congress.round) == 0  # nothing left to group


def test_not_accepting_needs_a_reason(congress):
    services.group_comments(congress.staff_province, congress.round)
    item = congress.round.items.get(paragraph_key__isnull=True)
    with pytest.raises(ValidationError):
        services.decide_item(congress.staff_province, item, decision=Decision.REJECTED.value)


def test_accepted_wording_flows_into_the_next_draft(congress):
    services.group_comments(congress.staff_province, congress.round)
    paragraph_item = congress.round.items.get(paragraph_key=congress.p3.key)
    whole_item = congress.round.items.get(paragraph_key__isnull=True)
    with pytest.raises(ValidationError):  # pending opinions block the next draft
        services.create_next_version(congress.staff_province, congress.round)
    services.decide_item(congress.staff_province, paragraph_item, decision=Decision.ACCEPTED.value)
    services.decide_item(congress.staff_province, whole_item, decision=Decision.EXPLAINED.value,
                         response="Bố cục theo Hướng dẫn của Ban Thường vụ.")
    v2 = services.create_next_version(congress.staff_province, congress.round)
    changed = v2.paragraphs.get(key=congress.p3.key)
    assert "712 đảng viên" in changed.text and changed.number == 3
    rows = diff_versions(list(congress.v1.paragraphs.values_list("key", "text")), list(v2.paragraphs.values_list("key", "text")))
    assert [r.new_number for r in rows if r.change is not Change.UNCHANGED] == [3]


def test_moving_a_comment_out_makes_its_own_opinion(congress):
    services.group_comments(congress.staff_province, congress.round)
    comment = congress.round.comments.get(pk=congress.comment_b.pk)
    services.move_comment(congress.staff_province, comment, None)
    assert congress.round.items.filter(paragraph_key=congress.p3.key).count() == 2
    assert DraftVersion.objects.count() == 1
