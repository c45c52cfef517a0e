from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from dangbo.access import views

app_name = "access"

urlpatterns = [
    path("", views.account, name="account"),
    path("xac-thuc-hai-buoc/", views.two_factor, name="two_factor"),
    path("xac-thuc-hai-buoc/tat/", views.two_factor_disable, name="two_factor_disable"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(
        template_name="access/password_change.html", success_url=reverse_lazy("access:password_changed")),
        name="password_change"),
    path("doi-mat-khau/xong/", views.password_changed, name="password_changed"),
    path("ma-api/", views.token_create, name="token_create"),
    path("ma-api/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
]
