"""What each role gets from the real pages, API and exports, object type by object type.

Answers: "visible" (200, personal fields in clear), "masked" (200, citizen ID and phone as
0120******55), "own" (200: the viewer's own row or own cell's), 404 (does not exist for them).
"""
from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from dangbo.access.tests.world import build_world
from dangbo.audit.models import AuditEntry
from dangbo.congress.models import CommentRound, Congress, DraftVersion, Election
from dangbo.documents.models import Document
from dangbo.ingest.models import Source
from dangbo.members import services

ROLES = ["admin", "staff_a", "leader_province", "secretary_a1", "member_user"]
OTHER_CID = "001186012399"     # another member of the plain member's own cell
OTHER_PHONE = "0912345678"
OWN_CID = "001085054321"       # the plain member's own number
MASKED_CID = "0011******99"
MASKED_PHONE = "0912****78"


@pytest.fixture
def world(tree):
    build_world(tree)
    # Corrections through the service, so the change log holds old and new personal values.
    other, own = tree.a1_members[1], tree.a1_members[0]
    services.update_member(tree.admin, other, {"citizen_id": OTHER_CID, "phone": OTHER_PHONE,
                                               "birth_date": date(1986, 6, 6)})
    services.update_member(tree.admin, own, {"citizen_id": OWN_CID})
    tree.other, tree.own = other, own
    return tree


def _xlsx_text(content: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(" ".join("" if v is None else str(v) for v in row) for row in book.active.iter_rows(values_only=True))


def _text(response) -> str:
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        return _xlsx_text(b"".join(response.streaming_content) if response.streaming else response.content)
    return response.content.decode()


def check(response, expected: str, clear: str = OTHER_CID, masked: str = MASKED_CID) -> str:
    if expected == "404":
        assert response.status_code == 404
        return ""
    assert response.status_code == 200
    text = _text(response)
    if expected == "masked":
        assert masked in text and clear not in text
    elif expected == "visible" and clear:
        assert clear in text
    return text


# -- personal data of members --------------------------------------------------------------

MEMBER_OTHER = {"admin": "visible", "staff_a": "visible", "leader_province": "masked",
                "secretary_a1": "visible", "member_user": "404"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("where", ["page", "api"])
def test_another_members_record(world, login, role, where):
    url = f"/dang-vien/{world.other.pk}/" if where == "page" else f"/api/v1/members/{world.other.pk}"
    text = check(login(getattr(world, role)).get(url), MEMBER_OTHER[role])
    if MEMBER_OTHER[role] == "masked":
        assert MASKED_PHONE in text and OTHER_PHONE not in text


@pytest.mark.parametrize("role", ROLES)
def test_member_export(world, login, role):
    response = login(getattr(world, role)).get("/dang-vien/xuat.xlsx", {"org": world.cell_a1.pk} if role != "member_user" else {})
    expected = MEMBER_OTHER[role]
    if expected == "404":  # the plain member's export holds their own record only
        text = check(response, "own")
        assert OTHER_CID not in text and MASKED_CID not in text and OWN_CID in text
    else:
        text = check(response, expected)
        assert expected != "masked" or (MASKED_PHONE in text and OTHER_PHONE not in text)


def test_the_own_record_is_in_clear(world, login):
    client = login(world.member_user)
    assert OWN_CID in client.get(f"/dang-vien/{world.own.pk}/").content.decode()
    assert client.get(f"/api/v1/members/{world.own.pk}").json()["citizen_id"] == OWN_CID


# -- the change log and the access log ----------------------------------------------------

CHANGE_LOG = {"admin": "visible", "staff_a": "visible", "leader_province": "masked",
              "secretary_a1": "404", "member_user": "404"}


@pytest.mark.parametrize("role", ROLES)
def test_change_log(world, login, role):
    text = check(login(getattr(world, role)).get("/nhat-ky/"), CHANGE_LOG[role])
    if CHANGE_LOG[role] == "masked":
        assert "1986-06-06" not in text and "**/**/****" in text


def test_change_log_masks_for_staff_what_they_may_not_edit(world, login):
    """A leader of the province who is staff of one commune: that commune in clear, the rest masked."""
    from dangbo.access.models import Role, RoleAssignment

    b1 = world.b1_members[0]
    services.update_member(world.admin, b1, {"phone": "0977111222"})
    RoleAssignment.objects.create(user=world.leader_province, role=Role.STAFF, organization=world.commune_b)
    text = login(world.leader_province).get("/nhat-ky/").content.decode()
    assert "0977111222" in text and OTHER_CID not in text and MASKED_CID in text


def test_change_log_is_limited_to_the_subtree(world, login):
    AuditEntry.objects.create(action="update", model="members.Member", organization_id=world.cell_b1.pk,
                              object_repr="Ngoài phạm vi", after={"phone": "0988000000"})
    assert "Ngoài phạm vi" not in login(world.staff_a).get("/nhat-ky/").content.decode()
    assert "Ngoài phạm vi" in login(world.leader_province).get("/nhat-ky/").content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_access_log_screen_is_for_admins(world, login, role):
    response = login(getattr(world, role)).get("/nhat-ky-truy-cap/")
    assert response.status_code == (200 if role == "admin" else 404)


# -- other object types through their pages and API -------------------------------------------


def _in(model, org, **extra):
    return model.objects.filter(organization=org, **extra).first()


CASES = [
    # (object type, url of the row in the plain member's cell a1, of a row in cell b1)
    ("ingest.Source", lambda t: f"/trich-xuat/nguon/{_in(Source, t.cell_a1).pk}/",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "404"}),
    ("ingest.Source", lambda t: f"/api/v1/ingest/sources/{_in(Source, t.cell_a1).pk}",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "404"}),
    ("ingest.Source", lambda t: f"/trich-xuat/nguon/{_in(Source, t.cell_b1).pk}/",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("orgs.Organization", lambda t: f"/to-chuc/{t.cell_a1.pk}/",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "200"}),
    ("orgs.Organization", lambda t: f"/to-chuc/{t.cell_a2.pk}/",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("congress.Congress", lambda t: f"/dai-hoi/{_in(Congress, t.cell_a1).pk}/",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "200"}),
    ("congress.Congress", lambda t: f"/dai-hoi/{_in(Congress, t.cell_b1).pk}/",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("congress.Election", lambda t: f"/dai-hoi/bau-cu/{_in(Election, t.cell_b1).pk}/",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("documents.Document", lambda t: f"/van-ban/{Document.objects.get(issuer__organization=t.cell_a1).pk}/",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "200"}),
    ("documents.Document", lambda t: f"/van-ban/{Document.objects.get(issuer__organization=t.cell_b1).pk}/",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("orgs.Organization", lambda t: f"/api/v1/orgs/{t.cell_a2.pk}",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("congress.Congress", lambda t: f"/api/v1/congress/{_in(Congress, t.cell_a1).pk}",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "200"}),
    ("congress.CommentRound", lambda t: f"/dai-hoi/lay-y-kien/{_in(CommentRound, t.cell_a1).pk}/",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "200"}),
    ("congress.CommentRound", lambda t: f"/api/v1/congress/rounds/{_in(CommentRound, t.cell_b1).pk}",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("congress.DraftVersion", lambda t: f"/dai-hoi/du-thao/{DraftVersion.objects.get(document__congress__organization=t.cell_b1).pk}/",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("congress.Election", lambda t: f"/api/v1/congress/elections/{_in(Election, t.cell_a1).pk}",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "200"}),
    ("documents.Document", lambda t: f"/api/v1/documents/{Document.objects.get(issuer__organization=t.cell_b1).pk}",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
    ("ratings.MemberRating", lambda t: f"/api/v1/ratings/members/{t.cell_a1.pk}/2025",
     {"admin": "200", "staff_a": "200", "leader_province": "200", "secretary_a1": "200", "member_user": "404"}),
    ("ratings.OrgRating", lambda t: f"/api/v1/ratings/organizations/{t.cell_b1.pk}/2025",
     {"admin": "200", "staff_a": "404", "leader_province": "200", "secretary_a1": "404", "member_user": "404"}),
]


@pytest.mark.parametrize("role", ROLES)
def test_pages_and_api_of_each_type_answer_as_the_table_says(world, login, role):
    client = login(getattr(world, role))
    wrong = []
    for label, url_of, expected in CASES:
        url = url_of(world)
        status = client.get(url).status_code
        if str(status) != expected[role]:
            wrong.append(f"{label} {url}: {status}, expected {expected[role]}")
    assert not wrong, "\n".join(wrong)


# -- a plain member never sees another member's citizen ID ---------------------------------------


def _listing_urls():
    """Every page and API route without a parameter (lists, indexes, exports)."""
    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern)

    for route in walk(get_resolver().url_patterns):
        if "<" not in route and not route.startswith(("^", "quan-tri", "dang-xuat", "api/v1/docs")):
            yield "/" + route


def test_a_plain_member_cannot_see_another_members_citizen_id_anywhere(world, login):
    client = login(world.member_user)
    urls = [*_listing_urls(), f"/dang-vien/{world.other.pk}/", f"/api/v1/members/{world.other.pk}",
            f"/to-chuc/{world.cell_a1.pk}/", f"/api/v1/orgs/{world.cell_a1.pk}", f"/dai-hoi/{_in(Congress, world.cell_a1).pk}/",
            f"/trich-xuat/nguon/{_in(Source, world.cell_a1).pk}/", f"/api/v1/ingest/sources/{_in(Source, world.cell_a1).pk}",
            "/dang-vien/xuat.xlsx?status=all", "/api/v1/members/?status=all", "/nhat-ky/"]
    seen = []
    for url in urls:
        response = client.get(url)
        text = _text(response) if response.status_code == 200 else ""
        if OTHER_CID in text or OTHER_PHONE in text:
            seen.append(url)
    assert not seen, f"another member's citizen ID or phone shown at {seen}"
    assert client.get("/nhat-ky/").status_code == 404


def test_change_log_and_access_log_queries_do_not_grow_with_rows(world, login):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dangbo.audit.models import AccessKind, AccessLogEntry

    def queries(client, url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    leader, admin = login(world.leader_province), None
    few = queries(leader, "/nhat-ky/")
    for number in range(30):
        AuditEntry.objects.create(action="update", model="members.Member", organization_id=world.cell_a2.pk,
                                  after={"phone": f"09{number:08d}"}, user=world.admin)
    assert queries(leader, "/nhat-ky/") == few
    admin = login(world.admin)
    few = queries(admin, "/nhat-ky-truy-cap/")
    AccessLogEntry.objects.bulk_create([AccessLogEntry(kind=AccessKind.MEMBER_PAGE, username="x", member=m)
                                        for m in world.a2_members * 10])
    assert queries(admin, "/nhat-ky-truy-cap/") == few


@pytest.mark.parametrize("role", ["admin", "staff_a", "leader_province", "secretary_a1"])
def test_uploaded_reports_show_citizen_ids_masked_to_leaders(world, login, role):
    source = _in(Source, world.cell_a1)  # its text names a citizen ID: 001085012345
    client = login(getattr(world, role))
    expected = "masked" if role == "leader_province" else "visible"
    check(client.get(f"/trich-xuat/nguon/{source.pk}/"), expected, clear="001085012345", masked="0010******45")
    check(client.get(f"/api/v1/ingest/sources/{source.pk}"), expected, clear="001085012345", masked="0010******45")


def test_numbers_in_text_keep_their_length():
    from dangbo.access.masking import mask_numbers_in_text

    text = "CCCD 012034567855, ĐT 0912345678 hoặc +84912345678; năm 2025 kết nạp 60137 đảng viên."
    masked = mask_numbers_in_text(text)
    assert masked == "CCCD 0120******55, ĐT 0912****78 hoặc +849******78; năm 2025 kết nạp 60137 đảng viên."
    assert len(masked) == len(text)


def test_a_plain_member_sees_their_own_ratings_and_history(world, login):
    page = login(world.member_user).get(f"/dang-vien/{world.own.pk}/").content.decode()
    assert 'id="ratings"' in page and "2025" in page
    assert "Khiển trách" in page  # their own discipline event
