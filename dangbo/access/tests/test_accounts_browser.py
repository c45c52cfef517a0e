"""In a real browser: an admin signs in with a password and a TOTP code; the main pages run
under the Content Security Policy with no console error; ten wrong passwords lock an account."""
import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangbo.access.tests.test_accounts import current_code
from dangbo.core.testing import PASSWORD

pytestmark = pytest.mark.browser


def main_pages(tree):
    return ["/", "/to-chuc/", f"/to-chuc/{tree.cell_a1.pk}/", "/dang-vien/", f"/dang-vien/{tree.a1_members[0].pk}/",
            "/xep-loai/", "/van-ban/", "/dai-hoi/", "/trich-xuat/", "/nhat-ky/", "/tai-khoan/",
            "/tai-khoan/xac-thuc-hai-buoc/?moi=1", "/api/v1/docs", "/khong-co-trang-nay/"]


def test_admin_signs_in_with_totp_and_pages_pass_the_csp(browser, live_server, live_tree, settings):
    settings.DANGBO_OTP_REQUIRED = True
    device = TOTPDevice.objects.create(user=live_tree.admin, name="điện thoại", confirmed=True)
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    try:
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("input[name=username]", "admin")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        assert "nhập mã 6 số" in page.content()  # the password alone is not enough
        page.fill("input[name=password]", PASSWORD)
        page.fill("input[name=otp_token]", current_code(device))
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")

        for path in main_pages(live_tree):
            response = page.goto(live_server.url + path)
            assert response.status < 500 and "default-src 'self'" in response.headers["content-security-policy"]
            assert "/dang-nhap/" not in page.url and "xac-thuc-hai-buoc/?next" not in page.url
            if path == "/api/v1/docs":
                page.wait_for_selector(".swagger-ui .opblock", timeout=10000)  # Swagger UI really ran
        # A 404 is logged by the browser as a failed resource load; anything else is a problem.
        problems = [p for p in problems if "404" not in p]
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_ten_wrong_passwords_lock_the_account_in_the_browser(browser, live_server, live_tree):
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    try:
        for _ in range(10):
            page.goto(f"{live_server.url}/dang-nhap/")
            page.fill("input[name=username]", live_tree.secretary_a1.username)
            page.fill("input[name=password]", "sai-mat-khau-roi")
            page.click("button[type=submit]")
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("input[name=username]", live_tree.secretary_a1.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        assert "Tài khoản tạm khóa" in page.content()
        assert page.url.endswith("/dang-nhap/")
    finally:
        context.close()
