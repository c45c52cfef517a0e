"""Writes about a user's own access: API tokens (issue, revoke), audited."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangbo.access.models import ApiToken
from dangbo.audit.log import record, snapshot
from dangbo.audit.models import AuditAction
from dangbo.core.vn import nfc

MAX_TOKEN_DAYS = 365


@transaction.atomic
def issue_token(actor, user, *, name: str = "", days: int | None = None) -> tuple[ApiToken, str]:
    """A new API token for `user`; returns (token, raw). The raw value is shown only once."""
    if days is not None and not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValidationError({"days": f"Thời hạn từ 1 đến {MAX_TOKEN_DAYS} ngày."})
    token, raw = ApiToken.issue(user, name=nfc(name or "").strip()[:80], days=days)
    record(actor, AuditAction.CREATE, token, note="Tạo mã truy cập API")
    return token, raw


@transaction.atomic
def revoke_token(actor, token: ApiToken) -> ApiToken:
    """Stop a token at once; the API answers 401 to it from now on. Revoking twice is harmless."""
    if token.revoked_at is None:
        before = snapshot(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor, AuditAction.UPDATE, token, before=before, note="Thu hồi mã truy cập API")
    return token
