"""The validation layer (core/validation.py) applied to model instances before they are saved.

Every save of a dangbo model passes `check_instance` (a pre_save hook, see CoreConfig.ready),
so no path — form, API, import, extraction, shell — can store what the rules refuse, on
SQLite as on PostgreSQL:
- text fields: no forbidden character, at most max_length characters (SQLite ignores
  max_length), TextFields at most TEXT_LIMIT (LONG_TEXT_FIELDS more);
- a column that may not be NULL gets no None; a field with choices gets one of them;
- integers fit their column (the same range on both databases) and, for years, ordinals
  and "khóa", their meaning (DOMAIN_BOUNDS); decimals fit their digits.
Problems raise django's ValidationError({field: "Vietnamese message"}), which forms show
beside the field and the API answers as 422. Bulk writes call `check_instances` first.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from dangbo.core import validation

# Full texts of articles and documents: far longer than a note.
LONG_TEXT_FIELDS = {
    ("ingest", "source", "text"), ("ingest", "fact", "text"), ("documents", "document", "body"),
    ("documents", "document", "file_text"), ("documents", "document", "search_text"),
    ("documents", "attachment", "text"), ("congress", "paragraph", "text"),
    ("audit", "auditentry", "note"),
}
# Integer columns: the same bounds on both databases (SQLite would store any 64-bit value).
_INTEGER_RANGES = BaseDatabaseOperations.integer_field_ranges
# Integer fields whose meaning is narrower than their column, by field name, in every app.
DOMAIN_BOUNDS = {
    "year": (validation.YEAR_MIN, validation.YEAR_MAX),
    "start_year": (validation.YEAR_MIN, validation.YEAR_MAX),
    "end_year": (validation.YEAR_MIN, validation.YEAR_MAX),
    "khoa": (1, validation.ORDINAL_MAX),
    "ordinal": (1, validation.ORDINAL_MAX),
    "congress_ordinal": (1, validation.ORDINAL_MAX),
}
_MULTILINE = (models.TextField,)


def text_limit(field: models.Field) -> int:
    if field.max_length:
        return field.max_length
    meta = field.model._meta
    if (meta.app_label, meta.model_name, field.name) in LONG_TEXT_FIELDS:
        return validation.LONG_TEXT_LIMIT
    return validation.TEXT_LIMIT


def field_problem(field: models.Field, value) -> str | None:
    """The Vietnamese message for a value `field` may not store, or None."""
    if hasattr(value, "resolve_expression"):
        return None  # computed by the database (F("version") + 1): nothing typed by a user
    if value is None:
        if field.null or field.primary_key or isinstance(field, models.AutoField):
            return None
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return None  # filled in by the field itself during the save
        return "Bắt buộc, chưa có giá trị."
    try:
        if isinstance(field, (models.CharField, models.TextField)) and isinstance(value, str):
            validation.check_text(value, max_length=text_limit(field), multiline=True)
        elif isinstance(field, models.DecimalField):
            validation.check_decimal(value, max_digits=field.max_digits, decimal_places=field.decimal_places)
        elif isinstance(field, models.IntegerField) and not isinstance(value, bool):
            low, high = DOMAIN_BOUNDS.get(field.name) or _INTEGER_RANGES.get(field.get_internal_type(), (None, None))
            validation.check_integer(value, low, high)
    except validation.InvalidInput as error:
        return str(error)
    if field.choices and value not in ("", None) and not field.is_relation:
        allowed = {key for key, _ in field.flatchoices}
        if value not in allowed:
            return f"Giá trị «{value}» không hợp lệ."
    return None


def check_instance(instance: models.Model) -> None:
    """Raise ValidationError({field: message}) when `instance` holds a value its model refuses."""
    problems = {}
    for field in instance._meta.concrete_fields:
        if field.is_relation:
            continue
        problem = field_problem(field, getattr(instance, field.attname))
        if problem:
            problems[field.name] = problem
    if problems:
        raise ValidationError(problems)


def check_instances(instances: Iterable[models.Model]) -> None:
    """check_instance for a batch before bulk_create (which sends no pre_save)."""
    for instance in instances:
        check_instance(instance)


def check_before_save(sender, instance, raw=False, **kwargs) -> None:
    """pre_save receiver; fixtures loaded raw (loaddata) are trusted as they are."""
    if not raw:
        check_instance(instance)
