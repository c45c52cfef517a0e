"""Two-factor authentication with TOTP codes (django-otp): who needs it, devices, QR code.

The QR code is drawn on the server as SVG (qrcode package): the secret never leaves the
site, and nothing is loaded from another host.
"""
from __future__ import annotations

import base64

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangbo.access.models import Role, RoleAssignment
from dangbo.audit.models import AuditAction, AuditEntry

ROLES_NEEDING_SECOND_FACTOR = (Role.ADMIN, Role.STAFF)


def has_role_needing_second_factor(user) -> bool:
    """Admins (also Django superusers and admin-site staff) and organization staff."""
    if user.is_superuser or user.is_staff:
        return True
    return RoleAssignment.objects.filter(user=user, role__in=ROLES_NEEDING_SECOND_FACTOR).exists()


def second_factor_required(user) -> bool:
    return settings.DANGBO_OTP_REQUIRED and has_role_needing_second_factor(user)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up (one per user), created on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Ứng dụng xác thực", confirmed=False)


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address of the device as an inline SVG QR code."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def secret_base32(device: TOTPDevice) -> str:
    """The key for typing into an app by hand, in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def confirm_device(user, device: TOTPDevice, token: str) -> bool:
    """Confirm the pending device with a code from the app; False when the code is wrong."""
    if not device.verify_token((token or "").strip().replace(" ", "")):
        return False
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _audit(user, device, "Bật xác thực hai bước (TOTP)")
    return True


@transaction.atomic
def remove_devices(user) -> None:
    for device in TOTPDevice.objects.filter(user=user):
        _audit(user, device, "Tắt xác thực hai bước (TOTP)")
        device.delete()


def _audit(user, device: TOTPDevice, note: str) -> None:
    """Audit without a field snapshot: the device row holds the TOTP secret."""
    AuditEntry.objects.create(user=user, action=AuditAction.OTHER, model=device._meta.label,
                              object_id=str(device.pk), object_repr=str(user)[:255], note=note)


def enabled(user) -> bool:
    return user_has_device(user, confirmed=True)
