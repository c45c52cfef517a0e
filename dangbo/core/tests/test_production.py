"""Production mode: settings from the environment, `check --deploy`, the error pages, the
real server, and nothing loaded from another host."""
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders

import dangbo
from dangbo.core import staticfiles

# The README's "Production" table, as an operator would fill it in behind nginx.
PRODUCTION_ENV = {
    "DANGBO_SECRET_KEY": "k9-Zq2mX8vB4nR7tY1wE5uI3oP6aS0dF2gH8jK4lZ7xC9vB1nM3qW5eR7tY9uI1oP",
    "DANGBO_ALLOWED_HOSTS": "dangbo.tinhuy.example.vn",
    "DANGBO_CSRF_TRUSTED_ORIGINS": "https://dangbo.tinhuy.example.vn",
    "DANGBO_TRUST_PROXY": "1",
}


# These start `dangbo` in a fresh process with its default database: the same on both runs
# of the suite, so they run in the SQLite one only.
once = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="does not depend on the database; runs on SQLite")


def dangbo_env(tmp_path, **extra) -> dict:
    """A clean environment: no DANGBO_* or DJANGO_* variables of the test run leak in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DANGBO_", "DJANGO_", "DATABASE_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="dangbo.settings", DANGBO_VAR_DIR=str(tmp_path), **extra)
    return env


def run_dangbo(env, *args, timeout=120):
    return subprocess.run([sys.executable, "-m", "dangbo", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


@once
def test_check_deploy_is_clean_with_the_documented_settings(tmp_path):
    result = run_dangbo(dangbo_env(tmp_path, **PRODUCTION_ENV), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "?:" not in result.stderr
    assert "no issues" in result.stdout


@once
def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_dangbo(dangbo_env(tmp_path), "check")
    assert result.returncode != 0
    assert "DANGBO_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


@once
def test_debug_is_off_unless_asked_for(tmp_path):
    code = "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE)"
    prod = run_dangbo(dangbo_env(tmp_path, **PRODUCTION_ENV), "shell", "-v", "0", "-c", code)
    assert prod.stdout.split() == ["False", "True", "True"], prod.stderr
    dev = run_dangbo(dangbo_env(tmp_path, DANGBO_DEBUG="1"), "shell", "-v", "0", "-c", code)
    assert dev.stdout.split() == ["True", "False", "False"], dev.stderr


def assert_vietnamese_error_page(response, status, heading):
    assert response.status_code == status
    html = response.content.decode()
    assert heading in html
    assert 'class="topbar"' in html and "trang chủ" in html.lower()  # the site layout, a way back
    for leak in ("Traceback", "URLconf", "urlpatterns", "secret internal detail", "Django tried", "dang-vien/<int"):
        assert leak not in html


@pytest.mark.urls("dangbo.core.tests.error_urls")
def test_error_pages_are_vietnamese_without_internals(tree, login):
    assert not settings.DEBUG
    client = login(tree.staff_a)
    client.raise_request_exception = False
    assert_vietnamese_error_page(client.get("/khong-co-trang-nay/"), 404, "Không tìm thấy trang")
    assert_vietnamese_error_page(client.get("/thu-loi/403/"), 403, "Không có quyền thực hiện")
    assert_vietnamese_error_page(client.get("/thu-loi/400/"), 400, "Yêu cầu không hợp lệ")
    assert_vietnamese_error_page(client.get("/thu-loi/500/"), 500, "Hệ thống gặp lỗi")
    # Out of scope: the same 404 page, nothing about the object.
    other_cell_member = tree.b1_members[0]
    assert_vietnamese_error_page(client.get(f"/dang-vien/{other_cell_member.pk}/"), 404, "Không tìm thấy trang")


def test_csrf_failure_page_is_vietnamese(tree, client):
    client = type(client)(enforce_csrf_checks=True)
    response = client.post("/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()


# -- nothing from another host ----------------------------------------------------------

EXTERNAL_ATTRIBUTE = re.compile(r"""\b(?:src|href|srcset|action|poster)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
EXTERNAL_CSS = re.compile(r"""(?:@import\s+|url\()\s*["']?\s*(?:https?:)?//""", re.I)
CDN_HOST = re.compile(r"//(?:[\w.-]*\.)?(?:cdn[\w-]*\.|unpkg\.com|jsdelivr\.net|cdnjs|googleapis\.com|gstatic\.com|"
                      r"bootstrapcdn|code\.jquery\.com|cloudflare\.com|fontawesome)", re.I)


def project_templates():
    root = Path(dangbo.__file__).parent
    return [p for p in root.rglob("*.html") if "templates" in p.parts]


def served_static_files():
    """Every file `collectstatic` would publish: ours, the admin's, Swagger UI's..."""
    ignored = apps.get_app_config("staticfiles").ignore_patterns  # as collectstatic does
    for finder in finders.get_finders():
        for path, storage in finder.list(ignored):
            yield Path(storage.path(path))


def external_references(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    problems = []
    if path.suffix in (".html", ".htm", ".svg"):
        problems += EXTERNAL_ATTRIBUTE.findall(text)
    if path.suffix in (".css", ".html"):
        problems += EXTERNAL_CSS.findall(text)
    if path.suffix in (".js", ".css", ".html"):
        problems += CDN_HOST.findall(text)
    return problems


def test_no_template_or_static_file_loads_from_another_host():
    files = project_templates() + list(served_static_files())
    assert len(files) > 50  # the scan really saw the admin's and Swagger UI's files too
    offending = {str(p): refs for p in files if (refs := external_references(p))}
    assert not offending


def test_api_docs_are_served_from_the_site_to_signed_in_users_only(tree, client, login):
    response = client.get("/api/v1/docs")
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    html = login(tree.leader_province).get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert not EXTERNAL_ATTRIBUTE.search(html) and not CDN_HOST.search(html)


# -- the real server ----------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@once
def test_dangbo_serve_runs_gunicorn_with_static_files_and_security_headers(tmp_path):
    port = free_port()
    # Plain HTTP on loopback (nginx adds TLS in a real set-up); no compressed copies, to keep it quick.
    env = dangbo_env(tmp_path, **{**PRODUCTION_ENV, "DANGBO_ALLOWED_HOSTS": "127.0.0.1", "DANGBO_HTTPS": "0",
                                  "DANGBO_STATIC_COMPRESS": "0", "DANGBO_WORKERS": "1", "DANGBO_THREADS": "2"})
    server = subprocess.Popen([sys.executable, "-m", "dangbo", "serve", "--bind", f"127.0.0.1:{port}"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        page = None
        for _ in range(150):
            try:
                page = urllib.request.urlopen(f"{base}/dang-nhap/", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
        assert page is not None, server.stdout.read() if server.poll() is not None else "no answer"
        html = page.read().decode()
        assert page.status == 200 and "Đăng nhập" in html
        assert "gunicorn" in page.headers.get("Server", "")
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        assert page.headers["X-Frame-Options"] == "DENY"
        css_url = re.search(r'href="(/static/dangbo/site\.[0-9a-f]{12}\.css)"', html).group(1)
        css = urllib.request.urlopen(base + css_url, timeout=5)
        assert css.status == 200 and "max-age=315360000" in css.headers["Cache-Control"]  # WhiteNoise, hashed name
        if (staticfiles.NODE_MODULES / "chart.js").is_dir():  # npm packages installed (make setup)
            chart_url = re.search(r'src="(/static/vendor/chart\.js/chart\.umd\.min\.[0-9a-f]{12}\.js)"', html).group(1)
            assert urllib.request.urlopen(base + chart_url, timeout=5).status == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


INLINE_CODE = re.compile(r"""<style\b|\sstyle\s*=|<script(?![^>]*\bsrc=)(?![^>]*type="application/json")(?![^>]*nonce=)"""
                         r"""|\son[a-z]+\s*=|javascript:|hx-on""", re.I)


def test_no_template_has_inline_script_or_style():
    """The Content-Security-Policy refuses inline code: styles belong in site.css, scripts in
    static files (or carry {{ request.csp_nonce }}). PDF layouts are for WeasyPrint, not browsers."""
    offending = {str(p): INLINE_CODE.findall(p.read_text(encoding="utf-8"))
                 for p in project_templates() if not p.name.endswith(".pdf.html")}
    assert not {path: found for path, found in offending.items() if found}
