from django.apps import AppConfig


class CongressConfig(AppConfig):
    name = "dangbo.congress"
    label = "congress"
