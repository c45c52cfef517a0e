from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "dangbo.members"
    label = "members"

    def ready(self):
        from dangbo.members import summary
        from dangbo.rollups import engine

        engine.register(summary.SPEC)
