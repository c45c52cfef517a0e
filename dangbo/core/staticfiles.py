from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig


class StaticFilesConfig(DjangoStaticFilesConfig):
    """collectstatic without ReDoc, which no page uses (the API docs are Swagger UI) and which
    would fetch its logo from a CDN."""

    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "ninja/redoc*"]
