"""Long work run by `dangbo worker` (django-tasks, database backend), seen by the user who
started it: kind, progress, and the result (rows written, or the file's errors)."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class JobKind(models.TextChoices):
    MEMBER_IMPORT = "member_import", "Nhập đảng viên từ tệp"
    ROLLUP_REBUILD = "rollup_rebuild", "Tính lại số liệu tổng hợp"
    RATING_IMPORT = "rating_import", "Nhập xếp loại đảng viên từ tệp"
    MEMBER_EXPORT = "member_export", "Xuất danh sách đảng viên"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang chạy"
    DONE = "done", "Hoàn thành"
    FAILED = "failed", "Không thành công"


class Job(models.Model):
    kind = models.CharField("Loại", max_length=30, choices=JobKind.choices)
    status = models.CharField("Trạng thái", max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    filename = models.CharField("Tệp", max_length=255, blank=True)
    stored_file = models.CharField(max_length=500, blank=True)  # under VAR_DIR/jobs, removed when done
    done = models.PositiveIntegerField(default=0)  # rows read and checked so far
    total = models.PositiveIntegerField(default=0)  # rows in the file (0: not known yet)
    phase = models.CharField("Bước", max_length=120, blank=True)
    result = models.JSONField(default=dict, blank=True)  # {"created": n} or {"errors": [...], "error_count": n}
    params = models.JSONField(default=dict, blank=True)  # what the task needs beside the file: organization, year, filters
    # A file the job produced (an export): downloaded by its owner only, removed at expires_at.
    output_file = models.CharField(max_length=500, blank=True)
    output_name = models.CharField("Tệp kết quả", max_length=255, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Công việc chạy nền"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.filename or self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def created_label(self) -> str:
        """What an import job's count is of."""
        return "kết quả xếp loại" if self.kind == JobKind.RATING_IMPORT else "đảng viên"

    @property
    def downloadable(self) -> bool:
        return bool(self.output_file) and self.status == JobStatus.DONE

    @property
    def percent(self) -> int:
        if self.finished:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0
