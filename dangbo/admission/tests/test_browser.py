"""Real headless Chromium: the cell secretary records the chi bộ resolution on a phone-sized
screen; the staff user sees the candidate move on the board and the unit's progress change."""
import pytest

from dangbo.admission import rules
from dangbo.admission.tests.factories import DATES, advance, new_candidate
from dangbo.core import vn

pytestmark = pytest.mark.browser


def proposed_of(page, unit_name: str) -> str:
    return page.locator(f"#units tr:has-text('{unit_name}') td").nth(6).inner_text()


def test_secretary_records_the_resolution_and_staff_sees_it_move(live_tree, page_as, live_server):
    t = live_tree
    candidate = advance(t, new_candidate(t), until=rules.CELL_RESOLUTION)
    year = DATES[rules.CELL_RESOLUTION].year
    staff = page_as(t.staff_a)
    staff.set_viewport_size({"width": 390, "height": 844})
    staff.goto(f"{live_server.url}/ket-nap/{t.commune_a.pk}/")
    assert "Vì Thị Hoa" in staff.locator("section[data-stage=nq_chi_bo]").inner_text()
    staff.goto(f"{live_server.url}/ket-nap/{t.commune_a.pk}/tien-do/?nam={year}")
    assert proposed_of(staff, t.grassroots_a.name) == "0"

    secretary = page_as(t.secretary_a1)
    secretary.set_viewport_size({"width": 390, "height": 844})
    secretary.goto(f"{live_server.url}/ket-nap/ho-so/{candidate.pk}/")
    form = secretary.locator("#step-form")
    form.locator("input[name=on]").fill(vn.format_date(DATES[rules.CELL_RESOLUTION]))
    form.locator("input[name=decision_number]").fill("05-NQ/CB")
    form.locator("input[name=approve]").fill("2")
    form.locator("input[name=total]").fill("2")
    form.locator("button[type=submit]").click()
    secretary.wait_for_selector(".messages li:has-text('Nghị quyết chi bộ')")
    assert secretary.locator("#stage").inner_text() == "Chờ đảng ủy cơ sở xét"
    assert secretary.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # no sideways page scroll

    staff.goto(f"{live_server.url}/ket-nap/{t.commune_a.pk}/")
    assert "Vì Thị Hoa" in staff.locator("section[data-stage=nq_dang_uy]").inner_text()
    assert "Vì Thị Hoa" not in staff.locator("section[data-stage=nq_chi_bo]").inner_text()
    assert staff.evaluate("document.documentElement.scrollWidth") <= 390 + 1  # the board scrolls inside itself
    staff.goto(f"{live_server.url}/ket-nap/{t.commune_a.pk}/tien-do/?nam={year}")
    assert proposed_of(staff, t.grassroots_a.name) == "1"
    assert staff.locator("#proposed").inner_text() == "1"
    assert staff.evaluate("document.documentElement.scrollWidth") <= 390 + 1
