from django.urls import path

from dangbo.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.index, name="index"),
    path("nap/", views.upload, name="upload"),
    path("nguon/<int:pk>/", views.source_detail, name="source"),
    path("nguon/<int:pk>/chap-nhan-tat-ca/", views.accept_all, name="accept_all"),
    path("du-kien/<int:pk>/chap-nhan/", views.fact_accept, name="fact_accept"),
    path("du-kien/<int:pk>/sua/", views.fact_correct, name="fact_correct"),
    path("du-kien/<int:pk>/loai/", views.fact_reject, name="fact_reject"),
    path("du-kien/<int:pk>/mo-lai/", views.fact_reopen, name="fact_reopen"),
]
