from django import forms

from dangbo.core.forms import CheckedForm, CheckedModelForm
from dangbo.meetings.models import Meeting, Minutes
from dangbo.meetings.services import CORRECTABLE_FIELDS
from dangbo.orgs.models import CELL_KINDS, Organization
from dangbo.orgs.widgets import OrganizationField

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]
TIME_WIDGET = forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm", "inputmode": "numeric"})


class MeetingForm(CheckedModelForm):
    organization = OrganizationField(label="Chi bộ, đảng bộ", writable=True)
    date = forms.DateField(label="Ngày sinh hoạt", widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    start_time = forms.TimeField(label="Giờ bắt đầu", required=False, widget=TIME_WIDGET)

    class Meta:
        model = Meeting
        fields = ["organization", "body", "kind", "date", "start_time", "place", "topic", "agenda", "supervisor",
                  "duration_minutes", "quality"]
        widgets = {"agenda": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations if organizations is not None else Organization.objects.none()
        self.fields["duration_minutes"].widget.attrs.update({"min": 0, "max": 1440})

    def clean_duration_minutes(self):
        value = self.cleaned_data.get("duration_minutes")
        if value is not None and value > 1440:
            raise forms.ValidationError("Thời lượng không quá 1.440 phút.")
        return value


class PlanYearForm(CheckedForm):
    organization = OrganizationField(label="Chi bộ", kinds=CELL_KINDS, writable=True)
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    regular_day = forms.IntegerField(label="Ngày sinh hoạt hằng tháng", min_value=1, max_value=28, initial=5)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations if organizations is not None else Organization.objects.none()


class MaterialForm(CheckedForm):
    title = forms.CharField(label="Tên tài liệu", max_length=255, required=False)
    file = forms.FileField(label="Tệp", required=False)
    document = forms.ModelChoiceField(label="Hoặc văn bản trong sổ văn bản", required=False, queryset=None)

    def __init__(self, *args, documents=None, **kwargs):
        from dangbo.documents.models import Document

        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents if documents is not None else Document.objects.none()

    def clean(self):
        data = super().clean()
        if not data.get("file") and not data.get("document"):
            raise forms.ValidationError("Chọn tệp tài liệu hoặc một văn bản trong sổ văn bản.")
        if data.get("file") and not data.get("title"):
            raise forms.ValidationError("Nhập tên tài liệu.")
        return data


class MinutesForm(CheckedModelForm):
    ended_at = forms.TimeField(label="Giờ kết thúc", required=False, widget=TIME_WIDGET)

    class Meta:
        model = Minutes
        fields = ["chair", "secretary", "opening", "proceedings", "conclusions", "resolution", "votes_for",
                  "votes_against", "ended_at", "read_back"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in ("opening", "proceedings", "conclusions", "resolution")}


class AddendumForm(CheckedForm):
    text = forms.CharField(label="Nội dung bổ sung, đính chính", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class ConferenceForm(CheckedForm):
    organization = OrganizationField(label="Cấp ủy tổ chức", writable=True)
    title = forms.CharField(label="Tên hội nghị", max_length=255)
    date = forms.DateField(label="Ngày tổ chức", widget=DATE_WIDGET, input_formats=DATE_INPUTS)
    content = forms.CharField(label="Nội dung", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    points = forms.CharField(
        label="Điểm cầu (mỗi dòng một điểm: địa điểm; chủ trì; số đại biểu triệu tập — dòng đầu là điểm cầu chính)",
        max_length=20000, widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations if organizations is not None else Organization.objects.none()

    def clean_points(self):
        points = []
        for number, line in enumerate(self.cleaned_data["points"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")]
            place = parts[0]
            chair = parts[1] if len(parts) > 1 else ""
            expected = parts[2] if len(parts) > 2 else "0"
            if not place or len(place) > 255 or len(chair) > 120:
                raise forms.ValidationError(f"Dòng {number}: cần địa điểm (tối đa 255 ký tự).")
            if not expected.replace(".", "").isdigit() or int(expected.replace(".", "")) > 100_000:
                raise forms.ValidationError(f"Dòng {number}: số đại biểu triệu tập phải là số từ 0 đến 100.000.")
            points.append({"place": place, "chair": chair, "expected": int(expected.replace(".", ""))})
        if not points:
            raise forms.ValidationError("Nhập ít nhất một điểm cầu.")
        if len(points) > 500:
            raise forms.ValidationError("Tối đa 500 điểm cầu.")
        return points


class CorrectionForm(CheckedForm):
    field = forms.ChoiceField(label="Thông tin cần sửa", choices=list(CORRECTABLE_FIELDS.items()))
    requested_value = forms.CharField(label="Đề nghị sửa thành", max_length=255)
    reason = forms.CharField(label="Lý do, căn cứ", max_length=1000, required=False)
