from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dangbo.audit"
    label = "audit"
