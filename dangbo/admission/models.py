"""Admission of new members: candidates (quần chúng ưu tú), each step with its date, decision
number and scan, relatives verified, sponsors, yearly targets per unit, and the hamlets and
residential groups a unit keeps to find where the Party has no member or no chi bộ yet.

Who sees what (enforced in views and API through `admission.visibility`): admin everything;
staff and leader their subtree (leader read-only); cell secretary their own cell; the member
role nothing of candidates (404), since they are people not yet in the Party.
"""
from __future__ import annotations

from django.db import models
from django.urls import reverse

from dangbo.admission import rules
from dangbo.core import vn
from dangbo.members.person import PersonalDetails


class Source(models.TextChoices):
    YOUTH_UNION = "doan_thanh_nien", "Đoàn Thanh niên"
    MASS_ORGANIZATION = "doan_the", "Tổ chức chính trị - xã hội khác"
    OTHER = "khac", "Nguồn khác"


class Workplace(models.TextChoices):
    NONE = "", "Không xác định"
    STATE = "co_quan_nha_nuoc", "Cơ quan, đơn vị sự nghiệp"
    STATE_ENTERPRISE = "doanh_nghiep_nha_nuoc", "Doanh nghiệp nhà nước"
    PRIVATE_ENTERPRISE = rules.PRIVATE_ENTERPRISE, "Doanh nghiệp tư nhân, FDI"
    STUDENT = rules.STUDENT, "Học sinh, sinh viên"
    COMMUNITY = "thon_to_dan_pho", "Thôn, bản, tổ dân phố"
    ARMED_FORCES = "luc_luong_vu_trang", "Lực lượng vũ trang"
    OTHER = "khac", "Khác"


STAGE_CHOICES = [(stage, rules.STAGE_LABELS[stage]) for stage in rules.STAGES]
STEP_CHOICES = [(step, rules.STEP_LABELS[step]) for step in rules.ALL_STEPS]


class Candidate(PersonalDetails):
    """A person on the way into the Party, from the awareness course to the party card."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="admission_candidates",
                                     verbose_name="Chi bộ")
    workplace = models.CharField("Nơi làm việc, học tập", max_length=30, choices=Workplace.choices, blank=True,
                                 default="")
    source = models.CharField("Nguồn", max_length=20, choices=Source.choices, default=Source.YOUTH_UNION)
    youth_union_member = models.BooleanField("Là đoàn viên", default=False)
    over_age_decision = models.CharField("Quyết định cho kết nạp trên 60 tuổi", max_length=60, blank=True)
    course_certificate_number = models.CharField("Số giấy chứng nhận lớp nhận thức", max_length=60, blank=True)
    course_certificate_date = models.DateField("Ngày cấp giấy chứng nhận", null=True, blank=True)

    stage = models.CharField("Bước hiện tại", max_length=20, choices=STAGE_CHOICES, default=rules.COURSE)
    stage_since = models.DateField("Từ ngày", null=True, blank=True)
    decision_extended = models.BooleanField("Đã gia hạn thời gian ra quyết định", default=False)
    admitted_on = models.DateField("Ngày quyết định kết nạp", null=True, blank=True)
    ceremony_on = models.DateField("Ngày lễ kết nạp", null=True, blank=True)
    official_on = models.DateField("Ngày chính thức", null=True, blank=True)
    failed_recognition_votes = models.PositiveSmallIntegerField("Số lần xét chính thức không đạt", default=0)
    escalated = models.BooleanField("Chuyển cấp ủy cấp trên quyết định", default=False)
    helper = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               verbose_name="Đảng viên giúp đỡ")
    member = models.OneToOneField("members.Member", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="admission", verbose_name="Hồ sơ đảng viên")
    stop_reason = models.TextField("Lý do dừng xem xét", blank=True)

    # Report breakdowns, fixed when the decision is recorded (DOMAIN.md §3; issue 13).
    is_female = models.BooleanField(default=False, editable=False)
    is_minority = models.BooleanField(default=False, editable=False)
    is_youth = models.BooleanField(default=False, editable=False)
    is_religious = models.BooleanField(default=False, editable=False)

    created_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Người xin vào Đảng"
        verbose_name_plural = "Người xin vào Đảng"
        ordering = ["sort_key", "id"]
        indexes = [
            models.Index(fields=["organization", "stage"], name="candidate_org_stage"),
            # Progress roll-up: admissions in a date range, counted per organization.
            models.Index(fields=["admitted_on", "organization"], name="candidate_admitted"),
            models.Index(fields=["stage", "stage_since"], name="candidate_stage_since"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("admission:candidate", args=[self.pk])

    @property
    def stage_label(self) -> str:
        return rules.STAGE_LABELS.get(self.stage, self.stage)

    @property
    def under_grassroots_committee(self) -> bool:
        """A chi bộ trực thuộc has a đảng ủy cơ sở above it; a chi bộ cơ sở does not."""
        from dangbo.orgs.models import OrgKind

        return self.organization.kind in (OrgKind.CELL, OrgKind.GROUP)

    @property
    def is_active(self) -> bool:
        return self.stage not in (rules.DONE, rules.STOPPED)


class AdmissionStep(models.Model):
    """One recorded step; a failed vote is kept too (passed=False) and the candidate stays."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField("Bước", max_length=20, choices=STEP_CHOICES)
    date = models.DateField("Ngày")
    decision_number = models.CharField("Số nghị quyết, quyết định, văn bản", max_length=60, blank=True)
    scan = models.FileField("Bản quét", upload_to="ket-nap/%Y/", blank=True)
    approve = models.PositiveSmallIntegerField("Số tán thành", null=True, blank=True)
    total = models.PositiveSmallIntegerField("Tổng số đảng viên chính thức (cấp ủy viên)", null=True, blank=True)
    passed = models.BooleanField("Đạt", default=True)
    late_approval = models.CharField("Văn bản đồng ý của cấp trên (quá hạn)", max_length=60, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    created_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Bước kết nạp"
        ordering = ["candidate", "date", "id"]
        indexes = [models.Index(fields=["candidate", "step"], name="admission_step_candidate")]

    def __str__(self) -> str:
        return f"{self.get_step_display()} {vn.format_date(self.date)}"

    @property
    def organization_id(self) -> int:
        return self.candidate.organization_id


class Relative(models.Model):
    """A person the verification (thẩm tra lý lịch) covers: the applicant and the relatives
    DOMAIN.md §3.2.4 lists."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="relatives")
    relation = models.CharField("Quan hệ", max_length=20, choices=list(rules.RELATIONS.items()))
    full_name = models.CharField("Họ và tên", max_length=120)
    party_member_declared = models.BooleanField("Là đảng viên, đã khai đầy đủ", default=False)
    verified_on = models.DateField("Ngày có kết quả thẩm tra", null=True, blank=True)
    result = models.CharField("Kết quả", max_length=255, blank=True)

    class Meta:
        verbose_name = "Người được thẩm tra"
        ordering = ["candidate", "id"]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}: {self.full_name}"

    @property
    def organization_id(self) -> int:
        return self.candidate.organization_id


class Sponsor(models.Model):
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="sponsors")
    kind = models.CharField("Loại", max_length=20, choices=[(rules.MEMBER_SPONSOR, "Đảng viên chính thức"),
                                                           (rules.YOUTH_UNION_SPONSOR, "Ban Chấp hành Đoàn cơ sở")])
    member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name="Đảng viên giới thiệu")
    name = models.CharField("Tên", max_length=160, blank=True)
    together_since = models.DateField("Cùng công tác, học tập, sinh sống từ", null=True, blank=True)

    class Meta:
        verbose_name = "Người giới thiệu"
        ordering = ["candidate", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def organization_id(self) -> int:
        return self.candidate.organization_id


class TargetSource(models.TextChoices):
    ENTERED = "nhap", "Nhập tay"
    IMPORTED = "tep", "Nhập từ tệp"
    SPLIT = "phan_bo", "Phân bổ từ chỉ tiêu cấp trên"


class AdmissionTarget(models.Model):
    """Chỉ tiêu kết nạp đảng viên of one unit for one year."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="admission_targets")
    year = models.PositiveSmallIntegerField("Năm")
    target = models.PositiveIntegerField("Chỉ tiêu kết nạp")
    source = models.CharField("Nguồn", max_length=10, choices=TargetSource.choices, default=TargetSource.ENTERED)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Chỉ tiêu kết nạp đảng viên"
        ordering = ["year", "organization"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="admission_target_unique")]
        indexes = [models.Index(fields=["year", "organization"], name="admission_target_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.target}"


class HamletKind(models.TextChoices):
    HAMLET = "thon", "Thôn, bản, ấp, làng"
    RESIDENTIAL_GROUP = "to_dan_pho", "Tổ dân phố, khu phố"


class Hamlet(models.Model):
    """A hamlet or residential group of the unit's area, kept by the unit: how many members
    live there and whether it has its own chi bộ (the "no member / no chi bộ" lists)."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="hamlets",
                                     verbose_name="Đơn vị quản lý")
    name = models.CharField("Tên", max_length=160)
    kind = models.CharField("Loại", max_length=12, choices=HamletKind.choices, default=HamletKind.HAMLET)
    member_count = models.PositiveIntegerField("Số đảng viên đang sinh sống", default=0)
    has_cell = models.BooleanField("Đã có chi bộ", default=False)
    updated_on = models.DateField("Cập nhật ngày", null=True, blank=True)

    class Meta:
        verbose_name = "Thôn, tổ dân phố"
        ordering = ["organization", "name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="hamlet_unique_name")]

    def __str__(self) -> str:
        return self.name
