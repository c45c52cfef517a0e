"""The personal fields a member record and an admission candidate share (same columns, same
labels, same name normalization), so a candidate becomes a member without any field mapping."""
from __future__ import annotations

from django.db import models

from dangbo.core import vn


class Gender(models.TextChoices):
    MALE = "nam", "Nam"
    FEMALE = "nu", "Nữ"


class PersonalDetails(models.Model):
    """Abstract: name (with its Vietnamese sort key and folded search form), birth date, gender,
    ethnicity, religion, home town, citizen ID, phone, schooling, occupation."""

    full_name = models.CharField("Họ và tên", max_length=120)
    # Digits-only Vietnamese order key (given, middle, family name) and folded name for search.
    sort_key = models.CharField(max_length=200, editable=False, default="")
    search_name = models.CharField(max_length=120, editable=False, default="")
    birth_date = models.DateField("Ngày sinh")
    gender = models.CharField("Giới tính", max_length=3, choices=Gender.choices)
    ethnicity = models.CharField("Dân tộc", max_length=40, default="Kinh")
    religion = models.CharField("Tôn giáo", max_length=40, default="Không", blank=True)
    home_town = models.CharField("Quê quán", max_length=255, blank=True)
    citizen_id = models.CharField("Số CCCD", max_length=12, null=True, blank=True)
    phone = models.CharField("Số điện thoại", max_length=20, blank=True)
    education = models.CharField("Giáo dục phổ thông", max_length=20, blank=True, help_text="Ví dụ 12/12")
    occupation = models.CharField("Nghề nghiệp", max_length=120, blank=True)

    # Copied from a candidate onto the member record the admission ceremony creates.
    PERSONAL_FIELDS = ("full_name", "birth_date", "gender", "ethnicity", "religion", "home_town", "citizen_id",
                       "phone", "education", "occupation")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.full_name

    def normalize_name(self) -> None:
        self.full_name = vn.nfc(self.full_name)
        self.sort_key = vn.name_sort_key(self.full_name)
        self.search_name = vn.fold(self.full_name)

    def save(self, *args, **kwargs):
        self.normalize_name()
        super().save(*args, **kwargs)

    def personal_details(self) -> dict:
        return {name: getattr(self, name) for name in self.PERSONAL_FIELDS}
