from django.urls import path

from dangbo.admission.views import board, candidate, dashboard, targets

app_name = "admission"
urlpatterns = [
    path("", board.index, name="index"),
    path("mau-chi-tieu.xlsx", targets.import_template, name="import_template"),
    path("<int:pk>/", board.board, name="board"),
    path("<int:pk>/chuyen-buoc/", board.bulk_move, name="bulk_move"),
    path("<int:pk>/den-han/", board.due, name="due"),
    path("<int:pk>/them/", candidate.candidate_add, name="candidate_add"),
    path("<int:pk>/tien-do/", dashboard.dashboard, name="dashboard"),
    path("<int:pk>/tien-do/bao-cao.<str:fmt>", dashboard.export, name="export"),
    path("<int:pk>/chi-tieu/", targets.targets, name="targets"),
    path("<int:pk>/chi-tieu/nhap-tu-tep/", targets.targets_import, name="targets_import"),
    path("<int:pk>/thon-to-dan-pho/", targets.hamlets, name="hamlets"),
    path("ho-so/<int:pk>/", candidate.candidate_detail, name="candidate"),
    path("ho-so/<int:pk>/buoc/", candidate.record_step, name="record_step"),
    path("ho-so/<int:pk>/sua/", candidate.candidate_edit, name="candidate_edit"),
    path("ho-so/<int:pk>/tham-tra/", candidate.relative_add, name="relative_add"),
    path("ho-so/<int:pk>/ket-qua-tham-tra/", candidate.relative_verify, name="relative_verify"),
    path("ho-so/<int:pk>/dung/", candidate.candidate_stop, name="candidate_stop"),
    path("ho-so/<int:pk>/gia-han/", candidate.candidate_extend, name="candidate_extend"),
]
