"""Demo data for congresses: a province congress with a political-report draft commented by six
units (one conference with bridge points), the synthesis, the next draft, and a finished
election of the executive committee in two rounds.

`populate(ctx)` is deterministic for a seed (ctx.random) and does nothing if the demo
congress already exists. The draft is original text written in the style of the seed articles.
The congress is the one that opened the province's term in force (its ordinal, its dates, the
khóa of the outgoing committee), and the report's figures are the demo province's own.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from dangbo.access.models import RoleAssignment
from dangbo.congress import services
from dangbo.congress.models import (
    CommentKind, Congress, CongressKind, CongressStatus, DocumentKind, ElectionKind, RoundRecipient,
)
from dangbo.congress.synthesis import Decision
from dangbo.core import vn
from dangbo.core.demo.timeline import term_in_force
from dangbo.members.models import ACTIVE_STATUSES, EventKind, Member, MemberEvent, MemberStatus
from dangbo.orgs.models import Organization, OrgClosure, Term

ORDINAL = 15  # without terms (a test tree): the congress is numbered and dated as below

POLITICAL_REPORT = """PHẦN THỨ NHẤT
ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020-2025
I. Bối cảnh thực hiện Nghị quyết
Nhiệm kỳ 2020-2025, {name} thực hiện Nghị quyết Đại hội trong bối cảnh có nhiều thuận lợi đan xen khó khăn, thách thức; dịch bệnh kéo dài trong những năm đầu nhiệm kỳ ảnh hưởng lớn đến sản xuất, kinh doanh và đời sống của Nhân dân.
Được sự lãnh đạo, chỉ đạo sát sao của Trung ương, sự đoàn kết, thống nhất của Ban Chấp hành Đảng bộ và sự đồng thuận của các tầng lớp Nhân dân, các cấp ủy, tổ chức đảng đã chủ động, linh hoạt trong lãnh đạo, chỉ đạo, tổ chức thực hiện nhiệm vụ chính trị.
II. Kết quả đạt được trên các lĩnh vực
1. Công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức
Công tác chính trị, tư tưởng được các cấp ủy quan tâm, kịp thời định hướng dư luận xã hội; việc học tập, quán triệt các nghị quyết, chỉ thị của Đảng được tổ chức nghiêm túc, đúng tiến độ.
Việc đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện Nghị quyết Trung ương 4 khóa XII và Kết luận số 21-KL/TW của Trung ương đi vào chiều sâu, tạo chuyển biến rõ nét trong nhận thức và hành động của cán bộ, đảng viên.
Trách nhiệm nêu gương của cán bộ, đảng viên, nhất là người đứng đầu cấp ủy, cơ quan, đơn vị được đề cao; tình trạng suy thoái về tư tưởng chính trị, đạo đức, lối sống từng bước được ngăn chặn, đẩy lùi.
2. Công tác tổ chức, cán bộ và xây dựng tổ chức cơ sở đảng
Tổ chức bộ máy của hệ thống chính trị được sắp xếp theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả; việc sáp nhập các đơn vị hành chính cấp xã được thực hiện đúng quy định, bảo đảm ổn định.
Chất lượng sinh hoạt chi bộ được nâng lên; nội dung sinh hoạt chuyên đề gắn với nhiệm vụ chính trị của từng địa phương, cơ quan, đơn vị; nền nếp sinh hoạt định kỳ được duy trì thường xuyên.
Công tác phát triển đảng viên được các cấp ủy quan tâm cả về số lượng và chất lượng; trong nhiệm kỳ kết nạp trên {admitted_about} đảng viên, nâng tổng số đảng viên toàn Đảng bộ lên trên {total_about} đồng chí.
Hằng năm có trên 90% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên; không còn chi bộ thôn, bản chưa có đảng viên.
Công tác cán bộ được thực hiện chặt chẽ, dân chủ, công khai; công tác quy hoạch, đào tạo, bồi dưỡng, luân chuyển cán bộ gắn với bố trí, sử dụng, chú trọng cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số.
3. Công tác kiểm tra, giám sát và thi hành kỷ luật đảng
Các cấp ủy, ủy ban kiểm tra thực hiện toàn diện nhiệm vụ kiểm tra, giám sát theo Điều lệ Đảng; kiểm tra khi có dấu hiệu vi phạm được chú trọng, kết luận rõ đúng, sai, xử lý nghiêm minh, kịp thời.
Công tác phòng, chống tham nhũng, lãng phí, tiêu cực được lãnh đạo quyết liệt; việc kê khai, kiểm soát tài sản, thu nhập được thực hiện đúng quy định.
4. Công tác dân vận và hoạt động của Mặt trận, các đoàn thể
Công tác dân vận của các cơ quan nhà nước và chính quyền các cấp được chú trọng; việc tiếp xúc, đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân được duy trì định kỳ, giải quyết kịp thời những kiến nghị chính đáng.
Phong trào thi đua "Dân vận khéo" được triển khai sâu rộng, xuất hiện nhiều mô hình, điển hình tiêu biểu; hoạt động giám sát, phản biện xã hội của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội có nhiều chuyển biến.
III. Hạn chế, khuyết điểm và nguyên nhân
Một số cấp ủy cơ sở còn chậm cụ thể hóa các chỉ thị, nghị quyết của cấp trên; việc nắm bắt, định hướng thông tin trên không gian mạng có lúc chưa kịp thời.
Chất lượng sinh hoạt của một số chi bộ còn hình thức, nội dung chưa phong phú; tự phê bình và phê bình ở một số nơi còn nể nang, né tránh.
Nguồn kết nạp đảng viên ở một số thôn, bản vùng sâu, vùng xa và trong doanh nghiệp ngoài khu vực nhà nước còn hạn chế.
Nguyên nhân chủ yếu của hạn chế là một số cấp ủy, người đứng đầu chưa phát huy hết vai trò, trách nhiệm; công tác kiểm tra, đôn đốc thực hiện có lúc chưa thường xuyên.
IV. Bài học kinh nghiệm
Một là, giữ vững nguyên tắc tập trung dân chủ, phát huy sức mạnh đoàn kết, thống nhất trong Đảng bộ và sự đồng thuận của Nhân dân.
Hai là, cấp ủy và người đứng đầu phải nêu gương, quyết liệt trong lãnh đạo, chỉ đạo, sâu sát cơ sở, lấy kết quả thực hiện làm thước đo năng lực cán bộ.
Ba là, thường xuyên kiểm tra, giám sát, kịp thời phát hiện, uốn nắn những lệch lạc ngay từ cơ sở; coi trọng sơ kết, tổng kết, nhân rộng mô hình hay, cách làm hiệu quả.
PHẦN THỨ HAI
PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025-2030
I. Mục tiêu tổng quát
Tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, vững mạnh toàn diện; nâng cao năng lực lãnh đạo, sức chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên.
II. Các chỉ tiêu chủ yếu
Hằng năm có trên 90% tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên; kết nạp từ 3.500 đảng viên trở lên trong nhiệm kỳ.
Đến năm 2030, tỷ lệ đảng viên đạt trên 4% dân số; 100% thôn, bản, tổ dân phố có chi bộ sinh hoạt riêng.
III. Nhiệm vụ và giải pháp chủ yếu
Tiếp tục đổi mới nội dung, phương thức lãnh đạo của Đảng; nâng cao chất lượng sinh hoạt chi bộ theo hướng thiết thực, gắn với giải quyết những vấn đề cụ thể của cơ sở.
Thực hiện nghiêm công tác kiểm tra, giám sát; kiên quyết xử lý nghiêm minh những hành vi sai phạm, tham nhũng, tiêu cực, vi phạm nguyên tắc, Điều lệ Đảng.
Đẩy mạnh chuyển đổi số trong công tác xây dựng Đảng; quản lý hồ sơ đảng viên, sổ tay đảng viên điện tử và cơ sở dữ liệu đảng viên thống nhất, chính xác.
Tạo nguồn kết nạp đảng viên từ đoàn viên, hội viên ưu tú, quần chúng là gương điển hình trong lao động, sản xuất, kinh doanh; khắc phục tình trạng thôn, bản, doanh nghiệp có ít đảng viên.
Nâng cao chất lượng hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội; thực hiện tốt quy chế dân chủ ở cơ sở, phát huy quyền làm chủ của Nhân dân.
Chăm lo xây dựng đội ngũ cán bộ cơ sở, nhất là bí thư chi bộ, đủ phẩm chất, năng lực, uy tín, ngang tầm nhiệm vụ.
Ban Chấp hành Đảng bộ khóa {outgoing} trân trọng đề nghị Đại hội thảo luận, đóng góp ý kiến để hoàn chỉnh Báo cáo chính trị, tạo sự thống nhất cao trong Đảng bộ, quyết tâm thực hiện thắng lợi Nghị quyết Đại hội nhiệm kỳ 2025-2030.
"""

# (kind, paragraph number or None for the whole document, text, proposed wording)
COMMENT_POOL = [
    (CommentKind.PROPOSAL, 14, "", "Công tác phát triển đảng viên được các cấp ủy quan tâm cả về số lượng và chất lượng; trong nhiệm kỳ kết nạp {admitted} đảng viên, nâng tổng số đảng viên toàn Đảng bộ lên {total} đồng chí."),
    (CommentKind.COMMENT, 14, "Đề nghị nêu số liệu chính xác số đảng viên kết nạp trong nhiệm kỳ, không ghi chung chung \"trên\".", ""),
    (CommentKind.COMMENT, 27, "Cần phân tích rõ hơn nguyên nhân khách quan và chủ quan của hạn chế.", ""),
    (CommentKind.PROPOSAL, 24, "", "Một số cấp ủy cơ sở còn chậm cụ thể hóa các chỉ thị, nghị quyết của cấp trên; việc nắm bắt, định hướng thông tin, đấu tranh phản bác quan điểm sai trái trên không gian mạng có lúc chưa kịp thời."),
    (CommentKind.COMMENT, None, "Bố cục cần cân đối giữa phần đánh giá kết quả và phần phương hướng, nhiệm vụ nhiệm kỳ mới.", ""),
    (CommentKind.COMMENT, 38, "Đề nghị bổ sung chỉ tiêu về tỷ lệ chi bộ sinh hoạt chuyên đề hằng quý.", ""),
    (CommentKind.PROPOSAL, 42, "", "Đẩy mạnh chuyển đổi số trong công tác xây dựng Đảng; quản lý hồ sơ đảng viên, sổ tay đảng viên điện tử và cơ sở dữ liệu đảng viên thống nhất, chính xác, cập nhật thường xuyên."),
    (CommentKind.AGREE, None, "", ""),
    (CommentKind.COMMENT, 9, "Nên làm rõ kết quả thực hiện Kết luận số 21-KL/TW bằng những việc làm cụ thể.", ""),
    (CommentKind.COMMENT, 45, "Đề nghị bổ sung giải pháp về chế độ, chính sách đối với bí thư chi bộ thôn, bản.", ""),
]

# Decisions the drafting team takes, by paragraph (None: whole document), with the answer.
ANSWERS = {
    14: (Decision.ACCEPTED, ""),
    24: (Decision.ACCEPTED, ""),
    42: (Decision.ACCEPTED, ""),
    27: (Decision.EXPLAINED, "Nguyên nhân đã được phân tích trong Báo cáo kiểm điểm của Ban Chấp hành; báo cáo chính trị chỉ nêu nguyên nhân chủ yếu."),
    None: (Decision.EXPLAINED, "Tổ biên tập đã điều chỉnh dung lượng hai phần theo Hướng dẫn của cấp trên."),
    38: (Decision.REJECTED, "Chỉ tiêu này thuộc chương trình công tác hằng năm, không đưa vào chỉ tiêu nhiệm kỳ."),
    9: (Decision.ACCEPTED, ""),
    45: (Decision.REJECTED, "Chế độ, chính sách do cấp có thẩm quyền quy định; Đảng bộ kiến nghị trong báo cáo riêng."),
}


@dataclass
class Setting:
    """The congress as the province's terms have it."""

    ordinal: int
    term: str
    start: date  # the congress opens two days before the term starts
    figures: dict[str, str]


def _setting(province: Organization, today: date) -> Setting:
    term = term_in_force(province.pk, today)
    if term is None or not term.congress_ordinal:
        ordinal, name, opened, previous = ORDINAL, "2025-2030", today - timedelta(days=18), None
    else:
        ordinal, name, opened = term.congress_ordinal, term.name, term.start
        previous = Term.objects.filter(organization=province, start__lt=term.start).order_by("-start").first()
    subtree = OrgClosure.objects.filter(ancestor=province).values("descendant_id")
    total = Member.objects.filter(organization_id__in=subtree, status__in=ACTIVE_STATUSES).count()
    since = previous.start if previous else opened - timedelta(days=5 * 365)
    admitted = MemberEvent.objects.filter(kind=EventKind.ADMITTED, date__gte=since, date__lt=opened,
                                          member__organization_id__in=subtree).count()

    def about(number: int) -> str:  # "trên 3.600": rounded down to hundreds (tens below a thousand)
        step = 100 if number >= 1000 else 10
        return vn.format_number(max(number // step * step, 0))

    figures = {"admitted": vn.format_number(admitted), "total": vn.format_number(total),
               "admitted_about": about(admitted), "total_about": about(total),
               "outgoing": vn.to_roman(ordinal - 1), "incoming": vn.to_roman(ordinal)}
    return Setting(ordinal, name, opened - timedelta(days=2), figures)


def populate(ctx) -> None:
    province = ctx.province
    setting = _setting(province, ctx.today)
    if Congress.objects.filter(organization=province, ordinal=setting.ordinal).exists():
        ctx.stdout.write("  congress: đã có đại hội mẫu, bỏ qua")
        return
    drafting = ctx.users.get("staff") or ctx.admin
    rng = ctx.random
    figures = setting.figures
    congress = services.create_congress(
        drafting, province, kind=CongressKind.DELEGATES, ordinal=setting.ordinal, term=setting.term,
        start_date=setting.start, end_date=setting.start + timedelta(days=2),
        venue=f"Hội trường {province.name}", delegates_summoned=300, status=CongressStatus.FINISHED,
    )
    document = services.create_document(drafting, congress, DocumentKind.POLITICAL_REPORT,
                                        f"Báo cáo chính trị của Ban Chấp hành {province.name} khóa {figures['outgoing']}")
    services.create_document(drafting, congress, DocumentKind.REVIEW_REPORT,
                             f"Báo cáo kiểm điểm của Ban Chấp hành khóa {figures['outgoing']}")
    services.create_document(drafting, congress, DocumentKind.ACTION_PROGRAM, "Chương trình hành động thực hiện Nghị quyết Đại hội")
    v1 = services.add_version_from_text(drafting, document, POLITICAL_REPORT.format(name=province.name, **figures))

    units = _recipient_units(ctx, province)
    deadline = setting.start - timedelta(days=45)
    round_ = services.create_round(drafting, v1, title="Lấy ý kiến dự thảo Báo cáo chính trị (dự thảo 1)",
                                   deadline=deadline, recipients=units)
    conference = services.add_conference(
        drafting, round_, title="Hội nghị trực tuyến góp ý dự thảo văn kiện", on=deadline - timedelta(days=3), host=province,
        bridge_points=[(f"Điểm cầu {unit.name}", unit) for unit in units[:3]],
    )
    bridge_points = list(conference.bridge_points.all())
    paragraphs = {p.number: p for p in v1.paragraphs.all()}
    recipients = list(round_.recipients.select_related("organization"))
    comment_count = 0
    for index, recipient in enumerate(recipients):
        picks = rng.sample(COMMENT_POOL, 3 + index % 3)
        if index == 0:  # the first unit always raises the key proposal, so the synthesis counts two units
            picks = [COMMENT_POOL[0], *[p for p in picks if p is not COMMENT_POOL[0]]]
        at_conference = index < len(bridge_points)
        for kind, number, text, proposed in picks:
            services.add_comment(
                drafting if at_conference else ctx.admin, recipient, kind=kind,
                paragraph=paragraphs.get(number) if number else None, text=text,
                proposed_text=proposed.format(**figures),
                conference=conference if at_conference else None,
                bridge_point=bridge_points[index] if at_conference else None,
                author_name=f"Đại biểu {recipient.organization.name}" if at_conference else "",
                on_behalf=True, today=deadline,
            )
            comment_count += 1
        if index < len(recipients) - 1:  # the last unit has not answered: staff see it in the list
            services.submit_response(drafting, recipient)
            # It answered in the days before the deadline (not on the day the demo was built).
            answered = datetime.combine(deadline - timedelta(days=rng.randint(0, 6)), time(16, index))
            RoundRecipient.objects.filter(pk=recipient.pk).update(
                submitted_at=timezone.make_aware(answered))

    services.group_comments(drafting, round_)
    for item in round_.items.all():
        number = next((n for n, p in paragraphs.items() if p.key == item.paragraph_key), None)
        decision, response = ANSWERS.get(number, (Decision.EXPLAINED, "Tổ biên tập đã nghiên cứu, giải trình tại hội nghị."))
        services.decide_item(drafting, item, decision=decision.value, response=response)
    services.create_next_version(drafting, round_)

    _election(ctx, drafting, congress, figures["incoming"])
    ctx.stdout.write(f"  congress: 1 đại hội, dự thảo {v1.paragraphs.count()} đoạn, "
                     f"{len(recipients)} đơn vị, {comment_count} ý kiến, 1 cuộc bầu cử")


def _recipient_units(ctx, province: Organization) -> list[Organization]:
    """Six subordinate units, the commune staff login's unit among them (so that login sees a round)."""
    children = list(Organization.objects.filter(parent=province, dissolved__isnull=True).order_by("path")[:6])
    commune_user = ctx.users.get("staff_commune")
    assignment = RoleAssignment.objects.filter(user=commune_user).first() if commune_user else None
    own = assignment.organization if assignment and assignment.organization_id else None
    if own is not None and own not in children and OrgClosure.objects.filter(
            ancestor=province, descendant=own, depth__gt=0).exists():
        children = [own, *children[:5]]
    return children


def _election(ctx, drafting, congress: Congress, khoa: str) -> None:
    rng = ctx.random
    pool = list(Member.objects.filter(
        organization_id__in=OrgClosure.objects.filter(ancestor=congress.organization).values("descendant_id"),
        status=MemberStatus.OFFICIAL,
    ).order_by("id").values_list("full_name", flat=True)[:400])
    names = []
    for name in rng.sample(pool, min(len(pool), 60)):
        if name not in names:
            names.append(name)
        if len(names) == 17:
            break
    if len(names) < 17:
        names += [f"Ứng cử viên {i}" for i in range(len(names) + 1, 18)]
    election = services.create_election(
        drafting, congress, kind=ElectionKind.COMMITTEE, title=f"Bầu Ban Chấp hành Đảng bộ khóa {khoa}, nhiệm kỳ {congress.term}",
        seats=15, candidates=names, max_surplus_percent=15, entry_mode="tong_hop",
    )
    board = "Nguyễn Văn Kiểm, Trưởng ban\nLê Thị Thu, Phó Trưởng ban\nHoàng Văn Minh, Ủy viên"
    first = election.rounds.get()
    entries = list(first.entries.order_by("order"))
    rng.shuffle(entries)
    votes = {e.candidate_id: rng.randint(175, 280) for e in entries[:14]}
    votes.update({entries[14].candidate_id: 148, entries[15].candidate_id: 121, entries[16].candidate_id: 96})
    services.close_round(drafting, first, base=300, exclusions={"delegate_absent_no_alternate": 3}, present=290,
                         ballots_issued=290, counting_board=board,
                         tally={"received": 290, "valid": 287, "invalid": 3, "votes": votes})
    second = services.start_next_round(drafting, first)
    ids = list(second.entries.order_by("order").values_list("candidate_id", flat=True))
    services.close_round(drafting, second, base=300, exclusions={"delegate_absent_no_alternate": 3}, present=288,
                         ballots_issued=288, counting_board=board,
                         tally={"received": 288, "valid": 286, "invalid": 2,
                                "votes": dict(zip(ids, [182, 71, 33]))})
