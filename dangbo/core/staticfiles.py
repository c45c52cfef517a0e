from fnmatch import fnmatchcase
from pathlib import Path

from django.contrib.staticfiles.finders import AppDirectoriesFinder, BaseFinder
from django.core.files.storage import FileSystemStorage

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


# Front-end libraries installed by npm (package.json, `make setup`): only the files the pages
# load are published, under static/vendor/. Source maps go along because the minified files
# name them (the manifest storage of `collectstatic` follows that reference).
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
VENDOR_FILES = {
    "vendor/chart.js/chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "vendor/chart.js/chart.umd.min.js.map": "chart.js/dist/chart.umd.min.js.map",
    "vendor/flatpickr/flatpickr.min.js": "flatpickr/dist/flatpickr.min.js",
    "vendor/flatpickr/flatpickr.min.css": "flatpickr/dist/flatpickr.min.css",
    "vendor/flatpickr/l10n/vn.js": "flatpickr/dist/l10n/vn.js",
}


class NodeModulesFinder(BaseFinder):
    """Serves VENDOR_FILES from node_modules/. Without node_modules (npm not run) nothing is
    found: pages still render (core/templatetags/assets.py leaves the missing files out)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=str(NODE_MODULES))

    def find(self, path, find_all=False, **kwargs):
        source = VENDOR_FILES.get(path)
        found = str(NODE_MODULES / source) if source and (NODE_MODULES / source).is_file() else None
        if found and not find_all:
            return found
        return [found] if found else []  # as Django's finders: an empty list, not None

    def list(self, ignore_patterns):
        for public, source in VENDOR_FILES.items():
            if (NODE_MODULES / source).is_file():
                yield public, _Renamed(self.storage, source)

    def check(self, **kwargs):
        return []


class _Renamed:
    """A storage view that opens node_modules/<source> for the public name of a vendor file
    (collectstatic copies `storage.open(path)` to the public path)."""

    def __init__(self, storage: FileSystemStorage, source: str):
        self.storage, self.source = storage, source

    def open(self, path, mode="rb"):
        return self.storage.open(self.source, mode)

    def path(self, path):
        return self.storage.path(self.source)

    def get_modified_time(self, path):
        return self.storage.get_modified_time(self.source)

    def exists(self, path):
        return self.storage.exists(self.source)
