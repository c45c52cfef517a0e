from django.urls import path

from dangbo.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("chon/", views.pick, name="pick"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/truc-thuoc/", views.children, name="children"),
    path("<int:pk>/thanh-lap/", views.create_child, name="create_child"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/nhiem-ky/", views.add_term, name="add_term"),
    path("<int:pk>/cap-uy/", views.add_position, name="add_position"),
    path("<int:pk>/sap-xep/<slug:action>/", views.restructure, name="restructure"),
]
