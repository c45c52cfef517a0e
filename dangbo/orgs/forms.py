from django import forms

from dangbo.orgs.models import Organization

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class OrganizationForm(forms.ModelForm):
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    class Meta:
        model = Organization
        fields = ["kind", "code", "name", "short_name", "established"]
        widgets = {"established": DATE_WIDGET}


class MoveForm(forms.Form):
    new_parent = forms.ModelChoiceField(queryset=Organization.objects.none(), label="Chuyển về trực thuộc")
    date = forms.DateField(label="Ngày hiệu lực", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = organizations


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=Organization.objects.none(), label="Hợp nhất vào tổ chức")
    date = forms.DateField(label="Ngày hiệu lực", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = organizations


class DissolveForm(forms.Form):
    date = forms.DateField(label="Ngày giải thể", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
