from django import forms

from dangbo.core.forms import CheckedForm
from dangbo.ratings.models import Level, TargetSubject

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
LEVEL_CHOICES = [("", "— Không xếp loại —"), *Level.choices]


class MemberRatingForm(CheckedForm):
    level = forms.ChoiceField(label="Mức xếp loại", choices=LEVEL_CHOICES, required=False)
    rated_on = forms.DateField(label="Ngày xếp loại", widget=DATE_WIDGET, required=False)
    remedied = forms.BooleanField(label="Vi phạm tự phát hiện và khắc phục", required=False)
    notes = forms.CharField(label="Ghi chú", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class OrgRatingForm(MemberRatingForm):
    violations = forms.BooleanField(label="Tổ chức có vi phạm", required=False)
    subordinate_disciplined = forms.BooleanField(
        label="Có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật", required=False)
    field_order = ["level", "rated_on", "violations", "subordinate_disciplined", "remedied", "notes"]


class TargetForm(CheckedForm):
    subject = forms.ChoiceField(label="Đối tượng", choices=TargetSubject.choices)
    min_level = forms.ChoiceField(label="Từ mức", choices=Level.choices, initial=Level.HTTNV)
    min_percent = forms.DecimalField(label="Tỷ lệ tối thiểu (%)", min_value=0, max_value=100, decimal_places=2)
    source = forms.CharField(label="Nguồn chỉ tiêu", max_length=255, required=False)


class ImportForm(CheckedForm):
    file = forms.FileField(label="Tệp Excel (.xlsx) hoặc CSV")
