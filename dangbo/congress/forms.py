from django import forms

from dangbo.core.forms import CheckedForm, CheckedModelForm
from dangbo.congress.models import CommentKind, Congress, DocumentKind, ElectionKind, EntryMode
from dangbo.congress.synthesis import DECISION_LABELS
from dangbo.orgs.models import Organization
from dangbo.orgs.widgets import OrganizationField

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})
DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]


class CongressForm(CheckedModelForm):
    organization = OrganizationField(label="Đảng bộ, chi bộ", writable=True)
    start_date = forms.DateField(label="Ngày khai mạc", required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    end_date = forms.DateField(label="Ngày bế mạc", required=False, widget=DATE_WIDGET, input_formats=DATE_INPUTS)

    class Meta:
        model = Congress
        fields = ["organization", "kind", "ordinal", "term", "start_date", "end_date", "venue", "delegates_summoned", "status"]

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations if organizations is not None else Organization.objects.none()


class DocumentForm(CheckedForm):
    kind = forms.ChoiceField(label="Loại văn kiện", choices=DocumentKind.choices)
    title = forms.CharField(label="Tên văn kiện", max_length=255)


class VersionForm(CheckedForm):
    text = forms.CharField(label="Nội dung (mỗi dòng một đoạn; tiêu đề viết hoa hoặc đánh số La Mã)",
                           widget=forms.Textarea(attrs={"rows": 12}), required=False)
    file = forms.FileField(label="Hoặc nhập từ tệp .docx", required=False)
    note = forms.CharField(label="Ghi chú", required=False)

    def clean(self):
        data = super().clean()
        if not data.get("text") and not data.get("file"):
            raise forms.ValidationError("Dán nội dung hoặc chọn tệp .docx.")
        return data


class RoundForm(CheckedForm):
    title = forms.CharField(label="Tên đợt lấy ý kiến", max_length=255)
    deadline = forms.DateField(label="Hạn gửi ý kiến", widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    recipients = forms.ModelMultipleChoiceField(label="Gửi đến các đơn vị", queryset=Organization.objects.none(),
                                                widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipients"].queryset = organizations


class ConferenceForm(CheckedForm):
    title = forms.CharField(label="Tên hội nghị", max_length=255)
    date = forms.DateField(label="Ngày tổ chức", widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    bridge_points = forms.CharField(label="Các điểm cầu (mỗi dòng một điểm cầu)", widget=forms.Textarea(attrs={"rows": 4}),
                                    required=False)


class CommentForm(CheckedForm):
    recipient = forms.IntegerField(widget=forms.HiddenInput)
    paragraph = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label="Loại ý kiến", choices=CommentKind.choices)
    text = forms.CharField(label="Nội dung góp ý", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    proposed_text = forms.CharField(label="Đề xuất câu chữ thay thế", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    author_name = forms.CharField(label="Người góp ý", required=False, max_length=120)
    conference = forms.IntegerField(required=False)
    bridge_point = forms.IntegerField(required=False)


class DecisionForm(CheckedForm):
    decision = forms.ChoiceField(label="Hướng xử lý", choices=[(d.value, label) for d, label in DECISION_LABELS.items()])
    summary = forms.CharField(label="Nội dung ý kiến", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    response = forms.CharField(label="Giải trình, lý do", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    adopted_text = forms.CharField(label="Câu chữ tiếp thu", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ElectionForm(CheckedForm):
    kind = forms.ChoiceField(label="Bầu", choices=ElectionKind.choices)
    title = forms.CharField(label="Tên cuộc bầu cử", max_length=255)
    seats = forms.IntegerField(label="Số lượng cần bầu", min_value=1)
    max_surplus_percent = forms.IntegerField(label="Số dư tối đa đại hội quyết định (%)", min_value=0, max_value=30, initial=30)
    entry_mode = forms.ChoiceField(label="Cách nhập kết quả", choices=EntryMode.choices)
    candidates = forms.CharField(label="Danh sách bầu cử (mỗi dòng một người)", widget=forms.Textarea(attrs={"rows": 8}))


class CloseRoundForm(CheckedForm):
    base = forms.IntegerField(label="Tổng số đại biểu triệu tập / đảng viên chính thức", min_value=1)
    present = forms.IntegerField(label="Số có mặt", min_value=0, required=False)
    ballots_issued = forms.IntegerField(label="Số phiếu phát ra", min_value=0, required=False)
    counting_board = forms.CharField(label="Ban kiểm phiếu (mỗi dòng: họ tên, chức danh)", widget=forms.Textarea(attrs={"rows": 3}),
                                     required=False)
