"""Upload form and the small per-kind correction forms of the review screen."""
from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError

from dangbo.core import validation, vn
from dangbo.core.forms import CheckedForm
from dangbo.documents import numbering
from dangbo.ingest import matching
from dangbo.ingest.models import Fact, FactKind, vn_value
from dangbo.orgs.widgets import OrganizationField

UPLOAD_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class UploadForm(CheckedForm):
    organization = OrganizationField(label="Thuộc tổ chức đảng", writable=True)
    file = forms.FileField(label="Tệp (TXT, DOCX, PDF, HTML)", required=False)
    text = forms.CharField(label="Hoặc dán nội dung", required=False, widget=forms.Textarea(attrs={"rows": 8}))
    title = forms.CharField(label="Tiêu đề (để trống: lấy dòng đầu)", required=False, max_length=500)
    article_date = forms.DateField(label="Ngày bài viết (dd/mm/yyyy)", required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if organizations.count() == 1:
            self.fields["organization"].initial = organizations.first()

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None:
            return None
        if PurePath(uploaded.name).suffix.lower() not in UPLOAD_SUFFIXES:
            raise ValidationError("Chỉ nhận tệp TXT, DOCX, PDF hoặc HTML.")
        if uploaded.size > MAX_UPLOAD_BYTES:
            raise ValidationError("Tệp quá lớn (tối đa 20 MB).")
        return uploaded

    def clean_text(self):
        # Pasted from a web page like an uploaded file's text: invisible characters (zero-width
        # spaces, direction marks) are dropped, as for files, rather than refused.
        return validation.strip_forbidden(self.cleaned_data.get("text") or "")

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise ValidationError("Chọn một tệp hoặc dán nội dung văn bản.")
        return data


DOCUMENT_TYPE_CHOICES = [("", "—")] + [(t.name, t.name) for t in numbering.DOCUMENT_TYPES]
COMPARATOR_CHOICES = [(">=", "≥ từ ... trở lên"), (">", "> trên"), ("=", "= đạt"), ("<=", "≤ không quá"), ("<", "< dưới")]


class CorrectionForm(CheckedForm):
    """Fields a reviewer may correct; `corrections()` gives the payload keys to store."""

    kind: str = ""

    def __init__(self, *args, fact: Fact, **kwargs):
        self.fact = fact
        super().__init__(*args, initial=kwargs.pop("initial", None) or self.initial_from(fact.data), **kwargs)

    def initial_from(self, data: dict) -> dict:
        return {name: data.get(name) for name in self.base_fields}

    def corrections(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name not in self.pick_fields}

    pick_fields: tuple[str, ...] = ()


class DocumentCorrection(CorrectionForm):
    type = forms.ChoiceField(label="Loại văn bản", choices=DOCUMENT_TYPE_CHOICES, required=False)
    symbol = forms.CharField(label="Số, ký hiệu (ví dụ 02-NQ/ĐUK)", required=False)
    date = forms.DateField(label="Ngày ban hành (dd/mm/yyyy)", required=False)
    title = forms.CharField(label="Trích yếu", required=False, max_length=500)
    issuer_name = forms.CharField(label="Tên cơ quan ban hành (nếu mới)", required=False, max_length=255)

    def initial_from(self, data):
        return {"type": data.get("type") or "", "symbol": matching.canonical_number(data) or "",
                "date": matching.parse_iso_date(data.get("date")), "title": data.get("title") or "",
                "issuer_name": data.get("issuer_name") or ""}

    def clean_symbol(self):
        symbol = vn.nfc(self.cleaned_data.get("symbol"))
        if not symbol:
            return ""
        try:
            return numbering.canonical(symbol)
        except numbering.DocumentNumberError as error:
            raise ValidationError(str(error))

    def corrections(self):
        data = self.cleaned_data
        parsed = numbering.parse(data["symbol"]) if data["symbol"] else None
        return {
            "type": data["type"] or self.fact.data.get("type"),
            "symbol": data["symbol"],
            "number": f"{parsed.sequence:02d}" if parsed else "",
            "type_code": parsed.type_code if parsed else self.fact.data.get("type_code"),
            "issuer_code": parsed.lead_issuer if parsed else self.fact.data.get("issuer_code"),
            "date": data["date"].isoformat() if data["date"] else None,
            "title": data["title"],
            "issuer_name": data["issuer_name"],
        }


class TargetCorrection(CorrectionForm):
    text = forms.CharField(label="Nội dung chỉ tiêu", widget=forms.Textarea(attrs={"rows": 2}))
    comparator = forms.ChoiceField(label="So sánh", choices=COMPARATOR_CHOICES, required=False)
    value = forms.CharField(label="Giá trị")
    unit = forms.CharField(label="Đơn vị", required=False, max_length=60)
    year = forms.IntegerField(label="Đến năm", required=False, min_value=1930, max_value=2100)
    document = forms.ChoiceField(label="Thuộc văn bản", required=False)
    pick_fields = ("document",)

    def __init__(self, *args, documents=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = {str(d.pk): d for d in documents}
        self.fields["document"].choices = [("", "Văn bản gần nhất đứng trước trong bài")] + [
            (pk, str(d)) for pk, d in self.documents.items()]

    def initial_from(self, data):
        initial = super().initial_from(data)
        initial["document"] = str(self.fact.document_id or "")
        initial["value"] = vn_value(data.get("value"))  # "60.137", "3,76": as the reviewer writes it
        return initial

    def clean_value(self):
        value = matching.to_decimal(self.cleaned_data.get("value"))
        if value is None:
            raise ValidationError("Cần một con số (ví dụ 90 hoặc 3,76).")
        return str(value)

    def picked_document(self):
        return self.documents.get(self.cleaned_data.get("document") or "")


class StatisticCorrection(CorrectionForm):
    text = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 2}))
    value = forms.CharField(label="Giá trị", required=False)
    unit = forms.CharField(label="Đơn vị", required=False, max_length=60)
    year = forms.IntegerField(label="Năm", required=False, min_value=1930, max_value=2100)
    target = forms.ChoiceField(label="Là kết quả của chỉ tiêu", required=False)
    pick_fields = ("target",)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {str(t.pk): t for t in targets}
        self.fields["target"].choices = [("", "Tự khớp theo nội dung (hoặc giữ làm số liệu)")] + [
            (pk, f"{t.document}: {str(t)[:90]}") for pk, t in self.targets.items()]

    def initial_from(self, data):
        initial = super().initial_from(data)
        initial["value"] = vn_value(data.get("value"))
        return initial

    def picked_target(self):
        return self.targets.get(self.cleaned_data.get("target") or "")


class PersonCorrection(CorrectionForm):
    name = forms.CharField(label="Họ và tên", max_length=120)
    positions = forms.CharField(label="Chức vụ (mỗi dòng một chức vụ)", required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))
    organization = forms.ChoiceField(label="Ghi chức vụ cấp ủy tại", required=False)
    pick_fields = ("organization",)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organizations = {str(o.pk): o for o in organizations}
        self.fields["organization"].choices = [("", "Tổ chức của nguồn")] + [
            (pk, o.name) for pk, o in self.organizations.items()]

    def initial_from(self, data):
        return {"name": data.get("name") or "", "positions": "\n".join(data.get("positions") or [])}

    def corrections(self):
        lines = [vn.nfc(line) for line in (self.cleaned_data.get("positions") or "").split("\n")]
        return {"name": self.cleaned_data["name"], "positions": [line for line in lines if line]}

    def picked_organization(self):
        return self.organizations.get(self.cleaned_data.get("organization") or "")


class CongressCorrection(CorrectionForm):
    text = forms.CharField(label="Đại hội", max_length=500)
    ordinal = forms.IntegerField(label="Lần thứ", required=False, min_value=1, max_value=200)
    term = forms.CharField(label="Nhiệm kỳ (ví dụ 2020-2025)", required=False, max_length=20)


class LinkCorrection(CorrectionForm):
    kind = forms.ChoiceField(label="Quan hệ")
    document = forms.ChoiceField(label="Văn bản thực hiện (nguồn của liên kết)", required=False)
    pick_fields = ("document",)

    def __init__(self, *args, documents=(), **kwargs):
        from dangbo.documents.models import LinkKind

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = LinkKind.choices
        self.documents = {str(d.pk): d for d in documents}
        self.fields["document"].choices = [("", "Văn bản bài viết nêu")] + [
            (pk, str(d)) for pk, d in self.documents.items()]

    def initial_from(self, data):
        return {"kind": data.get("kind") or "", "document": str(self.fact.document_id or "")}

    def picked_document(self):
        return self.documents.get(self.cleaned_data.get("document") or "")


CORRECTION_FORMS = {
    FactKind.DOCUMENT: DocumentCorrection,
    FactKind.TARGET: TargetCorrection,
    FactKind.STATISTIC: StatisticCorrection,
    FactKind.PERSON: PersonCorrection,
    FactKind.CONGRESS: CongressCorrection,
    FactKind.LINK: LinkCorrection,
}
