from django.apps import AppConfig


class RollupsConfig(AppConfig):
    name = "dangbo.rollups"
    label = "rollups"
    verbose_name = "Số liệu tổng hợp theo cây tổ chức"
