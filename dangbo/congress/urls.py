from django.urls import path

from dangbo.congress import views

app_name = "congress"
urlpatterns = [
    path("", views.index, name="index"),
    path("them/", views.congress_create, name="create"),
    path("<int:pk>/", views.congress_detail, name="detail"),
    path("<int:pk>/van-kien/", views.document_create, name="document_create"),
    path("<int:pk>/bau-cu/them/", views.election_create, name="election_create"),
    path("van-kien/<int:pk>/du-thao-moi/", views.version_create, name="version_create"),
    path("du-thao/<int:pk>/", views.version_detail, name="version"),
    path("du-thao/<int:pk>/lay-y-kien/", views.round_create, name="round_create"),
    path("lay-y-kien/<int:pk>/", views.round_detail, name="round"),
    path("lay-y-kien/<int:pk>/gop-y/", views.comment_create, name="comment_create"),
    path("lay-y-kien/<int:pk>/gui/<int:recipient_pk>/", views.round_submit, name="round_submit"),
    path("lay-y-kien/<int:pk>/hoi-nghi/", views.conference_create, name="conference_create"),
    path("lay-y-kien/<int:pk>/tong-hop/", views.synthesis, name="synthesis"),
    path("lay-y-kien/<int:pk>/tong-hop/gom-nhom/", views.synthesis_group, name="synthesis_group"),
    path("lay-y-kien/<int:pk>/tong-hop/y-kien/<int:item_pk>/", views.synthesis_decide, name="synthesis_decide"),
    path("lay-y-kien/<int:pk>/tong-hop/chuyen/<int:comment_pk>/", views.synthesis_move, name="synthesis_move"),
    path("lay-y-kien/<int:pk>/tong-hop/du-thao-moi/", views.next_version, name="next_version"),
    path("lay-y-kien/<int:pk>/tong-hop.<str:fmt>", views.synthesis_report, name="synthesis_report"),
    path("bau-cu/<int:pk>/", views.election_detail, name="election"),
    path("bau-cu/lan/<int:pk>/", views.election_round, name="election_round"),
    path("bau-cu/lan/<int:pk>/bien-ban.<str:fmt>", views.minutes_report, name="minutes_report"),
]
