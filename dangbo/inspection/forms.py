"""Forms of the inspection screens. Organizations offered are those of the user's scope under
the page's organization; members are named by citizen id or party card number and looked up
through the scope (a member outside it is "not found")."""
from __future__ import annotations

from django import forms

from dangbo.core.forms import CheckedForm
from dangbo.core import vn
from dangbo.inspection import rules
from dangbo.inspection.models import CaseOrigin, PlanIssuer, Progress
from dangbo.members.models import Member
from dangbo.orgs.widgets import OrganizationField
from dangbo.orgs.models import Organization, OrgClosure

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


def _date(label: str, required: bool = True) -> forms.DateField:
    return forms.DateField(label=label, widget=DATE_WIDGET, required=required)


def org_choices(scope, root: Organization) -> OrganizationField:
    """The organization picker over the user's scope inside `root`'s subtree (dissolved ones too:
    a file may concern an organization since merged)."""
    queryset = scope.organizations().filter(
        pk__in=OrgClosure.objects.filter(ancestor=root).values("descendant_id"))
    field = OrganizationField(label="Tổ chức đảng", queryset=queryset, required=False, include_dissolved=True)
    field.set_within(root)
    return field


class MemberLookupMixin:
    """A `member_code` field (CCCD or card number) resolved through the scope into cleaned_data["member"]."""

    scope = None

    def clean_member_code(self):
        code = vn.nfc(self.cleaned_data.get("member_code", "")).strip()
        if not code:
            return ""
        member = self.scope.members().filter(citizen_id=code).first() or \
            self.scope.members().filter(card_number=code).first()
        if member is None:
            raise forms.ValidationError("Không tìm thấy đảng viên có số CCCD hoặc số thẻ này trong phạm vi của bạn.")
        self.cleaned_data["member"] = member
        return code


def _member_code(label: str = "Đảng viên (số CCCD hoặc số thẻ đảng viên)") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=20)


class ScopedForm(MemberLookupMixin, CheckedForm):
    def __init__(self, *args, scope=None, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        for name, field in list(self.fields.items()):
            if isinstance(field, forms.ModelChoiceField) and field.queryset.model is Organization and root is not None:
                replacement = org_choices(scope, root)
                replacement.label, replacement.required = field.label, field.required
                self.fields[name] = replacement

    def clean(self):
        data = super().clean()
        data.setdefault("member", None)
        return data




class PlanForm(CheckedForm):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    title = forms.CharField(label="Tên chương trình", max_length=255)
    issuer = forms.ChoiceField(label="Cơ quan ban hành", choices=PlanIssuer.choices, initial=PlanIssuer.COMMISSION)
    number = forms.CharField(label="Số, ký hiệu", max_length=60, required=False)


class PlanItemForm(ScopedForm):
    kind = forms.ChoiceField(label="Loại", choices=list(rules.KIND_LABELS.items()))
    subject_organization = OrganizationField(label="Tổ chức được kiểm tra, giám sát", required=False, include_dissolved=True)
    member_code = _member_code("Hoặc đảng viên được kiểm tra, giám sát (số CCCD hoặc số thẻ)")
    content = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 3}))
    period_start = _date("Từ ngày", False)
    period_end = _date("Đến ngày", False)
    team = forms.CharField(label="Đoàn, tổ kiểm tra", max_length=255, required=False)


class DenunciationForm(ScopedForm):
    received_on = _date("Ngày nhận đơn")
    reporter_name = forms.CharField(label="Người tố cáo (được giữ bí mật)", max_length=120, required=False)
    reporter_contact = forms.CharField(label="Địa chỉ, điện thoại người tố cáo", max_length=255, required=False)
    accused_organization = OrganizationField(label="Tổ chức bị tố cáo", required=False, include_dissolved=True)
    member_code = _member_code("Hoặc đảng viên bị tố cáo (số CCCD hoặc số thẻ)")
    content = forms.CharField(label="Nội dung tố cáo", widget=forms.Textarea(attrs={"rows": 4}))


class CaseForm(ScopedForm):
    origin = forms.ChoiceField(label="Nguồn", choices=CaseOrigin.choices)
    kind = forms.ChoiceField(label="Loại", choices=list(rules.KIND_LABELS.items()))
    title = forms.CharField(label="Tên cuộc kiểm tra, giám sát", max_length=255)
    opened_on = _date("Ngày bắt đầu")
    plan_item = forms.ChoiceField(label="Nội dung trong chương trình", required=False)
    denunciation = forms.ChoiceField(label="Đơn tố cáo", required=False)
    complaint_summary = forms.CharField(label="Tóm tắt khiếu nại, phản ánh", required=False,
                                        widget=forms.Textarea(attrs={"rows": 2}))
    subject_organization = OrganizationField(label="Tổ chức được kiểm tra", required=False, include_dissolved=True)
    member_code = _member_code("Hoặc đảng viên được kiểm tra (số CCCD hoặc số thẻ)")

    def __init__(self, *args, plan_items=(), denunciations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].choices = [("", "—")] + [(str(i.pk), f"{i.plan.year}: {i}") for i in plan_items]
        self.fields["denunciation"].choices = [("", "—")] + [(str(d.pk), f"{d} — {d.accused_name}") for d in denunciations]


class ConclusionForm(CheckedForm):
    findings = forms.CharField(label="Kết quả kiểm tra, giám sát", required=False,
                               widget=forms.Textarea(attrs={"rows": 4}))
    conclusion = forms.CharField(label="Kết luận", widget=forms.Textarea(attrs={"rows": 4}))
    number = forms.CharField(label="Số thông báo kết luận", max_length=60, required=False)
    concluded_on = _date("Ngày kết luận")


class RemediationForm(CheckedForm):
    progress = forms.ChoiceField(label="Tiến độ", choices=Progress.choices)
    evidence = forms.CharField(label="Minh chứng khắc phục", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    done_on = _date("Ngày hoàn thành", False)


class DecisionForm(ScopedForm):
    member_code = _member_code()
    organization = OrganizationField(label="Hoặc tổ chức đảng bị kỷ luật", required=False, include_dissolved=True)
    form = forms.ChoiceField(label="Hình thức kỷ luật", choices=list(rules.FORM_LABELS.items()))
    held_post = forms.CharField(label="Chức vụ bị cách chức", max_length=120, required=False)
    violation_on = _date("Ngày vi phạm (lần gần nhất)")
    violation_summary = forms.CharField(label="Nội dung vi phạm", widget=forms.Textarea(attrs={"rows": 3}))
    unlimited_ground = forms.ChoiceField(label="Vi phạm không áp dụng thời hiệu", required=False,
                                         choices=[("", "—"), *rules.UNLIMITED_GROUND_LABELS.items()])
    decider = forms.ChoiceField(label="Cấp quyết định", choices=list(rules.DECIDER_LABELS.items()))
    decided_by = OrganizationField(label="Tổ chức đảng quyết định", include_dissolved=True)
    number = forms.CharField(label="Số quyết định", max_length=60, required=False)
    decided_on = _date("Ngày quyết định")
    announced_on = _date("Ngày công bố kết quả biểu quyết (chi bộ)", False)
    approved_on = _date("Ngày chuẩn y (nếu cần)", False)
    received_on = _date("Ngày đương sự nhận quyết định", False)
    task_from_higher_level = forms.BooleanField(label="Vi phạm khi thực hiện nhiệm vụ cấp trên giao", required=False)
    admission_delegated = forms.BooleanField(label="Đảng ủy cơ sở được ủy quyền kết nạp đảng viên", required=False)


class AppealForm(CheckedForm):
    filed_on = _date("Ngày khiếu nại")
    outcome = forms.ChoiceField(label="Kết quả giải quyết", required=False,
                                choices=[("", "Đang giải quyết"), *rules.APPEAL_OUTCOME_LABELS.items()])
    decided_on = _date("Ngày giải quyết", False)
    new_form = forms.ChoiceField(label="Hình thức mới (nếu thay đổi)", required=False,
                                 choices=[("", "—"), *rules.FORM_LABELS.items()])


class ApproveForm(CheckedForm):
    approved_on = _date("Ngày chuẩn y")


class PostponementForm(ScopedForm):
    member_code = _member_code()
    reason = forms.ChoiceField(label="Lý do", choices=list(rules.POSTPONEMENT_LABELS.items()))
    start = _date("Từ ngày")
    end = _date("Đến ngày", False)
    child_born_on = _date("Ngày sinh của con (nuôi con dưới 12 tháng)", False)


class ConsolidationForm(ScopedForm):
    causes = forms.CharField(label="Nguyên nhân", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    measures = forms.CharField(label="Giải pháp", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    member_code = _member_code("Cấp ủy viên phụ trách (số CCCD hoặc số thẻ)")


class MilestoneForm(CheckedForm):
    title = forms.CharField(label="Mốc thực hiện", max_length=255)
    due = _date("Thời hạn")


class ExitForm(CheckedForm):
    decision_number = forms.CharField(label="Số quyết định, thông báo công nhận", max_length=60)
    on = _date("Ngày công nhận")


def member_of(form) -> Member | None:
    return form.cleaned_data.get("member")
