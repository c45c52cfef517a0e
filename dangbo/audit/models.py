"""Who changed what, when: one row per create, update, delete or bulk import."""
from django.conf import settings
from django.db import models


class AuditAction(models.TextChoices):
    CREATE = "create", "Thêm mới"
    UPDATE = "update", "Sửa"
    DELETE = "delete", "Xóa"
    IMPORT = "import", "Nhập từ tệp"
    OTHER = "other", "Khác"


class AuditEntry(models.Model):
    at = models.DateTimeField("Thời điểm", auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField("Thao tác", max_length=10, choices=AuditAction.choices)
    model = models.CharField("Đối tượng", max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    object_repr = models.CharField(max_length=255, blank=True)
    organization_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = "Nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def changed_fields(self) -> dict:
        """{field: (before, after)} for the fields that differ."""
        before, after = self.before or {}, self.after or {}
        return {k: (before.get(k), after.get(k)) for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)}


class AccessKind(models.TextChoices):
    MEMBER_PAGE = "member_page", "Xem hồ sơ đảng viên"
    MEMBER_API = "member_api", "Đọc hồ sơ qua API"
    EXPORT = "export", "Xuất dữ liệu"
    IMPORT = "import", "Nhập dữ liệu"


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk update and delete: the access log is only ever added to."""

    def update(self, **kwargs):
        raise PermissionError("Nhật ký truy cập chỉ được ghi thêm, không được sửa.")

    def delete(self):
        raise PermissionError("Nhật ký truy cập không được xóa (chỉ lệnh dọn theo thời hạn lưu trữ).")


class AccessLogEntry(models.Model):
    """One read of personal data (Decree 13/2023/NĐ-CP): a member's record, or an export or
    import with its filter and row count. Append-only: the app never updates or deletes a row
    except the retention command (`dangbo prune_access_log`)."""

    at = models.DateTimeField("Thời điểm", auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    username = models.CharField("Người truy cập", max_length=150)  # kept when the account is deleted
    kind = models.CharField("Loại truy cập", max_length=12, choices=AccessKind.choices)
    # No database constraint: the entry outlives the member record it names.
    member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.DO_NOTHING,
                               db_constraint=False, related_name="+", verbose_name="Đảng viên")
    organization_id = models.BigIntegerField(null=True, blank=True)
    what = models.CharField("Nội dung", max_length=255, blank=True)  # export/import name or file
    filters = models.JSONField("Bộ lọc", default=dict, blank=True)
    row_count = models.IntegerField("Số dòng", null=True, blank=True)
    address = models.GenericIPAddressField("Địa chỉ máy", null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = "Nhật ký truy cập dữ liệu cá nhân"
        verbose_name_plural = "Nhật ký truy cập dữ liệu cá nhân"
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["member", "at"], name="access_log_member"),
            models.Index(fields=["user", "at"], name="access_log_user"),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Nhật ký truy cập chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Nhật ký truy cập không được xóa.")
