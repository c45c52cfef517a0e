"""A form submitted with several problems shows every one of them at once: beside each field
and in a summary box at the top whose lines link to the fields."""
from __future__ import annotations

import re
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from lxml import html

from dangbo.core.forms import CheckedForm
from dangbo.members.models import Member

PACKAGE = Path(__file__).resolve().parents[2]


def summary_lines(page: str) -> list[tuple[str, str]]:
    """(text, link target) of each line of the error summary box."""
    tree = html.fromstring(page)
    boxes = tree.xpath('//div[contains(@class, "error-summary")]')
    assert len(boxes) == 1, "one summary box at the top of the form"
    lines = []
    for item in boxes[0].xpath(".//li"):
        links = item.xpath(".//a/@href")
        lines.append((item.text_content().strip(), links[0] if links else ""))
    return lines


def test_member_form_with_three_problems_lists_all_three(tree, login):
    """An unreadable birth date (form), a name with a digit and a wrong phone (member rules):
    one submission shows all three, each beside its field and linked from the summary."""
    client = login(tree.staff_a)
    response = client.post(reverse("members:create"), {
        "full_name": "Nguyễn Văn 3", "birth_date": "31/02/1990", "gender": "nam", "ethnicity": "Kinh",
        "phone": "12345", "admission_date": "02/09/2015", "organization": tree.cell_a1.pk,
        "status": "du_bi",
    })
    page = response.content.decode()
    assert response.status_code == 200 and not Member.objects.filter(full_name="Nguyễn Văn 3").exists()
    lines = summary_lines(page)
    assert [target for _, target in lines] == ["#id_full_name", "#id_birth_date", "#id_phone"]
    assert lines[0][0] == "Họ và tên: Họ và tên không được chứa chữ số."
    assert lines[2][0] == "Số điện thoại: Số điện thoại không hợp lệ."
    assert "Chưa lưu: 3 lỗi cần sửa" in page
    tree_ = html.fromstring(page)
    for field in ("full_name", "birth_date", "phone"):  # each message also stands beside its field
        assert tree_.xpath(f'//div[@id="id_{field}-error"]//p'), field
        assert tree_.xpath(f'//*[@id="id_{field}"]/@aria-invalid') == ["true"]


def test_a_field_that_does_not_parse_keeps_its_own_message_only(tree, login):
    """A missing birth date is said once (the field's own message), not again by the rules."""
    page = login(tree.staff_a).post(reverse("members:create"), {
        "full_name": "Nguyễn Văn Ba", "gender": "nam", "ethnicity": "Kinh", "admission_date": "02/09/2015",
        "organization": tree.cell_a1.pk, "status": "du_bi", "citizen_id": "999190001234",
    }).content.decode()
    lines = summary_lines(page)
    assert [target for _, target in lines] == ["#id_birth_date", "#id_citizen_id"]
    assert "mã tỉnh nơi đăng ký khai sinh «999» không có" in lines[1][0]


class _ThreeRules(CheckedForm):
    name = forms.CharField(label="Tên")
    day = forms.DateField(label="Ngày", input_formats=["%d/%m/%Y"])
    count = forms.IntegerField(label="Số lượng")

    def rule_problems(self, data):
        problems = {}
        if data.get("name") and data["name"].islower():
            problems["name"] = ["Viết hoa chữ đầu."]
        if data.get("count") is not None and data["count"] > 10:
            problems["count"] = ["Tối đa 10."]
        problems[None] = ["Cả biểu mẫu có một vấn đề chung."]
        return problems


def test_rules_run_even_when_another_field_fails():
    form = _ThreeRules({"name": "an", "day": "32/01/2025", "count": "11"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Viết hoa chữ đầu."] and form.errors["count"] == ["Tối đa 10."]
    assert form.errors["day"] == ["Nhập một ngày hợp lệ."] or len(form.errors["day"]) == 1
    assert [line.label for line in form.error_summary()] == ["", "Tên", "Ngày", "Số lượng"]
    assert [line.field_id for line in form.error_summary()] == ["", "id_name", "id_day", "id_count"]


def test_service_problems_join_the_form_without_losing_any():
    form = _ThreeRules({"name": "An", "day": "01/01/2025", "count": "1"})
    form.is_valid()
    form.add_problems(ValidationError({"count": ["Vượt chỉ tiêu.", "Chưa mở đợt."], "other": "Thiếu quyết định."}))
    assert form.errors["count"] == ["Vượt chỉ tiêu.", "Chưa mở đợt."]
    assert "Thiếu quyết định." in form.non_field_errors()
    page = render_to_string("core/_form_fields.html", {"form": form})
    assert "Chưa lưu: 4 lỗi cần sửa" in page  # the rule's own general problem, the two, and the service's


def test_an_untouched_form_has_no_summary():
    assert "error-summary" not in render_to_string("core/_form_fields.html", {"form": _ThreeRules()})


SHARED = ("_form_errors.html", "_form_fields.html", "_field.html")
FIELD_ERROR_MARKUP = re.compile(r"field\.errors|non_field_errors|\.as_p\b|\.as_table\b|\.as_ul\b|\.errors\s*\}\}")


def test_every_form_template_shows_errors_through_the_shared_include():
    """One way to show errors everywhere: the templates of the apps render forms through
    core/_form_fields.html or core/_form_errors.html, never their own error markup."""
    offenders = []
    for template in PACKAGE.glob("*/templates/**/*.html"):
        if template.parts[-2] == "core" and template.name in SHARED:
            continue
        text = template.read_text(encoding="utf-8")
        if FIELD_ERROR_MARKUP.search(text):
            offenders.append(str(template.relative_to(PACKAGE)))
    assert offenders == []
