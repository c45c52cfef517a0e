"""Walk the main pages as each role would, in a real browser, at desktop and phone widths.

Used by `make screenshots` (the demo province, pictures in var/screenshots/) and by the
browser tests (the small test tree): a page fails when it scrolls sideways at 390 px, answers
with an error status, or logs a console error.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.urls import reverse

PHONE_WIDTH = 390
DESKTOP_WIDTH = 1366
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@dataclass
class PageProblem:
    user: str
    url: str
    width: int
    problem: str

    def __str__(self) -> str:
        return f"{self.user} {self.url} @{self.width}px: {self.problem}"


@dataclass
class WalkResult:
    pictures: list[Path] = field(default_factory=list)
    problems: list[PageProblem] = field(default_factory=list)
    pages: int = 0


def main_pages(user) -> list[tuple[str, str]]:
    """(name, path) of the main pages this user works with, chosen from what their scope holds."""
    from dangbo.access.scope import Scope
    from dangbo.core import navigation
    from dangbo.ratings.models import MemberRating

    scope = Scope.for_user(user)
    pages = [("trang-chu", reverse("home"))]
    root = scope.root_organizations().order_by("path").first()
    if scope.is_admin or scope.read_roots:
        pages += [("cay-to-chuc", reverse("orgs:tree")), ("danh-sach-dang-vien", reverse("members:list"))]
        if root is not None:
            pages.append(("to-chuc", reverse("orgs:detail", args=[root.pk])))
            year = MemberRating.objects.order_by("-year").values_list("year", flat=True).first()
            if year:
                pages.append(("xep-loai", reverse("ratings:dashboard", args=[root.pk, year])))
                cell = scope.writable_organizations().filter(kind__in=("chi_bo", "chi_bo_co_so")).order_by("path").first()
                if cell is not None:
                    pages.append(("nhap-xep-loai", reverse("ratings:cell_entry", args=[cell.pk, year])))
        member = scope.members().order_by("sort_key", "pk").first()
        if member is not None:
            pages.append(("dang-vien", reverse("members:detail", args=[member.pk])))
        # The sections of the role's menu (core.navigation): pages it may not use are left out.
        sections = [("van-ban", "documents", reverse("documents:index")), ("dai-hoi", "congress", reverse("congress:index")),
                    ("trich-xuat", "ingest", reverse("ingest:index")), ("sinh-hoat", "meetings", reverse("meetings:index")),
                    ("theo-doi-sinh-hoat", "meetings", reverse("meetings:follow_up"))]
        pages += [(name, path) for name, namespace, path in sections
                  if navigation.may_use(scope, navigation.BY_NAMESPACE[namespace])]
    if scope.own_member_id:
        pages += [("cua-toi", reverse("meetings:mine")), ("ho-so", reverse("members:detail", args=[scope.own_member_id]))]
    return pages


def walk(base_url: str, users: list[tuple[object, str]], *, out_dir: Path | None = None,
         widths=(PHONE_WIDTH,), browser=None) -> WalkResult:
    """users: (User, password). Logs in through the real form, visits every main page at each
    width; saves full-page pictures when out_dir is given. Uses `browser` (a Playwright
    browser) when given, else starts Debian's Chromium."""
    result = WalkResult()
    # The page lists come from the database, before Playwright's event loop starts (Django
    # refuses database access from inside it).
    users = [(user, password, main_pages(user)) for user, password in users]
    if browser is not None:
        _walk_all(browser, base_url, users, out_dir, widths, result)
        return result
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            _walk_all(browser, base_url, users, out_dir, widths, result)
        finally:
            browser.close()
    return result


def _walk_all(browser, base_url, users, out_dir, widths, result: WalkResult) -> None:
    for user, password, pages in users:
        for width in widths:
            _walk_user(browser, base_url, user, password, pages, width, out_dir, result)


def _walk_user(browser, base_url, user, password, pages, width, out_dir, result: WalkResult) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844 if width == PHONE_WIDTH else 900},
                                  locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}{reverse('login')}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    for name, path in pages:
        errors.clear()
        response = page.goto(f"{base_url}{path}")
        page.wait_for_load_state("load")
        result.pages += 1
        if response is None or response.status >= 400:
            result.problems.append(PageProblem(user.username, path, width, f"HTTP {response.status if response else '?'}"))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if width == PHONE_WIDTH and scroll_width > width:
            result.problems.append(PageProblem(user.username, path, width, f"cuộn ngang: rộng {scroll_width}px"))
        for error in errors:
            result.problems.append(PageProblem(user.username, path, width, f"lỗi console: {error}"))
        if out_dir is not None:
            picture = out_dir / f"{user.username}-{name}-{width}.png"
            page.screenshot(path=str(picture), full_page=True)
            result.pictures.append(picture)
    context.close()
