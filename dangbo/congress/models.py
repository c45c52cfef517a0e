"""Congresses (đại hội), their draft documents commented paragraph by paragraph, and elections.

Who sees what (through request.scope, see views):
- the congress, its drafts, syntheses and elections belong to `Congress.organization`: readers
  of that subtree see them; those with write rights there are the drafting team;
- a comment round is also seen by each recipient unit, which sees only its own comments.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from dangbo.congress.elections import CongressKind as RuleCongressKind
from dangbo.congress.synthesis import DECISION_LABELS, Decision
from dangbo.core import vn


class CongressKind(models.TextChoices):
    MEMBERS = RuleCongressKind.MEMBERS.value, "Đại hội đảng viên"
    DELEGATES = RuleCongressKind.DELEGATES.value, "Đại hội đại biểu"


class CongressStatus(models.TextChoices):
    PREPARING = "chuan_bi", "Chuẩn bị"
    IN_PROGRESS = "dang_dien_ra", "Đang diễn ra"
    FINISHED = "da_ket_thuc", "Đã kết thúc"


class Congress(models.Model):
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="congresses",
                                     verbose_name="Đảng bộ, chi bộ")
    kind = models.CharField("Hình thức", max_length=10, choices=CongressKind.choices, default=CongressKind.DELEGATES)
    ordinal = models.PositiveSmallIntegerField("Lần thứ")
    term = models.CharField("Nhiệm kỳ", max_length=20, help_text="Ví dụ 2025-2030")
    start_date = models.DateField("Ngày khai mạc", null=True, blank=True)
    end_date = models.DateField("Ngày bế mạc", null=True, blank=True)
    venue = models.CharField("Địa điểm", max_length=255, blank=True)
    delegates_summoned = models.PositiveIntegerField(
        "Số đại biểu triệu tập / đảng viên chính thức",
        help_text="Đại hội đại biểu: tổng số đại biểu được triệu tập; đại hội đảng viên: tổng số đảng viên chính thức.",
    )
    status = models.CharField("Trạng thái", max_length=14, choices=CongressStatus.choices, default=CongressStatus.PREPARING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Đại hội"
        verbose_name_plural = "Đại hội"
        ordering = ["-start_date", "-id"]
        constraints = [models.UniqueConstraint(fields=["organization", "ordinal"], name="congress_ordinal_per_org")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        kind = "Đại hội đại biểu" if self.kind == CongressKind.DELEGATES else "Đại hội"
        return f"{kind} {self.organization.name} lần thứ {vn.to_roman(self.ordinal)}, nhiệm kỳ {self.term}"

    def get_absolute_url(self) -> str:
        return reverse("congress:detail", args=[self.pk])


class DocumentKind(models.TextChoices):
    POLITICAL_REPORT = "bao_cao_chinh_tri", "Báo cáo chính trị"
    REVIEW_REPORT = "bao_cao_kiem_diem", "Báo cáo kiểm điểm của Ban Chấp hành"
    ACTION_PROGRAM = "chuong_trinh_hanh_dong", "Chương trình hành động"
    OTHER = "khac", "Văn kiện khác"


class DraftDocument(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField("Loại văn kiện", max_length=30, choices=DocumentKind.choices)
    title = models.CharField("Tên văn kiện", max_length=255)
    # The next fresh paragraph key: keys are stable across versions of this document.
    next_key = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = "Dự thảo văn kiện"
        ordering = ["congress", "kind", "id"]

    def __str__(self) -> str:
        return self.title

    def latest_version(self) -> DraftVersion | None:
        return self.versions.order_by("-number").first()


class DraftVersion(models.Model):
    document = models.ForeignKey(DraftDocument, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("Dự thảo lần")
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField("Ghi chú", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "Bản dự thảo"
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="draft_version_number")]

    def __str__(self) -> str:
        return f"{self.document.title} — dự thảo {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("congress:version", args=[self.pk])

    @property
    def congress(self) -> Congress:
        return self.document.congress


class ParagraphKind(models.TextChoices):
    HEADING = "heading", "Tiêu đề"
    TEXT = "text", "Đoạn văn"


class Paragraph(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="paragraphs")
    key = models.PositiveIntegerField(help_text="Stable across versions: comments point at it.")
    number = models.PositiveIntegerField("Đoạn số")
    kind = models.CharField(max_length=8, choices=ParagraphKind.choices, default=ParagraphKind.TEXT)
    level = models.PositiveSmallIntegerField(default=0)
    text = models.TextField("Nội dung")

    class Meta:
        verbose_name = "Đoạn dự thảo"
        ordering = ["version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"], name="paragraph_number_per_version"),
            models.UniqueConstraint(fields=["version", "key"], name="paragraph_key_per_version"),
        ]

    def __str__(self) -> str:
        return f"Đoạn {self.number}"


class CommentRound(models.Model):
    """A draft version sent to chosen units (and conferences) for comments until a deadline."""

    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="rounds")
    # Denormalized from version.document.congress.organization, for the one scope check.
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("Tên đợt lấy ý kiến", max_length=255)
    deadline = models.DateField("Hạn gửi ý kiến")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "Đợt lấy ý kiến"
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("congress:round", args=[self.pk])


class Conference(models.Model):
    """Hội nghị góp ý with a main point and several bridge points (điểm cầu)."""

    round = models.ForeignKey(CommentRound, on_delete=models.CASCADE, related_name="conferences")
    title = models.CharField("Tên hội nghị", max_length=255)
    date = models.DateField("Ngày tổ chức")
    host = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+", verbose_name="Điểm cầu chính")

    class Meta:
        verbose_name = "Hội nghị góp ý"
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return self.title


class BridgePoint(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="bridge_points")
    name = models.CharField("Điểm cầu", max_length=255)
    organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "Điểm cầu hội nghị góp ý"
        ordering = ["conference", "id"]

    def __str__(self) -> str:
        return self.name


class RoundRecipient(models.Model):
    """A unit the round was sent to; it answers by sending its comments."""

    round = models.ForeignKey(CommentRound, on_delete=models.CASCADE, related_name="recipients")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="comment_rounds")
    submitted_at = models.DateTimeField("Đã gửi ý kiến lúc", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "Đơn vị được lấy ý kiến"
        ordering = ["round", "organization__path"]
        constraints = [models.UniqueConstraint(fields=["round", "organization"], name="recipient_once_per_round")]

    def __str__(self) -> str:
        return self.organization.name

    @property
    def has_answered(self) -> bool:
        return self.submitted_at is not None


class CommentKind(models.TextChoices):
    AGREE = "agree", "Nhất trí"
    COMMENT = "comment", "Góp ý"
    PROPOSAL = "proposal", "Đề xuất sửa câu chữ"


class SynthesisItem(models.Model):
    """One opinion (grouped comments) on a paragraph, and the drafting team's answer."""

    round = models.ForeignKey(CommentRound, on_delete=models.CASCADE, related_name="items")
    paragraph_key = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: the whole document")
    summary = models.TextField("Nội dung ý kiến")
    decision = models.CharField("Hướng xử lý", max_length=14, default=Decision.PENDING.value,
                                choices=[(d.value, label) for d, label in DECISION_LABELS.items()])
    response = models.TextField("Giải trình, lý do", blank=True)
    adopted_text = models.TextField("Câu chữ tiếp thu vào dự thảo sau", blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Ý kiến tổng hợp"
        ordering = ["round", "paragraph_key", "id"]

    def __str__(self) -> str:
        return self.summary[:80]


class Comment(models.Model):
    round = models.ForeignKey(CommentRound, on_delete=models.CASCADE, related_name="comments")
    recipient = models.ForeignKey(RoundRecipient, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.PROTECT, related_name="comments")
    paragraph_key = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: the whole document")
    kind = models.CharField("Loại ý kiến", max_length=10, choices=CommentKind.choices)
    text = models.TextField("Nội dung góp ý", blank=True)
    proposed_text = models.TextField("Đề xuất câu chữ", blank=True)
    author_name = models.CharField("Người góp ý", max_length=120, blank=True)
    author_member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    conference = models.ForeignKey(Conference, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    bridge_point = models.ForeignKey(BridgePoint, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    on_behalf = models.BooleanField("Cán bộ nhập thay", default=False)
    item = models.ForeignKey(SynthesisItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Ý kiến góp ý"
        ordering = ["round", "paragraph_key", "id"]
        indexes = [models.Index(fields=["round", "recipient"]), models.Index(fields=["round", "paragraph_key"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.recipient}"


# -- elections --------------------------------------------------------------------------------

class ElectionKind(models.TextChoices):
    COMMITTEE = "bch", "Ban Chấp hành"
    STANDING = "btv", "Ban Thường vụ"
    SECRETARY = "bi_thu", "Bí thư"
    DEPUTY = "pho_bi_thu", "Phó Bí thư"
    INSPECTION = "ubkt", "Ủy ban Kiểm tra"
    DELEGATES = "dai_bieu", "Đại biểu dự đại hội cấp trên"
    CELL_COMMITTEE = "chi_uy", "Chi ủy"


class ElectionStatus(models.TextChoices):
    OPEN = "dang_bau", "Đang bầu"
    FINISHED = "da_xong", "Đã kết thúc"


class Election(models.Model):
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="elections")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("Bầu", max_length=12, choices=ElectionKind.choices)
    title = models.CharField("Tên cuộc bầu cử", max_length=255)
    seats = models.PositiveSmallIntegerField("Số lượng cần bầu")
    max_surplus_percent = models.PositiveSmallIntegerField("Số dư tối đa đại hội quyết định (%)", default=30)
    status = models.CharField("Trạng thái", max_length=10, choices=ElectionStatus.choices, default=ElectionStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Bầu cử"
        ordering = ["congress", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("congress:election", args=[self.pk])

    def elected_candidates(self):
        return self.candidates.filter(round_entries__elected=True).distinct()


class Candidate(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    full_name = models.CharField("Họ và tên", max_length=120)
    sort_key = models.CharField(max_length=200, editable=False, default="")
    member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField("Ghi chú (giới thiệu, ứng cử, đề cử)", max_length=255, blank=True)

    class Meta:
        verbose_name = "Người ứng cử"
        ordering = ["election", "sort_key", "id"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = vn.nfc(self.full_name)
        self.sort_key = vn.name_sort_key(self.full_name)
        super().save(*args, **kwargs)


class RoundKind(models.TextChoices):
    REGULAR = "chinh_thuc", "Bầu lần đầu"
    ADDITIONAL = "bau_bo_sung", "Bầu tiếp cho số lượng còn thiếu"
    TIE_REVOTE = "bau_lai_bang_phieu", "Bầu lại giữa những người bằng phiếu"


class EntryMode(models.TextChoices):
    BALLOTS = "phieu", "Nhập từng phiếu"
    TALLY = "tong_hop", "Nhập số phiếu kiểm theo từng người"


class ElectionRound(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField("Lần bầu")
    kind = models.CharField(max_length=20, choices=RoundKind.choices, default=RoundKind.REGULAR)
    seats = models.PositiveSmallIntegerField("Số lượng cần bầu lần này")
    entry_mode = models.CharField("Cách nhập", max_length=10, choices=EntryMode.choices, default=EntryMode.BALLOTS)
    # Snapshot at closing (as OpenSlides snapshots who was entitled): the base and its exclusions.
    base = models.PositiveIntegerField("Tổng số đại biểu triệu tập / đảng viên chính thức")
    exclusions = models.JSONField("Trường hợp loại trừ", default=dict, blank=True)
    present = models.PositiveIntegerField("Số có mặt", null=True, blank=True)
    ballots_issued = models.PositiveIntegerField("Số phiếu phát ra", default=0)
    ballots_received = models.PositiveIntegerField("Số phiếu thu vào", default=0)
    ballots_valid = models.PositiveIntegerField("Số phiếu hợp lệ", default=0)
    ballots_invalid = models.PositiveIntegerField("Số phiếu không hợp lệ", default=0)
    counting_board = models.TextField("Ban kiểm phiếu (mỗi dòng một người)", blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = "Lần bầu"
        ordering = ["election", "number"]
        constraints = [models.UniqueConstraint(fields=["election", "number"], name="election_round_number")]

    def __str__(self) -> str:
        return f"{self.election.title} — lần {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("congress:election_round", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class RoundCandidate(models.Model):
    round = models.ForeignKey(ElectionRound, on_delete=models.CASCADE, related_name="entries")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="round_entries")
    order = models.PositiveSmallIntegerField()
    votes = models.PositiveIntegerField("Số phiếu bầu", default=0)
    elected = models.BooleanField("Trúng cử", default=False)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = "Kết quả bầu của người ứng cử"
        ordering = ["round", "order"]
        constraints = [models.UniqueConstraint(fields=["round", "candidate"], name="candidate_once_per_round")]


class BallotPaper(models.Model):
    """One ballot as read by the counting board (strike-out or đồng ý / không đồng ý form)."""

    round = models.ForeignKey(ElectionRound, on_delete=models.CASCADE, related_name="ballots")
    number = models.PositiveIntegerField("Số thứ tự phiếu")
    struck = models.JSONField("Gạch tên (id ứng cử viên)", default=list, blank=True)
    marks = models.JSONField("Đồng ý / không đồng ý", null=True, blank=True)
    names_added = models.BooleanField("Ghi thêm tên", default=False)
    issued_by_board = models.BooleanField("Do Ban kiểm phiếu phát ra", default=True)
    valid = models.BooleanField(default=True)
    invalid_reason = models.CharField(max_length=120, blank=True)

    class Meta:
        verbose_name = "Phiếu bầu"
        ordering = ["round", "number"]
        constraints = [models.UniqueConstraint(fields=["round", "number"], name="ballot_number_per_round")]
