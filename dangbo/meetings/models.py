"""Party meetings (sinh hoạt chi bộ, chi ủy, đảng ủy), their attendance and minutes, and
conferences with several bridge points (hội nghị trực tuyến).

Who sees what (through request.scope, see views): a meeting belongs to its organization;
readers of that subtree see it, writers there (the cell secretary, staff) run it. A member
sees the meetings of their own cell (the notice and its materials) and only their own
attendance line.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from dangbo.meetings import rules


class Body(models.TextChoices):
    CELL = "chi_bo", "Chi bộ"
    CELL_COMMITTEE = "chi_uy", "Chi ủy"
    COMMITTEE = "dang_uy", "Đảng ủy"
    PARTY_GROUP = "to_dang", "Tổ đảng"


class Kind(models.TextChoices):
    REGULAR = rules.Kind.REGULAR.value, "Sinh hoạt thường kỳ"
    THEMATIC = rules.Kind.THEMATIC.value, "Sinh hoạt chuyên đề"
    COMBINED = rules.Kind.COMBINED.value, "Thường kỳ kết hợp chuyên đề"


class Status(models.TextChoices):
    PLANNED = "du_kien", "Dự kiến"
    NOTIFIED = "da_thong_bao", "Đã thông báo"
    HELD = "da_hop", "Đã sinh hoạt"
    CANCELLED = "huy", "Hoãn, hủy"


class Quality(models.TextChoices):
    GOOD = "tot", "Tốt"
    FAIR = "kha", "Khá"
    AVERAGE = "trung_binh", "Trung bình"
    POOR = "kem", "Kém"


class Presence(models.TextChoices):
    PRESENT = rules.Presence.PRESENT.value, "Có mặt"
    EXCUSED = rules.Presence.EXCUSED.value, "Vắng có lý do"
    UNEXCUSED = rules.Presence.UNEXCUSED.value, "Vắng không lý do"


class Meeting(models.Model):
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="meetings",
                                     verbose_name="Chi bộ, đảng bộ")
    body = models.CharField("Cấp họp", max_length=10, choices=Body.choices, default=Body.CELL)
    kind = models.CharField("Loại sinh hoạt", max_length=12, choices=Kind.choices, default=Kind.REGULAR)
    date = models.DateField("Ngày sinh hoạt")
    start_time = models.TimeField("Giờ bắt đầu", null=True, blank=True)
    place = models.CharField("Địa điểm", max_length=255, blank=True)
    topic = models.CharField("Chuyên đề", max_length=255, blank=True)
    agenda = models.TextField("Nội dung, chương trình", blank=True, max_length=5000)
    status = models.CharField("Trạng thái", max_length=14, choices=Status.choices, default=Status.PLANNED)
    notified_on = models.DateField("Ngày thông báo, gửi tài liệu", null=True, blank=True)
    supervisor = models.CharField("Cấp ủy cấp trên dự, chỉ đạo", max_length=255, blank=True)
    duration_minutes = models.PositiveSmallIntegerField("Thời lượng (phút)", null=True, blank=True)
    quality = models.CharField("Tự đánh giá chất lượng", max_length=12, choices=Quality.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Buổi sinh hoạt"
        verbose_name_plural = "Buổi sinh hoạt"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "date"], name="meeting_org_date")]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        label = self.get_kind_display()
        month = f"tháng {self.date.month}/{self.date.year}"
        return f"{label} {month}" + (f": {self.topic}" if self.topic else "")

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def duration_problem(self) -> str | None:
        legacy = settings.DANGBO_RULES.get("meeting_min_minutes_before_2025")
        return rules.duration_problem(self.kind, self.date, self.duration_minutes, legacy)

    @property
    def materials_problem(self) -> str | None:
        if self.status in (Status.HELD, Status.CANCELLED):
            return None
        return rules.materials_problem(self.date, self.notified_on)


class Material(models.Model):
    """A document of the meeting: a file uploaded, or a document of the register."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField("Tên tài liệu", max_length=255)
    file = models.FileField("Tệp", upload_to="meetings/%Y/", blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name="Văn bản trong sổ văn bản")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Tài liệu sinh hoạt"
        verbose_name_plural = "Tài liệu sinh hoạt"
        ordering = ["meeting", "id"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="meeting_attendance")
    presence = models.CharField("Điểm danh", max_length=18, choices=Presence.choices)
    reason = models.CharField("Lý do vắng", max_length=255, blank=True)

    class Meta:
        verbose_name = "Điểm danh"
        verbose_name_plural = "Điểm danh"
        constraints = [models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once_per_meeting")]
        indexes = [models.Index(fields=["member", "meeting"], name="attendance_member")]

    def __str__(self) -> str:
        return f"{self.member} — {self.get_presence_display()}"


class Minutes(models.Model):
    """Biên bản sinh hoạt (HD 12-HD/BTCTW): locked once signed; corrections are addenda."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    chair = models.CharField("Chủ trì", max_length=120)
    secretary = models.CharField("Thư ký", max_length=120)
    opening = models.TextField("Lý do, chương trình", blank=True, max_length=5000)
    proceedings = models.TextField("Diễn biến, ý kiến phát biểu", blank=True, max_length=50000)
    conclusions = models.TextField("Kết luận của chủ trì", blank=True, max_length=20000)
    resolution = models.TextField("Nghị quyết được biểu quyết", blank=True, max_length=20000)
    votes_for = models.PositiveSmallIntegerField("Tán thành", null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField("Không tán thành", null=True, blank=True)
    ended_at = models.TimeField("Giờ kết thúc", null=True, blank=True)
    read_back = models.BooleanField("Biên bản đã được thông qua trước khi bế mạc", default=False)
    signed_at = models.DateTimeField("Ký lúc", null=True, blank=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")

    class Meta:
        verbose_name = "Biên bản sinh hoạt"
        verbose_name_plural = "Biên bản sinh hoạt"

    def __str__(self) -> str:
        return f"Biên bản {self.meeting}"

    @property
    def is_locked(self) -> bool:
        return self.signed_at is not None


class MinutesAddendum(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="addenda")
    text = models.TextField("Nội dung bổ sung, đính chính", max_length=5000)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Phụ lục biên bản"
        verbose_name_plural = "Phụ lục biên bản"
        ordering = ["minutes", "created_at", "id"]


class Conference(models.Model):
    """Hội nghị trực tuyến: one main point and several bridge points (điểm cầu)."""

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="conferences",
                                     verbose_name="Cấp ủy tổ chức")
    title = models.CharField("Tên hội nghị", max_length=255)
    date = models.DateField("Ngày tổ chức")
    content = models.TextField("Nội dung", blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Hội nghị trực tuyến"
        verbose_name_plural = "Hội nghị trực tuyến"
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:conference", args=[self.pk])


class BridgePoint(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="points")
    organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+", verbose_name="Đơn vị")
    place = models.CharField("Địa điểm", max_length=255)
    chair = models.CharField("Chủ trì điểm cầu", max_length=120, blank=True)
    is_main = models.BooleanField("Điểm cầu chính", default=False)
    expected = models.PositiveIntegerField("Số đại biểu được triệu tập", default=0)
    present = models.PositiveIntegerField("Số đại biểu có mặt", default=0)

    class Meta:
        verbose_name = "Điểm cầu"
        verbose_name_plural = "Điểm cầu"
        ordering = ["conference", "-is_main", "id"]

    def __str__(self) -> str:
        return self.place


class CorrectionRequest(models.Model):
    """A member asks the committee to correct their record; staff accept or reject it."""

    class State(models.TextChoices):
        OPEN = "cho_xu_ly", "Chờ xử lý"
        ACCEPTED = "da_sua", "Đã chấp nhận, đã sửa"
        REJECTED = "tu_choi", "Không chấp nhận"

    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="correction_requests")
    field = models.CharField("Thông tin cần sửa", max_length=40)
    requested_value = models.CharField("Đề nghị sửa thành", max_length=255)
    reason = models.CharField("Lý do, căn cứ", max_length=1000, blank=True)
    state = models.CharField("Tình trạng", max_length=10, choices=State.choices, default=State.OPEN)
    answer = models.CharField("Trả lời", max_length=1000, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Đề nghị sửa hồ sơ"
        verbose_name_plural = "Đề nghị sửa hồ sơ"
        ordering = ["-created_at", "-id"]
