from django.urls import path

from dangbo.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("vao-so/", views.create, name="create"),
    path("theo-doi/", views.implementation_index, name="implementation_index"),
    path("tong-hop-chi-tieu/", views.term_scorecard, name="term_scorecard"),
    path("tong-hop-chi-tieu.<str:fmt>", views.term_scorecard_export, name="term_scorecard_export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/lien-ket/", views.add_link, name="add_link"),
    path("<int:pk>/lien-ket/<int:link_pk>/bo/", views.remove_link, name="remove_link"),
    path("<int:pk>/dinh-kem/", views.attach, name="attach"),
    path("<int:pk>/dinh-kem/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("<int:pk>/chi-tieu/them/", views.add_target, name="add_target"),
    path("<int:pk>/chi-tieu.<str:fmt>", views.scorecard_export, name="scorecard_export"),
    path("<int:pk>/thuc-hien/", views.implementation, name="implementation"),
    path("chi-tieu/<int:pk>/", views.target, name="target"),
]
