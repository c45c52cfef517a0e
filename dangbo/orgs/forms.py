from django import forms

from dangbo.core.forms import CheckedForm, CheckedModelForm
from dangbo.orgs.models import Organization, Position, Term
from dangbo.orgs.widgets import OrganizationField

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class OrganizationForm(CheckedModelForm):
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    class Meta:
        model = Organization
        fields = ["kind", "code", "name", "short_name", "established"]
        widgets = {"established": DATE_WIDGET}


class MoveForm(CheckedForm):
    new_parent = OrganizationField(label="Chuyển về trực thuộc", writable=True)
    date = forms.DateField(label="Ngày hiệu lực", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = organizations


class MergeForm(CheckedForm):
    into = OrganizationField(label="Hợp nhất vào tổ chức", writable=True)
    date = forms.DateField(label="Ngày hiệu lực", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = organizations


class DissolveForm(CheckedForm):
    date = forms.DateField(label="Ngày giải thể", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)


class TermForm(CheckedModelForm):
    class Meta:
        model = Term
        fields = ["name", "congress_ordinal", "start", "end"]
        widgets = {"start": DATE_WIDGET, "end": DATE_WIDGET}

    def clean_name(self):
        name = self.cleaned_data["name"].replace("–", "-").replace(" ", "")
        parts = name.split("-")
        if len(parts) != 2 or not all(p.isdigit() and len(p) == 4 for p in parts) or int(parts[1]) <= int(parts[0]):
            raise forms.ValidationError("Nhiệm kỳ ghi dạng 2025-2030.")
        return name


class PositionForm(CheckedModelForm):
    class Meta:
        model = Position
        fields = ["member", "kind", "term", "start", "end", "decision_number"]
        widgets = {"start": DATE_WIDGET, "end": DATE_WIDGET}

    def __init__(self, *args, organization, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["term"].queryset = organization.terms.all()
        self.fields["term"].required = False

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data
