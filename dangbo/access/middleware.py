from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from dangbo.access.scope import Scope
from dangbo.access.twofactor import second_factor_required


class ScopeMiddleware:
    """Attach request.scope, computed on first use, for every view and API endpoint."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = SimpleLazyObject(lambda: Scope.for_user(request.user))
        return self.get_response(request)


class TwoFactorMiddleware:
    """Admins and staff must pass a TOTP code (django-otp) before anything else, when
    settings.DANGBO_OTP_REQUIRED is on (production default). A user without a device is sent
    to set one up; a user with one is asked for a code. API calls with the browser session
    get 403; bearer tokens are not affected (they are issued to a verified session or by the
    server's administrator)."""

    ALWAYS_OPEN = ("/static/", "/dang-xuat/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (user.is_authenticated and not request.path.startswith(self.ALWAYS_OPEN)
                and not user.is_verified() and second_factor_required(user)):
            setup_url = reverse("access:two_factor")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Cần xác thực hai bước trước khi dùng API qua phiên đăng nhập."},
                                    status=403)
            if request.path != setup_url:
                return redirect(f"{setup_url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
