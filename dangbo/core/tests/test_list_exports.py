"""Excel as clerks use it: every report and list sheet carries the party letterhead, a title
and period, an STT column, units in its headers, numbers stored as numbers, and prints on A4
with the header row on every page; every list exports exactly what it shows, through the
viewer's scope, with personal fields masked as on the page."""
from datetime import date

from django.urls import reverse

from dangbo.core import tabular as t
from dangbo.core.letterhead import sheet_heading
from dangbo.core.testing import ExportedSheet


def test_a_report_sheet_has_letterhead_title_stt_units_and_print_set_up(tree):
    heading = sheet_heading(tree.commune_a, "Kết quả đánh giá, xếp loại", period="Năm 2025", on=date(2025, 12, 20))
    columns = [t.Col("Đơn vị"), t.Col("Đảng viên", kind=t.INTEGER, unit="người"), t.Col("Tỷ lệ", kind=t.PERCENT),
               t.Col("Ngày", kind=t.DATE)] + [t.Col(f"Cột {i}") for i in range(3)]
    rows = [("Chi bộ 1", 60137, 94.0, date(2025, 12, 1), "", "", ""), t.Total(("Toàn đảng bộ", 60137, 94.0))]
    sheet = ExportedSheet(t.export_xlsx(columns, rows, "Xếp loại 2025", heading=heading))
    # Party layout: superior and issuer on the left, the motto, place and date on the right.
    assert sheet.title_rows[0] == ["ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert sheet.title_rows[1] == ["ĐẢNG ỦY XÃ BÌNH LƯ", "Bình Lư, ngày 20 tháng 12 năm 2025"]
    assert "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI" in sheet.title_text and "Năm 2025" in sheet.title_text
    assert sheet.headers == ["STT", "Đơn vị", "Đảng viên (người)", "Tỷ lệ (%)", "Ngày", "Cột 0", "Cột 1", "Cột 2"]
    assert sheet.rows[0][:5] == (1, "Chi bộ 1", 60137, 0.94, sheet.rows[0][4])
    assert sheet.cell(0, "Đảng viên (người)").number_format == "#,##0"  # 60.137 on a Vietnamese system
    assert sheet.cell(0, "Tỷ lệ (%)").number_format == "0.00%"  # 94,00%
    assert sheet.cell(0, "Ngày").number_format == "DD/MM/YYYY"
    total = sheet.rows[1]
    assert total[0] is None and total[1] == "Toàn đảng bộ" and sheet.cell(1, "Đơn vị").font.b
    ws = sheet.sheet
    assert ws.print_title_rows == f"${sheet.header_row}:${sheet.header_row}"
    assert ws.freeze_panes == f"B{sheet.header_row + 1}"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in ws.oddFooter.center.text
    assert ws.column_dimensions["A"].width == 6


def test_a_narrow_sheet_prints_portrait():
    sheet = ExportedSheet(t.export_xlsx([t.Col("Tên")], [("A",)], "Thử", heading=t.Heading("Danh sách")))
    assert sheet.sheet.page_setup.orientation == "portrait"
    assert sheet.title_text[0] == "DANH SÁCH" and sheet.column("STT") == [1]


def test_ratings_report_stores_shares_as_numbers(tree, login):
    from dangbo.ratings.tests.factories import known_ratings

    known_ratings(tree)
    response = login(tree.leader_province).get(reverse("ratings:export", args=[tree.province.pk, 2025, "xlsx"]))
    sheet = ExportedSheet(response)
    assert "TỈNH ỦY LAI CHÂU" in sheet.title_text and "Năm 2025" in sheet.title_text
    shares = [value for header, value in zip(sheet.headers, sheet.rows[-1]) if header.endswith("(%)")]
    assert shares and all(isinstance(v, (int, float)) for v in shares if v is not None)


def test_scorecard_results_are_numbers_with_a_percent_format(tree, login):
    from dangbo.documents import services
    from dangbo.documents.tests.factories import document, issuer

    paper = document(tree.admin, issuer(tree.commune_a, code="ĐU"), "01-NQ/ĐU", issued_on=date(2024, 3, 1))
    target = services.add_target(tree.admin, paper, wording="Chi bộ trong sạch vững mạnh", target_value=90)
    services.add_progress(tree.admin, target, period_end=date(2024, 12, 31), value=94)
    sheet = ExportedSheet(login(tree.admin).get(f"/van-ban/{paper.pk}/chi-tieu.xlsx"))
    assert "ĐẢNG ỦY XÃ BÌNH LƯ" in sheet.title_text
    assert sheet.column("Mục tiêu") == [0.9] and sheet.column("Kết quả mới nhất") == [0.94]  # never the text "94%"
    assert sheet.cell(0, "Kết quả mới nhất").number_format == "0.00%"


def test_member_export_masks_citizen_ids_for_a_leader(tree, login):
    sheet = ExportedSheet(login(tree.leader_province).get(reverse("members:export")))
    ids = sheet.column("Số CCCD")
    assert len(ids) == 9 and all("*" in i for i in ids)
    clear = ExportedSheet(login(tree.staff_a).get(reverse("members:export")))
    assert all("*" not in i for i in clear.column("Số CCCD"))
    assert set(clear.column("Họ và tên")) == {m.full_name for m in tree.a1_members + tree.a2_members
                                              + tree.village_members}


def test_organization_export_lists_the_visible_subtree(tree, login):
    url = reverse("orgs:detail", args=[tree.commune_a.pk])
    page = login(tree.staff_a).get(url).content.decode()
    assert "format=xlsx" in page
    sheet = ExportedSheet(login(tree.staff_a).get(url, {"format": "xlsx"}))
    assert sheet.column("Tên tổ chức") == [tree.commune_a.name, tree.grassroots_a.name, tree.cell_a1.name,
                                           tree.cell_a2.name, tree.village_cell.name] or \
        set(sheet.column("Tên tổ chức")) == {tree.commune_a.name, tree.grassroots_a.name, tree.cell_a1.name,
                                             tree.cell_a2.name, tree.village_cell.name}
    assert tree.commune_b.name not in sheet.column("Tên tổ chức")
    assert sheet.column("Đảng viên (người)")[0] == 7
    assert login(tree.staff_a).get(reverse("orgs:detail", args=[tree.commune_b.pk]), {"format": "xlsx"}).status_code == 404


def test_document_list_exports_what_the_filters_select_inside_the_scope(tree, login):
    from dangbo.documents.tests.factories import document, issuer

    mine = issuer(tree.commune_a, code="ĐU")
    document(tree.admin, mine, "01-NQ/ĐU", title="Nghị quyết về chuyển đổi số", issued_on=date(2024, 3, 1))
    document(tree.admin, mine, "02-KH/ĐU", doc_type="ke_hoach", title="Kế hoạch kiểm tra", issued_on=date(2024, 4, 1))
    document(tree.admin, issuer(tree.commune_b, code="ĐU"), "03-NQ/ĐU", title="Nghị quyết phường",
             issued_on=date(2024, 5, 1))
    client = login(tree.staff_a)
    assert "format=xlsx" in client.get(reverse("documents:index")).content.decode()
    everything = ExportedSheet(client.get(reverse("documents:index"), {"format": "xlsx"}))
    assert everything.column("Trích yếu") == ["Kế hoạch kiểm tra", "Nghị quyết về chuyển đổi số"]
    filtered = ExportedSheet(client.get(reverse("documents:index"), {"format": "xlsx", "q": "chuyen doi so"}))
    assert filtered.column("Trích yếu") == ["Nghị quyết về chuyển đổi số"]
    assert filtered.cell(0, "Ngày ban hành").number_format == "DD/MM/YYYY"


def test_rating_drill_down_exports_every_member_behind_the_number(tree, login):
    from dangbo.ratings.tests.factories import known_ratings

    known_ratings(tree)
    url = reverse("ratings:member_list", args=[tree.commune_a.pk, 2025])
    client = login(tree.leader_province)
    assert "format=xlsx" in client.get(url, {"level": "httnv"}).content.decode()
    sheet = ExportedSheet(client.get(url, {"level": "httnv", "format": "xlsx"}))
    assert sorted(sheet.column("Họ và tên")) == sorted(["Trần Thị Bình", "Phạm Minh Đức", "Tẩn Láo Sử", "Vàng Thị Dợ"])
    assert set(sheet.column("Mức xếp loại")) == {"Hoàn thành tốt nhiệm vụ"}
    units = ExportedSheet(client.get(reverse("ratings:unit_list", args=[tree.province.pk, 2025]), {"format": "xlsx"}))
    assert tree.cell_b1.name in units.column("Tổ chức cơ sở đảng")
    # A cell secretary sees the drill-down of their own cell only.
    other = reverse("ratings:member_list", args=[tree.commune_b.pk, 2025])
    assert login(tree.secretary_a1).get(other, {"format": "xlsx"}).status_code == 404


def test_rows_stream_from_a_generator_into_the_sheet():
    """The writer takes any iterable and never needs the whole list: more rows than one
    database chunk come out whole and numbered."""
    count = t.BATCH_SIZE * 2 + 3
    rows = ((f"Đảng viên {i}", i) for i in range(count))
    sheet = ExportedSheet(t.export_xlsx([t.Col("Họ và tên"), t.Col("Số", kind=t.INTEGER)], rows, "Thử"))
    assert len(sheet.rows) == count and sheet.column("STT")[-1] == count


def _list_pages(tree):
    """(user, list page) for every list that offers «Xuất Excel»."""
    a, p = tree.commune_a.pk, tree.province.pk
    return [
        (tree.staff_a, reverse("orgs:detail", args=[a])),
        (tree.staff_a, reverse("documents:index")),
        (tree.leader_province, reverse("ratings:member_list", args=[p, 2025])),
        (tree.leader_province, reverse("ratings:unit_list", args=[p, 2025])),
        (tree.staff_a, reverse("admission:board", args=[a])),
        (tree.staff_a, reverse("admission:due", args=[a])),
        (tree.staff_a, reverse("admission:hamlets", args=[a])),
        (tree.leader_province, reverse("inspection:plans") + f"?org={p}"),
        (tree.leader_province, reverse("inspection:decisions") + f"?org={p}"),
        (tree.leader_province, reverse("inspection:consolidations") + f"?org={p}"),
        (tree.leader_province, reverse("inspection:follow_up") + f"?org={p}"),
        (tree.staff_a, reverse("meetings:index")),
        (tree.staff_a, reverse("meetings:follow_up")),
        (tree.staff_a, reverse("meetings:conferences")),
        (tree.staff_a, reverse("congress:index")),
        (tree.staff_a, reverse("audit_log")),
        (tree.admin, reverse("access_log")),
        (tree.staff_a, reverse("ingest:index")),
        (tree.staff_a, reverse("meetings:corrections")),
        (tree.leader_province, reverse("documents:implementation_index")),
    ]


def test_every_list_page_offers_its_export_as_a_printable_sheet(tree, login):
    for user, url in _list_pages(tree):
        client = login(user)
        page = client.get(url)
        assert page.status_code == 200, url
        assert "format=xlsx" in page.content.decode(), url
        response = client.get(url + ("&" if "?" in url else "?") + "format=xlsx")
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/vnd.openxmlformats"), url
        sheet = ExportedSheet(response)
        assert sheet.headers[0] == "STT" and sheet.header_row > 2, url
        assert sheet.sheet.page_setup.paperSize == 9 and sheet.sheet.print_title_rows, url


def test_inspection_lists_export_only_the_viewer_s_subtree(tree, login):
    url = reverse("inspection:decisions") + f"?org={tree.commune_b.pk}&format=xlsx"
    assert login(tree.staff_a).get(url).status_code == 404


def test_change_log_export_masks_personal_fields_as_the_page_does(tree, login):
    from dangbo.members import services

    member = tree.a1_members[1]
    services.update_member(tree.admin, member, {"citizen_id": "001185099887", "phone": "0912345678"})
    leader = ExportedSheet(login(tree.leader_province).get(reverse("audit_log"), {"format": "xlsx"}))
    text = "\n".join(str(v) for v in leader.column("Thay đổi"))
    assert "001185099887" not in text and "0912345678" not in text and "0011******87" in text
    staff = ExportedSheet(login(tree.staff_a).get(reverse("audit_log"), {"format": "xlsx"}))
    assert "001185099887" in "\n".join(str(v) for v in staff.column("Thay đổi"))
