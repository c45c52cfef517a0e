"""Annual quality ratings of members and organizations, their periods and targets.

Every rating row stores the organization it belongs to at rating time (the chi bộ for a
member, the rated organization itself for an organization) with a covering index on
(year, organization, level): roll-ups count per organization from the index alone and
then push the sums up the closure table (DESIGN.md "Ratings and roll-ups").
"""
from __future__ import annotations

from django.conf import settings
from django.db import models

from dangbo.core.versioning import Versioned
from dangbo.ratings import rules
from dangbo.rollups.models import SubtreeSummary


class Level(models.TextChoices):
    HTXSNV = rules.HTXSNV, rules.LEVEL_LABELS[rules.HTXSNV]
    HTTNV = rules.HTTNV, rules.LEVEL_LABELS[rules.HTTNV]
    HTNV = rules.HTNV, rules.LEVEL_LABELS[rules.HTNV]
    KHTNV = rules.KHTNV, rules.LEVEL_LABELS[rules.KHTNV]


class PeriodStatus(models.TextChoices):
    OPEN = "open", "Đang mở"
    CLOSED = "closed", "Đã khóa"


class RatingPeriod(models.Model):
    """The review of one year for an organization's whole subtree.

    Ratings of a year can be written in an organization only while a period of that year
    covers it (at the organization or an ancestor) and none of the covering periods is
    closed. Closing needs a clean validation; reopening is audited with its reason.
    """

    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="rating_periods",
                                      verbose_name="Tổ chức")
    year = models.PositiveSmallIntegerField("Năm")
    status = models.CharField("Trạng thái", max_length=10, choices=PeriodStatus.choices, default=PeriodStatus.OPEN)
    rule_set = models.CharField("Quy định áp dụng", max_length=20)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    note = models.TextField("Ghi chú", blank=True)

    class Meta:
        verbose_name = "Đợt xếp loại"
        ordering = ["-year", "organization__path"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="rating_period_unique")]

    def __str__(self) -> str:
        return f"Xếp loại năm {self.year} — {self.organization}"

    @property
    def is_open(self) -> bool:
        return self.status == PeriodStatus.OPEN


class RatingFields(Versioned):
    year = models.PositiveSmallIntegerField("Năm")
    level = models.CharField("Mức xếp loại", max_length=8, choices=Level.choices)
    rated_on = models.DateField("Ngày xếp loại")
    rated_by = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="+",
                                 verbose_name="Cấp quyết định xếp loại")
    # Kept in step with the discipline register (inspection app): a decision in force that took
    # effect in the year sets it, an appeal that annuls it clears it. Ratings entered before the
    # register carry the flag their users set by hand in `disciplined_by_hand` (kept as history).
    disciplined = models.BooleanField("Bị kỷ luật trong năm", default=False)
    # db_default: raw COPY loads that do not name the column still work.
    disciplined_by_hand = models.BooleanField("Bị kỷ luật trong năm (ghi tay, trước khi có sổ kỷ luật)",
                                              default=False, db_default=False, editable=False)
    remedied = models.BooleanField("Tự phát hiện, khắc phục vi phạm", default=False)
    notes = models.TextField("Ghi chú", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def flags(self) -> frozenset[str]:
        return frozenset(name for name in ("disciplined", "violations", "subordinate_disciplined")
                         if getattr(self, name, False))


class MemberRating(RatingFields):
    member = models.ForeignKey("members.Member", on_delete=models.CASCADE, related_name="ratings",
                               verbose_name="Đảng viên", db_index=False)  # member_rating_unique leads with it
    # The cell the member belonged to when rated; roll-ups count by it.
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="member_ratings",
                                     verbose_name="Chi bộ")

    class Meta:
        verbose_name = "Xếp loại đảng viên"
        ordering = ["-year", "member__sort_key"]
        constraints = [models.UniqueConstraint(fields=["member", "year"], name="member_rating_unique")]
        indexes = [models.Index(fields=["year", "organization", "level"], name="member_rating_rollup")]

    def __str__(self) -> str:
        return f"{self.member} — {self.year}: {self.get_level_display()}"


class OrgRating(RatingFields):
    organization = models.ForeignKey("orgs.Organization", on_delete=models.PROTECT, related_name="ratings",
                                     verbose_name="Tổ chức đảng")
    violations = models.BooleanField("Có vi phạm", default=False)
    subordinate_disciplined = models.BooleanField("Có tổ chức trực thuộc/cá nhân trong tập thể lãnh đạo bị kỷ luật",
                                                  default=False)

    class Meta:
        verbose_name = "Xếp loại tổ chức đảng"
        ordering = ["-year", "organization__path"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"], name="org_rating_unique")]
        indexes = [models.Index(fields=["year", "organization", "level"], name="org_rating_rollup")]

    def __str__(self) -> str:
        return f"{self.organization} — {self.year}: {self.get_level_display()}"


class TargetSubject(models.TextChoices):
    MEMBERS = "members", "Đảng viên"
    GRASSROOTS = "grassroots", "Tổ chức cơ sở đảng"


class RatingTarget(models.Model):
    """A target of a resolution ("≥ 95% TCCSĐ hoàn thành tốt nhiệm vụ trở lên") for a year.

    It applies to the organization's whole subtree and is judged for the organization and
    for each of its direct child units on the roll-up screen.
    """

    organization = models.ForeignKey("orgs.Organization", on_delete=models.CASCADE, related_name="rating_targets",
                                     verbose_name="Tổ chức")
    year = models.PositiveSmallIntegerField("Năm")
    subject = models.CharField("Đối tượng", max_length=12, choices=TargetSubject.choices)
    min_level = models.CharField("Từ mức", max_length=8, choices=Level.choices)
    min_percent = models.DecimalField("Tỷ lệ tối thiểu (%)", max_digits=5, decimal_places=2)
    source = models.CharField("Nguồn chỉ tiêu", max_length=255, blank=True,
                              help_text="Ví dụ: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV")

    class Meta:
        verbose_name = "Chỉ tiêu xếp loại"
        ordering = ["organization__path", "year", "subject", "min_level"]
        indexes = [models.Index(fields=["year", "organization"], name="rating_target_year_org")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from dangbo.core import vn

        return (f"{vn.format_percent(self.min_percent)} {self.get_subject_display().lower()} "
                f"{Level(self.min_level).label.lower()} trở lên")


class RatingSummary(SubtreeSummary):
    """Maintained roll-up (dangbo/rollups): members and grassroots organizations rated at each
    level in the organization's whole subtree for one year. Kept by ratings/summary.py."""

    members_htxsnv = models.IntegerField(default=0)
    members_httnv = models.IntegerField(default=0)
    members_htnv = models.IntegerField(default=0)
    members_khtnv = models.IntegerField(default=0)
    grassroots_htxsnv = models.IntegerField(default=0)
    grassroots_httnv = models.IntegerField(default=0)
    grassroots_htnv = models.IntegerField(default=0)
    grassroots_khtnv = models.IntegerField(default=0)

    class Meta(SubtreeSummary.Meta):
        verbose_name = "Tổng hợp xếp loại theo cây tổ chức"
