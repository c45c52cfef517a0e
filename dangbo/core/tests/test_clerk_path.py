"""In a real browser: from the home page's work queue, a staff member reaches a member's rating
history in three clicks (work item → dashboard count → member)."""
from datetime import date

import pytest

from dangbo.ratings import services
from dangbo.ratings.models import RatingPeriod


@pytest.mark.browser
def test_staff_reach_a_members_rating_history_in_three_clicks_from_the_work_queue(live_tree, page_as, live_server):
    tree = live_tree
    RatingPeriod.objects.create(organization=tree.province, year=2025, rule_set="366-QĐ/TW")
    an = tree.a1_members[0]
    services.save_cell_ratings(tree.admin, tree.cell_a1, 2025, [
        services.RatingInput(member=an, level="httnv", rated_on=date(2025, 12, 15))])

    page = page_as(tree.staff_a)                                   # lands on the home page
    page.click("#work-queue a:has-text('chưa có kết quả xếp loại năm 2025')")      # 1
    page.click("a[href*='/dang-vien/?min=httnv']")                                  # 2
    page.click(f"a:has-text('{an.full_name}')")                                     # 3
    history = page.locator("#ratings").inner_text()
    assert "2025" in history and "Hoàn thành tốt nhiệm vụ" in history
