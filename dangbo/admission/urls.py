from django.urls import path

from dangbo.admission import views

app_name = "admission"
urlpatterns = [
    path("", views.index, name="index"),
    path("mau-chi-tieu.xlsx", views.import_template, name="import_template"),
    path("<int:pk>/", views.board, name="board"),
    path("<int:pk>/chuyen-buoc/", views.bulk_move, name="bulk_move"),
    path("<int:pk>/them/", views.candidate_add, name="candidate_add"),
    path("<int:pk>/den-han/", views.due, name="due"),
    path("<int:pk>/tien-do/", views.dashboard, name="dashboard"),
    path("<int:pk>/tien-do/bao-cao.<str:fmt>", views.export, name="export"),
    path("<int:pk>/chi-tieu/", views.targets, name="targets"),
    path("<int:pk>/chi-tieu/nhap-tu-tep/", views.targets_import, name="targets_import"),
    path("<int:pk>/thon-to-dan-pho/", views.hamlets, name="hamlets"),
    path("ho-so/<int:pk>/", views.candidate_detail, name="candidate"),
    path("ho-so/<int:pk>/buoc/", views.record_step, name="record_step"),
    path("ho-so/<int:pk>/sua/", views.candidate_edit, name="candidate_edit"),
    path("ho-so/<int:pk>/tham-tra/", views.relative_add, name="relative_add"),
    path("ho-so/<int:pk>/ket-qua-tham-tra/", views.relative_verify, name="relative_verify"),
    path("ho-so/<int:pk>/dung/", views.candidate_stop, name="candidate_stop"),
    path("ho-so/<int:pk>/gia-han/", views.candidate_extend, name="candidate_extend"),
]
