"""The site's URLs plus views that fail on purpose, to show the error pages."""
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from dangbo.urls import urlpatterns as site_urlpatterns


def forbidden(request):
    raise PermissionDenied


def bad_request(request):
    raise SuspiciousOperation("tampered")


def broken(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [
    path("thu-loi/403/", forbidden),
    path("thu-loi/400/", bad_request),
    path("thu-loi/500/", broken),
    *site_urlpatterns,
]
