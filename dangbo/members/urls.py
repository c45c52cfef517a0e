from django.urls import path

from dangbo.members import io_views, views

app_name = "members"
urlpatterns = [
    path("", views.member_list, name="list"),
    path("them/", views.member_create, name="create"),
    path("nhap/", io_views.import_members, name="import"),
    path("nhap/mau.xlsx", io_views.import_template, name="import_template"),
    path("xuat.xlsx", io_views.export_members, name="export"),
    path("<int:pk>/", views.member_detail, name="detail"),
    path("<int:pk>/sua/", views.member_edit, name="edit"),
    path("<int:pk>/chuyen-sinh-hoat/", views.member_transfer, name="transfer"),
    path("<int:pk>/su-kien/", views.member_lifecycle, name="lifecycle"),
    path("<int:pk>/su-kien/<int:event_pk>/dieu-chinh/", views.member_event_correct, name="event_correct"),
    path("<int:pk>/mien-nghi/", views.member_absence, name="absence"),
    path("<int:pk>/mien-nghi/<int:absence_pk>/ket-thuc/", views.member_absence_end, name="absence_end"),
]
