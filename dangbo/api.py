"""REST API root (django-ninja): /api/v1/, OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Authentication: `Authorization: Bearer <token>` (tokens from `dangbo token USER`) or the
browser session. Every endpoint reads through request.scope, like the pages.
"""
from functools import wraps
from importlib import import_module

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from ninja import NinjaAPI, Swagger
from ninja.security import HttpBearer, django_auth

from dangbo.access.models import ApiToken, hash_token
from dangbo.access.scope import Scope
from dangbo.core import api_errors


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        # Expired and revoked tokens are refused like unknown ones (401).
        found = ApiToken.usable().select_related("user").filter(key_hash=hash_token(token)).first()
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        request.user = found.user
        request.scope = Scope.for_user(found.user)
        return found.user


def signed_in_or_token(view):
    """The API's description and Swagger UI: for signed-in users, and for API clients that
    present a valid token (they fetch openapi.json without a browser session)."""
    protected = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer ") and BearerToken().authenticate(request, header[7:].strip()):
            return view(request, *args, **kwargs)
        return protected(request, *args, **kwargs)

    return wrapper


api = NinjaAPI(
    title="dangbo API",
    version="1",
    description="Công tác xây dựng Đảng — tổ chức, đảng viên, xếp loại, văn bản, đại hội.",
    auth=[BearerToken(), django_auth],
    urls_namespace="api",
    # Swagger UI from the app's own static files (ninja in INSTALLED_APPS), for signed-in users only.
    docs_decorator=signed_in_or_token,
    # No "valid spec" badge: it would be fetched from validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)
api_errors.install(api)  # every error answers JSON with a Vietnamese message

# Each app that offers endpoints exposes `router` in its api.py.
for app in ("orgs", "members", "ratings", "documents", "congress", "ingest", "admission", "inspection"):
    try:
        module = import_module(f"dangbo.{app}.api")
    except ModuleNotFoundError as error:
        if error.name != f"dangbo.{app}.api":
            raise
        continue
    api.add_router(f"/{app}/", module.router)
