"""Base classes of every form: the validation layer (core/validation.py) on each text field.

Django's forms already refuse NUL and enforce a field's max_length; these add the other
forbidden characters (bidi overrides, zero-width, control characters), a length limit
for text fields that have none (TEXT_LIMIT) and a size limit for every uploaded file
(uploads.MAX_UPLOAD_BYTES), with the message beside the field.
"""
from __future__ import annotations

from django import forms

from django.core.files.uploadedfile import UploadedFile

from dangbo.core import uploads, validation, vn


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
