"""Importing members from Excel/CSV: all or nothing, errors named by row and column."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from dangbo.audit.models import AuditAction, AuditEntry
from dangbo.core import vn
from dangbo.members.importer import MEMBER_SPEC
from dangbo.members.models import EventKind, Member, MemberEvent

HEADERS = MEMBER_SPEC.headers


IMPORTED_IDS = ["001085000001", "001185000002", "001085000003"]  # the three rows of good_rows


def member_row(code, name="Nguyễn Văn Dũng", citizen_id="001085000001", status="Chính thức", card="", **extra):
    values = {
        "Họ và tên": name, "Ngày sinh": "17/05/1985", "Giới tính": "Nam", "Dân tộc": "Kinh", "Tôn giáo": "Không",
        "Quê quán": "Lai Châu", "Số CCCD": citizen_id, "Số điện thoại": "0912345678", "Giáo dục phổ thông": "12/12",
        "Chuyên môn": "Cử nhân", "Lý luận chính trị": "Sơ cấp", "Nghề nghiệp": "Giáo viên",
        "Ngày vào Đảng": "02/03/2010", "Ngày chính thức": "02/03/2011" if status == "Chính thức" else "",
        "Số thẻ đảng viên": card, "Mã chi bộ": code, "Trạng thái": status,
    }
    values.update(extra)
    return [values[h] for h in HEADERS]


def xlsx_upload(rows, name="dang-vien.xlsx"):
    workbook = Workbook()
    workbook.active.append(HEADERS)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def good_rows(tree):
    return [
        member_row(tree.cell_a1.code, "Nguyễn Văn Dũng", "001085000001", card="12345678"),
        member_row(tree.cell_a1.code, "Trần Thị Giang", "001185000002", **{"Giới tính": "Nữ"}),
        member_row(tree.cell_a2.code, "Lò Văn Khánh", "001085000003", status="Dự bị",
                   **{"Ngày vào Đảng": "01/06/2025"}),
    ]


def test_import_with_one_bad_row_writes_nothing_and_names_row_and_column(tree, login):
    before = Member.objects.count()
    rows = good_rows(tree)
    rows[1][HEADERS.index("Số CCCD")] = "12345"
    response = login(tree.staff_a).post(reverse("members:import"), {"file": xlsx_upload(rows)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Chưa nhập dòng nào" in page
    assert "Dòng" in page and "<td>3</td><td>Số CCCD</td>" in page
    assert "12 chữ số" in page
    assert Member.objects.count() == before
    assert not AuditEntry.objects.filter(action=AuditAction.IMPORT).exists()


def test_error_file_lists_each_row_and_column(tree):
    from dangbo.members.importer import import_members
    from dangbo.access.scope import Scope

    rows = good_rows(tree)
    rows[1][HEADERS.index("Số CCCD")] = "12345"
    rows[2][HEADERS.index("Ngày chính thức")] = "02/07/2025"
    result = import_members(tree.staff_a, Scope.for_user(tree.staff_a), xlsx_upload(rows), "a.xlsx")
    assert [str(e) for e in result.errors] == [
        "Dòng 3, cột «Số CCCD»: «12345» phải gồm đúng 12 chữ số",
        "Dòng 4, cột «Ngày chính thức»: Ngày chính thức phải sau ngày vào Đảng đủ 12 tháng dự bị.",
        "Dòng 4, cột «Ngày chính thức»: Đảng viên dự bị chưa có ngày chính thức.",
    ]
    assert result.created == 0


def test_good_file_imports_members_with_history_and_one_audit_entry(tree, login):
    before = Member.objects.count()
    response = login(tree.staff_a).post(reverse("members:import"), {"file": xlsx_upload(good_rows(tree))})
    assert "Đã nhập 3 đảng viên" in response.content.decode()
    assert Member.objects.count() == before + 3
    giang = Member.objects.get(citizen_id="001185000002")
    assert giang.gender == "nu" and giang.organization == tree.cell_a1 and giang.political_theory == "so_cap"
    assert giang.sort_key == vn.name_sort_key("Trần Thị Giang") and giang.search_name == "tran thi giang"
    assert list(giang.events.values_list("kind", flat=True)) == [EventKind.ADMITTED, EventKind.RECOGNIZED]
    khanh = Member.objects.get(citizen_id="001085000003")
    assert khanh.status == "du_bi" and list(khanh.events.values_list("kind", flat=True)) == [EventKind.ADMITTED]
    assert MemberEvent.objects.filter(member__citizen_id__in=IMPORTED_IDS).count() == 5
    entry = AuditEntry.objects.get(action=AuditAction.IMPORT)
    assert entry.user == tree.staff_a and entry.after["count"] == 3
    assert entry.after["file"] == "dang-vien.xlsx" and len(entry.after["sha256"]) == 64
    # The new members appear in the list, searchable without accents.
    page = login(tree.staff_a).get(reverse("members:list"), {"q": "tran thi giang"}).content.decode()
    assert "Trần Thị Giang" in page


@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_file_imports_the_same_way(tree, login, delimiter):
    lines = [delimiter.join(HEADERS)] + [delimiter.join(row) for row in good_rows(tree)]
    content = "\ufeff" + "\r\n".join(lines) + "\r\n"
    upload = SimpleUploadedFile("dang-vien.csv", content.encode("utf-8"))
    response = login(tree.staff_a).post(reverse("members:import"), {"file": upload})
    assert "Đã nhập 3 đảng viên" in response.content.decode()
    assert Member.objects.filter(citizen_id__in=IMPORTED_IDS).count() == 3


def test_duplicates_in_file_and_in_database_are_rejected(tree, login):
    existing = tree.a1_members[0].citizen_id
    rows = good_rows(tree)
    rows[1][HEADERS.index("Số CCCD")] = "001085000001"  # same as row 2
    rows[1][HEADERS.index("Giới tính")] = "Nam"  # so that the number is otherwise valid for that row
    rows[2][HEADERS.index("Số CCCD")] = existing  # already registered
    from dangbo.access.scope import Scope
    from dangbo.members.importer import import_members

    result = import_members(tree.staff_a, Scope.for_user(tree.staff_a), xlsx_upload(rows), "a.xlsx")
    messages = [str(e) for e in result.errors]
    assert "Dòng 3, cột «Số CCCD»: «001085000001» trùng với dòng 2." in messages
    assert f"Dòng 4, cột «Số CCCD»: «{existing}» đã có trong hệ thống." in messages


def test_cell_secretary_cannot_import_into_another_cell(tree, login):
    rows = good_rows(tree)  # row 4 names cell_a2
    page = login(tree.secretary_a1).post(reverse("members:import"), {"file": xlsx_upload(rows)}).content.decode()
    assert "Chưa nhập dòng nào" in page
    assert f"Không có tổ chức mã «{tree.cell_a2.code}» trong phạm vi của bạn." in page
    assert not Member.objects.filter(citizen_id="001085000001").exists()


def test_members_must_go_into_a_cell(tree):
    from dangbo.access.scope import Scope
    from dangbo.members.importer import import_members

    rows = [member_row(tree.commune_a.code)]
    result = import_members(tree.staff_a, Scope.for_user(tree.staff_a), xlsx_upload(rows), "a.xlsx")
    assert "không phải chi bộ" in str(result.errors[0])


@pytest.mark.parametrize("role", ["leader_province", "member_user"])
def test_read_only_roles_cannot_open_the_import_page(tree, login, role):
    client = login(getattr(tree, role))
    assert client.get(reverse("members:import")).status_code == 403
    assert client.get(reverse("members:import_template")).status_code == 403
    assert client.post(reverse("members:import"), {"file": xlsx_upload(good_rows(tree))}).status_code == 403


def test_template_lists_headers_and_the_cells_the_user_may_fill(tree, login):
    response = login(tree.secretary_a1).get(reverse("members:import_template"))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    assert [c.value for c in workbook.worksheets[0][1]] == HEADERS
    codes = [row[0] for row in workbook["Mã chi bộ"].iter_rows(min_row=2, values_only=True)]
    assert codes == [tree.cell_a1.code]


def test_htmx_upload_returns_only_the_result(tree, login):
    response = login(tree.staff_a).post(reverse("members:import"), {"file": xlsx_upload(good_rows(tree))},
                                        HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "Đã nhập 3 đảng viên" in page and "<html" not in page


def test_list_page_links_to_import_and_export(tree, login):
    page = login(tree.staff_a).get(reverse("members:list")).content.decode()
    assert reverse("members:export") in page and reverse("members:import") in page
    page = login(tree.leader_province).get(reverse("members:list")).content.decode()
    assert reverse("members:export") in page and reverse("members:import") not in page
