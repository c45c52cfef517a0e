"""The extraction review queue: source texts and the facts found in them, waiting for a reviewer.

A `Source` is one article or document text (uploaded file or pasted), normalised to NFC and
identified by the SHA-256 of that normalised text within its organization, so ingesting the
same text twice finds the same source and adds no facts. Each `Fact` is one span of the text
that the extractor (dangbo.extract) recognised: a document reference, a target, a statistic,
a person with positions, a congress. A reviewer accepts, corrects or rejects it; accepting
turns it into registry records, which keep a link back to the fact and so to the passage.
"""
from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse

from dangbo.core import vn


class Source(models.Model):
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="ingest_sources", verbose_name="Tổ chức đảng",
    )
    title = models.CharField("Tiêu đề", max_length=500)
    text = models.TextField("Nội dung (NFC)")
    sha256 = models.CharField(max_length=64, editable=False)
    file_name = models.CharField("Tệp gốc", max_length=255, blank=True)
    article_date = models.DateField("Ngày bài viết", null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name="Người nạp")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Nguồn trích xuất"
        verbose_name_plural = "Nguồn trích xuất"
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["organization", "sha256"], name="ingest_source_unique_text")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ingest:source", args=[self.pk])


class FactKind(models.TextChoices):
    DOCUMENT = "document", "Văn bản"
    TARGET = "target", "Chỉ tiêu"
    STATISTIC = "statistic", "Số liệu"
    PERSON = "person", "Nhân sự"
    CONGRESS = "congress", "Đại hội"
    LINK = "link", "Liên kết văn bản"


# The extractor's to_json() key for each kind.
JSON_KEYS = {
    "documents": FactKind.DOCUMENT,
    "targets": FactKind.TARGET,
    "statistics": FactKind.STATISTIC,
    "people": FactKind.PERSON,
    "congresses": FactKind.CONGRESS,
    "links": FactKind.LINK,
}


SUMMARY_LABELS = {
    "type": "Loại", "symbol": "Số, ký hiệu", "number": "Số", "type_code": "Ký hiệu loại", "issuer_code": "Cơ quan",
    "date": "Ngày", "title": "Trích yếu", "comparator": "So sánh", "value": "Giá trị", "unit": "Đơn vị",
    "year": "Năm", "name": "Họ tên", "positions": "Chức vụ", "ordinal": "Lần thứ", "term": "Nhiệm kỳ",
    "plenum": "Hội nghị", "period": "Kỳ",
}


COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "gte": "≥", "lte": "≤", "gt": ">",
                    "lt": "<", "eq": "="}


def vn_value(value, unit: str | None = None) -> str:
    """A figure as Vietnamese print it: 60137 -> "60.137", 3.76 with "%" -> "3,76%",
    "17/21" as it is; the unit follows ("1.200 đảng viên")."""
    if isinstance(value, bool) or value in (None, ""):
        return ""
    try:
        number = float(value)
    except (TypeError, ValueError):
        text = str(value)
    else:
        decimals = 0 if number == int(number) else min(4, len(repr(number).split(".")[1]))
        text = vn.format_number(number, decimals)
    if unit == "%":
        return text + "%"
    return f"{text} {unit}" if unit else text


def _reference_label(reference) -> str:
    """How a link's document reads in the review list."""
    if not reference:
        return "(chủ thể của bài viết, không nêu số)"
    return str(reference.get("text") or " ".join(str(reference.get(k) or "") for k in ("type", "number", "issuer_code")))


def _vn_date(value) -> str:
    """"2011-07-04" -> "04/07/2011"; anything else as it is."""
    try:
        return vn.format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


class FactStatus(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    ACCEPTED = "accepted", "Đã chấp nhận"
    REJECTED = "rejected", "Đã loại"


class Fact(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField("Loại", max_length=10, choices=FactKind.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField("Đoạn trích")
    payload = models.JSONField("Dữ liệu trích xuất", default=dict)
    corrected = models.JSONField("Dữ liệu đã sửa", null=True, blank=True)
    status = models.CharField("Trạng thái", max_length=10, choices=FactStatus.choices, default=FactStatus.PENDING)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name="Người duyệt")
    reviewed_at = models.DateTimeField("Thời điểm duyệt", null=True, blank=True)
    # What accepting made of it ("kept as a reviewed fact" when none of these is set).
    note = models.CharField("Kết quả", max_length=500, blank=True)
    document = models.ForeignKey("documents.Document", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="ingest_facts", verbose_name="Văn bản")
    target = models.ForeignKey("documents.Target", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="ingest_facts", verbose_name="Chỉ tiêu")
    progress_report = models.ForeignKey("documents.ProgressReport", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="ingest_facts", verbose_name="Kết quả thực hiện")
    member = models.ForeignKey("members.Member", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="ingest_facts", verbose_name="Đảng viên")
    positions = models.ManyToManyField("orgs.Position", blank=True, related_name="ingest_facts",
                                       verbose_name="Chức vụ")

    class Meta:
        verbose_name = "Dữ kiện trích xuất"
        verbose_name_plural = "Dữ kiện trích xuất"
        ordering = ["source", "start", "end", "id"]
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "start", "end"], name="ingest_fact_unique_span"),
        ]
        indexes = [models.Index(fields=["source", "status"], name="ingest_fact_source_status")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:80]}"

    def get_absolute_url(self) -> str:
        return f"{self.source.get_absolute_url()}#fact-{self.pk}"

    @property
    def organization_id(self) -> int:
        """Audit entries file under the source's organization."""
        return self.source.organization_id

    @property
    def data(self) -> dict:
        """The payload as the reviewer left it: the correction if any, else as extracted."""
        return self.corrected if self.corrected is not None else self.payload

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the data for the review list, in Vietnamese."""
        data = self.data
        if self.kind == FactKind.LINK:
            return self._link_summary(data)
        rows = []
        for key, label in SUMMARY_LABELS.items():
            value = data.get(key)
            if value in (None, "", []):
                continue
            if key == "unit" and value == "%":
                continue  # printed with the value: "3,76%"
            if isinstance(value, list):
                value = "; ".join(str(v) for v in value)
            elif key == "date":
                value = _vn_date(value)
            elif key == "value":
                value = vn_value(value, "%" if data.get("unit") == "%" else None)
            elif key == "comparator":
                value = COMPARATOR_SIGNS.get(str(value), value)
            rows.append((label, str(value)))
        return rows

    @staticmethod
    def _link_summary(data: dict) -> list[tuple[str, str]]:
        from dangbo.documents.models import LinkKind

        kind = data.get("kind")
        label = dict(LinkKind.choices).get(kind, kind or "")
        return [("Văn bản", _reference_label(data.get("source"))), ("Quan hệ", str(label)),
                ("Với văn bản", _reference_label(data.get("target")))]

    @property
    def is_pending(self) -> bool:
        return self.status == FactStatus.PENDING
