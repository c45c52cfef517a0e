from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed

from dangbo.core.forms import CheckedForm, TextRulesMixin
from dangbo.access import twofactor
from dangbo.access.services import MAX_TOKEN_DAYS


class LoginForm(TextRulesMixin, AuthenticationForm):
    """User name and password, plus the 6-digit code of the authenticator app for users who
    turned two-factor authentication on. A wrong code counts as a failed login (lockout)."""

    otp_token = forms.CharField(label="Mã xác thực", required=False, max_length=12)

    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "inactive": "Tài khoản này đang bị khóa.",
        "otp_missing": "Tài khoản này dùng xác thực hai bước: nhập mã 6 số trong ứng dụng xác thực.",
        "otp_wrong": "Mã xác thực không đúng hoặc đã hết hạn; nhập mã mới nhất trong ứng dụng.",
    }

    otp_device = None

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        device = twofactor.confirmed_device(user) if user else None
        if device is not None:
            token = (cleaned.get("otp_token") or "").replace(" ", "")
            if not token or not device.verify_token(token):
                user_login_failed.send(sender=__name__, credentials={"username": user.get_username()},
                                       request=self.request)
                raise forms.ValidationError(self.error_messages["otp_wrong" if token else "otp_missing"],
                                            code="otp")
            self.otp_device = device
        return cleaned


class OtpCodeForm(CheckedForm):
    token = forms.CharField(label="Mã 6 số trong ứng dụng xác thực", max_length=12)


class TokenForm(CheckedForm):
    name = forms.CharField(label="Tên gợi nhớ", max_length=80, required=False)
    days = forms.IntegerField(label="Thời hạn (ngày)", min_value=1, max_value=MAX_TOKEN_DAYS, initial=90)
