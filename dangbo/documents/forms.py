from django import forms

from dangbo.core.forms import CheckedForm
from dangbo.documents.models import (
    DOCUMENT_TYPE_CHOICES, Cadence, Comparator, DocumentStatus, ImplementationLevel, Issuer, LinkKind, Measure,
)
from dangbo.orgs.models import Organization

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class DocumentForm(CheckedForm):
    issuer = forms.ModelChoiceField(queryset=Issuer.objects.none(), label="Cơ quan ban hành")
    doc_type = forms.ChoiceField(choices=DOCUMENT_TYPE_CHOICES, label="Loại văn bản")
    number = forms.CharField(label="Số, ký hiệu", max_length=80, required=False,
                             help_text="Ví dụ 02-NQ/ĐUK; để trống và chọn «Cấp số tự động» để lấy số tiếp theo.")
    auto_number = forms.BooleanField(label="Cấp số tự động (số tiếp theo trong nhiệm kỳ)", required=False)
    issued_on = forms.DateField(label="Ngày ban hành", widget=DATE_WIDGET)
    title = forms.CharField(label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    khoa = forms.IntegerField(label="Khóa (số thứ tự đại hội)", required=False, min_value=1, max_value=99)
    status = forms.ChoiceField(choices=DocumentStatus.choices, label="Trạng thái", initial=DocumentStatus.ISSUED)
    restricted = forms.BooleanField(label="Hạn chế phạm vi (chỉ cấp ủy, cơ quan ban hành)", required=False)
    implementation_level = forms.ChoiceField(choices=ImplementationLevel.choices, required=False,
                                             label="Yêu cầu cấp dưới ban hành văn bản thực hiện")
    implementation_deadline = forms.DateField(label="Hạn ban hành văn bản thực hiện", required=False, widget=DATE_WIDGET)
    body = forms.CharField(label="Nội dung", required=False, widget=forms.Textarea(attrs={"rows": 8}))
    file = forms.FileField(label="Tệp đính kèm (PDF, DOCX)", required=False)

    def __init__(self, *args, issuers=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if issuers is not None:
            self.fields["issuer"].queryset = issuers
        if editing:
            del self.fields["issuer"]
            del self.fields["auto_number"]


class LinkForm(CheckedForm):
    kind = forms.ChoiceField(choices=LinkKind.choices, label="Văn bản này")
    target_number = forms.CharField(label="Văn bản được liên kết (số, ký hiệu)", max_length=80,
                                    help_text="Ví dụ 05-CT/TW")
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)


class TargetForm(CheckedForm):
    wording = forms.CharField(label="Nội dung chỉ tiêu", widget=forms.Textarea(attrs={"rows": 2}))
    measure = forms.ChoiceField(choices=Measure.choices, label="Loại số đo")
    comparator = forms.ChoiceField(choices=Comparator.choices, label="So sánh")
    target_value = forms.DecimalField(label="Giá trị chỉ tiêu", max_digits=14, decimal_places=2, localize=True)
    unit = forms.CharField(label="Đơn vị", max_length=60, required=False, initial="%")
    cadence = forms.ChoiceField(choices=Cadence.choices, label="Thời hạn")
    deadline = forms.DateField(label="Hạn hoàn thành", required=False, widget=DATE_WIDGET)
    start_year = forms.IntegerField(label="Từ năm", required=False, min_value=1930, max_value=2100)
    end_year = forms.IntegerField(label="Đến năm", required=False, min_value=1930, max_value=2100)
    applies_to = forms.ModelMultipleChoiceField(queryset=Organization.objects.none(), required=False,
                                                label="Áp dụng cho")

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["applies_to"].queryset = organizations


class ProgressForm(CheckedForm):
    period_label = forms.CharField(label="Kỳ báo cáo", max_length=60, required=False,
                                   help_text="Ví dụ: Năm 2013; để trống sẽ ghi theo ngày kết thúc.")
    period_end = forms.DateField(label="Đến ngày", widget=DATE_WIDGET)
    value = forms.DecimalField(label="Giá trị đạt được", required=False, max_digits=14, decimal_places=2, localize=True)
    numerator = forms.DecimalField(label="hoặc tử số", required=False, max_digits=14, decimal_places=2, localize=True)
    denominator = forms.DecimalField(label="mẫu số", required=False, max_digits=14, decimal_places=2, localize=True)
    organization = forms.ModelChoiceField(queryset=Organization.objects.none(), required=False,
                                          label="Của tổ chức (để trống: số liệu chung)")
    source_note = forms.CharField(label="Nguồn số liệu", max_length=500, required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations


class AttachmentForm(CheckedForm):
    file = forms.FileField(label="Tệp PDF hoặc DOCX")
