"""The validation layer is wired into every path: every form, every model save, every
import column. These tests fail when a new form, model or column forgets it."""
import importlib
import inspect

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models.signals import pre_save

from dangbo.core import tabular
from dangbo.core.forms import TextRulesMixin
from dangbo.core.model_checks import check_before_save


def project_forms():
    for app in settings.DANGBO_APPS:
        try:
            module = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                yield cls


@pytest.mark.parametrize("form_class", list(project_forms()), ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_form_checks_its_text_through_the_validation_layer(form_class):
    assert issubclass(form_class, TextRulesMixin), "derive from dangbo.core.forms.CheckedForm / CheckedModelForm"


def project_models():
    for app in settings.DANGBO_APPS:
        yield from apps.get_app_config(app.rsplit(".", 1)[-1]).get_models()


@pytest.mark.parametrize("model", list(project_models()), ids=lambda m: m._meta.label)
def test_every_model_save_passes_the_validation_layer(model):
    receivers = [r for r in pre_save._live_receivers(model)[0]]
    assert check_before_save in receivers


def import_specs():
    from dangbo.members.importer import MEMBER_SPEC
    from dangbo.members.models import Member
    from dangbo.ratings.importing import SPEC as RATING_SPEC
    from dangbo.ratings.models import MemberRating

    return [(MEMBER_SPEC, Member), (RATING_SPEC, MemberRating)]


@pytest.mark.parametrize("spec, model", import_specs(), ids=["members", "ratings"])
def test_import_columns_are_no_longer_than_the_model_fields(spec, model):
    for column in spec.columns:
        limit = getattr(column.parse, "max_length", None)
        try:
            field = model._meta.get_field(column.field)
        except Exception:
            continue
        if isinstance(field, (models.CharField, models.TextField)) and limit is not None and field.max_length:
            assert limit <= field.max_length, f"{column.header}: {limit} > {field.max_length}"
