from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import pre_save


class CoreConfig(AppConfig):
    name = "dangbo.core"
    label = "core"
    verbose_name = "Chung"

    def ready(self):
        from dangbo.core.model_checks import check_before_save

        # The validation layer guards every save of the app's own models (core/model_checks.py).
        for app_name in settings.DANGBO_APPS:
            for model in self.apps.get_app_config(app_name.rsplit(".", 1)[-1]).get_models():
                pre_save.connect(check_before_save, sender=model, dispatch_uid=f"check_before_save:{model._meta.label}")
                # Vietnamese nouns have no plural form: the admin says "Nhiệm kỳ", not "Nhiệm kỳs".
                if "verbose_name_plural" not in model._meta.original_attrs:
                    model._meta.verbose_name_plural = model._meta.verbose_name
        _vietnamese_admin_site()


def _vietnamese_admin_site() -> None:
    from django.contrib import admin

    admin.site.site_header = "Quản trị hệ thống dangbo"
    admin.site.site_title = "Quản trị dangbo"
    admin.site.index_title = "Dữ liệu của hệ thống"
