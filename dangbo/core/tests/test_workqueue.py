"""The home page's work queue on the small tree: what is due for each role, with counts."""
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from dangbo.access.scope import Scope
from dangbo.core import workqueue
from dangbo.meetings import services as meetings
from dangbo.ratings import services as ratings
from dangbo.ratings.models import RatingPeriod


def texts(user):
    return [item.text for item in workqueue.items_for(Scope.for_user(user), timezone.localdate())]


@pytest.fixture
def due(tree):
    today = timezone.localdate()
    RatingPeriod.objects.create(organization=tree.province, year=2025, rule_set="366-QĐ/TW")
    meetings.plan_meeting(tree.admin, tree.cell_a1, date=today - timedelta(days=3))       # held? never recorded
    meetings.plan_meeting(tree.admin, tree.cell_a1, date=today + timedelta(days=2))       # to notify
    meetings.plan_meeting(tree.admin, tree.cell_b1, date=today - timedelta(days=3))       # another commune
    return tree


def test_commune_staff_sees_the_units_unrated_and_their_meetings(due):
    items = texts(due.staff_a)
    # Commune A has 7 active members, none rated yet.
    assert "Đảng bộ xã Bình Lư: 7 đảng viên chưa có kết quả xếp loại năm 2025" in items
    assert "1 buổi sinh hoạt đã qua chưa điểm danh" in items
    assert "1 buổi sinh hoạt trong 7 ngày tới chưa thông báo, gửi tài liệu" in items


def test_overdue_items_come_first(due):
    items = workqueue.items_for(Scope.for_user(due.staff_a), timezone.localdate())
    assert items[0].overdue and not items[-1].overdue


def test_the_count_drops_as_the_work_is_done(due):
    an = due.a1_members[0]
    ratings.save_cell_ratings(due.admin, due.cell_a1, 2025, [
        ratings.RatingInput(member=an, level="httnv", remedied=False, notes="",
                            rated_on=date(2025, 12, 20))])
    assert "Đảng bộ xã Bình Lư: 6 đảng viên chưa có kết quả xếp loại năm 2025" in texts(due.staff_a)


def test_read_only_roles_and_members_have_no_queue(due):
    assert texts(due.leader_province) == [] and texts(due.member_user) == []


def test_home_page_shows_the_queue_with_links(due, login):
    page = login(due.staff_a).get(reverse("home")).content.decode()
    assert "Việc cần làm" in page and reverse("ratings:dashboard", args=[due.commune_a.pk, 2025]) in page
