"""The user's own account page ("Tài khoản"): two-factor authentication and API tokens."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from dangbo.access import services, twofactor
from dangbo.access.forms import LoginForm, OtpCodeForm, TokenForm
from dangbo.access.models import ApiToken


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.otp_device is not None:
            otp_login(self.request, form.otp_device)
        return response


def _account_context(request, **extra):
    user = request.user
    return {
        "tokens": ApiToken.objects.filter(user=user).order_by("-created_at"),
        "token_form": TokenForm(initial={"days": settings.DANGBO_TOKEN_DAYS}),
        "otp_enabled": twofactor.enabled(user),
        "otp_required": twofactor.has_role_needing_second_factor(user),
        "otp_enforced": settings.DANGBO_OTP_REQUIRED,
        **extra,
    }


@login_required
def account(request):
    return render(request, "access/account.html", _account_context(request))


@login_required
def password_changed(request):
    messages.success(request, "Đã đổi mật khẩu.")
    return redirect("access:account")


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, raw = services.issue_token(request.user, request.user, name=form.cleaned_data["name"],
                                              days=form.cleaned_data["days"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Shown once, on this response only; it is never stored in clear.
            return render(request, "access/account.html", _account_context(request, new_token=token, raw_token=raw))
    return render(request, "access/account.html", _account_context(request, token_form=form), status=422)


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.revoke_token(request.user, token)
    messages.success(request, f"Đã thu hồi mã API #{token.pk}; mọi yêu cầu dùng mã này sẽ bị từ chối (401).")
    return redirect("access:account")


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/"


@login_required
def two_factor(request):
    """Set up the authenticator app (QR code, then a first code) or, with a device already
    confirmed, enter a code to finish signing in."""
    user = request.user
    device = twofactor.confirmed_device(user)
    setting_up = device is None or request.GET.get("moi") == "1" or request.POST.get("moi") == "1"
    if setting_up and device is not None and not user.is_verified():
        setting_up = False  # a new device only after proving the current one
    form = OtpCodeForm(request.POST or None)
    if setting_up:
        device = twofactor.pending_device(user)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].replace(" ", "")
        ok = twofactor.confirm_device(user, device, token) if setting_up else device.verify_token(token)
        if ok:
            otp_login(request, device)
            messages.success(request, "Đã bật xác thực hai bước." if setting_up else "Đã xác thực hai bước.")
            return redirect(_next_url(request))
        form.add_error("token", "Mã không đúng hoặc đã hết hạn; nhập mã mới nhất trong ứng dụng.")
    return render(request, "access/two_factor.html", {
        "form": form,
        "setting_up": setting_up,
        "qr_svg": twofactor.qr_svg(device) if setting_up else "",
        "secret": twofactor.secret_base32(device) if setting_up else "",
        "next": _next_url(request),
        "required": twofactor.second_factor_required(user),
    }, status=422 if form.errors else 200)


@login_required
@require_POST
def two_factor_disable(request):
    if twofactor.second_factor_required(request.user):
        messages.error(request, "Vai trò của bạn bắt buộc xác thực hai bước; không thể tắt.")
    else:
        twofactor.remove_devices(request.user)
        messages.success(request, "Đã tắt xác thực hai bước.")
    return redirect("access:account")
