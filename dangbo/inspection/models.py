"""Inspection and supervision programmes, denunciations, case files, remediation follow-up,
discipline decisions and the consolidation of weak organizations (DOMAIN.md §5).

Every row is bound to an organization (`organization`), so the one Scope cuts it to the
user's subtrees. Denunciations and case files are inspection files: only inspection roles
and admins see them (`Scope.restrict_inspection`); see inspection/visibility.py for the
table of what each role sees of each model.
"""
from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse

from dangbo.inspection import rules


def _choices(labels: dict) -> list[tuple[str, str]]:
    return list(labels.items())


KIND_CHOICES = _choices(rules.KIND_LABELS)


class PlanIssuer(models.TextChoices):
    COMMITTEE = "cap_uy", "Cấp ủy, ban thường vụ"
    COMMISSION = "ubkt", "Ủy ban kiểm tra"


class Plan(models.Model):
    """The yearly inspection and supervision programme of a committee or its inspection commission."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="inspection_plans",
                                     verbose_name="Cấp ủy")
    year = models.PositiveSmallIntegerField("Năm")
    issuer = models.CharField("Cơ quan ban hành", max_length=10, choices=PlanIssuer.choices,
                              default=PlanIssuer.COMMISSION)
    title = models.CharField("Tên chương trình", max_length=255)
    number = models.CharField("Số, ký hiệu", max_length=60, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Chương trình kiểm tra, giám sát"
        ordering = ["-year", "organization__path", "id"]
        indexes = [models.Index(fields=["organization", "year"], name="insp_plan_org_year")]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("inspection:plan", args=[self.pk])


class ItemStatus(models.TextChoices):
    PLANNED = "chua_tien_hanh", "Chưa tiến hành"
    IN_PROGRESS = "dang_tien_hanh", "Đang tiến hành"
    DONE = "da_hoan_thanh", "Đã hoàn thành"
    CANCELLED = "huy", "Hủy, hoãn"


class PlanItem(models.Model):
    """One inspection or supervision of the programme: whom, what, when, by which team."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField("Loại", max_length=30, choices=KIND_CHOICES)
    subject_organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                             related_name="+", verbose_name="Tổ chức được kiểm tra, giám sát")
    subject_member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name="Đảng viên được kiểm tra, giám sát")
    content = models.TextField("Nội dung")
    period_start = models.DateField("Từ ngày", null=True, blank=True)
    period_end = models.DateField("Đến ngày", null=True, blank=True)
    team = models.CharField("Đoàn, tổ kiểm tra", max_length=255, blank=True)
    status = models.CharField("Trạng thái", max_length=20, choices=ItemStatus.choices, default=ItemStatus.PLANNED)

    class Meta:
        verbose_name = "Nội dung kiểm tra, giám sát"
        ordering = ["plan", "period_start", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject_name}"

    @property
    def subject_name(self) -> str:
        return str(self.subject_member or self.subject_organization or "")


class DenunciationStatus(models.TextChoices):
    RECEIVED = "moi_nhan", "Mới tiếp nhận"
    HANDLING = "dang_giai_quyet", "Đang giải quyết"
    CLOSED = "da_giai_quyet", "Đã giải quyết"


class Denunciation(models.Model):
    """A denunciation (đơn tố cáo) received by a committee. Inspection file: the reporter's
    identity is seen by inspection roles and admins only."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                     verbose_name="Cấp tiếp nhận")
    received_on = models.DateField("Ngày nhận")
    reporter_name = models.CharField("Người tố cáo", max_length=120, blank=True)
    reporter_contact = models.CharField("Địa chỉ, điện thoại người tố cáo", max_length=255, blank=True)
    accused_organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                             related_name="+", verbose_name="Tổ chức bị tố cáo")
    accused_member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name="Đảng viên bị tố cáo")
    content = models.TextField("Nội dung tố cáo")
    status = models.CharField("Trạng thái", max_length=20, choices=DenunciationStatus.choices,
                              default=DenunciationStatus.RECEIVED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Đơn tố cáo"
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["organization", "received_on"], name="insp_denunc_org_date")]

    def __str__(self) -> str:
        return f"Đơn tố cáo nhận ngày {self.received_on:%d/%m/%Y}"

    @property
    def accused_name(self) -> str:
        return str(self.accused_member or self.accused_organization or "")


class CaseOrigin(models.TextChoices):
    PLAN = "ke_hoach", "Theo chương trình kiểm tra, giám sát"
    DENUNCIATION = "to_cao", "Giải quyết tố cáo"
    COMPLAINT = "khieu_nai", "Giải quyết khiếu nại, phản ánh"


class CaseStatus(models.TextChoices):
    OPEN = "dang_tien_hanh", "Đang tiến hành"
    CONCLUDED = "da_ket_luan", "Đã kết luận"


class Case(models.Model):
    """A case file (hồ sơ cuộc kiểm tra, giám sát): findings, conclusion, recommendations."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                     verbose_name="Cấp tiến hành")
    kind = models.CharField("Loại", max_length=30, choices=KIND_CHOICES)
    title = models.CharField("Tên cuộc kiểm tra, giám sát", max_length=255)
    origin = models.CharField("Nguồn", max_length=12, choices=CaseOrigin.choices, default=CaseOrigin.PLAN)
    plan_item = models.ForeignKey(PlanItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases",
                                  verbose_name="Nội dung trong chương trình")
    denunciation = models.ForeignKey(Denunciation, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="cases", verbose_name="Đơn tố cáo")
    complaint_summary = models.TextField("Tóm tắt khiếu nại, phản ánh", blank=True)
    subject_organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                             related_name="+", verbose_name="Tổ chức được kiểm tra")
    subject_member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name="Đảng viên được kiểm tra")
    opened_on = models.DateField("Ngày bắt đầu")
    findings = models.TextField("Kết quả kiểm tra, giám sát", blank=True)
    conclusion = models.TextField("Kết luận", blank=True)
    conclusion_number = models.CharField("Số thông báo kết luận", max_length=60, blank=True)
    concluded_on = models.DateField("Ngày kết luận", null=True, blank=True)
    status = models.CharField("Trạng thái", max_length=20, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Hồ sơ kiểm tra, giám sát"
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["organization", "opened_on"], name="insp_case_org_date")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inspection:case", args=[self.pk])

    @property
    def subject_name(self) -> str:
        return str(self.subject_member or self.subject_organization or "")


class Progress(models.TextChoices):
    NOT_STARTED = rules.NOT_STARTED, rules.REMEDIATION_LABELS[rules.NOT_STARTED]
    IN_PROGRESS = rules.IN_PROGRESS, rules.REMEDIATION_LABELS[rules.IN_PROGRESS]
    DONE = rules.DONE, rules.REMEDIATION_LABELS[rules.DONE]


class Recommendation(models.Model):
    """One recommendation of a conclusion, followed until the responsible unit has remedied it.
    Overdue is computed on the day (rules.remediation_status), never stored."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="recommendations")
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                     verbose_name="Đơn vị chịu trách nhiệm")
    content = models.TextField("Nội dung kiến nghị")
    deadline = models.DateField("Thời hạn")
    progress = models.CharField("Tiến độ", max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED)
    done_on = models.DateField("Ngày hoàn thành", null=True, blank=True)
    evidence = models.TextField("Minh chứng khắc phục", blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Kiến nghị khắc phục"
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["organization", "progress", "deadline"], name="insp_rec_followup")]

    def __str__(self) -> str:
        return self.content[:80]

    def status(self, today: date) -> str:
        return rules.remediation_status(done_on=self.done_on, started=self.progress != Progress.NOT_STARTED,
                                        deadline=self.deadline, today=today)


FORM_CHOICES = _choices(rules.FORM_LABELS)


class DisciplineDecision(models.Model):
    """A disciplinary decision on a member or an organization, with its appeal.

    `organization` is the organization disciplined, or the member's chi bộ when decided: the
    scope and the statistics count by it. `year` is the year the decision took effect (None
    while an approval is pending); a decision in force caps that year's rating.
    """

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT,
                                     related_name="discipline_decisions", verbose_name="Tổ chức")
    member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="discipline_decisions", verbose_name="Đảng viên")
    subject = models.CharField("Đối tượng", max_length=12, choices=_choices(rules.SUBJECT_LABELS))
    form = models.CharField("Hình thức kỷ luật", max_length=12, choices=FORM_CHOICES)
    held_post = models.CharField("Chức vụ bị cách chức", max_length=120, blank=True)
    violation_on = models.DateField("Ngày vi phạm (lần gần nhất)")
    violation_summary = models.TextField("Nội dung vi phạm")
    unlimited_ground = models.CharField("Vi phạm không áp dụng thời hiệu", max_length=40, blank=True,
                                        choices=_choices(rules.UNLIMITED_GROUND_LABELS))
    decider = models.CharField("Cấp quyết định", max_length=20, choices=_choices(rules.DECIDER_LABELS))
    decided_by = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                   verbose_name="Tổ chức đảng quyết định")
    number = models.CharField("Số quyết định", max_length=60, blank=True)
    decided_on = models.DateField("Ngày quyết định")
    approved_on = models.DateField("Ngày chuẩn y", null=True, blank=True)
    effective_on = models.DateField("Ngày có hiệu lực", null=True, blank=True)
    year = models.PositiveSmallIntegerField("Năm tính kỷ luật", null=True, blank=True)
    received_on = models.DateField("Ngày nhận quyết định", null=True, blank=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions",
                             verbose_name="Hồ sơ kiểm tra")
    appeal_filed_on = models.DateField("Ngày khiếu nại", null=True, blank=True)
    appeal_outcome = models.CharField("Kết quả giải quyết khiếu nại", max_length=12, blank=True,
                                      choices=_choices(rules.APPEAL_OUTCOME_LABELS))
    appeal_decided_on = models.DateField("Ngày giải quyết khiếu nại", null=True, blank=True)
    appeal_form = models.CharField("Hình thức sau khiếu nại", max_length=12, blank=True, choices=FORM_CHOICES)
    annulled = models.BooleanField("Đã xóa bỏ", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Quyết định kỷ luật"
        ordering = ["-decided_on", "-id"]
        indexes = [
            models.Index(fields=["year", "organization", "subject", "form"], name="insp_discipline_stats"),
            models.Index(fields=["member", "year"], name="insp_discipline_member"),
        ]

    def __str__(self) -> str:
        return f"{self.get_form_display()} — {self.subject_name}"

    def get_absolute_url(self) -> str:
        return reverse("inspection:decision", args=[self.pk])

    @property
    def subject_name(self) -> str:
        return self.member.full_name if self.member_id else self.organization.name

    @property
    def final_form(self) -> str:
        """The form in force after the appeal (the changed form, or the original)."""
        return self.appeal_form or self.form

    @property
    def in_force(self) -> bool:
        return not self.annulled and self.effective_on is not None


class Postponement(models.Model):
    """A span during which a member's discipline is not considered (pregnancy, nursing a child
    under 12 months, serious illness)."""

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="discipline_postponements")
    reason = models.CharField("Lý do", max_length=20, choices=_choices(rules.POSTPONEMENT_LABELS))
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày", null=True, blank=True)
    note = models.CharField("Ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "Tạm hoãn xem xét kỷ luật"
        ordering = ["member", "start"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} từ {self.start:%d/%m/%Y}"

    @property
    def organization_id(self) -> int:
        return self.member.organization_id


class ConsolidationStatus(models.TextChoices):
    PROPOSED = "de_xuat", "Đề xuất củng cố"
    IN_PROGRESS = "dang_cung_co", "Đang củng cố"
    EXITED = "da_cung_co", "Đã củng cố, ra khỏi diện yếu kém"


class Consolidation(models.Model):
    """A weak organization under consolidation (củng cố tổ chức cơ sở đảng yếu kém)."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="consolidations",
                                     verbose_name="Tổ chức đảng")
    year = models.PositiveSmallIntegerField("Năm xếp loại")
    reason = models.CharField("Lý do đưa vào diện củng cố", max_length=20,
                              choices=_choices(rules.WEAK_REASON_LABELS))
    causes = models.TextField("Nguyên nhân", blank=True)
    measures = models.TextField("Giải pháp", blank=True)
    responsible = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="Cấp ủy viên phụ trách")
    status = models.CharField("Trạng thái", max_length=20, choices=ConsolidationStatus.choices,
                              default=ConsolidationStatus.PROPOSED)
    exit_decision_number = models.CharField("Số quyết định công nhận", max_length=60, blank=True)
    exit_on = models.DateField("Ngày ra khỏi diện yếu kém", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Củng cố tổ chức đảng yếu kém"
        ordering = ["-year", "organization__path"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="consolidation_unique")]

    def __str__(self) -> str:
        return f"Củng cố {self.organization} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("inspection:consolidation", args=[self.pk])


class Milestone(models.Model):
    consolidation = models.ForeignKey(Consolidation, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("Mốc thực hiện", max_length=255)
    due = models.DateField("Thời hạn")
    done_on = models.DateField("Ngày hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "Mốc củng cố"
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def organization_id(self) -> int:
        return self.consolidation.organization_id
