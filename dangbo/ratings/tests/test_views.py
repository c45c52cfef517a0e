"""What staff see and do on the rating pages: numbers, drill-down, entry, import, exports."""
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook

from dangbo.inspection.testing import discipline_member
from dangbo.ratings.models import MemberRating, PeriodStatus, RatingPeriod
from dangbo.ratings.tests.factories import known_ratings, open_period, province_targets

YEAR = 2025


@pytest.fixture
def rated(tree):
    known_ratings(tree)
    open_period(tree.province, YEAR)
    province_targets(tree)
    return tree


def test_dashboard_shows_numbers_percentages_targets_and_charts(rated, login):
    page = login(rated.leader_province).get(reverse("ratings:dashboard", args=[rated.province.pk, YEAR])).content.decode()
    assert "Kết quả xếp loại chất lượng năm 2025 — Đảng bộ tỉnh Lai Châu" in page
    assert "22,22%" in page and "55,56%" in page and "77,78%" in page  # members per level, HTTNV or above
    assert "66,67%" in page  # grassroots HTTNV or above
    assert "95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên" in page
    assert "Không đạt" in page and "Đạt" in page
    assert page.count("<canvas data-chart") == 3  # stacked bars (members, grassroots) and the trend
    assert reverse("ratings:dashboard", args=[rated.commune_a.pk, YEAR]) in page  # drill-down link


def test_numbers_link_to_the_members_behind_them(rated, login):
    client = login(rated.staff_a)
    url = reverse("ratings:member_list", args=[rated.commune_a.pk, YEAR])
    page = client.get(url, {"level": "httnv"}).content.decode()
    for name in ("Trần Thị Bình", "Phạm Minh Đức", "Tẩn Láo Sử", "Vàng Thị Dợ"):
        assert name in page
    assert "Nguyễn Văn An" not in page and "4 đảng viên" in page
    page = client.get(url, {"min": "httnv"}).content.decode()
    assert "Nguyễn Văn An" in page and "5 đảng viên" in page
    assert client.get(url, {"level": "tot"}).status_code == 404


def test_breaches_are_listed_before_closing_and_block_it(rated, login):
    client = login(rated.admin)
    url = reverse("ratings:dashboard", args=[rated.province.pk, YEAR])
    assert "Vi phạm cần sửa" not in client.get(url).content.decode()  # the check runs on request only
    page = client.get(url, {"kiem_tra": "1"}).content.decode()
    assert "Vi phạm cần sửa trước khi khóa đợt (3)" in page
    response = client.post(reverse("ratings:period", args=[rated.province.pk, YEAR, "close"]), follow=True)
    assert "Chưa thể khóa" in response.content.decode()
    assert RatingPeriod.objects.get().status == PeriodStatus.OPEN


def test_secretary_enters_the_whole_cell_on_one_screen(rated, login):
    client = login(rated.secretary_a1)
    url = reverse("ratings:cell_entry", args=[rated.cell_a1.pk, YEAR])
    page = client.get(url).content.decode()
    assert "Nguyễn Văn An" in page and "Lò Văn Chiến" in page
    an, binh, chien = rated.a1_members
    response = client.post(url, {"rated_on": "15/12/2025", f"level-{an.pk}": "httnv", f"level-{binh.pk}": "httnv",
                                 f"level-{chien.pk}": "khtnv"})
    assert response.status_code == 302
    assert dict(MemberRating.objects.filter(year=YEAR, organization=rated.cell_a1).values_list("member_id", "level")) == {
        an.pk: "httnv", binh.pk: "httnv", chien.pk: "khtnv"}


def test_cell_entry_refuses_a_capped_rating_and_keeps_the_input(rated, login):
    client = login(rated.secretary_a1)
    chien = rated.a1_members[2]
    discipline_member(chien, date(2025, 9, 1))
    page = client.post(reverse("ratings:cell_entry", args=[rated.cell_a1.pk, YEAR]),
                       {f"level-{chien.pk}": "httnv"}).content.decode()
    assert "Lò Văn Chiến: xếp loại «Hoàn thành tốt nhiệm vụ» không được phép" in page
    assert MemberRating.objects.get(member=chien, year=YEAR).level == "htnv"


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    # The old "Bị kỷ luật trong năm" column is ignored: discipline comes from the register.
    sheet.append(["Số CCCD", "Họ và tên", "Mức xếp loại", "Ngày xếp loại", "Bị kỷ luật trong năm"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("xep-loai.xlsx", buffer.getvalue())


def test_import_is_all_or_nothing_with_row_errors(rated, login):
    client = login(rated.staff_a)
    url = reverse("ratings:import", args=[rated.commune_a.pk, YEAR])
    an, binh, _ = rated.a1_members
    huy = rated.b1_members[0]  # outside commune A
    bad = _xlsx([[an.citizen_id, "Nguyễn Văn An", "HTNV", "15/12/2025", "Không"],
                 [huy.citizen_id, "Lê Quang Huy", "HTTNV", "15/12/2025", "Không"],
                 [binh.citizen_id, "Trần Thị Bình", "Hoàn thành tốt nhiệm vụ", "15/12/2025", "Có"]])
    page = client.post(url, {"file": bad}).content.decode()
    assert "Dòng 3" in page and "Không tìm thấy đảng viên" in page
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htxsnv"  # nothing written
    discipline_member(binh, date(2025, 8, 1))
    good = _xlsx([[an.citizen_id, "Nguyen Van An", "HTNV", "15/12/2025", "Không"],
                  [binh.citizen_id, "Trần Thị Bình", "Không hoàn thành nhiệm vụ", "15/12/2025", "Có"]])
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert MemberRating.objects.get(member=an, year=YEAR).level == "htnv"
    assert MemberRating.objects.get(member=binh, year=YEAR).disciplined is True


def test_import_refuses_a_capped_row(rated, login):
    binh = rated.a1_members[1]
    discipline_member(binh, date(2025, 8, 1))
    page = login(rated.staff_a).post(reverse("ratings:import", args=[rated.commune_a.pk, YEAR]), {
        "file": _xlsx([[binh.citizen_id, "Trần Thị Bình", "HTTNV", "15/12/2025", "Có"]])}).content.decode()
    assert "Trần Thị Bình: xếp loại" in page


def test_import_template_downloads(rated, login):
    response = login(rated.staff_a).get(reverse("ratings:import_template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:4] == ["Số CCCD", "Số thẻ đảng viên", "Họ và tên", "Mức xếp loại"]


def test_xlsx_export_has_every_unit_and_the_total(rated, login):
    response = login(rated.leader_province).get(reverse("ratings:export", args=[rated.province.pk, YEAR, "xlsx"]))
    from dangbo.core.testing import ExportedSheet

    sheet = ExportedSheet(response)
    assert sheet.headers[:5] == ["STT", "Đơn vị", "Đảng viên được xếp loại (người)", "ĐV HTXSNV (người)", "ĐV HTXSNV (%)"]
    assert sheet.rows[0][:3] == (1, "Đảng bộ xã Bình Lư", 7)
    # Shares are numbers with a percent format (22,22% is 0,2222), never text.
    assert sheet.rows[-1][1] == "Toàn Đảng bộ tỉnh Lai Châu" and sheet.rows[-1][2:4] == (9, 2)
    assert abs(sheet.rows[-1][4] - 0.2222) < 1e-9 and sheet.cell(len(sheet.rows) - 1, "ĐV HTXSNV (%)").number_format == "0.00%"
    assert any("NĂM" in t.upper() and str(YEAR) in t for t in sheet.title_text)


def test_docx_report_in_party_layout_contains_the_table(rated, login):
    response = login(rated.leader_province).get(reverse("ratings:export", args=[rated.province.pk, YEAR, "docx"]),
                                                {"so": "12-BC/TU", "ngay": "20/12/2025"})
    doc = Document(io.BytesIO(response.content))
    header_text = "\n".join(cell.text for cell in doc.tables[0].rows[0].cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in header_text and "Số 12-BC/TU" in header_text
    assert "Lai Châu, ngày 20 tháng 12 năm 2025" in header_text
    # A province reports as its committee, the tỉnh ủy, with no line above it; it signs T/M TỈNH ỦY.
    assert header_text.startswith("TỈNH ỦY LAI CHÂU\n*") and "ĐẢNG ỦY TỈNH" not in header_text
    signature = "\n".join(cell.text for cell in doc.tables[-1].rows[0].cells)
    assert "T/M TỈNH ỦY" in signature
    table = doc.tables[1]
    assert table.rows[0].cells[1].text == "Đơn vị"
    assert [row.cells[1].text for row in table.rows[1:]] == ["Đảng bộ xã Bình Lư", "Đảng bộ phường Tân Phong",
                                                            "Toàn Đảng bộ tỉnh Lai Châu"]
    assert table.rows[3].cells[2].text == "9" and table.rows[3].cells[3].text == "2 (22,22%)"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "366-QĐ/TW" in body and "Đảng bộ xã Bình Lư" in body


def test_pdf_report_renders(rated, login):
    response = login(rated.leader_province).get(reverse("ratings:export", args=[rated.province.pk, YEAR, "pdf"]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Bình Lư" in text


def test_api_rollup_matches_the_dashboard(rated, login):
    data = login(rated.leader_province).get(f"/api/v1/ratings/rollup/{rated.province.pk}/{YEAR}").json()
    assert data["rule_set"] == "366-QĐ/TW"
    assert data["total"]["members"] == {"total": 9, "htxsnv": 2, "httnv": 5, "htnv": 1, "khtnv": 1,
                                        "httnv_or_above_percent": pytest.approx(77.777, abs=1e-2)}
    assert [c["met"] for c in data["total"]["targets"]] == [False, False, False]
    assert [u["name"] for u in data["children"]] == ["Đảng bộ xã Bình Lư", "Đảng bộ phường Tân Phong"]


def test_api_write_refuses_a_capped_rating_with_422(rated, login):
    member = rated.a1_members[1]
    discipline_member(member, date(2025, 8, 1))
    response = login(rated.staff_a).put(f"/api/v1/ratings/member/{member.pk}/{YEAR}",
                                        {"level": "httnv"}, content_type="application/json")
    assert response.status_code == 422 and "level" in response.json()["detail"]


def test_cell_entry_says_who_is_not_rated_and_why(rated, login):
    from datetime import date

    from dangbo.members import services as member_services

    binh = rated.a1_members[1]
    member_services.record_absence(rated.admin, binh, kind="thai_san", start=date(2025, 3, 1), end=date(2025, 8, 31))
    page = login(rated.secretary_a1).get(reverse("ratings:cell_entry", args=[rated.cell_a1.pk, YEAR])).content.decode()
    assert "Nghỉ ốm, thai sản từ 3 tháng trở lên trong năm: kiểm điểm nhưng không xếp loại." in page
