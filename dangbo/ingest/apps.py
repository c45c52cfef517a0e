from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "dangbo.ingest"
    label = "ingest"
