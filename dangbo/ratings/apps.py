from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "dangbo.ratings"
    label = "ratings"

    def ready(self):
        from dangbo.ratings import summary
        from dangbo.rollups import engine

        engine.register(summary.SPEC)
