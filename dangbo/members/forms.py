from django import forms

from dangbo.core.forms import CheckedForm, CheckedModelForm
from dangbo.members import rules
from dangbo.members.models import AbsenceKind, Member, MemberStatus
from dangbo.orgs.widgets import MEMBER_KINDS, OrganizationField

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class MemberForm(CheckedModelForm):
    # A member belongs to a chi bộ (chi bộ cơ sở or chi bộ trực thuộc), never directly to a
    # đảng bộ or the provincial organization (Điều lệ Đảng, Art. 21, 24; DOMAIN.md §6).
    organization = OrganizationField(label="Chi bộ sinh hoạt", kinds=MEMBER_KINDS, writable=True)
    class Meta:
        model = Member
        fields = [
            "full_name", "birth_date", "gender", "ethnicity", "religion", "home_town", "citizen_id", "phone",
            "education", "professional_qualification", "political_theory", "occupation", "admission_date",
            "official_date", "card_number", "organization", "status",
        ]
        widgets = {"birth_date": DATE_WIDGET, "admission_date": DATE_WIDGET, "official_date": DATE_WIDGET}

    def __init__(self, *args, organizations=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations
        self.fields["status"].choices = [(MemberStatus.PROBATIONARY, "Dự bị"), (MemberStatus.OFFICIAL, "Chính thức")]
        if editing:  # organization and status change only through transfer and lifecycle events
            del self.fields["organization"]
            del self.fields["status"]
        for field in ("citizen_id", "card_number"):
            self.fields[field].required = False

    def clean_citizen_id(self):
        return self.cleaned_data.get("citizen_id") or None

    def rule_problems(self, data: dict) -> dict[str, list[str]]:
        """The member record's rules (members.rules.validate_member) on the fields that parsed,
        beside the fields' own errors: one submission shows every problem. On an edit, the
        fields the form does not show (status, organization) come from the record."""
        from dangbo.members.services import record_problems

        record = {f.attname: getattr(self.instance, f.attname) for f in Member._meta.concrete_fields}
        record.update({name: data.get(name) for name in self.fields})
        return record_problems(record)

    def clean_card_number(self):
        return self.cleaned_data.get("card_number") or None


class TransferForm(CheckedForm):
    to_organization = OrganizationField(label="Chuyển đến chi bộ", kinds=MEMBER_KINDS, writable=True)
    date = forms.DateField(label="Ngày chuyển", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organization"].queryset = organizations


class LifecycleForm(CheckedForm):
    ACTIONS = [
        ("chinh_thuc", "Công nhận đảng viên chính thức"),
        (MemberStatus.TRANSFERRED_OUT, "Chuyển sinh hoạt ra ngoài"),
        (MemberStatus.DECEASED, "Từ trần"),
        (MemberStatus.REMOVED, "Xóa tên"),
        (MemberStatus.EXPELLED, "Khai trừ"),
    ]
    action = forms.ChoiceField(label="Sự kiện", choices=ACTIONS)
    date = forms.DateField(label="Ngày", widget=DATE_WIDGET)
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(CheckedForm):
    """Reverse a mistaken status event (members.services.reverse_event)."""

    reason = forms.CharField(label="Lý do điều chỉnh", widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="Ví dụ: ghi nhầm đảng viên, quyết định đã bị thu hồi.")
    decision_number = forms.CharField(label="Số quyết định, văn bản điều chỉnh", max_length=60, required=False)
    date = forms.DateField(label="Ngày điều chỉnh", widget=DATE_WIDGET, required=False,
                           help_text="Để trống: hôm nay.")


class AbsenceForm(CheckedForm):
    """Miễn sinh hoạt or a long leave: such members are reviewed but not rated that year."""

    kind = forms.ChoiceField(label="Loại", choices=AbsenceKind.choices)
    start = forms.DateField(label="Từ ngày", widget=DATE_WIDGET)
    end = forms.DateField(label="Đến ngày", widget=DATE_WIDGET, required=False, help_text="Để trống nếu chưa kết thúc.")
    decision_number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, admission_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.admission_date = admission_date

    def rule_problems(self, data: dict) -> dict[str, list[str]]:
        from dangbo.members.services import grouped

        return grouped(rules.validate_absence(data.get("start"), data.get("end"), self.admission_date))


class AbsenceEndForm(CheckedForm):
    end = forms.DateField(label="Đến ngày", widget=DATE_WIDGET)
