"""Acceptance: a 2025 discipline decision caps that member's 2025 rating on the rating screen,
the API and the import; an appeal that annuls it lifts the cap everywhere."""
import io
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from dangbo.inspection import rules, services
from dangbo.inspection.testing import discipline_member
from dangbo.ratings import services as rating_services
from dangbo.ratings.models import MemberRating

CAPPED = "xếp loại «Hoàn thành tốt nhiệm vụ» không được phép vì bị kỷ luật trong năm"


def _xlsx(member, level):
    workbook = Workbook()
    workbook.active.append(["Số CCCD", "Họ và tên", "Mức xếp loại", "Ngày xếp loại"])
    workbook.active.append([member.citizen_id, member.full_name, level, "15/12/2025"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("xep-loai.xlsx", buffer.getvalue())


def attempts(tree, login, member):
    """(screen, API, import) answers to rating `member` HTTNV for 2025."""
    client = login(tree.staff_a)
    screen = client.post(reverse("ratings:cell_entry", args=[tree.cell_a1.pk, 2025]),
                         {"rated_on": "15/12/2025", f"level-{member.pk}": "httnv"})
    api = client.put(f"/api/v1/ratings/member/{member.pk}/2025", {"level": "httnv"}, content_type="application/json")
    imported = client.post(reverse("ratings:import", args=[tree.commune_a.pk, 2025]), {"file": _xlsx(member, "HTTNV")})
    return screen, api, imported


def test_discipline_caps_the_rating_everywhere_and_annulment_lifts_it(tree, login, inspector):
    an = tree.a1_members[0]
    rating_services.open_period(tree.admin, tree.province, 2025)
    decision = discipline_member(an, date(2025, 6, 10), rules.WARNING, user=inspector)

    screen, api, imported = attempts(tree, login, an)
    assert screen.status_code == 200 and CAPPED in screen.content.decode()
    assert api.status_code == 422 and CAPPED in api.json()["detail"]["level"][0]
    assert imported.status_code == 200 and CAPPED in imported.content.decode()
    assert not MemberRating.objects.filter(member=an, year=2025).exists()
    page = login(tree.staff_a).get(reverse("ratings:cell_entry", args=[tree.cell_a1.pk, 2025])).content.decode()
    assert "bị kỷ luật" in page and decision.get_absolute_url() in page

    services.record_appeal(inspector, decision, filed_on=date(2025, 7, 1), outcome=rules.ANNULLED,
                           decided_on=date(2025, 8, 1))
    screen, api, imported = attempts(tree, login, an)
    assert screen.status_code == 302 and api.status_code == 200 and imported.status_code == 302
    assert MemberRating.objects.get(member=an, year=2025).level == "httnv"
    assert MemberRating.objects.get(member=an, year=2025).disciplined is False


def test_rating_forms_say_the_register_caps_the_level(tree, login, inspector):
    rating_services.open_period(tree.admin, tree.province, 2025)
    discipline_member(tree.a1_members[1], date(2025, 6, 10), user=inspector)
    services.decide_discipline(inspector, organization=tree.cell_b1, form=rules.REPRIMAND, violation_on=date(2025, 1, 1),
                               violation_summary="x", decider=rules.UPPER_COMMITTEE, decided_by=tree.commune_b,
                               decided_on=date(2025, 2, 2))
    client = login(tree.admin)
    member_page = client.get(reverse("ratings:member_rating", args=[tree.a1_members[1].pk, 2025])).content.decode()
    org_page = client.get(reverse("ratings:org_rating", args=[tree.cell_b1.pk, 2025])).content.decode()
    other = client.get(reverse("ratings:member_rating", args=[tree.a1_members[0].pk, 2025])).content.decode()
    assert 'id="disciplined"' in member_page and 'id="disciplined"' in org_page and 'id="disciplined"' not in other
