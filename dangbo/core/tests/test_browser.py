"""Real headless Chromium: the rating dashboard draws its charts (Chart.js from npm, served by the
site) at desktop and phone widths without console errors or Content-Security-Policy refusals,
and a date is picked in the Vietnamese calendar, shown as dd/mm/yyyy and saved."""
import re
from datetime import date

import pytest
from playwright.sync_api import expect

from dangbo.core.testing import PASSWORD
from dangbo.orgs.models import Organization
from dangbo.ratings.tests.factories import known_ratings, open_period, province_targets

pytestmark = pytest.mark.browser

WATCH_CSP = """document.addEventListener("securitypolicyviolation",
    e => (window.cspViolations = window.cspViolations || []).push(e.violatedDirective + " " + e.blockedURI));"""


def open_page(browser, live_server, user, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return context, page, errors


@pytest.mark.parametrize("width", [1366, 390])
def test_dashboard_draws_its_charts_full_width_with_whole_labels(live_tree, browser, live_server, width):
    known_ratings(live_tree)
    open_period(live_tree.province, 2025)
    province_targets(live_tree)
    context, page, errors = open_page(browser, live_server, live_tree.leader_province, width)
    page.goto(f"{live_server.url}/xep-loai/{live_tree.province.pk}/2025/")
    page.wait_for_selector("#trend figure.chart-ready canvas")
    charts = page.evaluate("""() => [...document.querySelectorAll("canvas[data-chart]")].map(c => {
        const chart = Chart.getChart(c);
        const y = chart.scales.y;
        return {width: c.getBoundingClientRect().width, main: document.querySelector("main").clientWidth,
                type: chart.config.type, legend: chart.legend.legendItems.map(i => i.text),
                yLabels: y.ticks.map(t => [].concat(t.label).join(" ")), yMin: y.min};
    })""")
    assert [c["type"] for c in charts] == ["bar", "bar", "line"]
    for chart in charts:
        assert chart["width"] > 0.8 * chart["main"]  # the width of the page, not half of it
    members = charts[0]
    assert members["yLabels"] == ["Đảng bộ xã Bình Lư", "Đảng bộ phường Tân Phong"]  # whole names
    assert "Hoàn thành tốt nhiệm vụ" in members["legend"]
    axis = page.evaluate("() => Chart.getChart(document.querySelector('#trend canvas')).scales.y.ticks.map(t => t.label)")
    assert all(re.fullmatch(r"\d+(,\d+)?%", label) for label in axis), axis  # 92,5% not 92.5%
    assert page.locator("#year-comparison tbody tr").count() == 3  # two units and the whole
    if width == 390:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page.evaluate("window.cspViolations || []")
    assert not errors, errors
    context.close()


def test_a_date_picked_in_the_calendar_is_written_dd_mm_yyyy_and_saved(live_tree, browser, live_server):
    cell = live_tree.cell_a1
    context, page, errors = open_page(browser, live_server, live_tree.admin, 390)
    page.goto(f"{live_server.url}/to-chuc/{cell.pk}/sua/")
    field = page.locator("input[name=established]")
    field.fill("")
    field.click()
    calendar = page.locator(".flatpickr-calendar.open")
    calendar.wait_for()
    assert "T2" in calendar.inner_text()  # Vietnamese weekdays, Monday first
    calendar.locator(".flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)", has_text=re.compile(r"^15$")).click()
    value = field.input_value()
    today = date.today()
    assert value == f"15/{today:%m/%Y}"
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/to-chuc/{cell.pk}/")
    assert Organization.objects.get(pk=cell.pk).established == date(today.year, today.month, 15)

    # Typing still works; what the calendar cannot read is kept for the server to refuse.
    page.goto(f"{live_server.url}/to-chuc/{cell.pk}/sua/")
    field = page.locator("input[name=established]")
    field.fill("3/4/2020")
    field.press("Tab")
    assert field.input_value() == "03/04/2020"
    field.fill("31/02/2020")
    field.press("Tab")
    expect(field).to_have_value("31/02/2020")
    page.click("button[type=submit]")
    assert page.locator(".has-error .error").count() == 1
    assert Organization.objects.get(pk=cell.pk).established == date(today.year, today.month, 15)
    assert not page.evaluate("window.cspViolations || []")
    assert not errors, errors
    context.close()
