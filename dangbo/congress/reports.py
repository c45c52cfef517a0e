"""The synthesis report and the minutes of vote counting, as Word (.docx) and PDF in the party layout."""
from __future__ import annotations

from django.utils import timezone

from dangbo.congress import services
from dangbo.congress.models import CommentKind, CommentRound, ElectionRound
from dangbo.congress.synthesis import Decision
from dangbo.core import letterhead
from dangbo.core import party_docx as docx
from dangbo.core.vn import format_number, format_percent, nfc

FORMATS = {"docx": docx.DOCX_CONTENT_TYPE, "pdf": "application/pdf"}


def _check_format(fmt: str) -> str:
    from django.http import Http404

    if fmt not in FORMATS:
        raise Http404("Định dạng không hỗ trợ.")
    return FORMATS[fmt]


# -- synthesis ----------------------------------------------------------------------------------

SYNTHESIS_HEADERS = ["TT", "Đoạn", "Nội dung ý kiến", "Số đơn vị", "Đơn vị nêu ý kiến", "Hướng xử lý", "Giải trình, lý do"]


def synthesis_table(round_: CommentRound) -> list[list[str]]:
    rows = []
    for index, row in enumerate(services.synthesis_rows(round_), start=1):
        item = row["item"]
        rows.append([str(index), row["paragraph_label"], item.summary, format_number(len(row["units"])),
                     ", ".join(row["units"]), Decision(item.decision).label,
                     item.response or (f"Sửa thành: «{item.adopted_text}»" if item.decision == Decision.ACCEPTED.value
                                       and item.adopted_text else "")])
    return rows


def _synthesis_header(round_: CommentRound) -> docx.PartyHeader:
    # The drafting team is a body of the committee that runs the round.
    return letterhead.party_header(round_.organization, body="Tổ biên tập văn kiện", number="-BC/TBT",
                                   on=timezone.localdate(), doc_type="Báo cáo",
                                   summary=f"Tổng hợp ý kiến góp ý {round_.version}")


def _synthesis_intro(round_: CommentRound) -> list[str]:
    recipients = round_.recipients.count()
    answered = round_.recipients.filter(submitted_at__isnull=False).count()
    agree = round_.comments.filter(kind=CommentKind.AGREE).values("recipient").distinct().count()
    comments = round_.comments.exclude(kind=CommentKind.AGREE).count()
    return [
        f"Thực hiện {round_.title}, dự thảo được gửi đến {format_number(recipients)} đơn vị; "
        f"đến hạn {round_.deadline:%d/%m/%Y} đã có {format_number(answered)} đơn vị gửi ý kiến, "
        f"{format_number(agree)} đơn vị nhất trí toàn văn hoặc từng phần, tổng số {format_number(comments)} ý kiến góp ý.",
        "Tổ biên tập tổng hợp, tiếp thu, giải trình như sau:",
    ]


def synthesis_report(round_: CommentRound, fmt: str, request=None) -> tuple[bytes, str, str]:
    content_type = _check_format(fmt)
    header = _synthesis_header(round_)
    rows = synthesis_table(round_)
    intro = _synthesis_intro(round_)
    filename = f"tong-hop-y-kien-{round_.pk}.{fmt}"
    if fmt == "pdf":
        from dangbo.core.party_pdf import render_pdf

        data = render_pdf("congress/synthesis_report.pdf.html",
                          {"header": header, "intro": intro, "headers": SYNTHESIS_HEADERS, "rows": rows}, request=request)
        return data, content_type, filename
    document = docx.new_party_document(header)
    for text in intro:
        docx.add_paragraph(document, text)
    docx.add_table(document, SYNTHESIS_HEADERS, rows, number_columns={0, 3}, size=11)
    docx.add_signature(document, docx.Signature(authority="T/M TỔ BIÊN TẬP", position="TỔ TRƯỞNG",
                                                recipients=["Ban Thường vụ", "Lưu Tổ biên tập"]))
    return docx.to_bytes(document), content_type, filename


# -- minutes of vote counting --------------------------------------------------------------------

MINUTES_HEADERS = ["TT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ so với căn cứ", "Kết quả"]


def minutes_table(round_: ElectionRound) -> list[list[str]]:
    denominator = services.denominator_of(round_)
    entries = sorted(round_.entries.select_related("candidate"), key=lambda e: (-e.votes, e.order))
    return [[str(index), entry.candidate.full_name, format_number(entry.votes),
             format_percent(100 * entry.votes / denominator.value),
             "Trúng cử" if entry.elected else "Không trúng cử"]
            for index, entry in enumerate(entries, start=1)]


def minutes_lines(round_: ElectionRound) -> list[str]:
    denominator = services.denominator_of(round_)
    lines = [f"Số lượng cần bầu: {format_number(round_.seats)}; số người trong danh sách: {format_number(round_.entries.count())}."]
    lines.append(denominator.explain())
    if round_.present is not None:
        lines.append(f"Số có mặt: {format_number(round_.present)}.")
    lines.append(
        f"Số phiếu phát ra: {format_number(round_.ballots_issued)}; thu vào: {format_number(round_.ballots_received)}; "
        f"hợp lệ: {format_number(round_.ballots_valid)}; không hợp lệ: {format_number(round_.ballots_invalid)}."
    )
    reasons: dict[str, int] = {}
    for reason in round_.ballots.filter(valid=False).values_list("invalid_reason", flat=True):
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in reasons.items():
        lines.append(f"— {reason}: {format_number(count)} phiếu.")
    return lines


def _minutes_header(round_: ElectionRound) -> docx.PartyHeader:
    congress = round_.election.congress
    return letterhead.congress_header(congress, board="Ban Kiểm phiếu", number="-BB/BKP", on=minutes_date(round_),
                                      doc_type="Biên bản kiểm phiếu",
                                      summary=f"{round_.election.title} (lần {round_.number})")


def minutes_date(round_: ElectionRound):
    """The day of the count: when the count was closed during the congress, that day; otherwise
    (results entered afterwards) the congress's own last day, never the day of the download."""
    congress = round_.election.congress
    closed = timezone.localdate(round_.closed_at) if round_.closed_at else None
    start, end = congress.start_date, congress.end_date or congress.start_date
    if closed and (start is None or start <= closed <= (end or closed)):
        return closed
    return end or start or closed or timezone.localdate()


def board_members(round_: ElectionRound) -> list[str]:
    return [nfc(line) for line in round_.counting_board.splitlines() if nfc(line)]


def board_signatures(board: list[str]) -> tuple[str, list[str]]:
    """Every member of the counting board signs the minutes: the head (first line) and the others,
    by name ("Nguyễn Văn A, Trưởng ban" -> "Nguyễn Văn A")."""
    names = [line.split(",")[0].strip() for line in board]
    return (names[0] if names else ""), names[1:]


def minutes_report(round_: ElectionRound, fmt: str, request=None) -> tuple[bytes, str, str]:
    content_type = _check_format(fmt)
    header = _minutes_header(round_)
    rows = minutes_table(round_)
    lines = minutes_lines(round_)
    reasons = [f"{entry.candidate.full_name}: {entry.reason}" for entry in round_.entries.select_related("candidate")]
    board = board_members(round_)
    filename = f"bien-ban-kiem-phieu-{round_.pk}.{fmt}"
    if fmt == "pdf":
        from dangbo.core.party_pdf import render_pdf

        head, members = board_signatures(board)
        data = render_pdf("congress/minutes.pdf.html", {"header": header, "board": board, "lines": lines,
                                                        "head": head, "members": members,
                                                        "headers": MINUTES_HEADERS, "rows": rows, "reasons": reasons,
                                                        "note": round_.note}, request=request)
        return data, content_type, filename
    document = docx.new_party_document(header)
    if board:
        docx.add_heading(document, "Ban Kiểm phiếu gồm:")
        for member in board:
            docx.add_paragraph(document, f"- {member}")
    docx.add_heading(document, "Kết quả kiểm phiếu")
    for line in lines:
        docx.add_paragraph(document, line)
    docx.add_table(document, MINUTES_HEADERS, rows, number_columns={0, 2, 3})
    docx.add_heading(document, "Căn cứ xác định kết quả")
    for reason in reasons:
        docx.add_paragraph(document, reason)
    if round_.note:
        docx.add_paragraph(document, round_.note, italic=True)
    head, members = board_signatures(board)
    docx.add_board_signatures(document, head_title="TRƯỞNG BAN KIỂM PHIẾU", head=head,
                              members_title="CÁC THÀNH VIÊN BAN KIỂM PHIẾU", members=members)
    return docx.to_bytes(document), content_type, filename
