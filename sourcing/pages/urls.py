from django.urls import path

from . import originals, records, views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/source/", views.article_source, name="article-source"),
    path("companies/<slug:slug>/", records.company_page, name="company"),
    path("plants/<int:pk>/", records.plant_page, name="plant"),
    path("search/", records.search_page, name="search"),
    path("articles/<int:pk>/original/", originals.article_original, name="article-original"),
]
