from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from dangbo.api import api
from dangbo.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="core/login.html"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("to-chuc/", include("dangbo.orgs.urls")),
    path("dang-vien/", include("dangbo.members.urls")),
    path("xep-loai/", include("dangbo.ratings.urls")),
    path("van-ban/", include("dangbo.documents.urls")),
    path("dai-hoi/", include("dangbo.congress.urls")),
    path("trich-xuat/", include("dangbo.ingest.urls")),
    path("kiem-tra/", include("dangbo.inspection.urls")),
    path("nhat-ky/", core_views.audit_log, name="audit_log"),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]
