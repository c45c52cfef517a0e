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


class CheckedForm(TextRulesMixin, forms.Form):
    pass


class CheckedModelForm(TextRulesMixin, forms.ModelForm):
    pass
