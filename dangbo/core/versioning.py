"""Optimistic locking for edit forms and API updates: no save silently overwrites another.

A versioned model carries a `version` number, raised by every save. An edit form or API
client sends back the version it read. When the row has moved on since then, the audit log
(every update records a before/after snapshot, version included) tells which fields the
others changed and what they were when the client read them. Fields only this client
changed are merged in; a field both changed to different values is a conflict: the save is
refused with EditConflict, which names the field, the value saved by the other person and
this client's value. Saves write only the fields that changed (update_fields), so concurrent
edits of different fields all survive.

Writers queue on the row: SELECT ... FOR UPDATE on PostgreSQL; on SQLite every transaction
starts IMMEDIATE (settings), which serializes writers.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from ninja import Schema

from dangbo.audit import log as audit
from dangbo.audit.models import AuditAction, AuditEntry
from dangbo.core import vn


class Versioned(models.Model):
    """Abstract base: a `version` raised by every save."""

    # db_default too: bulk loaders (COPY, executemany) that name their columns get 1 as well.
    version = models.PositiveIntegerField("Phiên bản", default=1, db_default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is None or kwargs.get("force_insert") or self._state.adding:
            super().save(*args, **kwargs)
            return
        # Raised in the UPDATE itself, so two saves never hand out the same number.
        self.version = models.F("version") + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
        self.refresh_from_db(fields=["version"])


@dataclass(frozen=True)
class Conflict:
    field: str
    label: str
    theirs: str  # the value saved meanwhile by someone else, as shown to users
    yours: str

    def as_dict(self) -> dict:
        return {"field": self.field, "label": self.label, "their_value": self.theirs, "your_value": self.yours}


class EditConflict(Exception):
    """A stale save that would overwrite someone else's change."""

    def __init__(self, conflicts: list[Conflict], current_version: int):
        self.conflicts = conflicts
        self.current_version = current_version
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [f"«{c.label}»: người khác đã lưu «{c.theirs}», bạn nhập «{c.yours}»" for c in self.conflicts]
        return ("Hồ sơ đã được người khác sửa trong lúc bạn đang sửa; chưa lưu thay đổi của bạn. "
                + "; ".join(parts) + ". Kiểm tra lại rồi bấm Lưu nếu vẫn muốn ghi giá trị của bạn.")

    def as_dict(self) -> dict:
        return {"detail": self.message, "current_version": self.current_version,
                "conflicts": [c.as_dict() for c in self.conflicts]}


class ConflictItem(Schema):
    field: str
    label: str
    their_value: str
    your_value: str


class ConflictOut(Schema):
    """API answer 409: what changed since the version the client sent."""

    detail: str
    current_version: int
    conflicts: list[ConflictItem]


def add_version_field(form: forms.BaseForm, version: int | None) -> None:
    """The hidden field that carries the version the user is editing back with the form."""
    form.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0,
                                                initial=version)


def show_conflict(form: forms.BaseForm, conflict: EditConflict) -> None:
    """Put the conflict on the form; the form keeps the user's values and now carries the
    current version, so saving again is a deliberate choice made after reading the message."""
    form.add_error(None, conflict.message)
    data = form.data.copy()
    data[form.add_prefix("version")] = str(conflict.current_version)
    form.data = data


def request_version(request, payload_version: int | None = None) -> int | None:
    """The version an API client read: the `version` field, or else the If-Match header."""
    if payload_version is not None:
        return payload_version
    return parse_version(request.headers.get("If-Match"))


def parse_version(value) -> int | None:
    """A version from a form field, API field or If-Match header ("3", "W/\"3\""); None if absent or unreadable."""
    if value is None or value == "":
        return None
    text = str(value).strip().removeprefix("W/").strip('"')
    return int(text) if text.isdigit() else None


def update(user, obj: Versioned, changes: dict, *, version: int | None,
           validate: Callable[[Versioned], None] | None = None, note: str = "") -> tuple[Versioned, dict]:
    """Apply `changes` ({field name: value}) to the row of `obj` read under lock.

    `version` is what the client read (None: the client asks for these fields to be written
    as given, as an API PATCH without If-Match does). Raises EditConflict instead of
    overwriting. `validate(instance)` runs on the merged row before it is saved. Returns the
    saved row and {field written: its previous value} (empty: nothing changed, nothing saved).
    Call inside transaction.atomic.
    """
    model = type(obj)
    current = model._default_manager.select_for_update(of=("self",)).get(pk=obj.pk)
    wanted = {_attname(model, name): _raw(value) for name, value in changes.items()}
    values_now = {name: getattr(current, name) for name in wanted}
    if version is None or version == current.version:
        baseline = values_now
        changed_by_others: set[str] = set()
    else:
        history = _changes_since(current, version)
        if history is None:  # history incomplete: every differing field may have been changed by others
            baseline, changed_by_others = {}, set(wanted)
        else:
            changed_by_others, at_version = history
            baseline = {name: at_version.get(name, values_now[name]) for name in wanted}
    mine = {name: value for name, value in wanted.items()
            if name not in baseline or not _same(model, name, value, baseline[name])}
    conflicts = [name for name, value in mine.items()
                 if name in changed_by_others and not _same(model, name, value, values_now[name])]
    if conflicts:
        raise EditConflict([_conflict(model, name, values_now[name], mine[name]) for name in conflicts],
                           current.version)
    to_write = {name: value for name, value in mine.items() if not _same(model, name, value, values_now[name])}
    if not to_write:
        return current, {}
    before = audit.snapshot(current)
    for name, value in to_write.items():
        setattr(current, name, value)
    if validate:
        validate(current)
    try:
        with transaction.atomic():  # a savepoint: a unique clash becomes a message, not a 500
            current.save(update_fields=[*to_write, *_derived_fields(model)])
    except IntegrityError:
        raise ValidationError(_unique_clashes(model, to_write)) from None
    audit.record(user, AuditAction.UPDATE, current, before=before, note=note)
    return current, {name: values_now[name] for name in to_write}


def _changes_since(current: Versioned, version: int) -> tuple[set[str], dict] | None:
    """(fields changed after `version`, {field: value at `version`}) from the audit log;
    None when the log does not hold every step (a write that bypassed the services)."""
    entries = (AuditEntry.objects.filter(model=current._meta.label, object_id=str(current.pk),
                                         action=AuditAction.UPDATE, after__version__gt=version)
               .order_by("id").values_list("before", "after"))
    seen_versions, changed, at_version = set(), set(), {}
    for before, after in entries:
        before, after = before or {}, after or {}
        seen_versions.add(after.get("version"))
        for name in after:
            if name != "version" and before.get(name) != after.get(name):
                changed.add(name)
                if name not in at_version:
                    at_version[name] = _from_json(type(current), name, before.get(name))
    if not set(range(version + 1, current.version + 1)) <= seen_versions:
        return None
    return changed, at_version


def _unique_clashes(model, values: dict) -> dict:
    clashes = {}
    for attname, value in values.items():
        field = _field_by_attname(model, attname)
        if field is not None and field.unique:
            clashes[field.name] = f"{_label(field)} «{value}» đã có trong hệ thống."
    return clashes or {"__all__": "Dữ liệu trùng với một bản ghi khác đã có trong hệ thống."}


def _label(field) -> str:
    label = str(field.verbose_name)
    return label[:1].upper() + label[1:]


def _attname(model, name: str) -> str:
    field = model._meta.get_field(name)
    return field.attname


def _raw(value):
    return value.pk if isinstance(value, models.Model) else value


def _from_json(model, attname: str, value):
    field = _field_by_attname(model, attname)
    return field.to_python(value) if field is not None and value is not None else value


def _field_by_attname(model, attname: str):
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field
    return None


def _same(model, attname: str, a, b) -> bool:
    field = _field_by_attname(model, attname)
    try:
        return _normal(field, a) == _normal(field, b)
    except Exception:  # an unreadable value is simply different
        return False


def _normal(field, value):
    if field is not None and value is not None:
        value = field.to_python(value)
    if value == "":
        return None
    return vn.nfc(value) if isinstance(value, str) else value


def _derived_fields(model) -> list[str]:
    """Fields computed in save() (sort keys) and auto_now stamps: always written with the change."""
    names = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name == "version":
            continue
        if not field.editable or getattr(field, "auto_now", False):
            if not getattr(field, "auto_now_add", False):
                names.append(field.name)
    return names


def _conflict(model, attname: str, theirs, yours) -> Conflict:
    field = _field_by_attname(model, attname)
    label = _label(field) if field is not None else attname
    return Conflict(attname, label, _shown(field, theirs), _shown(field, yours))


def _shown(field, value) -> str:
    if value in (None, ""):
        return "(để trống)"
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return vn.format_date(value)
    return str(value)
