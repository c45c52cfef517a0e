from fnmatch import fnmatchcase

from django.contrib.staticfiles.finders import AppDirectoriesFinder

# Shipped by django-ninja but used by no page (the API docs are Swagger UI); ReDoc would
# fetch its logo from a CDN, so it is not published at all.
UNUSED = ["ninja/redoc*"]


class AppStaticFinder(AppDirectoriesFinder):
    """The apps' static files, less the ones no page uses."""

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *UNUSED])

    def find(self, path, find_all=False, **kwargs):
        if any(fnmatchcase(path, pattern) for pattern in UNUSED):
            return [] if find_all else None
        return super().find(path, find_all=find_all, **kwargs)
