"""The vote-counting board enters ballots and closes the count through the election round page."""
from django.urls import reverse

from dangbo.congress.tests.factories import build_congress


def test_board_enters_ballots_closes_the_count_and_downloads_the_minutes(tree, login):
    congress = build_congress(tree)
    round_ = congress.election_round
    url = reverse("congress:election_round", args=[round_.pk])
    client = login(congress.staff_province)
    page = client.get(url).content.decode()
    assert "Gạch tên" in page and "Đại biểu chính thức vắng mặt" in page
    people = list(round_.entries.values_list("candidate_id", flat=True))
    for struck in ([people[0]], [people[1]], [people[0]], []):
        client.post(url, {"action": "ballot", "struck": struck})
    assert round_.ballots.filter(valid=False).count() == 1
    response = client.post(url, {"action": "close", "base": 11, "ballots_issued": 5, "present": 10,
                                 "ex_delegate_absent_no_alternate": 1, "counting_board": "Hoàng Văn Kiểm, Trưởng ban"},
                           follow=True)
    page = response.content.decode()
    assert "căn cứ tính kết quả: 10" in page and "ít nhất 6 phiếu" in page
    round_.refresh_from_db()
    assert round_.is_closed and round_.ballots_valid == 3 and round_.ballots_invalid == 1
    assert "Tạo lần bầu tiếp theo" in page  # nobody reached 6 of 10
    client.post(url, {"action": "next"})
    assert congress.election.rounds.count() == 2
    minutes = client.get(reverse("congress:minutes_report", args=[round_.pk, "docx"]))
    assert minutes.status_code == 200 and minutes["Content-Type"].startswith("application/vnd.openxmlformats")


def test_leader_cannot_enter_ballots(tree, login):
    congress = build_congress(tree)
    url = reverse("congress:election_round", args=[congress.election_round.pk])
    assert login(tree.leader_province).post(url, {"action": "ballot"}).status_code == 403
