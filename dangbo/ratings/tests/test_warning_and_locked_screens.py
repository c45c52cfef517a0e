"""The quota warning is a warning (amber box), not a success (green); when a period does not
take ratings, the Save button and every input of the form are disabled and look it."""
import re
from pathlib import Path

import pytest
from django.urls import reverse
from lxml import html

from dangbo.ratings.models import MemberRating, PeriodStatus, RatingPeriod
from dangbo.ratings.tests.factories import known_ratings, open_period

YEAR = 2025
CSS = (Path(__file__).resolve().parents[2] / "static" / "dangbo" / "site.css").read_text(encoding="utf-8")


@pytest.fixture
def rated(tree):
    known_ratings(tree)
    open_period(tree.province, YEAR)
    return tree


def _css_rule(selector: str) -> str:
    """The declarations of the first rule whose selector list contains `selector`."""
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)):
        if selector in [s.strip() for s in selectors.split(",")]:
            return body
    raise AssertionError(f"no CSS rule for {selector}")


def test_the_quota_warning_after_saving_is_a_warning_box(rated, login):
    client = login(rated.secretary_a1)
    an, binh, chien = rated.a1_members
    response = client.post(reverse("ratings:cell_entry", args=[rated.cell_a1.pk, YEAR]), {
        "rated_on": "15/12/2025", f"level-{an.pk}": "htxsnv", f"level-{binh.pk}": "htxsnv", f"level-{chien.pk}": "httnv",
    }, follow=True)
    items = html.fromstring(response.content.decode()).xpath('//ul[@class="messages"]/li')
    kinds = {item.get("class"): item.text_content() for item in items}
    assert "Đã lưu" in kinds["success"]
    assert kinds["warning"].startswith("Vượt tỷ lệ")  # the quota warning, in its own kind of box
    # ... and that kind of box is amber, not the green of a success.
    success, warning = _css_rule(".messages li"), _css_rule(".messages li.warning")
    assert "#eef7ee" in success and "#eef7ee" not in warning and "background: #fff4d6" in warning


def test_the_quota_warning_on_the_entry_screen_is_a_warning_box(rated, login):
    page = login(rated.secretary_a1).get(reverse("ratings:cell_entry", args=[rated.cell_a1.pk, YEAR])).content.decode()
    boxes = html.fromstring(page).xpath('//p[contains(@class, "quota-warning")]')
    assert boxes and "warning-box" in boxes[0].get("class") and boxes[0].text_content().startswith("Vượt tỷ lệ")


def test_a_closed_period_disables_every_input_and_the_save_button_of_the_cell_screen(rated, login):
    RatingPeriod.objects.update(status=PeriodStatus.CLOSED)
    page = login(rated.secretary_a1).get(reverse("ratings:cell_entry", args=[rated.cell_a1.pk, YEAR])).content.decode()
    tree = html.fromstring(page)
    assert "đã khóa" in tree.xpath('//p[@id="locked"]')[0].text_content()
    fieldset = tree.xpath('//form[@id="cell-entry"]/fieldset')[0]
    assert fieldset.get("disabled") is not None  # a disabled fieldset disables every control inside it
    assert fieldset.xpath(".//select") and fieldset.xpath(".//button[@type='submit']")
    assert tree.xpath('//form[@id="cell-entry"]//button[@type="submit"]')[0].get("disabled") is not None


def test_a_closed_period_disables_the_single_rating_form_and_refuses_a_forged_post(rated, login):
    RatingPeriod.objects.update(status=PeriodStatus.CLOSED)
    an = rated.a1_members[0]
    client = login(rated.staff_a)
    url = reverse("ratings:member_rating", args=[an.pk, YEAR])
    tree = html.fromstring(client.get(url).content.decode())
    controls = tree.xpath('//form[@method="post"]//*[self::input or self::select or self::textarea]'
                          '[not(@type="hidden")]')
    assert controls and all(control.get("disabled") is not None for control in controls)
    assert tree.xpath('//form[@method="post"]//button[@type="submit"]')[0].get("disabled") is not None
    assert tree.xpath('//p[@id="locked"]')
    before = MemberRating.objects.get(member=an, year=YEAR).level
    client.post(url, {"level": "khtnv", "rated_on": "15/12/2025"})
    assert MemberRating.objects.get(member=an, year=YEAR).level == before


def test_disabled_controls_look_disabled():
    button = _css_rule("button:disabled")
    assert "background: #c9c4be" in button and "cursor: not-allowed" in button
    assert "not-allowed" in _css_rule("select:disabled")
