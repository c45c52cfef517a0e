"""Who may see and change what: users bound to organization subtrees with a role."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class Role(models.TextChoices):
    ADMIN = "admin", "Quản trị hệ thống"
    STAFF = "staff", "Cán bộ tổ chức"
    LEADER = "leader", "Lãnh đạo"
    CELL_SECRETARY = "cell_secretary", "Bí thư chi bộ"
    MEMBER = "member", "Đảng viên"
    # Ủy ban kiểm tra staff: reads the subtree, and alone (with admins) sees denunciations and case files.
    INSPECTION = "inspection", "Cán bộ kiểm tra"


class RoleAssignment(models.Model):
    """One role over one organization subtree (admin needs no organization; member names a Member)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField("Vai trò", max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="role_assignments",
        verbose_name="Phạm vi (tổ chức)",
    )
    member = models.ForeignKey(
        "members.Member", null=True, blank=True, on_delete=models.CASCADE, related_name="user_links",
        verbose_name="Đảng viên (với vai trò đảng viên)",
    )

    class Meta:
        verbose_name = "Phân quyền"
        verbose_name_plural = "Phân quyền"

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organization or 'toàn hệ thống'}"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


TOKEN_PREFIX = "dgb_"


class ApiToken(models.Model):
    """Bearer token for the REST API. Only the hash is stored; the raw token is shown once.

    A token works until its expiry date or until it is revoked (on the user's account page
    or with `dangbo token --revoke`); after that the API answers 401."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("Tên gợi nhớ", max_length=80, blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField("Hết hạn", null=True, blank=True)
    revoked_at = models.DateTimeField("Thu hồi lúc", null=True, blank=True)

    class Meta:
        verbose_name = "Mã truy cập API"
        verbose_name_plural = "Mã truy cập API"

    def __str__(self) -> str:
        return f"Mã API #{self.pk} của {self.user} ({self.name or 'không tên'})"

    @classmethod
    def issue(cls, user, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
        """A new token valid for `days` (default: settings.DANGBO_TOKEN_DAYS); returns (token, raw)."""
        # The fixed prefix keeps a token from starting with "-" (which a shell or argparse
        # would read as an option) and lets secret scanners recognise a leaked one.
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        lifetime = timedelta(days=days if days is not None else settings.DANGBO_TOKEN_DAYS)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(raw), expires_at=timezone.now() + lifetime)
        return token, raw

    @classmethod
    def usable(cls):
        """Tokens that still open the API: not revoked and not expired."""
        now = timezone.now()
        return cls.objects.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now))

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "Đã thu hồi"
        if self.expires_at and self.expires_at <= timezone.now():
            return "Hết hạn"
        return "Đang dùng"

    @property
    def is_usable(self) -> bool:
        return self.status == "Đang dùng"
