from django import forms

from dangbo.orgs.models import Organization

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class OrganizationForm(forms.ModelForm):
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)

    class Meta:
        model = Organization
        fields = ["kind", "code", "name", "short_name", "established"]
        widgets = {"established": DATE_WIDGET}
