"""Progress roll-up of a small tree against numbers written out by hand (both databases)."""
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from dangbo.admission import importing, progress, rules, services
from dangbo.admission.models import AdmissionTarget, Candidate, Hamlet
from dangbo.core.testing import make_member
from dangbo.members.models import EventKind, MemberEvent, MemberStatus

pytestmark = pytest.mark.django_db


def admitted(org, name, on, **flags):
    return Candidate.objects.create(organization=org, full_name=name, birth_date=date(1999, 1, 1), gender="nam",
                                    stage=rules.RECOGNITION, admitted_on=on, **flags)


@pytest.fixture
def year_2025(tree):
    """Admissions: cell_a1 2, cell_a2 1, village 1 (November), cell_b1 1 (+1 in 2024).
    Members at 1/1/2025: cell_a1 2 (Chiến came in 2025), cell_a2 2 + 1 removed in March, village 2,
    cell_b1 2 (a member removed in 2024 does not count)."""
    admitted(tree.cell_a1, "Vì Thị Hoa", date(2025, 2, 10), is_female=True, is_minority=True, is_youth=True)
    admitted(tree.cell_a1, "Lò Văn Sáng", date(2025, 5, 20))
    admitted(tree.cell_a2, "Phạm Văn Giáo", date(2025, 4, 2), is_religious=True, workplace=rules.PRIVATE_ENTERPRISE)
    admitted(tree.village_cell, "Tẩn Văn Hòa", date(2025, 11, 15), workplace=rules.STUDENT)
    admitted(tree.cell_b1, "Đỗ Văn Tết", date(2025, 1, 1))
    admitted(tree.cell_b1, "Đỗ Văn Cũ", date(2024, 12, 31))
    for org, ended in ((tree.cell_a2, date(2025, 3, 1)), (tree.cell_b1, date(2024, 6, 1))):
        gone = make_member(org, "Hà Văn Đi", status=MemberStatus.REMOVED)
        MemberEvent.objects.create(member=gone, kind=EventKind.REMOVED, date=ended)
    for org, target in ((tree.province, 10), (tree.commune_a, 6), (tree.grassroots_a, 4), (tree.commune_b, 2)):
        AdmissionTarget.objects.create(organization=org, year=2025, target=target)
    return tree


def by_name(rows):
    return {row.organization.name: row for row in rows}


def test_progress_of_each_unit_at_the_end_of_the_year(year_2025):
    t = year_2025
    rows = by_name(progress.progress_for([t.province, t.commune_a, t.grassroots_a, t.commune_b, t.cell_a1],
                                         2025, date(2025, 12, 31)))
    expected = {  # unit: (admitted, target, members at start, % of target, rate)
        t.province.name: (5, 10, 9, 50.0, 5 / 9 * 100),
        t.commune_a.name: (4, 6, 7, 4 / 6 * 100, 4 / 7 * 100),
        t.grassroots_a.name: (3, 4, 5, 75.0, 60.0),
        t.commune_b.name: (1, 2, 2, 50.0, 50.0),
        t.cell_a1.name: (2, None, 2, None, 100.0),
    }
    for name, (count, target, at_start, of_target, rate) in expected.items():
        row = rows[name]
        assert (row.admitted, row.target, row.members_at_start) == (count, target, at_start), name
        assert row.percent_of_target == pytest.approx(of_target) if of_target else row.percent_of_target is None
        assert row.rate == pytest.approx(rate), name


def test_progress_at_an_earlier_date_leaves_out_later_decisions(year_2025):
    t = year_2025
    rows = by_name(progress.progress_for([t.province, t.commune_a], 2025, date(2025, 6, 30)))
    assert rows[t.province.name].admitted == 4
    assert rows[t.commune_a.name].admitted == 3


def test_breakdowns_over_the_province(year_2025):
    row = progress.progress_for([year_2025.province], 2025, date(2025, 12, 31))[0]
    assert row.counts.breakdown == {"women": 1, "minority": 1, "youth": 1, "religious": 1,
                                    "private_enterprise": 1, "student": 1}
    assert row.share("women") == pytest.approx(20.0)


def test_national_roll_up_gives_the_same_numbers(year_2025):
    counts, at_start, targets = progress.all_progress(2025, date(2025, 12, 31))
    t = year_2025
    assert counts[t.province.pk].admitted == 5 and counts[t.cell_b1.pk].admitted == 1
    assert at_start[t.province.pk] == 9 and targets[t.province.pk] == 10
    assert t.cell_a2.pk in counts and t.commune_b.pk in at_start


def test_quarter_over_quarter(year_2025):
    quarters = progress.quarters(year_2025.province, 2025, date(2025, 12, 31), target=10)
    assert [(q.admitted, q.cumulative, q.change) for q in quarters] == [(2, 2, None), (2, 4, 0), (0, 4, -2), (1, 5, 1)]
    assert quarters[1].percent_of_target == pytest.approx(40.0)
    assert len(progress.quarters(year_2025.province, 2025, date(2025, 5, 1), target=10)) == 2


def test_split_a_parents_target_by_members_at_the_start_of_the_year(year_2025):
    t = year_2025
    rows = services.split_target(t.admin, t.province, 2025, total=90)
    assert {r.organization_id: r.target for r in rows} == {t.commune_a.pk: 70, t.commune_b.pk: 20}
    with pytest.raises(ValidationError):
        services.split_target(t.admin, t.cell_a1, 2025)


def _xlsx(rows) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(importing.SPEC.headers)
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    return data


def test_targets_imported_from_excel_all_or_nothing(tree):
    good = _xlsx([[tree.commune_a.code, tree.commune_a.name, 2026, 40], [tree.cell_b1.code, "", 2026, 3]])
    table, importer = importing.load(tree.province, good, "chi-tieu.xlsx")
    assert table.ok, table.errors
    assert importing.write(tree.admin, importer, table) == 2
    assert AdmissionTarget.objects.get(organization=tree.commune_a, year=2026).target == 40
    bad = _xlsx([[tree.commune_a.code, "Tên khác", 2026, 41], [tree.cell_b1.code, "", 2026, 4]])
    table, importer = importing.load(tree.commune_a, bad, "chi-tieu.xlsx")
    assert not table.ok and len(table.errors) == 2  # wrong name, and cell_b1 lies outside commune_a
    assert AdmissionTarget.objects.get(organization=tree.cell_b1, year=2026).target == 3


def test_hamlets_without_member_or_chi_bo(tree):
    services.save_hamlet(tree.admin, tree.commune_a, name="Bản Nà Khum", kind="thon", member_count=0, has_cell=False)
    services.save_hamlet(tree.admin, tree.commune_a, name="Bản Phiêng", kind="thon", member_count=2, has_cell=False)
    services.save_hamlet(tree.admin, tree.commune_b, name="Tổ dân phố 5", kind="to_dan_pho", member_count=9,
                         has_cell=True)
    summary = progress.hamlets(tree.province)
    assert summary.total == 3
    assert [h.name for h in summary.without_member] == ["Bản Nà Khum"]
    assert sorted(h.name for h in summary.without_cell) == ["Bản Nà Khum", "Bản Phiêng"]
    with pytest.raises(ValidationError):
        services.save_hamlet(tree.admin, tree.commune_a, name="Bản Phiêng", kind="thon", member_count=1, has_cell=False)
    assert Hamlet.objects.count() == 3
