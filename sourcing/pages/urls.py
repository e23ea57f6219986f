from django.urls import path

from . import views

app_name = "sourcing"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/source/", views.article_source, name="article-source"),
]
