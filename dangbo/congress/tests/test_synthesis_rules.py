"""Grouping and counting comments for the synthesis (no database)."""
from dangbo.congress.synthesis import CommentIn, Decision, check_decision, decision_totals, paragraph_counts, suggest_groups


def comments():
    return [
        CommentIn(1, unit=10, paragraph_key=3, kind="proposal", proposed_text="Bổ sung chỉ tiêu kết nạp đảng viên."),
        CommentIn(2, unit=11, paragraph_key=3, kind="proposal", proposed_text="bổ sung chỉ tiêu kết nạp đảng viên"),
        CommentIn(3, unit=11, paragraph_key=3, kind="comment", text="Đề nghị làm rõ nguyên nhân hạn chế."),
        CommentIn(4, unit=12, paragraph_key=3, kind="agree"),
        CommentIn(5, unit=12, paragraph_key=None, kind="comment", text="Bố cục cần cân đối hơn."),
        CommentIn(6, unit=10, paragraph_key=5, kind="comment", text="Nêu rõ số liệu.", group=99),
        CommentIn(7, unit=13, paragraph_key=5, kind="comment", text="Cần có số liệu cụ thể.", group=99),
    ]


def test_same_proposal_from_two_units_is_one_opinion_raised_by_two_units():
    opinions = suggest_groups(comments())
    first = opinions[0]
    assert first.paragraph_key == 3 and first.comment_ids == [1, 2] and first.unit_count == 2
    assert [o.paragraph_key for o in opinions] == [3, 3, 5, None]


def test_groups_made_by_the_drafting_team_are_kept():
    opinion = [o for o in suggest_groups(comments()) if o.group == 99][0]
    assert opinion.comment_ids == [6, 7] and opinion.unit_count == 2


def test_paragraph_counts_separate_agreement_from_comments():
    counts = paragraph_counts(comments())
    assert (counts[3].comments, counts[3].units, counts[3].agreeing_units, counts[3].proposals) == (3, 2, 1, 2)
    assert counts[None].units == 1


def test_decision_totals_and_reason_required():
    totals = decision_totals(["tiep_thu", "tiep_thu", "giai_trinh", "chua_xu_ly"])
    assert totals[Decision.ACCEPTED] == 2 and totals[Decision.REJECTED] == 0
    assert check_decision(Decision.REJECTED, " ") is not None
    assert check_decision(Decision.ACCEPTED, "") is None
