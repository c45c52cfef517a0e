"""The Django admin speaks Vietnamese: its headings, and every model's singular and plural
names (no English default, no "Nhiệm kỳs")."""
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils.text import camel_case_to_spaces


def project_models():
    labels = {app.rsplit(".", 1)[-1] for app in settings.DANGBO_APPS}
    return [m for m in apps.get_models() if m._meta.app_label in labels]


def test_every_model_has_a_vietnamese_name_and_no_english_plural():
    english = [m._meta.label for m in project_models()
               if str(m._meta.verbose_name) == camel_case_to_spaces(m.__name__)]
    assert english == []
    plural_s = [m._meta.label for m in project_models()
                if str(m._meta.verbose_name_plural) == f"{m._meta.verbose_name}s"]
    assert plural_s == []


def test_admin_pages_are_headed_in_vietnamese(tree, login):
    page = login(tree.admin).get(reverse("admin:index")).content.decode()
    assert admin.site.site_header in page and "Quản trị hệ thống dangbo" in page
    assert "Nhiệm kỳs" not in page and "Chức vụ trong cấp ủys" not in page
