"""The party member register (hồ sơ đảng viên) and its lifecycle history."""
from __future__ import annotations

from django.db import models
from django.urls import reverse

from dangbo.core import vn
from dangbo.core.versioning import Versioned
from dangbo.members.person import Gender, PersonalDetails  # noqa: F401  (Gender is imported from here too)
from dangbo.rollups.models import SubtreeTotals


class MemberStatus(models.TextChoices):
    PROBATIONARY = "du_bi", "Dự bị"
    OFFICIAL = "chinh_thuc", "Chính thức"
    TRANSFERRED_OUT = "chuyen_di", "Đã chuyển đi"
    DECEASED = "tu_tran", "Từ trần"
    REMOVED = "xoa_ten", "Xóa tên"
    EXPELLED = "khai_tru", "Khai trừ"


# Members still belonging to the organization (counted in its strength).
ACTIVE_STATUSES = (MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL)


class TheoryLevel(models.TextChoices):
    NONE = "", "Chưa qua đào tạo"
    ELEMENTARY = "so_cap", "Sơ cấp"
    INTERMEDIATE = "trung_cap", "Trung cấp"
    ADVANCED = "cao_cap", "Cao cấp"
    BACHELOR = "cu_nhan", "Cử nhân"


class Member(PersonalDetails, Versioned):
    # The personal fields are PersonalDetails' (shared with admission candidates); a member's
    # citizen ID is unique in the register.
    citizen_id = models.CharField("Số CCCD", max_length=12, unique=True, null=True, blank=True)
    professional_qualification = models.CharField("Chuyên môn, nghiệp vụ", max_length=120, blank=True)
    political_theory = models.CharField(
        "Lý luận chính trị", max_length=12, choices=TheoryLevel.choices, blank=True, default=""
    )
    admission_date = models.DateField("Ngày vào Đảng")
    official_date = models.DateField("Ngày chính thức", null=True, blank=True)
    card_number = models.CharField("Số thẻ đảng viên", max_length=20, unique=True, null=True, blank=True)
    # No index of its own: member_org_status (organization, status) serves every lookup by organization.
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="members", verbose_name="Chi bộ",
        db_index=False,
    )
    status = models.CharField("Trạng thái", max_length=12, choices=MemberStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Đảng viên"
        verbose_name_plural = "Đảng viên"
        ordering = ["sort_key", "id"]
        indexes = [
            models.Index(fields=["organization", "status"], name="member_org_status"),
            models.Index(fields=["sort_key", "id"], name="member_sort"),
            models.Index(fields=["search_name"], name="member_search"),
            models.Index(fields=["birth_date"], name="member_birth"),
        ]

    def get_absolute_url(self) -> str:
        return reverse("members:detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES


class EventKind(models.TextChoices):
    ADMITTED = "ket_nap", "Kết nạp"
    RECOGNIZED = "chinh_thuc", "Công nhận chính thức"
    TRANSFER = "chuyen_sinh_hoat", "Chuyển sinh hoạt"
    TRANSFER_OUT = "chuyen_di", "Chuyển đi ngoài phạm vi"
    DECEASED = "tu_tran", "Từ trần"
    REMOVED = "xoa_ten", "Xóa tên"
    EXPELLED = "khai_tru", "Khai trừ"
    DISCIPLINE = "ky_luat", "Kỷ luật"
    CORRECTION = "dieu_chinh", "Điều chỉnh hồ sơ"


class MemberEvent(models.Model):
    """One step of a member's life in the Party. Appended, never overwritten."""

    # No index of its own: the (member, date) index below starts with it.
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="events", db_index=False)
    kind = models.CharField("Sự kiện", max_length=20, choices=EventKind.choices)
    date = models.DateField("Ngày")
    from_organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="Từ tổ chức",
    )
    to_organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="Đến tổ chức",
    )
    decision_number = models.CharField("Số quyết định", max_length=60, blank=True)
    discipline_form = models.CharField("Hình thức kỷ luật", max_length=20, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    # Set on a mistaken event when a correction event (kind CORRECTION) reverses it.
    reversed_by = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="reverses", verbose_name="Điều chỉnh bởi")
    created_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Quá trình sinh hoạt đảng"
        ordering = ["member", "date", "id"]
        indexes = [models.Index(fields=["member", "date"]), models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {vn.format_date(self.date)}"


class AbsenceKind(models.TextChoices):
    EXEMPTED = "mien_sinh_hoat", "Miễn công tác và sinh hoạt đảng"
    SICK = "nghi_om", "Nghỉ ốm dài ngày"
    MATERNITY = "thai_san", "Nghỉ thai sản"


class MemberAbsence(models.Model):
    """A span during which a member is exempted from party work or on long leave: such members
    are reviewed but not rated that year (ratings.rules.eligibility)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="absences")
    kind = models.CharField("Loại", max_length=20, choices=AbsenceKind.choices)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày", null=True, blank=True, help_text="Để trống nếu chưa kết thúc.")
    decision_number = models.CharField("Số quyết định", max_length=60, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    created_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Thời gian miễn sinh hoạt, nghỉ dài ngày"
        ordering = ["member", "start", "id"]
        indexes = [models.Index(fields=["member", "start"])]

    @property
    def organization_id(self) -> int:
        """The member's organization: where the audit log files this record."""
        return self.member.organization_id

    def __str__(self) -> str:
        until = vn.format_date(self.end) if self.end else "nay"
        return f"{self.get_kind_display()} {vn.format_date(self.start)} – {until}"


class MemberSummary(SubtreeTotals):
    """Maintained roll-up (dangbo/rollups): members now active in the organization's whole
    subtree, official and probationary. Kept by members/summary.py on every member write."""

    official = models.IntegerField(default=0)
    probationary = models.IntegerField(default=0)

    class Meta:
        verbose_name = "Tổng hợp số đảng viên theo cây tổ chức"

    @property
    def active(self) -> int:
        return self.official + self.probationary
