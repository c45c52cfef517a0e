"""A province congress on the small test tree: a draft, a comment round, comments and an election."""
from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

from django.utils import timezone

from dangbo.access.models import Role
from dangbo.congress import services
from dangbo.congress.models import CommentKind, CongressKind, DocumentKind, ElectionKind
from dangbo.core.testing import make_user

DRAFT_V1 = """I. ĐÁNH GIÁ KẾT QUẢ NHIỆM KỲ 2020-2025
Công tác chính trị, tư tưởng được các cấp ủy quan tâm, kịp thời định hướng dư luận trong cán bộ, đảng viên.
Công tác kết nạp đảng viên được chú trọng cả về chất lượng và số lượng, nhiệm kỳ qua kết nạp trên 700 đảng viên.
Chất lượng sinh hoạt chi bộ từng bước được nâng lên, nền nếp sinh hoạt định kỳ được duy trì.
II. PHƯƠNG HƯỚNG NHIỆM KỲ 2025-2030
Tiếp tục nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức cơ sở đảng.
"""


def build_congress(tree, *, today: date | None = None) -> SimpleNamespace:
    today = today or timezone.localdate()
    c = SimpleNamespace()
    c.staff_province = make_user("tochuc_tinh", Role.STAFF, tree.province)
    tree.staff_province = c.staff_province
    c.congress = services.create_congress(
        c.staff_province, tree.province, kind=CongressKind.DELEGATES, ordinal=15, term="2025-2030",
        start_date=today + timedelta(days=60), venue="Hội trường Tỉnh ủy", delegates_summoned=11,
    )
    c.document = services.create_document(c.staff_province, c.congress, DocumentKind.POLITICAL_REPORT, "Báo cáo chính trị")
    c.v1 = services.add_version_from_text(c.staff_province, c.document, DRAFT_V1)
    c.round = services.create_round(c.staff_province, c.v1, title="Lấy ý kiến dự thảo 1", deadline=today + timedelta(days=10),
                                    recipients=[tree.commune_a, tree.commune_b, tree.cell_a1])
    c.recipients = {r.organization_id: r for r in c.round.recipients.all()}
    c.rec_a, c.rec_b, c.rec_a1 = (c.recipients[o.pk] for o in (tree.commune_a, tree.commune_b, tree.cell_a1))
    c.p3 = c.v1.paragraphs.get(number=3)
    wording = "Công tác kết nạp đảng viên được chú trọng cả về chất lượng và số lượng, nhiệm kỳ qua kết nạp 712 đảng viên."
    c.comment_a = services.add_comment(tree.staff_a, c.rec_a, kind=CommentKind.PROPOSAL, paragraph=c.p3, proposed_text=wording)
    c.comment_b = services.add_comment(c.staff_province, c.rec_b, kind=CommentKind.PROPOSAL, paragraph=c.p3,
                                       proposed_text=wording, on_behalf=True, author_name="Đại biểu phường Tân Phong")
    c.comment_b_whole = services.add_comment(c.staff_province, c.rec_b, kind=CommentKind.COMMENT,
                                             text="Bố cục cần cân đối giữa kết quả và phương hướng.", on_behalf=True)
    services.submit_response(c.staff_province, c.rec_b)
    c.election = services.create_election(
        c.staff_province, c.congress, kind=ElectionKind.COMMITTEE, title="Bầu Ban Chấp hành Đảng bộ tỉnh khóa XV",
        seats=5, candidates=["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến", "Phạm Minh Đức", "Hoàng Thị Én", "Lê Quang Huy"],
    )
    c.election_round = c.election.rounds.get()
    return c


def close_with_votes(user, election_round, votes_by_name: dict[str, int], *, valid: int, invalid: int = 0,
                     exclusions: dict | None = None, base: int | None = None):
    ids = {e.candidate.full_name: e.candidate_id for e in election_round.entries.select_related("candidate")}
    tally = {"received": valid + invalid, "valid": valid, "invalid": invalid,
             "votes": {ids[name]: count for name, count in votes_by_name.items()}}
    return services.close_round(user, election_round, base=base, exclusions=exclusions, tally=tally,
                                counting_board="Hoàng Văn Kiểm, Trưởng ban\nLê Thị Phiếu, Ủy viên")
