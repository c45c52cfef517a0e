"""Every API error is JSON with a Vietnamese message: {"detail": "..."} or, for invalid
input, 422 {"detail": {field: ["...", ...]}} naming each field.

- `CheckedParser`: the API's JSON and query-string parser; refuses forbidden characters
  (core/validation.py) in any string, naming the field, before an endpoint runs.
- `install(api)`: exception handlers for input errors (422), django ValidationError raised
  by services (422), PermissionDenied (403), Http404 (404), authentication (401), a body
  too large (413) and anything unexpected (500, logged, no details in the answer).
- what never reaches an endpoint (an unknown URL, a method not allowed, a request over
  DANGBO_MAX_REQUEST_BYTES) answers JSON too under /api/: core/middleware.py.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import Http404, JsonResponse
from ninja.errors import AuthenticationError, HttpError, ValidationError as SchemaError
from ninja.parser import Parser

from dangbo.core import validation

logger = logging.getLogger("dangbo.api")

API_PREFIX = "/api/"
NOT_FOUND = "Không tìm thấy (hoặc không thuộc phạm vi của bạn)."
FORBIDDEN = "Bạn không có quyền thực hiện thao tác này."
UNAUTHORIZED = "Chưa đăng nhập, hoặc mã truy cập (token) không hợp lệ hay đã hết hạn."
TOO_LARGE = "Nội dung gửi lên quá lớn (tối đa {limit})."
SERVER_ERROR = "Lỗi máy chủ: thao tác chưa thực hiện được. Lỗi đã được ghi lại; hãy thử lại sau hoặc báo quản trị."
BAD_JSON = "Nội dung gửi lên không phải JSON hợp lệ."
STATUS_MESSAGES = {
    400: "Yêu cầu không hợp lệ.", 401: UNAUTHORIZED, 403: FORBIDDEN, 404: NOT_FOUND,
    405: "Phương thức này không dùng được ở địa chỉ này.", 413: TOO_LARGE, 500: SERVER_ERROR,
}

# Pydantic error types -> Vietnamese (the field name is the key of the answer).
PYDANTIC_MESSAGES = {
    "missing": "Bắt buộc, chưa có giá trị.",
    "int_parsing": "Phải là số nguyên.", "int_type": "Phải là số nguyên.", "int_from_float": "Phải là số nguyên.",
    "float_parsing": "Phải là số.", "float_type": "Phải là số.", "finite_number": "Phải là một số hữu hạn.",
    "decimal_parsing": "Phải là số.", "decimal_type": "Phải là số.", "decimal_max_digits": "Số có quá nhiều chữ số.",
    "decimal_max_places": "Số có quá nhiều chữ số sau dấu phẩy.",
    "decimal_whole_digits": "Số có quá nhiều chữ số trước dấu phẩy.",
    "bool_parsing": "Phải là true hoặc false.", "bool_type": "Phải là true hoặc false.",
    "string_type": "Phải là chuỗi ký tự.", "string_too_long": "Dài quá {max_length} ký tự.",
    "string_too_short": "Cần ít nhất {min_length} ký tự.", "string_unicode": "Phải là chuỗi ký tự Unicode hợp lệ.",
    "date_parsing": "Ngày không hợp lệ (dạng yyyy-mm-dd).", "date_from_datetime_parsing": "Ngày không hợp lệ (dạng yyyy-mm-dd).",
    "date_from_datetime_inexact": "Ngày không được kèm giờ.", "date_type": "Ngày không hợp lệ (dạng yyyy-mm-dd).",
    "datetime_parsing": "Thời điểm không hợp lệ.", "datetime_from_date_parsing": "Thời điểm không hợp lệ.",
    "datetime_type": "Thời điểm không hợp lệ.",
    "literal_error": "Phải là một trong: {expected}.", "enum": "Phải là một trong: {expected}.",
    "greater_than": "Phải lớn hơn {gt}.", "greater_than_equal": "Phải từ {ge} trở lên.",
    "less_than": "Phải nhỏ hơn {lt}.", "less_than_equal": "Không được quá {le}.",
    "list_type": "Phải là một danh sách.", "dict_type": "Phải là một đối tượng JSON.",
    "model_type": "Phải là một đối tượng JSON.", "model_attributes_type": "Phải là một đối tượng JSON.",
    "too_long": "Danh sách quá dài (tối đa {max_length} phần tử).", "none_required": "Phải để trống (null).",
    "json_invalid": BAD_JSON, "extra_forbidden": "Trường này không được phép.",
}


# -- input -------------------------------------------------------------------------------


class CheckedParser(Parser):
    """ninja's parser plus the character rule of the validation layer."""

    def parse_body(self, request):
        try:
            data = json.loads(request.body)
            _refuse_forbidden("body", data)
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):  # RecursionError: absurd nesting
            raise SchemaError([{"loc": ("body",), "type": "json_invalid", "msg": BAD_JSON}]) from None
        return data

    def parse_querydict(self, data, list_fields, request):
        result = super().parse_querydict(data, list_fields, request)
        _refuse_forbidden("query", result)
        return result


def _refuse_forbidden(where: str, data: Any) -> None:
    errors = [{"loc": (where, *path), "type": "forbidden_character", "msg": message}
              for path, message in _string_problems(data, ())]
    if errors:
        raise SchemaError(errors)


def _string_problems(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        problem = validation.forbidden_character(data)
        if problem:
            yield path, problem
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _string_problems(key, (*path, str(key)))
            yield from _string_problems(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _string_problems(value, (*path, index))


# -- answers -----------------------------------------------------------------------------


def error_response(status: int, detail: Any) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False})


def field_errors(errors: list[dict]) -> dict[str, list[str]]:
    """Pydantic/ninja errors -> {field: [Vietnamese message]}; the field is the last name in
    the error's location ("body.payload.gender" -> "gender"; list items keep their index)."""
    fields: dict[str, list[str]] = {}
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path", "payload")]
        name = _field_name(location)
        message = _message(error)
        if message not in fields.setdefault(name, []):
            fields[name].append(message)
    return fields


def _field_name(location: list[str]) -> str:
    names = [part for part in location if not part.isdigit()]
    if not names:
        return "__all__"
    index = location.index(names[-1])
    return ".".join(location[index:]) if index < len(location) - 1 else names[-1]


def _message(error: dict) -> str:
    kind = error.get("type", "")
    if kind == "forbidden_character":
        return error["msg"]
    template = PYDANTIC_MESSAGES.get(kind)
    if template is None:
        return "Giá trị không hợp lệ."
    context = {key: str(value).replace("'", "").replace(" or ", " hoặc ")
               for key, value in (error.get("ctx") or {}).items()}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template.split(":")[0].split("{")[0].rstrip(" .") + "."


def _schema_error(request, exc: SchemaError):
    return error_response(422, field_errors(exc.errors))


def _django_validation_error(request, exc: ValidationError):
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return error_response(422, detail)


def _permission_denied(request, exc: PermissionDenied):
    return error_response(403, str(exc) or FORBIDDEN)


def _not_found(request, exc: Http404):
    return error_response(404, NOT_FOUND)


def _http_error(request, exc: HttpError):
    cause = exc.__cause__  # ninja wraps what the body parser raised in a 400
    if isinstance(cause, RequestDataTooBig):
        return _too_large(request, cause)
    if isinstance(cause, SchemaError):
        if cause.errors[0].get("type") == "json_invalid":
            return error_response(400, BAD_JSON)
        return _schema_error(request, cause)
    message = str(exc)
    if isinstance(exc, AuthenticationError) or not message or message.isascii():
        message = STATUS_MESSAGES.get(exc.status_code, message or "Yêu cầu không hợp lệ.")
    return error_response(exc.status_code, message)


def _too_large(request, exc: RequestDataTooBig):
    return error_response(413, TOO_LARGE.format(limit=megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)))


def _server_error(request, exc: Exception):
    logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
    return error_response(500, SERVER_ERROR)


def install(api) -> None:
    """Register the handlers above on a NinjaAPI (the most specific class wins)."""
    api.parser = CheckedParser()
    for exception, handler in (
        (SchemaError, _schema_error), (ValidationError, _django_validation_error),
        (PermissionDenied, _permission_denied), (Http404, _not_found), (HttpError, _http_error),
        (RequestDataTooBig, _too_large), (Exception, _server_error),
    ):
        api.add_exception_handler(exception, handler)


def megabytes(size: int) -> str:
    return f"{size / (1 << 20):.1f}".replace(".0", "").replace(".", ",") + " MB"
