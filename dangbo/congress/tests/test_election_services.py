"""Elections through the services: ballots, the denominator, ties, the second round, the minutes."""
import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from dangbo.congress import reports, services
from dangbo.congress.models import ElectionKind, ElectionStatus, RoundKind
from dangbo.congress.tests.factories import build_congress, close_with_votes


@pytest.fixture
def congress(tree):
    return build_congress(tree)


def ids(round_):
    return {e.candidate.full_name: e.candidate_id for e in round_.entries.select_related("candidate")}


def test_candidate_list_with_more_than_thirty_percent_surplus_is_refused(congress):
    with pytest.raises(ValidationError):
        services.create_election(congress.staff_province, congress.congress, kind=ElectionKind.DELEGATES,
                                 title="Bầu đại biểu", seats=3, candidates=["A Văn", "B Văn", "C Văn", "D Văn"])


def test_ballots_are_judged_by_the_rule_not_the_clerk(congress):
    round_ = congress.election_round
    people = ids(round_)
    valid = services.record_ballot(congress.staff_province, round_, struck=[people["Nguyễn Văn An"]])
    blank = services.record_ballot(congress.staff_province, round_, struck=[])
    all_struck = services.record_ballot(congress.staff_province, round_, struck=list(people.values()))
    added = services.record_ballot(congress.staff_province, round_, struck=[people["Lê Quang Huy"]], names_added=True)
    assert valid.valid
    assert not blank.valid and "không gạch tên ai" in blank.invalid_reason
    assert not all_struck.valid and not added.valid
    tally = services.tally_from_ballots(round_)
    assert (tally.valid, tally.invalid) == (1, 3) and tally.votes[people["Nguyễn Văn An"]] == 0


def test_eleven_summoned_ten_present_five_votes_do_not_elect(congress):
    round_ = congress.election_round
    result = close_with_votes(congress.staff_province, round_,
                              {"Nguyễn Văn An": 6, "Trần Thị Bình": 6, "Lò Văn Chiến": 6, "Phạm Minh Đức": 6,
                               "Hoàng Thị Én": 5, "Lê Quang Huy": 4}, valid=10)
    round_.refresh_from_db()
    assert result.denominator.value == 11 and len(result.elected) == 4
    en = round_.entries.get(candidate__full_name="Hoàng Thị Én")
    assert not en.elected and "cần ít nhất 6" in en.reason
    assert result.next_round.seats == 1
    assert congress.election.status == ElectionStatus.OPEN


def test_exclusions_lower_the_denominator(congress):
    result = close_with_votes(congress.staff_province, congress.election_round,
                              {"Nguyễn Văn An": 5, "Trần Thị Bình": 5, "Lò Văn Chiến": 5, "Phạm Minh Đức": 5,
                               "Hoàng Thị Én": 5, "Lê Quang Huy": 1}, valid=9,
                              exclusions={"delegate_absent_no_alternate": 2})
    assert result.denominator.value == 9 and len(result.elected) == 5


def test_tie_at_the_last_seat_then_revote_among_the_tied_finishes_the_election(congress):
    round_ = congress.election_round
    close_with_votes(congress.staff_province, round_,
                     {"Nguyễn Văn An": 10, "Trần Thị Bình": 9, "Lò Văn Chiến": 9, "Phạm Minh Đức": 8,
                      "Hoàng Thị Én": 7, "Lê Quang Huy": 7}, valid=10)
    revote = services.start_next_round(congress.staff_province, round_)
    assert revote.kind == RoundKind.TIE_REVOTE and revote.seats == 1
    assert set(ids(revote)) == {"Hoàng Thị Én", "Lê Quang Huy"}
    close_with_votes(congress.staff_province, revote, {"Hoàng Thị Én": 7, "Lê Quang Huy": 3}, valid=10)
    congress.election.refresh_from_db()
    assert congress.election.status == ElectionStatus.FINISHED
    assert services.election_seats_left(congress.election) == 0


def test_second_round_lists_those_not_elected_and_may_add_names(congress):
    round_ = congress.election_round
    close_with_votes(congress.staff_province, round_,
                     {"Nguyễn Văn An": 8, "Trần Thị Bình": 7, "Lò Văn Chiến": 6, "Phạm Minh Đức": 5,
                      "Hoàng Thị Én": 4, "Lê Quang Huy": 3}, valid=10)
    second = services.start_next_round(congress.staff_province, round_, extra_names=["Vàng Thị Dợ"])
    assert second.kind == RoundKind.ADDITIONAL and second.seats == 2
    assert set(ids(second)) == {"Phạm Minh Đức", "Hoàng Thị Én", "Lê Quang Huy", "Vàng Thị Dợ"}
    with pytest.raises(ValidationError):
        services.start_next_round(congress.staff_province, round_)


def test_board_counts_that_do_not_add_up_are_refused(congress):
    with pytest.raises(ValidationError):
        close_with_votes(congress.staff_province, congress.election_round,
                         {"Nguyễn Văn An": 11, "Trần Thị Bình": 0, "Lò Văn Chiến": 0, "Phạm Minh Đức": 0,
                          "Hoàng Thị Én": 0, "Lê Quang Huy": 0}, valid=10)


def test_minutes_docx_holds_one_row_per_candidate_and_the_denominator(congress):
    round_ = congress.election_round
    close_with_votes(congress.staff_province, round_,
                     {"Nguyễn Văn An": 10, "Trần Thị Bình": 9, "Lò Văn Chiến": 9, "Phạm Minh Đức": 8,
                      "Hoàng Thị Én": 6, "Lê Quang Huy": 5}, valid=10)
    data, content_type, _ = reports.minutes_report(round_, "docx")
    document = Document(io.BytesIO(data))
    table = document.tables[-2]  # the last table is the signature block
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == reports.MINUTES_HEADERS and len(rows) == 7
    assert rows[1][1] == "Nguyễn Văn An" and rows[1][4] == "Trúng cử"
    assert rows[6] == ["6", "Lê Quang Huy", "5", "45,45%", "Không trúng cử"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BIÊN BẢN KIỂM PHIẾU" in text and "ít nhất 6 phiếu" in text and "Hoàng Văn Kiểm" in text


def test_synthesis_docx_lists_each_opinion_with_its_unit_count(congress, tree):
    from dangbo.congress.synthesis import Decision

    services.group_comments(congress.staff_province, congress.round)
    item = congress.round.items.get(paragraph_key=congress.p3.key)
    services.decide_item(congress.staff_province, item, decision=Decision.ACCEPTED.value)
    data, _, _ = reports.synthesis_report(congress.round, "docx")
    document = Document(io.BytesIO(data))
    rows = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert rows[0] == reports.SYNTHESIS_HEADERS and len(rows) == 3
    assert rows[2][1] == "Đoạn 3" and rows[2][3] == "2" and rows[2][5] == "Tiếp thu"
    assert tree.commune_a.name in rows[2][4] and tree.commune_b.name in rows[2][4]
    assert rows[1][1] == "Toàn văn" and rows[1][5] == "Chưa xử lý"


def test_pdf_reports_render(congress):
    pytest.importorskip("weasyprint")
    services.group_comments(congress.staff_province, congress.round)
    data, content_type, _ = reports.synthesis_report(congress.round, "pdf")
    assert data.startswith(b"%PDF") and content_type == "application/pdf"
    close_with_votes(congress.staff_province, congress.election_round,
                     {"Nguyễn Văn An": 10, "Trần Thị Bình": 9, "Lò Văn Chiến": 9, "Phạm Minh Đức": 8,
                      "Hoàng Thị Én": 6, "Lê Quang Huy": 5}, valid=10)
    from pypdf import PdfReader

    pdf, _, _ = reports.minutes_report(congress.election_round, "pdf")
    assert "Lê Quang Huy" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
