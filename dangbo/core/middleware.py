"""RequestGuardMiddleware: limits every request meets before a view runs.

- A body over DANGBO_MAX_REQUEST_BYTES is refused (413) before it is read; DATA_UPLOAD_MAX_
  MEMORY_SIZE then bounds a body without files (Django raises RequestDataTooBig).
- A query string with a character the validation layer refuses (NUL, bidi override,
  zero-width...) is a 400 on pages: PostgreSQL cannot even compare a NUL. The API checks
  its parameters itself and names them (core/api_errors.CheckedParser).
- Under /api/ every error is JSON with a Vietnamese message, also those that never reach an
  endpoint (an unknown URL, a method not allowed) or escape it.
- On pages, a ValidationError no view caught (a rule of the validation layer met on save)
  is a 400 with its messages, never a 500.
"""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, RequestDataTooBig, ValidationError
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpResponse

from dangbo.core import api_errors, validation


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_api = request.path.startswith(api_errors.API_PREFIX)
        too_large = self._too_large(request, is_api)
        if too_large is not None:
            return too_large
        if not is_api:
            self._check_query_string(request)
        response = self.get_response(request)
        if is_api and response.status_code >= 400 and "json" not in response.get("Content-Type", ""):
            message = api_errors.STATUS_MESSAGES.get(response.status_code, "Yêu cầu không hợp lệ.")
            return api_errors.error_response(response.status_code, message)
        return response

    @staticmethod
    def _too_large(request, is_api: bool):
        limit = settings.DANGBO_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= limit:
            return None
        message = api_errors.TOO_LARGE.format(limit=api_errors.megabytes(limit))
        if is_api:
            return api_errors.error_response(413, message)
        return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")

    @staticmethod
    def _check_query_string(request) -> None:
        for name, values in request.GET.lists():
            for text in (name, *values):
                problem = validation.forbidden_character(text)
                if problem:
                    raise BadRequest(f"Tham số «{validation.export_text(name)[:40]}» trong địa chỉ: {problem}")

    def process_exception(self, request, exception):
        if not request.path.startswith(api_errors.API_PREFIX):
            if isinstance(exception, ValidationError):
                return response_for_exception(request, BadRequest(" ".join(exception.messages)))
            return None
        if isinstance(exception, RequestDataTooBig):
            return api_errors.error_response(413, api_errors.TOO_LARGE.format(
                limit=api_errors.megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)))
        if isinstance(exception, PermissionDenied):
            return api_errors.error_response(403, str(exception) or api_errors.FORBIDDEN)
        if isinstance(exception, Http404):
            return api_errors.error_response(404, api_errors.NOT_FOUND)
        api_errors.logger.exception("API error on %s %s", request.method, request.path, exc_info=exception)
        return api_errors.error_response(500, api_errors.SERVER_ERROR)
