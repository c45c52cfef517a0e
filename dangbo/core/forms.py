"""Base classes of every form: the validation layer (core/validation.py) on each text field,
and every problem of a submission shown at once.

Django's forms already refuse NUL and enforce a field's max_length; these add the other
forbidden characters (bidi overrides, zero-width, control characters), a length limit
for text fields that have none (TEXT_LIMIT) and a size limit for every uploaded file
(uploads.MAX_UPLOAD_BYTES), with the message beside the field.

All errors at once: a form whose fields do not all parse still runs its domain rules on the
fields that did (`rule_problems`), so a bad date and a bad citizen ID and a name with digits
come back together, not one per submission. Problems a service finds after the form was
valid join the form with `add_problems`. Templates render every form through
`core/_form_fields.html` (or `core/_form_errors.html` for a hand-laid form): a summary box at
the top lists each problem with a link to its field, and each message also stands beside
its field.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile

from dangbo.core import uploads, validation, vn


@dataclass(frozen=True)
class SummaryLine:
    """One line of the error summary: the field's label, the message and the id to jump to."""

    label: str
    message: str
    field_id: str = ""


def error_summary(form: forms.BaseForm) -> list[SummaryLine]:
    """Every problem of a submitted form in field order, the form's own first (any Django
    form: the password change form is Django's own)."""
    if not form.is_bound or not form.errors:
        return []
    lines = [SummaryLine("", str(message)) for message in form.non_field_errors()]
    for bound in form:
        for message in bound.errors:
            if bound.is_hidden:
                lines.append(SummaryLine("", str(message)))
            else:
                lines.append(SummaryLine(str(bound.label or ""), str(message), bound.id_for_label or bound.auto_id or ""))
    return lines


class TextRulesMixin:
    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not hasattr(self, "cleaned_data"):
            return
        for name, field in self.fields.items():
            value = self.cleaned_data.get(name)
            if isinstance(value, UploadedFile) and value.size > uploads.MAX_UPLOAD_BYTES:
                self.add_error(name, f"Tệp quá lớn (tối đa {vn.format_number(uploads.MAX_UPLOAD_BYTES >> 20)} MB).")
            if not isinstance(value, str):
                continue
            try:
                validation.check_text(value, max_length=getattr(field, "max_length", None) or validation.TEXT_LIMIT,
                                      multiline=True)
            except validation.InvalidInput as error:
                self.add_error(name, str(error))
        self._add_rule_problems()
        self._mark_invalid_fields()

    # -- domain rules on what parsed -----------------------------------------------------------

    def rule_problems(self, data: dict) -> Mapping[str | None, Iterable[str]]:
        """The domain rules' problems with `data` (the fields that parsed), {field: [messages]}
        (None: the whole form). Forms override it with their rules functions; it runs even
        when other fields failed, so every problem shows at once. A field that already has
        an error of its own (an unreadable date) keeps only that one."""
        return {}

    def _add_rule_problems(self) -> None:
        failed = set(self._errors or {})
        for field, messages in (self.rule_problems(dict(self.cleaned_data)) or {}).items():
            name = field if field in self.fields else None
            if (name or NON_FIELD_ERRORS) in failed and name is not None:
                continue
            for message in messages:
                if message not in self._errors.get(name or NON_FIELD_ERRORS, []):
                    self.add_error(name, message)

    def add_problems(self, error: ValidationError) -> None:
        """Attach a service's ValidationError: each message beside its field, and the ones of
        fields the form does not show at the top of the form."""
        by_field = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for field, messages in by_field.items():
            name = field if field in self.fields else None
            for message in messages:
                if message not in self.errors.get(name or NON_FIELD_ERRORS, []):
                    self.add_error(name, message)
        self._mark_invalid_fields()

    def _mark_invalid_fields(self) -> None:
        """aria-invalid and aria-describedby on fields with errors, for screen readers."""
        for name in self._errors or {}:
            if name in self.fields:
                bound = self[name]
                self.fields[name].widget.attrs.update({"aria-invalid": "true",
                                                        "aria-describedby": f"{bound.auto_id}-error"})

    def error_summary(self) -> list[SummaryLine]:
        return error_summary(self)


class DatePickerMixin:
    """Every date field is typed or picked as dd/mm/yyyy: the input carries data-datepicker,
    which core/static/core/ui.js turns into a Vietnamese calendar (flatpickr). The field keeps
    its own parsing and messages, so the server still checks what is sent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField):
                mark_date_input(field.widget)


def mark_date_input(widget: forms.Widget) -> forms.Widget:
    if isinstance(widget, forms.DateInput):
        widget.format = "%d/%m/%Y"
    if isinstance(widget, forms.TextInput):  # DateInput is one; hidden and select widgets are not
        widget.attrs.setdefault("placeholder", "dd/mm/yyyy")
        widget.attrs.setdefault("inputmode", "numeric")
        widget.attrs.setdefault("autocomplete", "off")
        widget.attrs["data-datepicker"] = ""
    return widget


class CheckedForm(TextRulesMixin, DatePickerMixin, forms.Form):
    pass


class CheckedModelForm(TextRulesMixin, DatePickerMixin, forms.ModelForm):
    pass
