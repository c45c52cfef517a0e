"""Party organizations as a tree, with terms, committee positions and restructuring history.

The tree keeps `parent`, a materialized `path` (for depth-first display order) and a closure
table (`OrgClosure`: every ancestor/descendant pair) so that "the whole subtree of X" is one
indexed join on SQLite and PostgreSQL alike, never recursion in Python (DESIGN.md: Tree).
"""
from __future__ import annotations

from django.db import models
from django.urls import reverse

from dangbo.core import vn
from dangbo.core.versioning import Versioned


class OrgKind(models.TextChoices):
    """Kinds of party organization (DOMAIN.md §6.1); not tied to a fixed number of tiers."""

    CENTRAL = "trung_uong", "Trung ương"
    PROVINCIAL = "tinh", "Đảng bộ tỉnh, thành phố"
    CENTRAL_BLOC = "truc_thuoc_tw", "Đảng bộ trực thuộc Trung ương"
    UPPER_GRASSROOTS = "cap_tren_co_so", "Đảng bộ cấp trên cơ sở"
    GRASSROOTS_COMMITTEE = "dang_bo_co_so", "Đảng bộ cơ sở"
    GRASSROOTS_CELL = "chi_bo_co_so", "Chi bộ cơ sở"
    PARTIAL_COMMITTEE = "dang_bo_bo_phan", "Đảng bộ bộ phận"
    CELL = "chi_bo", "Chi bộ trực thuộc"
    GROUP = "to_dang", "Tổ đảng"


# Grassroots party organizations (tổ chức cơ sở đảng, TCCSĐ): the unit of most targets.
GRASSROOTS_KINDS = (OrgKind.GRASSROOTS_COMMITTEE, OrgKind.GRASSROOTS_CELL)
# Organizations whose members meet as one chi bộ.
CELL_KINDS = (OrgKind.GRASSROOTS_CELL, OrgKind.CELL)

PATH_SEGMENT_WIDTH = 9


def name_keys(name: str, short_name: str = "", code: str = "") -> tuple[str, str]:
    """(sort key, search text) of an organization: Vietnamese order of the name; the name,
    short name and code without diacritics for search."""
    return vn.text_sort_key(name), " ".join(part for part in (vn.fold(name), vn.fold(short_name), vn.fold(code)) if part)


class Organization(Versioned):
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children",
        verbose_name="Trực thuộc",
    )
    kind = models.CharField("Loại tổ chức", max_length=20, choices=OrgKind.choices)
    code = models.CharField("Mã", max_length=40, unique=True)
    name = models.CharField("Tên", max_length=255)
    short_name = models.CharField("Tên viết tắt", max_length=60, blank=True)
    established = models.DateField("Ngày thành lập", null=True, blank=True)
    dissolved = models.DateField("Ngày giải thể, sáp nhập", null=True, blank=True)
    # Ids of the root-to-node chain, fixed width: "000000001000000042". Display order only;
    # subtree membership goes through OrgClosure.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    # Digits-only Vietnamese alphabetical key of the name (core.vn.text_sort_key) and the name,
    # short name and code folded for accent-insensitive search ("binh lu" finds "Bình Lư").
    # db_default too: bulk loaders that name their columns still get a value.
    sort_key = models.CharField(max_length=400, editable=False, default="", db_default="")
    search_name = models.CharField(max_length=400, editable=False, default="", db_default="")

    class Meta:
        verbose_name = "Tổ chức đảng"
        verbose_name_plural = "Tổ chức đảng"
        ordering = ["path"]
        indexes = [models.Index(fields=["parent", "name"]), models.Index(fields=["sort_key"], name="org_sort")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key, self.search_name = name_keys(self.name, self.short_name, self.code)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name", "short_name", "code"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "sort_key", "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("orgs:detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.dissolved is None

    @property
    def is_grassroots(self) -> bool:
        return self.kind in GRASSROOTS_KINDS

    @property
    def is_cell(self) -> bool:
        return self.kind in CELL_KINDS

    def ancestors(self) -> models.QuerySet[Organization]:
        """Root first, self excluded."""
        return Organization.objects.filter(
            descendant_links__descendant=self, descendant_links__depth__gt=0
        ).order_by("depth")

    def subtree(self) -> models.QuerySet[Organization]:
        """Self and every descendant, in one join on the closure table."""
        return Organization.objects.filter(ancestor_links__ancestor=self)


class OrgClosure(models.Model):
    """One row per (ancestor, descendant) pair, depth 0 for the node itself."""

    pk = models.CompositePrimaryKey("ancestor_id", "descendant_id")
    # The primary key (ancestor, descendant) and orgclosure_desc_anc serve both directions:
    # no separate foreign-key indexes.
    ancestor = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="descendant_links",
                                 db_index=False)
    descendant = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ancestor_links",
                                   db_index=False)
    depth = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "Quan hệ cấp trên, cấp dưới"
        indexes = [models.Index(fields=["descendant", "ancestor"], name="orgclosure_desc_anc")]


class Term(models.Model):
    """Nhiệm kỳ: the term of an organization's committee, from congress to congress."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField("Nhiệm kỳ", max_length=20, help_text="Ví dụ 2020-2025")
    congress_ordinal = models.PositiveSmallIntegerField("Đại hội lần thứ", null=True, blank=True)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày", null=True, blank=True)

    class Meta:
        verbose_name = "Nhiệm kỳ"
        ordering = ["organization", "-start"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="term_unique_per_org")]

    def __str__(self) -> str:
        return f"Nhiệm kỳ {self.name}"


class PositionKind(models.TextChoices):
    SECRETARY = "bi_thu", "Bí thư"
    DEPUTY_SECRETARY = "pho_bi_thu", "Phó Bí thư"
    STANDING_COMMITTEE = "uv_btv", "Ủy viên Ban Thường vụ"
    EXECUTIVE_COMMITTEE = "uv_bch", "Ủy viên Ban Chấp hành"
    CELL_COMMITTEE = "chi_uy_vien", "Chi ủy viên"


class Position(models.Model):
    """A committee position held by a member over a date range."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="positions")
    term = models.ForeignKey(Term, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions")
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="positions")
    kind = models.CharField("Chức vụ", max_length=20, choices=PositionKind.choices)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày", null=True, blank=True)
    decision_number = models.CharField("Số quyết định", max_length=60, blank=True)

    class Meta:
        verbose_name = "Chức vụ trong cấp ủy"
        ordering = ["organization", "kind", "start"]
        indexes = [models.Index(fields=["organization", "end"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.member}"


class ChangeKind(models.TextChoices):
    ESTABLISH = "establish", "Thành lập"
    RENAME = "rename", "Đổi tên"
    MOVE = "move", "Chuyển trực thuộc"
    MERGE = "merge", "Hợp nhất, sáp nhập"
    SPLIT = "split", "Chia tách"
    DISSOLVE = "dissolve", "Giải thể"


class OrgChange(models.Model):
    """Restructuring history: what happened to which organizations, by which decision."""

    kind = models.CharField("Loại thay đổi", max_length=20, choices=ChangeKind.choices)
    date = models.DateField("Ngày hiệu lực")
    decision_number = models.CharField("Số quyết định", max_length=60, blank=True)
    note = models.TextField("Ghi chú", blank=True)
    sources = models.ManyToManyField(Organization, related_name="changes_as_source", blank=True)
    results = models.ManyToManyField(Organization, related_name="changes_as_result", blank=True)
    old_name = models.CharField(max_length=255, blank=True)
    new_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Thay đổi tổ chức"
        ordering = ["-date", "-id"]
