"""Two clerks editing one member: the later save of the same field is refused with what changed;
edits of different fields both survive (web form and API)."""
import json

from django.urls import reverse

from dangbo.access.models import ApiToken
from dangbo.members.models import Member


def form_data(member, **changes):
    data = {name: getattr(member, name) or "" for name in (
        "full_name", "gender", "ethnicity", "religion", "home_town", "citizen_id", "phone", "education",
        "professional_qualification", "political_theory", "occupation", "card_number")}
    for name in ("birth_date", "admission_date", "official_date"):
        value = getattr(member, name)
        data[name] = value.strftime("%d/%m/%Y") if value else ""
    data["version"] = member.version
    return data | changes


def test_edit_form_carries_the_version(tree, login):
    member = tree.a1_members[0]
    page = login(tree.staff_a).get(reverse("members:edit", args=[member.pk])).content.decode()
    assert f'name="version" value="{member.version}"' in page


def test_second_save_of_the_same_field_shows_the_conflict_and_keeps_the_first(tree, client, login):
    member = Member.objects.get(pk=tree.a1_members[0].pk)
    url = reverse("members:edit", args=[member.pk])
    first, second = form_data(member, home_town="Xã Bình Lư"), form_data(member, home_town="Xã Nậm Tăm")
    assert login(tree.staff_a).post(url, first).status_code == 302
    response = login(tree.secretary_a1).post(url, second)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hồ sơ đã được người khác sửa" in page
    assert "«Quê quán»: người khác đã lưu «Xã Bình Lư», bạn nhập «Xã Nậm Tăm»" in page
    assert Member.objects.get(pk=member.pk).home_town == "Xã Bình Lư"
    # The form now carries the current version: saving again is a deliberate choice.
    current = Member.objects.get(pk=member.pk).version
    assert f'name="version" value="{current}"' in page
    assert login(tree.secretary_a1).post(url, second | {"version": current}).status_code == 302
    assert Member.objects.get(pk=member.pk).home_town == "Xã Nậm Tăm"


def test_second_save_of_another_field_is_merged(tree, login):
    member = Member.objects.get(pk=tree.a1_members[0].pk)
    url = reverse("members:edit", args=[member.pk])
    assert login(tree.staff_a).post(url, form_data(member, home_town="Xã Bình Lư")).status_code == 302
    assert login(tree.secretary_a1).post(url, form_data(member, phone="0987654321")).status_code == 302
    saved = Member.objects.get(pk=member.pk)
    assert (saved.home_town, saved.phone) == ("Xã Bình Lư", "0987654321")


def patch(client, user, member, body, **headers):
    _, raw = ApiToken.issue(user, name="test")
    return client.patch(f"/api/v1/members/{member.pk}", json.dumps(body), content_type="application/json",
                        HTTP_AUTHORIZATION=f"Bearer {raw}", **headers)


def test_api_patch_with_a_stale_version_answers_409_with_what_changed(tree, client):
    member = Member.objects.get(pk=tree.a1_members[0].pk)
    read = client_version = member.version
    first = patch(client, tree.staff_a, member, {"occupation": "Bác sĩ", "version": read})
    assert first.status_code == 200 and first.json()["version"] == read + 1
    second = patch(client, tree.admin, member, {"occupation": "Kỹ sư"}, HTTP_IF_MATCH=f'"{client_version}"')
    assert second.status_code == 409
    body = second.json()
    assert body["conflicts"] == [{"field": "occupation", "label": "Nghề nghiệp", "their_value": "Bác sĩ",
                                  "your_value": "Kỹ sư"}]
    assert body["current_version"] == read + 1 and "người khác" in body["detail"]
    assert Member.objects.get(pk=member.pk).occupation == "Bác sĩ"


def test_api_patch_of_another_field_with_a_stale_version_is_merged(tree, client):
    member = Member.objects.get(pk=tree.a1_members[0].pk)
    read = member.version
    assert patch(client, tree.staff_a, member, {"occupation": "Bác sĩ", "version": read}).status_code == 200
    assert patch(client, tree.admin, member, {"phone": "0987654321", "version": read}).status_code == 200
    saved = Member.objects.get(pk=member.pk)
    assert (saved.occupation, saved.phone) == ("Bác sĩ", "0987654321")
