from django.urls import path

from . import originals, views

app_name = "sourcing"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/source/", views.article_source, name="article-source"),
    path("articles/<int:pk>/original/", originals.article_original, name="article-original"),
]
