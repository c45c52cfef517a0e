"""Exporting the filtered member list to Excel."""
from django.urls import reverse

from dangbo.core.testing import ExportedSheet


def exported(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return ExportedSheet(response)


def test_export_contains_the_filtered_rows_in_vietnamese_name_order(tree, login):
    sheet = exported(login(tree.admin).get(reverse("members:export"), {"org": tree.commune_a.pk}))
    assert sheet.headers[:4] == ["STT", "Họ và tên", "Ngày sinh", "Giới tính"]
    assert "DANH SÁCH ĐẢNG VIÊN" in sheet.title_text and "ĐẢNG ỦY XÃ BÌNH LƯ" in sheet.title_text
    names = sheet.column("Họ và tên")
    # Given name first, Vietnamese alphabet: An, Bình, Chiến, Dợ, Đức, Én, Sử.
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến", "Vàng Thị Dợ", "Phạm Minh Đức",
                     "Hoàng Thị Én", "Tẩn Láo Sử"]
    assert sheet.column("STT") == list(range(1, 8))
    binh = sheet.records()[names.index("Trần Thị Bình")]
    assert binh["Giới tính"] == "Nữ" and binh["Mã chi bộ"] == tree.cell_a1.code and binh["Trạng thái"] == "Chính thức"
    assert sheet.cell(0, "Ngày sinh").number_format == "DD/MM/YYYY"


def test_export_applies_the_search_and_gender_filters(tree, login):
    sheet = exported(login(tree.admin).get(reverse("members:export"), {"gender": "nu", "q": "thi"}))
    assert sheet.column("Họ và tên") == ["Trần Thị Bình", "Vàng Thị Dợ", "Hoàng Thị Én"]


def test_export_stays_inside_the_scope(tree, login):
    sheet = exported(login(tree.secretary_a1).get(reverse("members:export")))
    names = set(sheet.column("Họ và tên"))
    assert names == {"Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến"}
    assert login(tree.secretary_a1).get(reverse("members:export"), {"org": tree.cell_b1.pk}).status_code == 404
