"""The registry of party documents, their links, their targets (chỉ tiêu) and progress reports.

A document is issued by an `Issuer`: a committee or one of its bodies (Tỉnh ủy, Ban Thường vụ,
Ban Tổ chức Tỉnh ủy, Đảng ủy Khối...) attached to an Organization, or a central body (Bộ Chính
trị, Ban Bí thư, Ban Chấp hành Trung ương) with no organization. Numbers are stored in the
canonical form of `numbering.py`; the series of a number is (issuer organization, issuer code,
type code, term) as HD 36-HD/VPTW says (year when no term is known).
"""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from dangbo.core import vn
from dangbo.core.versioning import Versioned
from dangbo.documents import numbering

DOCUMENT_TYPE_CHOICES = [(t.key, t.name) for t in numbering.DOCUMENT_TYPES]


class IssuerKind(models.TextChoices):
    CENTRAL = "trung_uong", "Cơ quan Trung ương"
    COMMITTEE = "cap_uy", "Cấp ủy, ban thường vụ"
    ADVISORY = "tham_muu", "Cơ quan tham mưu, giúp việc"
    INSPECTION = "kiem_tra", "Ủy ban kiểm tra"
    CONGRESS = "dai_hoi", "Đại hội"
    OTHER = "khac", "Khác"


class Issuer(models.Model):
    """Who signs documents under one symbol code ("TU", "BTCTU", "ĐUK", "TW").

    Central bodies have no organization: their documents are visible to every logged-in user.
    Bodies that share a code and an organization (Bộ Chính trị, Ban Bí thư and the BCH TW all
    write "/TW") share one numbering series.
    """

    name = models.CharField("Cơ quan ban hành", max_length=255)
    code = models.CharField("Ký hiệu", max_length=40, help_text="Ví dụ TU, ĐUK, BTCTU, TW")
    kind = models.CharField("Loại cơ quan", max_length=12, choices=IssuerKind.choices, default=IssuerKind.COMMITTEE)
    organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="document_issuers",
        verbose_name="Thuộc tổ chức đảng",
    )

    class Meta:
        verbose_name = "Cơ quan ban hành"
        verbose_name_plural = "Cơ quan ban hành"
        ordering = ["organization__path", "name"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="issuer_unique_name_per_org")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_central(self) -> bool:
        return self.organization_id is None


class DocumentStatus(models.TextChoices):
    DRAFT = "du_thao", "Dự thảo"
    ISSUED = "ban_hanh", "Ban hành"
    EXPIRED = "het_hieu_luc", "Hết hiệu lực"


class ImplementationLevel(models.TextChoices):
    """Who must issue an implementing document (kế hoạch thực hiện)."""

    NONE = "", "Không yêu cầu"
    CHILDREN = "truc_thuoc", "Các tổ chức đảng trực thuộc"
    GRASSROOTS = "co_so", "Các tổ chức cơ sở đảng"


class Document(Versioned):
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="documents", verbose_name="Cơ quan ban hành")
    co_issuers = models.ManyToManyField(Issuer, blank=True, related_name="joint_documents", verbose_name="Cơ quan liên tịch")
    doc_type = models.CharField("Loại văn bản", max_length=20, choices=DOCUMENT_TYPE_CHOICES)
    # Canonical symbol "02-NQ/ĐUK" (no "Số "), with its parts for series queries. Drafts may have none.
    number = models.CharField("Số, ký hiệu", max_length=80, blank=True)
    sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    type_code = models.CharField(max_length=8, blank=True, editable=False)
    issued_on = models.DateField("Ngày ban hành")
    title = models.CharField("Trích yếu", max_length=500)
    term = models.ForeignKey("orgs.Term", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents",
                             verbose_name="Nhiệm kỳ")
    khoa = models.PositiveSmallIntegerField("Khóa", null=True, blank=True, help_text="Cấp ủy khóa (số thứ tự đại hội)")
    # Numbering period when no term is known (numbering.numbering_period).
    series_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    status = models.CharField("Trạng thái", max_length=14, choices=DocumentStatus.choices, default=DocumentStatus.ISSUED)
    restricted = models.BooleanField(
        "Hạn chế phạm vi", default=False,
        help_text="Chỉ cấp ủy và cán bộ của cơ quan ban hành (và cấp trên) xem được.",
    )
    body = models.TextField("Nội dung", blank=True)
    # Text of the attached files (Attachment), kept here for search.
    file_text = models.TextField(blank=True, editable=False)
    implementation_level = models.CharField(
        "Yêu cầu cấp dưới ban hành văn bản thực hiện", max_length=12, choices=ImplementationLevel.choices,
        default=ImplementationLevel.NONE, blank=True,
    )
    implementation_deadline = models.DateField("Hạn ban hành văn bản thực hiện", null=True, blank=True)
    # Folded (no diacritics, lower case) number, type, issuer, title and text, for search.
    search_text = models.TextField(default="", editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Văn bản"
        verbose_name_plural = "Văn bản"
        ordering = ["-issued_on", "-id"]
        indexes = [
            models.Index(fields=["issuer", "type_code", "sequence"], name="document_series"),
            models.Index(fields=["issued_on"], name="document_date"),
            models.Index(fields=["number"], name="document_number"),
            # Search ranks the documents numbered as the query first, newest first (documents.search).
            models.Index(fields=["sequence", "issued_on"], name="document_sequence_date"),
        ]

    def __str__(self) -> str:
        """"Nghị quyết số 02-NQ/ĐUK" as running text cites it; a draft by its title."""
        return f"{self.type_name} số {self.number}" if self.number else f"{self.type_name}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def type_name(self) -> str:
        return numbering.TYPES_BY_KEY[self.doc_type].name if self.doc_type in numbering.TYPES_BY_KEY else ""

    @property
    def display_number(self) -> str:
        return f"Số {self.number}" if self.number else ""

    @property
    def khoa_display(self) -> str:
        return f"khóa {vn.to_roman(self.khoa)}" if self.khoa else ""

    @property
    def organization(self):
        """The issuing organization (None for central bodies); audit entries file under it."""
        return self.issuer.organization

    @property
    def organization_id(self) -> int | None:
        return self.issuer.organization_id if self.issuer_id else None

    def build_search_text(self) -> str:
        parts = [self.number, self.type_name, self.title, self.issuer.name if self.issuer_id else "",
                 self.issuer.code if self.issuer_id else "", self.khoa_display, self.body, self.file_text]
        if self.sequence:
            parts.append(f"{self.sequence} {self.sequence:02d}")
        return vn.fold(" ".join(p for p in parts if p))


class Attachment(models.Model):
    """An attached PDF or DOCX; its text is extracted at upload (extraction.py) for search."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("Tệp", upload_to="van-ban/%Y/")
    original_name = models.CharField("Tên tệp", max_length=255)
    text = models.TextField(blank=True, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Tệp đính kèm"
        ordering = ["document", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class LinkKind(models.TextChoices):
    IMPLEMENTS = "thuc_hien", "Thực hiện"
    REPLACES = "thay_the", "Thay thế"
    AMENDS = "sua_doi", "Sửa đổi, bổ sung"
    GUIDES = "huong_dan", "Hướng dẫn thực hiện"
    REVIEWS = "so_tong_ket", "Sơ kết, tổng kết"


# How the link reads from the other end ("được ... bởi").
LINK_INVERSE_LABELS = {
    LinkKind.IMPLEMENTS: "Được thực hiện bởi",
    LinkKind.REPLACES: "Bị thay thế bởi",
    LinkKind.AMENDS: "Được sửa đổi, bổ sung bởi",
    LinkKind.GUIDES: "Được hướng dẫn bởi",
    LinkKind.REVIEWS: "Được sơ kết, tổng kết bởi",
}


class DocumentLink(models.Model):
    """`source` implements / replaces / amends / guides / reviews `target`."""

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField("Quan hệ", max_length=14, choices=LinkKind.choices)
    note = models.CharField("Ghi chú", max_length=255, blank=True)

    class Meta:
        verbose_name = "Liên kết văn bản"
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="document_link_unique"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="document_link_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.source} — {self.get_kind_display()} — {self.target}"


class Measure(models.TextChoices):
    PERCENT = "ty_le", "Tỷ lệ phần trăm"
    COUNT = "so_luong", "Số lượng"
    RATIO = "ti_so", "Tỉ số"


class Comparator(models.TextChoices):
    AT_LEAST = "gte", "≥ (từ ... trở lên)"
    MORE_THAN = "gt", "> (trên)"
    EQUAL = "eq", "= (bằng)"
    AT_MOST = "lte", "≤ (không quá)"
    LESS_THAN = "lt", "< (dưới)"


class Cadence(models.TextChoices):
    BY_DEADLINE = "han", "Đến thời hạn"
    YEARLY = "hang_nam", "Hằng năm"


class Target(models.Model):
    """A chỉ tiêu set by a document: "có từ 90% TCCSĐ trở lên đạt trong sạch, vững mạnh"."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField("Thứ tự", default=1)
    wording = models.TextField("Nội dung chỉ tiêu")
    measure = models.CharField("Loại số đo", max_length=10, choices=Measure.choices, default=Measure.PERCENT)
    comparator = models.CharField("So sánh", max_length=3, choices=Comparator.choices, default=Comparator.AT_LEAST)
    target_value = models.DecimalField("Giá trị chỉ tiêu", max_digits=14, decimal_places=2)
    unit = models.CharField("Đơn vị", max_length=60, blank=True, default="%")
    cadence = models.CharField("Thời hạn", max_length=10, choices=Cadence.choices, default=Cadence.BY_DEADLINE)
    deadline = models.DateField("Hạn hoàn thành", null=True, blank=True)
    start_year = models.PositiveSmallIntegerField("Từ năm", null=True, blank=True)
    end_year = models.PositiveSmallIntegerField("Đến năm", null=True, blank=True)
    applies_to = models.ManyToManyField("orgs.Organization", blank=True, related_name="document_targets",
                                        verbose_name="Áp dụng cho")

    class Meta:
        verbose_name = "Chỉ tiêu"
        verbose_name_plural = "Chỉ tiêu"
        ordering = ["document", "order", "id"]

    def __str__(self) -> str:
        return self.wording[:120]

    def get_absolute_url(self) -> str:
        return reverse("documents:target", args=[self.pk])

    @property
    def organization_id(self) -> int | None:
        return self.document.organization_id

    @property
    def rule_text(self) -> str:
        from dangbo.documents.targets import describe_rule

        return describe_rule(self.comparator, self.target_value, self.unit, self.measure)


class ProgressReport(models.Model):
    """A measured value of a target for one period, with where the figure comes from.

    organization None = the figure for the whole target (the issuer's organization);
    otherwise the figure of one organization the target applies to.
    """

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="reports")
    organization = models.ForeignKey("orgs.Organization", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="target_reports", verbose_name="Tổ chức đảng")
    period_label = models.CharField("Kỳ báo cáo", max_length=60, help_text="Ví dụ: Năm 2013, 6 tháng đầu năm 2019")
    period_start = models.DateField("Từ ngày", null=True, blank=True)
    period_end = models.DateField("Đến ngày")
    value = models.DecimalField("Giá trị đạt được", max_digits=14, decimal_places=2)
    numerator = models.DecimalField("Tử số", max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField("Mẫu số", max_digits=14, decimal_places=2, null=True, blank=True)
    source_note = models.CharField("Nguồn số liệu", max_length=500, blank=True)
    source_document = models.ForeignKey(Document, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="reported_progress", verbose_name="Văn bản báo cáo")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Kết quả thực hiện chỉ tiêu"
        ordering = ["target", "period_end", "id"]
        indexes = [models.Index(fields=["target", "organization", "period_end"], name="progress_target_period")]

    def __str__(self) -> str:
        return f"{self.period_label}: {self.value}"
