from django.urls import path

from dangbo.ratings import views

app_name = "ratings"
urlpatterns = [
    path("", views.index, name="index"),
    path("mau-nhap-xep-loai.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/<int:year>/", views.dashboard, name="dashboard"),
    path("<int:pk>/<int:year>/dang-vien/", views.member_list, name="member_list"),
    path("<int:pk>/<int:year>/to-chuc-co-so/", views.unit_list, name="unit_list"),
    path("<int:pk>/<int:year>/nhap-theo-chi-bo/", views.cell_entry, name="cell_entry"),
    path("<int:pk>/<int:year>/nhap-tu-tep/", views.import_ratings, name="import"),
    path("<int:pk>/<int:year>/xep-loai-to-chuc/", views.org_rating, name="org_rating"),
    path("<int:pk>/<int:year>/dot/<str:action>/", views.period_action, name="period"),
    path("<int:pk>/<int:year>/chi-tieu/", views.target_add, name="target_add"),
    path("chi-tieu/<int:target_pk>/xoa/", views.target_delete, name="target_delete"),
    path("<int:pk>/<int:year>/bao-cao.<str:fmt>", views.export, name="export"),
    path("dang-vien/<int:member_pk>/<int:year>/", views.member_rating, name="member_rating"),
]
