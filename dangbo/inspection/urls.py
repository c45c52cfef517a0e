from django.urls import path

from dangbo.inspection import views

app_name = "inspection"
urlpatterns = [
    path("", views.index, name="index"),
    path("chuong-trinh/", views.plans, name="plans"),
    path("chuong-trinh/<int:pk>/", views.plan, name="plan"),
    path("noi-dung/<int:pk>/trang-thai/", views.item_status, name="item_status"),
    path("to-cao/", views.denunciations, name="denunciations"),
    path("to-cao/<int:pk>/", views.denunciation, name="denunciation"),
    path("ho-so/", views.cases, name="cases"),
    path("ho-so/them/", views.case_create, name="case_create"),
    path("ho-so/<int:pk>/", views.case, name="case"),
    path("khac-phuc/", views.follow_up, name="follow_up"),
    path("khac-phuc/<int:pk>/", views.remediation, name="remediation"),
    path("ky-luat/", views.decisions, name="decisions"),
    path("ky-luat/them/", views.decision_create, name="decision_create"),
    path("ky-luat/tam-hoan/", views.postponement_create, name="postponement_create"),
    path("ky-luat/<int:pk>/", views.decision, name="decision"),
    path("cung-co/", views.consolidations, name="consolidations"),
    path("cung-co/<int:pk>/", views.consolidation, name="consolidation"),
    path("thong-ke/", views.stats, name="stats"),
    path("thong-ke/<int:pk>/<int:year>/bao-cao.<str:fmt>", views.stats_export, name="stats_export"),
]
