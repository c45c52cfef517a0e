from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "dangbo.access"
    label = "access"
