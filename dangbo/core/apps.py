from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dangbo.core"
    label = "core"
    verbose_name = "Chung"
