from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "dangbo.ratings"
    label = "ratings"
