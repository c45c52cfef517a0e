from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from dangbo.access import views as access_views
from dangbo.api import api
from dangbo.audit import views as audit_views
from dangbo.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("dang-nhap/", access_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("to-chuc/", include("dangbo.orgs.urls")),
    path("dang-vien/", include("dangbo.members.urls")),
    path("xep-loai/", include("dangbo.ratings.urls")),
    path("van-ban/", include("dangbo.documents.urls")),
    path("dai-hoi/", include("dangbo.congress.urls")),
    path("trich-xuat/", include("dangbo.ingest.urls")),
    path("sinh-hoat/", include("dangbo.meetings.urls")),
    path("ket-nap/", include("dangbo.admission.urls")),
    path("kiem-tra/", include("dangbo.inspection.urls")),
    path("nhat-ky/", core_views.audit_log, name="audit_log"),
    path("nhat-ky-truy-cap/", audit_views.access_log, name="access_log"),
    path("tai-khoan/", include("dangbo.access.urls")),
    path("cong-viec/", include("dangbo.jobs.urls")),
    path("api/v1/", api.urls),
    path("quan-tri/", admin.site.urls),
]
