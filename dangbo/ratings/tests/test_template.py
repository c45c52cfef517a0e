"""The rating template as a clerk uses it: filled with the cell's members and offering the
levels as a drop-down list (read back with openpyxl)."""
import io

from django.urls import reverse
from openpyxl import load_workbook

from dangbo.ratings import rules


def workbook_of(response):
    return load_workbook(io.BytesIO(response.content))


def lists_of(sheet) -> dict[str, str]:
    return {str(v.sqref).split(":")[0][0]: v.formula1 for v in sheet.data_validations.dataValidation}


def test_the_template_for_a_cell_is_filled_with_its_members_and_offers_the_levels(tree, login):
    response = login(tree.secretary_a1).get(reverse("ratings:import_template"),
                                            {"to_chuc": tree.cell_a1.pk, "nam": "2025"})
    assert response.status_code == 200
    sheet = workbook_of(response).active
    names = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Lò Văn Chiến"]   # Vietnamese order: An, Bình, Chiến
    assert sheet["A2"].value == tree.a1_members[0].citizen_id and sheet["A2"].number_format == "@"
    lists = lists_of(sheet)
    assert lists["D"] == '"' + ",".join(rules.LEVEL_LABELS[level] for level in rules.LEVELS) + '"'
    assert lists["F"] == '"Có,Không"'


def test_the_blank_template_still_has_the_example_row_and_the_lists(tree, login):
    sheet = workbook_of(login(tree.staff_a).get(reverse("ratings:import_template"))).active
    assert sheet["C2"].value == "Nguyễn Văn An" and "D" in lists_of(sheet)


def test_a_cell_outside_the_scope_gives_404(tree, login):
    response = login(tree.secretary_a1).get(reverse("ratings:import_template"), {"to_chuc": tree.cell_b1.pk})
    assert response.status_code == 404
    assert login(tree.member_user).get(reverse("ratings:import_template"),
                                       {"to_chuc": tree.cell_a1.pk}).status_code == 404
