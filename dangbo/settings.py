"""Django settings for dangbo.

SQLite file by default (a cell or commune on a laptop); DATABASE_URL=postgres://... switches
to PostgreSQL (a province or the whole country).
"""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("DANGBO_VAR_DIR", BASE_DIR.parent / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_flag(name: str, default: bool) -> bool:
    """DANGBO_X=1/0 (also true/false, yes/no); unset -> default."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in ("1", "true", "yes", "on")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Production unless DANGBO_DEBUG=1 (`make run` sets it). Every DANGBO_* variable is listed in
# the README's "Production" table.
DEBUG = env_flag("DANGBO_DEBUG", False)
SECRET_KEY = os.environ.get("DANGBO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DANGBO_SECRET_KEY is not set. In production (DANGBO_DEBUG unset) dangbo refuses to "
            "start without a secret key: generate one with\n"
            "  python3 -c 'import secrets; print(secrets.token_urlsafe(50))'\n"
            "and put DANGBO_SECRET_KEY=... in the service's environment (see docs/DEPLOY.md). "
            "For development on a laptop use `make run` (DANGBO_DEBUG=1)."
        )
    SECRET_KEY = "dev-only-insecure-key-change-me"
ALLOWED_HOSTS = env_list("DANGBO_ALLOWED_HOSTS", "127.0.0.1,localhost")

DANGBO_APPS = [
    "dangbo.core",
    "dangbo.audit",
    "dangbo.orgs",
    "dangbo.members",
    "dangbo.access",
    "dangbo.rollups",
    "dangbo.ratings",
    "dangbo.documents",
    "dangbo.congress",
    "dangbo.ingest",
    "dangbo.meetings",
    "dangbo.jobs",
    "dangbo.admission",
    "dangbo.inspection",
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # Swagger UI from the app's own static files, not a CDN
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    *DANGBO_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "dangbo.core.middleware.RequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dangbo.access.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "dangbo.access.middleware.ScopeMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "dangbo.urls"
WSGI_APPLICATION = "dangbo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dangbo.core.context_processors.app_links",
                "dangbo.core.context_processors.privacy_links",
                "csp.context_processors.nonce",
            ],
            "builtins": ["dangbo.core.templatetags.vn", "dangbo.core.templatetags.nav"],
        },
    }
]


def database_from_url(url: str | None) -> dict:
    """postgres://user:pass@host:port/name -> Django DATABASES entry; empty -> SQLite file."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "dangbo.sqlite3",
            # WAL lets readers work while one writer commits; IMMEDIATE takes the write lock when
            # a transaction starts, so two writers queue (busy timeout, seconds) instead of failing
            # with "database is locked" when a read lock cannot be upgraded.
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            # A real file for tests too, one per process so parallel runs do not collide.
            "TEST": {"NAME": str(VAR_DIR / f"test_{os.getpid()}.sqlite3")},
        }
    parsed = urlparse(url)
    if parsed.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"Unsupported DATABASE_URL scheme: {parsed.scheme}")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")) or "dangbo",
        "USER": unquote(parsed.username or "postgres"),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "127.0.0.1",
        "PORT": str(parsed.port or 5432),
        "TEST": {"NAME": f"test_dangbo_{os.getpid()}"},
    }


DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL"))}
# Streaming replicas for read-only dashboards and reports (core/routers.py), comma-separated URLs.
for _index, _url in enumerate(filter(None, os.environ.get("DANGBO_REPLICA_URLS", "").split(",")), start=1):
    DATABASES[f"replica_{_index}"] = {**database_from_url(_url.strip()), "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["dangbo.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# The npm packages of package.json (chart.js, flatpickr) are served from node_modules/ by the
# last finder: only the files the pages load, under static/vendor/.
STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder", "dangbo.core.staticfiles.AppStaticFinder",
                       "dangbo.core.staticfiles.NodeModulesFinder"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Request size limits (core/validation.py, core/api_errors.py): a JSON or form body without
# files at most 2,5 MB; a whole request with its files at most 32 MB (uploads: 20-30 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DANGBO_MAX_BODY_BYTES", 5 * 1024 * 1024 // 2))
DANGBO_MAX_REQUEST_BYTES = int(os.environ.get("DANGBO_MAX_REQUEST_BYTES", 32 * 1024 * 1024))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20000

# Rules marked unverified (U) in DOMAIN.md are settings, not code. Override per deployment.
DANGBO_RULES = {
    # Quality rating: HTXSNV at most this share of those rated HTTNV in the same unit and year.
    "excellent_ratio": float(os.environ.get("DANGBO_EXCELLENT_RATIO", "0.20")),
    # Document symbols: accept both "QĐi" (HD 36) and "QĐ" for Quy định.
    "accept_qdi": True,
    # Elections: how to break a tie at the last seat ("revote" among the tied, or "none").
    "election_tie_rule": os.environ.get("DANGBO_ELECTION_TIE_RULE", "revote"),
    # Admission: upper age limit in months (60 years); over it needs a special decision.
    "admission_max_age_months": 60 * 12,
    "admission_min_age_months": 18 * 12,
    # Quality rating (U): members on sick or maternity leave this many months or more in the
    # year are reviewed but not rated; a member who arrived less than this many months before
    # the rating date is rated with the previous organization's opinion.
    "rating_leave_months_not_rated": int(os.environ.get("DANGBO_RATING_LEAVE_MONTHS", "3")),
    "rating_transfer_consult_months": 6,
    # Chi bộ meetings: missing this many meetings in a row without a reason warns the secretary.
    "meeting_absence_warning": 3,
    # Minimum minutes of a meeting before HD 42-HD/BTCTW (28/10/2025); None: not checked (U).
    "meeting_min_minutes_before_2025": None,
    # Party badge milestones in years of party seniority (U).
    "badge_milestone_years": (30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90),
    # Admission (DOMAIN.md §3, §9): working-day limits whose carry-over into 294-QĐ/TW is (U),
    # the certificate's validity (N), the due-list notice and youth band (U), holiday files.
    "admission_decision_days": 60,
    "admission_decision_extension_days": 30,
    "admission_ceremony_days": 30,
    "admission_recognition_days": 30,
    "admission_recognition_decision_days": 30,
    "admission_certificate_valid_months": 60,
    "admission_sponsor_min_months": 12,
    "admission_youth_union_max_age_months": 30 * 12 + 11,
    "admission_due_notice_months": 11,
    "admission_max_failed_recognition_votes": 3,
    # Directories of <year>.csv files of days off and working Saturdays (see admission/calendar.py);
    # empty: the files shipped with dangbo. Extra days off as dd/mm/yyyy, comma-separated.
    "admission_holiday_dirs": [d for d in os.environ.get("DANGBO_HOLIDAY_DIRS", "").split(os.pathsep) if d],
    "admission_extra_days_off": [d for d in os.environ.get("DANGBO_EXTRA_DAYS_OFF", "").split(",") if d.strip()],
    # Discipline (296-QĐ/TW Art. 25, N): days after receiving a decision to appeal it.
    "discipline_appeal_days": 30,
    # Consolidation (U): a grassroots organization rated HTNV this many years running is weak.
    "weak_htnv_years": 2,
}

# Access log of personal data (Decree 13/2023): entries older than this many days are removed
# by `dangbo prune_access_log` (run it daily, e.g. from a systemd timer or cron).
DANGBO_ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("DANGBO_ACCESS_LOG_RETENTION_DAYS", "730"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# -- Production: HTTPS, cookies, proxy, sessions (README "Production" table) ------------------
# Secure by default; DANGBO_DEBUG=1 (development) turns the HTTPS-only settings off.
HTTPS = env_flag("DANGBO_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_flag("DANGBO_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_flag("DANGBO_SECURE_COOKIES", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("DANGBO_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DANGBO_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_flag("DANGBO_HSTS_PRELOAD", HTTPS)
# Behind nginx: trust its X-Forwarded-Proto header (only when the proxy always sets it).
if env_flag("DANGBO_TRUST_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("DANGBO_CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_AGE = int(os.environ.get("DANGBO_SESSION_AGE", str(8 * 3600)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Static files: WhiteNoise serves what `collectstatic` gathered (`dangbo serve` runs it);
# hashed names and compressed copies in production, the source folders in development.
if DEBUG:
    STATIC_BACKEND = "django.contrib.staticfiles.storage.StaticFilesStorage"
elif env_flag("DANGBO_STATIC_COMPRESS", True):
    STATIC_BACKEND = "whitenoise.storage.CompressedManifestStaticFilesStorage"
else:
    STATIC_BACKEND = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": STATIC_BACKEND},
}
# Source maps are for developer tools only: not worth compressing.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

# Accounts: 10 wrong passwords lock the user name (django-axes) for DANGBO_LOCKOUT_MINUTES.
AUTHENTICATION_BACKENDS = [
    "dangbo.access.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_LOCKOUT_PARAMETERS = ["username"]
# Locking by address as well would lock a whole office that reaches the site through one
# NAT address after ten typing mistakes of its staff; the account lock is what protects data.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DANGBO_LOCKOUT_MINUTES", "60")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
if env_flag("DANGBO_TRUST_PROXY", False):  # the address logged with each failure: the client's, not nginx's
    AXES_IPWARE_PROXY_COUNT = 1
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
AXES_VERBOSE = False

# Two-factor authentication (TOTP): required for admin and staff roles unless turned off,
# which development mode does so the demo logins of `make run` work with a password only.
DANGBO_OTP_REQUIRED = env_flag("DANGBO_OTP_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("DANGBO_OTP_ISSUER", "dangbo")

# API tokens expire after this many days unless issued with another lifetime.
DANGBO_TOKEN_DAYS = int(os.environ.get("DANGBO_TOKEN_DAYS", "90"))

# Content Security Policy: only this site's own files; no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if DEBUG:
    # Django's debug pages are inline HTML: in development the policy only reports, in the
    # browser console, what production would block.
    CONTENT_SECURITY_POLICY_REPORT_ONLY, CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY, None
# Background jobs (dangbo/jobs): django-tasks with its database backend, run by `dangbo worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Member files above this size are imported by a background job with a progress page.
DANGBO_IMPORT_INLINE_MAX_BYTES = int(os.environ.get("DANGBO_IMPORT_INLINE_MAX_BYTES", 256 * 1024))
# Exports of more rows than this are written by a background job; the file is kept for its
# owner to download during DANGBO_JOB_FILE_RETENTION_HOURS, then removed.
DANGBO_EXPORT_INLINE_MAX_ROWS = int(os.environ.get("DANGBO_EXPORT_INLINE_MAX_ROWS", 20_000))
DANGBO_JOB_FILE_RETENTION_HOURS = float(os.environ.get("DANGBO_JOB_FILE_RETENTION_HOURS", 24))
