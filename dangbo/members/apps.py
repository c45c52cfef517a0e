from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "dangbo.members"
    label = "members"
