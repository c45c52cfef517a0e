from django.urls import path

from dangbo.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.index, name="index"),
    path("lap-lich-nam/", views.plan_year, name="plan_year"),
    path("them/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/thong-bao/", views.notify, name="notify"),
    path("<int:pk>/tai-lieu/", views.add_material, name="add_material"),
    path("<int:pk>/diem-danh/", views.attendance, name="attendance"),
    path("<int:pk>/bien-ban/", views.minutes, name="minutes"),
    path("<int:pk>/bien-ban/ky/", views.sign, name="sign"),
    path("<int:pk>/bien-ban/phu-luc/", views.addendum, name="addendum"),
    path("theo-doi/", views.follow_up, name="follow_up"),
    path("hoi-nghi/", views.conference_list, name="conferences"),
    path("hoi-nghi/them/", views.conference_create, name="conference_create"),
    path("hoi-nghi/<int:pk>/", views.conference_detail, name="conference"),
    path("cua-toi/", views.mine, name="mine"),
    path("de-nghi-sua-ho-so/", views.corrections, name="corrections"),
]
