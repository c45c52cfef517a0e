"""Forms of the admission screens: they parse input; the rules live in services and rules."""
from __future__ import annotations

from django import forms

from dangbo.core.forms import CheckedForm, CheckedModelForm
from dangbo.admission import rules
from dangbo.admission.models import Candidate, HamletKind, Relative
from dangbo.members.models import Member

DATE_WIDGET = forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "size": 10})


def date_field(label: str, required: bool = False) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET)


class CandidateForm(CheckedModelForm):
    birth_date = date_field("Ngày sinh", required=True)

    class Meta:
        model = Candidate
        fields = ["full_name", "birth_date", "gender", "ethnicity", "religion", "home_town", "citizen_id", "phone",
                  "education", "occupation", "workplace", "source", "youth_union_member", "over_age_decision"]

    def rule_problems(self, data: dict) -> dict[str, list[str]]:
        """The person checks of the service (services.person_problems) on the fields that
        parsed, so a wrong citizen ID shows together with an unreadable birth date."""
        from dangbo.admission.services import person_problems

        record = {name: data.get(name) for name in self.fields}
        record["citizen_id"] = record.get("citizen_id") or None
        return person_problems(record, exclude_pk=self.instance.pk)


# The fields each step shows and reads (besides date, number, scan and note).
STEP_FIELDS = {
    rules.COURSE: ["certificate_number", "certificate_date"],
    rules.SPONSORS: ["sponsor_1", "sponsor_1_since", "sponsor_2", "sponsor_2_since", "youth_union", "youth_union_name"],
    rules.CELL_RESOLUTION: ["approve", "total"],
    rules.GRASSROOTS_RESOLUTION: ["approve", "total"],
    rules.CEREMONY: ["helper", "late_approval"],
    rules.RECOGNITION: ["approve", "total", "recognized"],
    rules.CARD: ["card_number"],
}
COMMON_FIELDS = ["on", "decision_number", "scan", "note"]


class StepForm(CheckedForm):
    on = date_field("Ngày", required=True)
    decision_number = forms.CharField(label="Số nghị quyết, quyết định, văn bản", required=False, max_length=60)
    scan = forms.FileField(label="Bản quét (PDF, ảnh)", required=False)
    approve = forms.IntegerField(label="Số tán thành", required=False, min_value=0)
    total = forms.IntegerField(label="Tổng số đảng viên chính thức (cấp ủy viên)", required=False, min_value=1)
    certificate_number = forms.CharField(label="Số giấy chứng nhận", required=False, max_length=60)
    certificate_date = date_field("Ngày cấp giấy chứng nhận")
    sponsor_1 = forms.ModelChoiceField(label="Đảng viên giới thiệu thứ nhất", queryset=Member.objects.none(),
                                       required=False)
    sponsor_1_since = date_field("Cùng công tác, học tập, sinh sống từ")
    sponsor_2 = forms.ModelChoiceField(label="Đảng viên giới thiệu thứ hai", queryset=Member.objects.none(),
                                       required=False)
    sponsor_2_since = date_field("Cùng công tác, học tập, sinh sống từ")
    youth_union = forms.BooleanField(label="Ban Chấp hành Đoàn cơ sở giới thiệu (thay đảng viên thứ hai)",
                                     required=False)
    youth_union_name = forms.CharField(label="Tên Ban Chấp hành Đoàn cơ sở", required=False, max_length=160)
    helper = forms.ModelChoiceField(label="Đảng viên giúp đỡ", queryset=Member.objects.none(), required=False)
    late_approval = forms.CharField(label="Văn bản đồng ý của cấp trên (nếu quá hạn)", required=False, max_length=60)
    recognized = forms.TypedChoiceField(label="Quyết định của cấp trên (sau ba lần xét không đạt)",
                                        choices=[("1", "Công nhận chính thức"), ("0", "Không công nhận")],
                                        coerce=lambda v: v == "1", required=False, initial="1")
    card_number = forms.CharField(label="Số thẻ đảng viên", required=False, max_length=20)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, step: str, members=None, escalated: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        for name in ("sponsor_1", "sponsor_2", "helper"):
            self.fields[name].queryset = members if members is not None else Member.objects.none()
        shown = set(COMMON_FIELDS) | set(STEP_FIELDS.get(step, []))
        if step == rules.RECOGNITION and not escalated:
            shown.discard("recognized")
        if step == rules.RECOGNITION and escalated:
            shown -= {"approve", "total"}
        for name in list(self.fields):
            if name not in shown:
                del self.fields[name]


class BulkStepForm(CheckedForm):
    step = forms.ChoiceField(label="Bước", choices=[(s, rules.STEP_LABELS[s]) for s in rules.STEPS
                                                    if s in rules.BULK_STEPS])
    on = date_field("Ngày", required=True)
    decision_number = forms.CharField(label="Số văn bản", required=False, max_length=60)
    certificate_number = forms.CharField(label="Số giấy chứng nhận (lớp nhận thức)", required=False, max_length=60)
    candidates = forms.ModelMultipleChoiceField(queryset=Candidate.objects.none())

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidates"].queryset = candidates if candidates is not None else Candidate.objects.none()


class RelativeForm(CheckedForm):
    relation = forms.ChoiceField(label="Quan hệ", choices=list(rules.RELATIONS.items()))
    full_name = forms.CharField(label="Họ và tên", max_length=120)
    party_member_declared = forms.BooleanField(label="Là đảng viên, đã khai đầy đủ", required=False)
    verified_on = date_field("Ngày có kết quả thẩm tra")
    result = forms.CharField(label="Kết quả", required=False, max_length=255)


class VerifyForm(CheckedForm):
    relative = forms.ModelChoiceField(queryset=Relative.objects.none())
    verified_on = date_field("Ngày có kết quả thẩm tra", required=True)
    result = forms.CharField(label="Kết quả", required=False, max_length=255)

    def __init__(self, *args, relatives=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relative"].queryset = relatives if relatives is not None else Relative.objects.none()


class StopForm(CheckedForm):
    on = date_field("Ngày", required=True)
    reason = forms.CharField(label="Lý do", max_length=500)


class TargetForm(CheckedForm):
    target = forms.IntegerField(label="Chỉ tiêu kết nạp", min_value=0)


class SplitForm(CheckedForm):
    total = forms.IntegerField(label="Chỉ tiêu của đơn vị (để trống: giữ chỉ tiêu đã nhập)", min_value=0,
                               required=False)


class ImportForm(CheckedForm):
    file = forms.FileField(label="Tệp .xlsx hoặc .csv")


class HamletForm(CheckedForm):
    name = forms.CharField(label="Tên thôn, bản, tổ dân phố", max_length=160)
    kind = forms.ChoiceField(label="Loại", choices=HamletKind.choices)
    member_count = forms.IntegerField(label="Số đảng viên đang sinh sống", min_value=0, initial=0)
    has_cell = forms.BooleanField(label="Đã có chi bộ", required=False)
