from django.urls import path

app_name = "admission"
urlpatterns: list = []
