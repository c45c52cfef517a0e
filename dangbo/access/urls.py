from django.urls import path

from dangbo.access import views

app_name = "access"

urlpatterns = [
    path("", views.account, name="account"),
    path("xac-thuc-hai-buoc/", views.two_factor, name="two_factor"),
    path("xac-thuc-hai-buoc/tat/", views.two_factor_disable, name="two_factor_disable"),
    path("ma-api/", views.token_create, name="token_create"),
    path("ma-api/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
]
