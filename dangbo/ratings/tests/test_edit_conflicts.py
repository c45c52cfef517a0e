"""Two people entering the same rating: the later save of a changed rating is refused with what
changed, never an overwrite (rating form, cell screen and API)."""
import json

from django.urls import reverse

from dangbo.access.models import ApiToken
from dangbo.ratings import services
from dangbo.ratings.models import MemberRating

YEAR = 2025


def test_rating_form_refuses_a_stale_save(tree, login):
    services.open_period(tree.admin, tree.commune_a, YEAR)
    member = tree.a1_members[0]
    url = reverse("ratings:member_rating", args=[member.pk, YEAR])
    # Both opened the form when there was no rating yet (version 0).
    assert login(tree.staff_a).post(url, {"level": "httnv", "version": 0}).status_code == 302
    page = login(tree.secretary_a1).post(url, {"level": "htnv", "version": 0}).content.decode()
    assert "người khác đã lưu «Hoàn thành tốt nhiệm vụ», bạn nhập «Hoàn thành nhiệm vụ»" in page
    assert MemberRating.objects.get(member=member, year=YEAR).level == "httnv"


def test_cell_screen_refuses_rows_changed_meanwhile_and_names_them(tree, login):
    services.open_period(tree.admin, tree.commune_a, YEAR)
    an, binh, chien = tree.a1_members
    url = reverse("ratings:cell_entry", args=[tree.cell_a1.pk, YEAR])
    page = login(tree.secretary_a1).get(url).content.decode()
    assert f'name="version-{an.pk}" value="0"' in page
    services.save_member_rating(tree.staff_a, an, YEAR, level="htnv")  # someone else, meanwhile
    data = {"rated_on": "", f"level-{an.pk}": "httnv", f"version-{an.pk}": "0",
            f"level-{binh.pk}": "httnv", f"version-{binh.pk}": "0", f"level-{chien.pk}": "", f"version-{chien.pk}": "0"}
    page = login(tree.secretary_a1).post(url, data).content.decode()
    assert "Nguyễn Văn An: người khác đã lưu «Hoàn thành nhiệm vụ», bạn nhập «Hoàn thành tốt nhiệm vụ»" in page
    assert dict(MemberRating.objects.values_list("member_id", "level")) == {an.pk: "htnv"}


def test_api_put_with_a_stale_version_answers_409(tree, client):
    services.open_period(tree.admin, tree.commune_a, YEAR)
    member = tree.a1_members[0]
    _, raw = ApiToken.issue(tree.staff_a, name="test")
    url = f"/api/v1/ratings/member/{member.pk}/{YEAR}"

    def put(level, version):
        return client.put(url, json.dumps({"level": level, "version": version}), content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {raw}")

    first = put("httnv", 0)
    assert first.status_code == 200 and first.json()["version"] == 1
    assert put("htnv", 0).status_code == 409
    assert put("htnv", 1).status_code == 200
    assert MemberRating.objects.get(member=member, year=YEAR).level == "htnv"
