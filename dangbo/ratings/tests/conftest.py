import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The test tree creates five users per test; the real hasher would dominate run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
