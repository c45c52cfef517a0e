"""Member search: the member whose citizen ID or party card number is the query comes first,
then the others in Vietnamese name order; paging never shows a member twice."""
from django.urls import reverse
from lxml import html

from dangbo.members.filters import MemberFilter, search_page
from dangbo.members.models import Member


def _names(page: str) -> list[str]:
    return [cell.text_content().strip() for cell in html.fromstring(page).xpath('//tbody/tr/td[1]')]


def test_a_card_number_finds_its_member_first(tree, login):
    su = tree.village_members[0]  # Tẩn Láo Sử: last in name order
    Member.objects.filter(pk=su.pk).update(card_number="0123456")
    client = login(tree.admin)
    page = client.get(reverse("members:list"), {"q": "0123456"}).content.decode()
    assert _names(page)[0].startswith("Tẩn Láo Sử")
    page = client.get(reverse("members:list"), {"q": " 0123 456 "}).content.decode()  # spaces as people type
    assert _names(page)[0].startswith("Tẩn Láo Sử")
    items = client.get("/api/v1/members/", {"q": "0123456"}).json()["items"]
    assert [item["full_name"] for item in items] == ["Tẩn Láo Sử"]


def test_a_citizen_id_finds_its_member(tree, login):
    binh = tree.a1_members[1]
    page = login(tree.admin).get(reverse("members:list"), {"q": binh.citizen_id}).content.decode()
    assert _names(page)[0].startswith("Trần Thị Bình")


def test_exact_matches_lead_page_one_then_names_follow_and_no_page_repeats_a_member(tree):
    """search_page on a list that holds both kinds of match: the number match first, then
    every other member in name order, over pages of three."""
    su = tree.village_members[0]
    Member.objects.filter(pk=su.pk).update(card_number="0123456")
    everyone = Member.objects.all()
    member_filter = MemberFilter(q="0123456")
    seen, after = [], None
    while True:
        rows, after = search_page(everyone, member_filter, after, size=3)
        seen += [m.full_name for m in rows]
        if after is None:
            break
    assert seen[0] == "Tẩn Láo Sử"
    rest = [m.full_name for m in Member.objects.exclude(pk=su.pk).order_by("sort_key", "id")]
    assert seen[1:] == rest
