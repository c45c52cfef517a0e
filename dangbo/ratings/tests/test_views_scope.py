"""Every rating page and endpoint: each role sees what it should, 404 outside its scope."""
import pytest
from django.urls import reverse

from dangbo.ratings.models import RatingPeriod
from dangbo.ratings.tests.factories import known_ratings, open_period, province_targets

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]
YEAR = 2025

# Ratings are about people: the member role (own record, own cell page) sees none of them.
READ_BY_ORG = {
    "cell_a1": {"admin", "staff_a", "leader_province", "secretary_a1"},
    "cell_a2": {"admin", "staff_a", "leader_province"},
    "commune_b": {"admin", "leader_province"},
    "province": {"admin", "leader_province"},
}
READ_VIEWS = ["ratings:dashboard", "ratings:member_list", "ratings:unit_list"]
EXPORTS = ["xlsx", "docx"]

# (url name, object) -> roles that may write there; others get 403 if they can see it, else 404.
WRITE_PAGES = {
    ("ratings:cell_entry", "cell_a1"): {"admin", "staff_a", "secretary_a1"},
    ("ratings:cell_entry", "cell_b1"): {"admin"},
    ("ratings:import", "grassroots_a"): {"admin", "staff_a"},
    ("ratings:import", "cell_a1"): {"admin", "staff_a", "secretary_a1"},
    ("ratings:org_rating", "grassroots_a"): {"admin", "staff_a"},
    ("ratings:org_rating", "commune_b"): {"admin"},
}


@pytest.fixture
def rated(tree):
    known_ratings(tree)
    open_period(tree.province, YEAR)
    province_targets(tree)
    return tree


def _visible(role, org_name):
    return role in READ_BY_ORG.get(org_name, set()) or role in {
        "cell_b1": {"admin", "leader_province"},
        "grassroots_a": {"admin", "staff_a", "leader_province"},
    }.get(org_name, set())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", list(READ_BY_ORG))
@pytest.mark.parametrize("view", READ_VIEWS)
def test_read_pages_answer_404_outside_the_scope(rated, login, role, org_name, view):
    client = login(getattr(rated, role))
    response = client.get(reverse(view, args=[getattr(rated, org_name).pk, YEAR]))
    assert response.status_code == (200 if role in READ_BY_ORG[org_name] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", ["cell_a2", "commune_b"])
@pytest.mark.parametrize("fmt", EXPORTS)
def test_exports_answer_404_outside_the_scope(rated, login, role, org_name, fmt):
    client = login(getattr(rated, role))
    response = client.get(reverse("ratings:export", args=[getattr(rated, org_name).pk, YEAR, fmt]))
    assert response.status_code == (200 if role in READ_BY_ORG[org_name] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", list(WRITE_PAGES))
def test_write_pages_need_write_rights_in_scope(rated, login, role, page):
    url_name, org_name = page
    client = login(getattr(rated, role))
    response = client.get(reverse(url_name, args=[getattr(rated, org_name).pk, YEAR]))
    if role in WRITE_PAGES[page]:
        assert response.status_code == 200
    else:
        # org_rating is written by the superior: visibility is judged on the superior.
        org = getattr(rated, org_name)
        judged = org.parent if url_name == "ratings:org_rating" else org
        name = next((n for n in ("province", "commune_a", "commune_b", "grassroots_a", "cell_a1", "cell_a2", "cell_b1")
                     if getattr(rated, n) == judged), "")
        assert response.status_code == (403 if _visible(role, name) or (name == "commune_a" and role in
                                                                        {"admin", "staff_a", "leader_province"}) else 404)


@pytest.mark.parametrize("role", ROLES)
def test_single_member_rating_page_follows_the_member_scope(rated, login, role):
    member = rated.a1_members[1]
    response = login(getattr(rated, role)).get(reverse("ratings:member_rating", args=[member.pk, YEAR]))
    expected = {"admin": 200, "staff_a": 200, "secretary_a1": 200, "leader_province": 403, "member_user": 404}
    assert response.status_code == expected[role]


@pytest.mark.parametrize("role, org_name, status", [
    ("staff_a", "commune_b", 404), ("secretary_a1", "cell_a2", 404), ("member_user", "cell_a1", 404),
    ("leader_province", "province", 403), ("staff_a", "commune_a", 302),
])
@pytest.mark.parametrize("action", ["open", "close", "reopen"])
def test_period_actions_outside_the_scope(rated, login, role, org_name, status, action):
    url = reverse("ratings:period", args=[getattr(rated, org_name).pk, YEAR, action])
    response = login(getattr(rated, role)).post(url, {"reason": "x"})
    if status == 302 and action != "open":
        status = 404  # no period of commune_a itself to close or reopen
    assert response.status_code == status


@pytest.mark.parametrize("role, status", [("staff_a", 404), ("leader_province", 403), ("admin", 302)])
def test_targets_can_be_changed_only_with_write_rights(rated, login, role, status):
    target = rated.province.rating_targets.first()
    client = login(getattr(rated, role))
    assert client.post(reverse("ratings:target_delete", args=[target.pk])).status_code == status
    response = client.post(reverse("ratings:target_add", args=[rated.province.pk, YEAR]),
                           {"subject": "members", "min_level": "httnv", "min_percent": "97"})
    assert response.status_code == status


def test_anonymous_user_is_sent_to_login(client, rated):
    response = client.get(reverse("ratings:dashboard", args=[rated.province.pk, YEAR]))
    assert response.status_code == 302 and "/dang-nhap/" in response["Location"]


def test_member_list_outside_scope_via_level_filter_is_404(rated, login):
    response = login(rated.staff_a).get(reverse("ratings:member_list", args=[rated.cell_b1.pk, YEAR]), {"level": "httnv"})
    assert response.status_code == 404
    assert RatingPeriod.objects.count() == 1


API_READ = ["/api/v1/ratings/rollup/{pk}/2025", "/api/v1/ratings/members/{pk}/2025",
            "/api/v1/ratings/organizations/{pk}/2025"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("org_name", ["cell_a1", "cell_a2", "commune_b"])
@pytest.mark.parametrize("endpoint", API_READ)
def test_api_reads_answer_404_outside_the_scope(rated, login, role, org_name, endpoint):
    response = login(getattr(rated, role)).get(endpoint.format(pk=getattr(rated, org_name).pk))
    assert response.status_code == (200 if role in READ_BY_ORG[org_name] else 404)


@pytest.mark.parametrize("role, member, status", [
    ("admin", "a1", 200), ("staff_a", "a1", 200), ("secretary_a1", "a1", 200), ("leader_province", "a1", 403),
    ("member_user", "a1", 404), ("staff_a", "b1", 404), ("secretary_a1", "a2", 404),
])
def test_api_write_follows_the_scope(rated, login, role, member, status):
    target = {"a1": rated.a1_members[1], "a2": rated.a2_members[0], "b1": rated.b1_members[0]}[member]
    response = login(getattr(rated, role)).put(f"/api/v1/ratings/member/{target.pk}/2025",
                                               {"level": "htnv"}, content_type="application/json")
    assert response.status_code == status


def test_api_anonymous_is_refused(client, rated):
    assert client.get(f"/api/v1/ratings/rollup/{rated.province.pk}/2025").status_code == 401
