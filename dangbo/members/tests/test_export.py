"""Exporting the filtered member list to Excel."""
import io

from django.urls import reverse
from openpyxl import load_workbook


def exported(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_export_contains_the_filtered_rows_in_vietnamese_name_order(tree, login):
    sheet = exported(login(tree.admin).get(reverse("members:export"), {"org": tree.commune_a.pk}))
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Họ và tên", "Ngày sinh", "Giới tính")
    names = [row[0] for row in rows[1:]]
    # Given name first, Vietnamese alphabet: An, Bình, Chiến, Dợ, Đức, Én, Sử.
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến", "Vàng Thị Dợ", "Phạm Minh Đức",
                     "Hoàng Thị Én", "Tẩn Láo Sử"]
    binh = rows[1 + names.index("Trần Thị Bình")]
    assert binh[2] == "Nữ" and binh[15] == tree.cell_a1.code and binh[17] == "Chính thức"
    assert sheet["B2"].number_format == "DD/MM/YYYY"


def test_export_applies_the_search_and_gender_filters(tree, login):
    sheet = exported(login(tree.admin).get(reverse("members:export"), {"gender": "nu", "q": "thi"}))
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Trần Thị Bình", "Vàng Thị Dợ", "Hoàng Thị Én"]


def test_export_stays_inside_the_scope(tree, login):
    sheet = exported(login(tree.secretary_a1).get(reverse("members:export")))
    names = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến"}
    assert login(tree.secretary_a1).get(reverse("members:export"), {"org": tree.cell_b1.pk}).status_code == 404
