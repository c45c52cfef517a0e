"""Accounts: password rules, lockout, two-factor authentication, API tokens with expiry and
revocation (page, command, API answers)."""
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangbo.access.models import ApiToken
from dangbo.core.testing import PASSWORD


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def otp_required(settings):
    """Production's rule (two-factor for admin and staff), without django-otp's growing
    wait after a wrong code, so a test may type a right code just after a wrong one."""
    settings.DANGBO_OTP_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def confirmed_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="điện thoại", confirmed=True)


# -- passwords and lockout ----------------------------------------------------------------

@pytest.mark.parametrize("password", ["ngan-qua", "1234567890123", "password123", "dangvien_an2"])
def test_weak_passwords_are_refused(tree, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=tree.member_user)


def test_a_strong_password_is_accepted(tree):
    validate_password("Chi-bo-giao-vien-2026", user=tree.member_user)


def test_ten_wrong_passwords_lock_the_account(tree, client):
    for _ in range(10):
        response = client.post("/dang-nhap/", {"username": tree.secretary_a1.username, "password": "sai-mat-khau"})
    response = client.post("/dang-nhap/", {"username": tree.secretary_a1.username, "password": PASSWORD})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tài khoản tạm khóa" in html and "60 phút" in html
    assert "_auth_user_id" not in client.session
    # Another account is not affected.
    response = client.post("/dang-nhap/", {"username": tree.member_user.username, "password": PASSWORD})
    assert response.status_code == 302


# -- two-factor authentication ------------------------------------------------------------

def test_staff_must_set_up_two_factor_before_anything_else(tree, login, otp_required):
    client = login(tree.staff_a)
    response = client.get("/dang-vien/")
    assert response.status_code == 302 and response["Location"].startswith("/tai-khoan/xac-thuc-hai-buoc/")
    assert client.get("/api/v1/members/").status_code == 403
    page = client.get("/tai-khoan/xac-thuc-hai-buoc/")
    assert "<svg" in page.content.decode() and "Khóa bí mật" in page.content.decode()
    device = TOTPDevice.objects.get(user=tree.staff_a, confirmed=False)
    wrong = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"token": "000000", "moi": "1", "next": "/dang-vien/"})
    assert wrong.status_code == 422
    done = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"token": current_code(device), "moi": "1", "next": "/dang-vien/"})
    assert done.status_code == 302 and done["Location"] == "/dang-vien/"
    assert client.get("/dang-vien/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_admin_login_needs_the_code_when_two_factor_is_on(tree, client, otp_required):
    device = confirmed_device(tree.admin)
    without = client.post("/dang-nhap/", {"username": "admin", "password": PASSWORD})
    assert without.status_code == 200 and "nhập mã 6 số" in without.content.decode()
    wrong = client.post("/dang-nhap/", {"username": "admin", "password": PASSWORD, "otp_token": "123456"})
    assert "Mã xác thực không đúng" in wrong.content.decode()
    right = client.post("/dang-nhap/", {"username": "admin", "password": PASSWORD, "otp_token": current_code(device)})
    assert right.status_code == 302
    assert client.get("/nhat-ky/").status_code == 200  # verified: no detour to the code page


def test_two_factor_is_optional_for_members(tree, login, otp_required):
    client = login(tree.member_user)
    assert client.get("/").status_code == 200
    assert "Bật xác thực hai bước" in client.get("/tai-khoan/").content.decode()


# -- API tokens -----------------------------------------------------------------------------

def api_status(client, raw):
    return client.get("/api/v1/orgs/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def test_token_from_the_account_page_is_shown_once_and_can_be_revoked(tree, login, client):
    page = login(tree.leader_province).post("/tai-khoan/ma-api/", {"name": "báo cáo quý", "days": "30"})
    raw = page.context["raw_token"]
    assert raw in page.content.decode()
    token = ApiToken.objects.get(user=tree.leader_province)
    assert token.key_hash != raw and 29 <= (token.expires_at - timezone.now()).days <= 30
    assert raw not in client.get("/tai-khoan/").content.decode()
    assert "báo cáo quý" in client.get("/tai-khoan/").content.decode()
    assert api_status(client, raw) == 200

    response = client.post(f"/tai-khoan/ma-api/{token.pk}/thu-hoi/")
    assert response.status_code == 302
    client.logout()
    assert api_status(client, raw) == 401
    assert "Đã thu hồi" in login(tree.leader_province).get("/tai-khoan/").content.decode()


def test_nobody_revokes_another_users_token(tree, login):
    token, _ = ApiToken.issue(tree.leader_province)
    assert login(tree.staff_a).post(f"/tai-khoan/ma-api/{token.pk}/thu-hoi/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_expired_token_answers_401(tree, client):
    token, raw = ApiToken.issue(tree.leader_province)
    assert api_status(client, raw) == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert api_status(client, raw) == 401


def test_token_command_issues_lists_and_revokes(tree, client):
    out, err = StringIO(), StringIO()
    call_command("token", tree.leader_province.username, "--days", "7", "--name", "máy báo cáo", stdout=out, stderr=err)
    raw = out.getvalue().strip()
    assert api_status(client, raw) == 200
    token = ApiToken.objects.get(user=tree.leader_province)
    listing = StringIO()
    call_command("token", "--list", tree.leader_province.username, stdout=listing)
    assert f"#{token.pk}" in listing.getvalue() and "Đang dùng" in listing.getvalue()
    call_command("token", "--revoke", str(token.pk), stdout=StringIO())
    assert api_status(client, raw) == 401
    # Revoking by the token itself works too.
    _, raw2 = ApiToken.issue(tree.leader_province)
    call_command("token", "--revoke", raw2, stdout=StringIO())
    assert api_status(client, raw2) == 401


def test_a_token_never_starts_like_a_command_line_option(tree):
    # A raw token starting with "-" could not be passed to `dangbo token --revoke`.
    raws = [ApiToken.issue(tree.leader_province)[1] for _ in range(40)]
    assert all(raw.startswith("dgb_") for raw in raws)


def test_password_change_applies_the_password_rules(tree, login):
    client = login(tree.member_user)
    weak = client.post("/tai-khoan/doi-mat-khau/", {"old_password": PASSWORD, "new_password1": "12345678901",
                                                   "new_password2": "12345678901"})
    assert weak.status_code == 200 and "has-error" in weak.content.decode()
    strong = client.post("/tai-khoan/doi-mat-khau/", {"old_password": PASSWORD, "new_password1": "Sinh-hoat-chi-bo-2026",
                                                     "new_password2": "Sinh-hoat-chi-bo-2026"})
    assert strong.status_code == 302
    tree.member_user.refresh_from_db()
    assert tree.member_user.check_password("Sinh-hoat-chi-bo-2026")
