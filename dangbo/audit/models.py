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
