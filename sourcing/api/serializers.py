"""
Serializers of the read API. Every record carries its citations: the article, the verbatim quote,
its offsets in the article body and a link to the passage in the human-readable source view.
"""

from functools import cached_property

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import (
    Agreement,
    AgreementParty,
    AgreementVolume,
    Article,
    Citation,
    Company,
    CompanyAlias,
    CompanyFigure,
    NonEditorialSpan,
    Original,
    Plant,
    PlantAlias,
    PlantCapacity,
    PlantFigure,
    PlantMilestone,
    Stake,
    VehicleProgramme,
    may_download_originals,
)
from ..models.articles import PREFETCHED_FOR_API
from .agreement_writer import agreement_representations
from .fields import (
    BlankAsNullChoiceField,
    BlankAsNullField,
    PartialDateField,
    PrecisionField,
    ProvenanceMixin,
    RecordLinkField,
    UriField,
    absolute,
)
from .nested_rows import article_reference_json, citation_json, links


class HandWrittenRepresentation:
    """
    A serializer that writes its ``hand_written`` fields itself (``represent``): DRF's generic
    loop over fields cost several times more per row, and these are the most numerous rows of a
    page (citations, references, parties). The output is exactly DRF's (tests compare them);
    any other field declared on a subclass still goes through DRF, in the declared order.
    """

    hand_written = ()

    def to_representation(self, instance):
        data = self.represent(instance, self.context.get("request"))
        if not self._other_fields:
            return data
        for field in self._other_fields:
            attribute = field.get_attribute(instance)
            data[field.field_name] = (
                None if attribute is None else field.to_representation(attribute)
            )
        return {name: data[name] for name in self.fields if name in data}

    @cached_property
    def _other_fields(self):
        return [f for f in self._readable_fields if f.field_name not in self.hand_written]

    def nested(self, name, value):
        """The representation of nested field ``name`` (a serializer) for ``value``."""
        return None if value is None else self.fields[name].to_representation(value)


class ArticleReferenceSerializer(HandWrittenRepresentation, serializers.ModelSerializer):
    api_url = RecordLinkField(view_name="api:article-detail")
    published = PartialDateField()
    published_precision = PrecisionField()

    class Meta:
        model = Article
        fields = [
            "id",
            "api_url",
            "title",
            "publisher",
            "language",
            "published",
            "published_precision",
            "published_inferred",
        ]

    hand_written = Meta.fields

    def represent(self, article, request):
        return article_reference_json(
            links(request),
            article.pk,
            article.title,
            article.publisher,
            article.language,
            article.published_on,
            article.published_precision,
            article.published_inferred,
        )


class CitationListSerializer(serializers.ListSerializer):
    """A record's citations: the API's prefetched list when there is one (see prefetch_for_api)."""

    def get_attribute(self, instance):
        prefetched = getattr(instance, PREFETCHED_FOR_API, None)
        return prefetched if prefetched is not None else super().get_attribute(instance)


class CitationSerializer(HandWrittenRepresentation, serializers.ModelSerializer):
    article = ArticleReferenceSerializer()
    field = BlankAsNullField(help_text="The field of the record the quote supports, if one.")
    start = serializers.IntegerField(help_text="Offset of the passage in the article body.")
    end = serializers.IntegerField(help_text="Offset just past the passage (exclusive).")
    source_url = serializers.SerializerMethodField(
        help_text="The passage highlighted in the human-readable source view of the article."
    )

    class Meta:
        model = Citation
        fields = ["id", "article", "field", "quote", "start", "end", "source_url"]
        list_serializer_class = CitationListSerializer

    hand_written = Meta.fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_source_url(self, citation):
        url = f"{citation.article.get_absolute_url()}#citation-{citation.pk}"
        return absolute(self.context.get("request"), url)

    def represent(self, citation, request):
        return citation_json(
            links(request),
            citation.pk,
            self.nested("article", citation.article),
            citation.article_id,
            citation.field,
            citation.quote,
            citation.start,
            citation.end,
        )


class VisibleOnlyMixin:
    """A related record, or null when the reader may not see it (a draft, to the public)."""

    def get_attribute(self, instance):
        record = super().get_attribute(instance)
        user = getattr(self.context.get("request"), "user", None)
        if record is None or not record.is_visible_to(user):
            return None
        return record


class CompanyReferenceSerializer(HandWrittenRepresentation, serializers.ModelSerializer):
    api_url = RecordLinkField(view_name="api:company-detail")

    class Meta:
        model = Company
        fields = ["id", "api_url", "slug", "name"]

    hand_written = Meta.fields

    def represent(self, company, request):
        return {
            "id": company.pk,
            "api_url": links(request).template("api:company-detail").format(company.pk),
            "slug": company.slug,
            "name": company.name,
        }


class VisibleCompanySerializer(VisibleOnlyMixin, CompanyReferenceSerializer):
    pass


class PlantReferenceSerializer(serializers.ModelSerializer):
    api_url = RecordLinkField(view_name="api:plant-detail")

    class Meta:
        model = Plant
        fields = ["id", "api_url", "name"]


class VisiblePlantSerializer(VisibleOnlyMixin, PlantReferenceSerializer):
    pass


class ProgrammeReferenceSerializer(ProvenanceMixin, serializers.ModelSerializer):
    api_url = RecordLinkField(view_name="api:programme-detail")

    class Meta:
        model = VehicleProgramme
        fields = ["id", "api_url", "name", "segment", "start_year"]


class AliasFields(ProvenanceMixin, serializers.ModelSerializer):
    """Another name a source uses for a company or a plant, and its language (null: any)."""

    language = BlankAsNullField()

    class Meta:
        fields = ["name", "language"]


class QuantityFields(ProvenanceMixin, serializers.ModelSerializer):
    """A GWh-per-year figure with its bound ("about", "up to"), basis and year, as stated."""

    display = serializers.CharField(source="__str__", read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        fields = ["gwh_per_year", "qualifier", "basis", "year", "display", "citations"]


class PlantCapacitySerializer(QuantityFields):
    class Meta(QuantityFields.Meta):
        model = PlantCapacity


class AgreementVolumeSerializer(QuantityFields):
    class Meta(QuantityFields.Meta):
        model = AgreementVolume


class PlantMilestoneSerializer(ProvenanceMixin, serializers.ModelSerializer):
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = PlantMilestone
        fields = ["kind", "year", "citations"]


class FigureFields(ProvenanceMixin, serializers.ModelSerializer):
    """A figure's value, unit, bound and year, as stated (a plant's or a company's)."""

    value = serializers.DecimalField(
        max_digits=17,
        decimal_places=2,
        read_only=True,
        help_text="The amount, in `currency`, of an investment; the number of jobs or vehicles.",
    )
    currency = BlankAsNullField(
        help_text="ISO 4217 code of an investment's amount (`EUR`, `USD`); null otherwise."
    )
    scope = BlankAsNullChoiceField(
        PlantFigure.Scope.choices,
        help_text="Which jobs are counted: `direct`, `total` (direct and indirect) or "
        "`not_stated`; null for other figures.",
    )
    display = serializers.CharField(source="__str__", read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        fields = ["kind", "value", "currency", "scope", "qualifier", "year", "display", "citations"]


class PlantFigureSerializer(FigureFields):
    """An amount invested in a plant, or its jobs, with its bound and year, as stated."""

    class Meta(FigureFields.Meta):
        model = PlantFigure


class CompanyFigureSerializer(FigureFields):
    """
    A company's figure where no plant holds it: jobs, vehicles produced or an amount invested,
    in an area (a country or region as the source names it; null for the whole company).
    """

    area = BlankAsNullField()

    class Meta(FigureFields.Meta):
        model = CompanyFigure
        fields = [
            *("kind", "value", "currency", "scope", "qualifier", "year", "area"),
            *("display", "citations"),
        ]


class CuratedRecordSerializer(ProvenanceMixin, serializers.ModelSerializer):
    citations = CitationSerializer(many=True, read_only=True)


class OriginalSerializer(serializers.ModelSerializer):
    """The file an article's text was read from, as received; only staff get its address."""

    url = serializers.SerializerMethodField(
        help_text="Where staff download the file; null for anyone else."
    )

    class Meta:
        model = Original
        fields = ["filename", "media_type", "sha256", "url"]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, original):
        request = self.context.get("request")
        if not may_download_originals(getattr(request, "user", None)):
            return None
        return absolute(request, original.get_absolute_url())


class ArticleSerializer(serializers.ModelSerializer):
    class NonEditorialSpanSerializer(serializers.ModelSerializer):
        class Meta:
            model = NonEditorialSpan
            fields = ["kind", "start", "end"]

    api_url = RecordLinkField(view_name="api:article-detail")
    source_url = serializers.SerializerMethodField(
        help_text="The human-readable source view: the body with every cited passage highlighted."
    )
    published = PartialDateField()
    published_precision = PrecisionField()
    url = UriField(help_text="The article's address on the publisher's site, if known.")
    non_editorial_spans = NonEditorialSpanSerializer(many=True, read_only=True)
    original = OriginalSerializer(
        read_only=True,
        allow_null=True,
        help_text="The file the text was read from, as received; null when none is stored.",
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "api_url",
            "source_url",
            "title",
            "publisher",
            "authors",
            "language",
            "published",
            "published_precision",
            "published_inferred",
            "url",
            "source_filename",
            "content_hash",
            "non_editorial_spans",
            "original",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_source_url(self, article):
        return absolute(self.context.get("request"), article.get_absolute_url())


class ArticleDetailSerializer(ArticleSerializer):
    """The detail view adds the body, which citation offsets point into; lists leave it out."""

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]


class CompanySerializer(CuratedRecordSerializer):
    class AliasSerializer(AliasFields):
        class Meta(AliasFields.Meta):
            model = CompanyAlias

    api_url = RecordLinkField(view_name="api:company-detail")
    country = BlankAsNullField()
    parent = VisibleCompanySerializer(read_only=True, allow_null=True)
    aliases = AliasSerializer(many=True, read_only=True)
    figures = CompanyFigureSerializer(
        many=True,
        read_only=True,
        help_text="The company's own figures (jobs, vehicles produced, investment), each as a "
        "source states it, where no plant holds them.",
    )

    class Meta:
        model = Company
        fields = [
            "id",
            "api_url",
            "name",
            "slug",
            "kind",
            "country",
            "parent",
            "aliases",
            "description",
            "figures",
            "review_status",
            "citations",
        ]


class StakeSerializer(CuratedRecordSerializer):
    api_url = RecordLinkField(view_name="api:stake-detail")
    holder = CompanyReferenceSerializer(read_only=True)
    target = CompanyReferenceSerializer(read_only=True)
    share_display = serializers.CharField(
        read_only=True,
        help_text="The share as the source put it: “20%”, “over 20%”, “up to 15%”, “10–15%”; "
        "empty when not stated.",
    )
    as_of = PartialDateField(source="as_of_display")
    as_of_precision = PrecisionField()

    class Meta:
        model = Stake
        fields = [
            "id",
            "api_url",
            "holder",
            "target",
            "share_exact",
            "share_min",
            "share_min_exclusive",
            "share_max",
            "share_max_exclusive",
            "share_display",
            "status",
            "as_of",
            "as_of_precision",
            "review_status",
            "citations",
        ]


class AgreementListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        return agreement_representations(list(data), self.context.get("request"), self.child)


class AgreementSerializer(CuratedRecordSerializer):
    """
    The fields of an agreement, declared for the schema and for ``agreement_writer``, which writes
    them for one agreement or many from the nested rows' ``.values()`` (the one writer of an
    agreement).
    """

    class PartySerializer(ProvenanceMixin, serializers.ModelSerializer):
        company = CompanyReferenceSerializer(read_only=True)
        display = serializers.CharField(source="__str__", read_only=True)
        citations = CitationSerializer(many=True, read_only=True)

        class Meta:
            model = AgreementParty
            fields = ["company", "role", "display", "citations"]

    api_url = RecordLinkField(view_name="api:agreement-detail")
    announced = PartialDateField()
    announced_precision = PrecisionField()
    signed = PartialDateField()
    signed_precision = PrecisionField()
    parties = PartySerializer(
        many=True,
        read_only=True,
        help_text="The parties the reader may see, each with its role: a company that is still "
        "a draft is left out for anonymous readers.",
    )
    volumes = AgreementVolumeSerializer(many=True, read_only=True)
    plant = VisiblePlantSerializer(read_only=True, allow_null=True)
    programmes = ProgrammeReferenceSerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id",
            "api_url",
            "title",
            "kind",
            "status",
            "announced",
            "announced_precision",
            "signed",
            "signed_precision",
            "start_year",
            "parties",
            "volumes",
            "plant",
            "programmes",
            "review_status",
            "citations",
        ]
        list_serializer_class = AgreementListSerializer

    def to_representation(self, instance):
        return agreement_representations([instance], self.context.get("request"), self)[0]


class PlantSerializer(CuratedRecordSerializer):
    class PlantAliasSerializer(AliasFields):
        class Meta(AliasFields.Meta):
            model = PlantAlias

    api_url = RecordLinkField(view_name="api:plant-detail")
    operator = VisibleCompanySerializer(read_only=True, allow_null=True)
    country = BlankAsNullField()
    aliases = PlantAliasSerializer(many=True, read_only=True)
    capacities = PlantCapacitySerializer(many=True, read_only=True)
    milestones = PlantMilestoneSerializer(many=True, read_only=True)
    figures = PlantFigureSerializer(
        many=True,
        read_only=True,
        help_text="Amounts invested in the plant and the jobs it has or will have, each as a "
        "source states it (sources that disagree give a figure each).",
    )

    class Meta:
        model = Plant
        fields = [
            "id",
            "api_url",
            "name",
            "aliases",
            "operator",
            "kind",
            "status",
            "city",
            "region",
            "country",
            "capacities",
            "milestones",
            "figures",
            "review_status",
            "citations",
        ]


class ProgrammeSerializer(CuratedRecordSerializer):
    api_url = RecordLinkField(view_name="api:programme-detail")
    brand = VisibleCompanySerializer(
        read_only=True, allow_null=True, help_text="The carmaker whose brand the programme is."
    )
    assembly_plant = VisiblePlantSerializer(read_only=True, allow_null=True)

    class Meta:
        model = VehicleProgramme
        fields = [
            "id",
            "api_url",
            "name",
            "brand",
            "segment",
            "assembly_plant",
            "start_year",
            "review_status",
            "citations",
        ]
