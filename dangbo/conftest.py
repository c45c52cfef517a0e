"""Fixtures shared by every app's tests."""
import os

import pytest
from django.db import connection
from django.test import override_settings

from dangbo.core.testing import PASSWORD, build_small_tree

@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Tests log in thousands of times; the production hasher (PBKDF2, 10^6 rounds) would
    spend most of the suite's time hashing. MD5 is fine for throw-away test passwords."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


# Playwright's sync API runs an event loop in the test thread; Django's ORM guard would
# otherwise refuse database access from that thread during browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def tree(db):
    return build_small_tree()


@pytest.fixture
def login(client):
    """login(user) -> the Django test client logged in as that user."""

    def _login(user):
        client.logout()
        assert client.login(username=user.username, password=PASSWORD)
        return client

    return _login


@pytest.fixture
def on_postgresql():
    return connection.vendor == "postgresql"


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (no browser download)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield instance
        instance.close()


@pytest.fixture
def page_as(browser, live_server):
    """page_as(user) -> a Playwright page logged in through the real login form."""
    contexts = []

    def _page(user):
        context = browser.new_context(accept_downloads=True, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield _page
    for context in contexts:
        context.close()


@pytest.fixture
def live_tree(transactional_db):
    """The small tree, committed, for tests that drive the live server from a browser."""
    return build_small_tree()
