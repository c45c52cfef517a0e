"""Settings of the test suite: the production settings with a throw-away secret key, plain
HTTP (the test client and the live server speak HTTP) and two-factor authentication relaxed
like in development; the tests of those features turn them on themselves."""
import os

os.environ.setdefault("DANGBO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DANGBO_HTTPS", "0")
os.environ.setdefault("DANGBO_OTP_REQUIRED", "0")

from dangbo.settings import *  # noqa: E402,F403

# Pages render {% static %} without a collectstatic run; WhiteNoise serves the source folders.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # nothing collected during tests
