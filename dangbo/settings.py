"""Django settings for dangbo.

SQLite file by default (a cell or commune on a laptop); DATABASE_URL=postgres://... switches
to PostgreSQL (a province or the whole country).
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("DANGBO_VAR_DIR", BASE_DIR.parent / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("DANGBO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = os.environ.get("DANGBO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get("DANGBO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

DANGBO_APPS = [
    "dangbo.core",
    "dangbo.audit",
    "dangbo.orgs",
    "dangbo.members",
    "dangbo.access",
    "dangbo.ratings",
    "dangbo.documents",
    "dangbo.congress",
    "dangbo.ingest",
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
    *DANGBO_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "dangbo.core.middleware.RequestGuardMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "dangbo.access.middleware.ScopeMiddleware",
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
            ],
            "builtins": ["dangbo.core.templatetags.vn"],
        },
    }
]


def database_from_url(url: str | None) -> dict:
    """postgres://user:pass@host:port/name -> Django DATABASES entry; empty -> SQLite file."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "dangbo.sqlite3",
            "OPTIONS": {"timeout": 30},
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
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
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
