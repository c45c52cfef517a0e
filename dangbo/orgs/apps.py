from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "dangbo.orgs"
    label = "orgs"
