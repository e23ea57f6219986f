"""
The API's JSON of agreements: the one writer of the representation that the list, the detail,
the export and the change feed publish. ``AgreementSerializer`` declares the fields (for the
schema and for this writer) and hands every agreement here.

The agreements are model instances (the list's filters, pagination and the export's chunks give
them); what they carry (parties and their companies, volumes, programmes, citations and their
articles, value bases) is read with ``.values()`` in six queries, however many agreements and
rows: building model instances for those rows was most of a page's cost.

Which fields are written, in which order, and which columns are read come from the serializers
and the models (``factual_fields``): a plain field added to a model and to its serializer is
written without a change here. Only the fields that need more than the stored value (links,
dates with their precision, nested rows, citations, provenance) are written by hand below.
"""

from functools import cache

from rest_framework import serializers

from ..models import Agreement, AgreementParty, AgreementVolume, VehicleProgramme
from ..models.dates import format_partial_date
from ..models.provenance import factual_columns
from ..models.statements import context_columns
from .fields import built_fields
from .nested_rows import NestedCitations, links
from .visibility import user_of, visible

# Fields whose DRF representation of a stored value is the value itself: written as read.
AS_STORED = (
    serializers.CharField,
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.BooleanField,
)


def agreement_representations(agreements, request, serializer):
    """The JSON of each of ``agreements`` as ``request``'s reader may see it."""
    nested = NestedRows(agreements, request, serializer)
    return [nested.agreement(agreement) for agreement in agreements]


@cache
def plain_fields(serializer_class, special):
    """
    ``[(name, source, writer)]`` for the fields ``serializer_class`` builds from the model
    (``built_fields``) that are not written by hand (``special``): ``writer`` is None where DRF
    writes the stored value as it is.
    """
    fields = serializer_class().fields
    return [
        (name, field.source, None if isinstance(field, AS_STORED) else field.to_representation)
        for name, field in fields.items()
        if name in built_fields(serializer_class) and name not in special
    ]


def write_plain(fields, get):
    """The plain fields' values, each read by ``get(source)``."""
    written = {}
    for name, source, writer in fields:
        value = get(source)
        written[name] = value if writer is None or value is None else writer(value)
    return written


def ordered(serializer, data):
    """``data`` in the order the serializer declares its fields (what DRF writes)."""
    return {name: data[name] for name in serializer.fields}


class NestedRows:
    """What some agreements carry, read for all of them at once."""

    def __init__(self, agreements, request, serializer):
        user = user_of(request)
        ids = [agreement.pk for agreement in agreements]
        self.user, self.links = user, links(request)
        self.serializer = serializer
        self.party_serializer = serializer.fields["parties"].child
        self.volume_serializer = serializer.fields["volumes"].child
        self.programme_serializer = serializer.fields["programmes"].child
        self.parties = self.read_parties(ids, user)
        self.volumes = self.read_volumes(ids)
        self.programmes = self.read_programmes(ids, user)
        self.citations = NestedCitations(
            [
                (Agreement, ids),
                (AgreementParty, [row["pk"] for row in self.parties]),
                (AgreementVolume, [row["pk"] for row in self.volumes]),
                (VehicleProgramme, list({row["pk"] for row in self.programmes})),
            ],
            request,
            named_rows=[
                *((Agreement, {"plant": agreement.plant_id}) for agreement in agreements),
                *((AgreementParty, factual_values(AgreementParty, row)) for row in self.parties),
                *(
                    (VehicleProgramme, factual_values(VehicleProgramme, row))
                    for row in self.programmes
                ),
            ],
        )
        self.by_agreement = {pk: {"parties": [], "volumes": [], "programmes": []} for pk in ids}
        for row in self.parties:
            self.by_agreement[row["agreement_id"]]["parties"].append(self.party(row))
        for row in self.volumes:
            self.by_agreement[row["agreement_id"]]["volumes"].append(self.volume(row))
        for row in self.programmes:
            self.by_agreement[row["agreements"]]["programmes"].append(self.programme(row))

    # -- Reading the rows (each model's own order within an agreement; grouped by agreement) --

    def read_parties(self, ids, user):
        parties = visible(AgreementParty.objects.filter(agreement_id__in=ids), user)
        columns = self.columns(AgreementParty, self.party_serializer, PARTY_SPECIAL)
        return list(
            parties.order_by("role", "company__name", "pk").values(
                "agreement_id", *columns, "company__slug", "company__name"
            )
        )

    def read_volumes(self, ids):
        columns = self.columns(AgreementVolume, self.volume_serializer, VOLUME_SPECIAL)
        volumes = AgreementVolume.objects.filter(agreement_id__in=ids)
        return list(volumes.order_by("year", "gwh_per_year", "pk").values("agreement_id", *columns))

    def read_programmes(self, ids, user):
        programmes = visible(VehicleProgramme.objects.filter(agreements__in=ids), user)
        columns = self.columns(VehicleProgramme, self.programme_serializer, PROGRAMME_SPECIAL)
        return list(programmes.order_by("name", "pk").values("agreements", *columns))

    @staticmethod
    def columns(model, serializer, special):
        """The columns a row of ``model`` is written from: its plain fields and factual ones."""
        plain = [source for _, source, _ in plain_fields(type(serializer), special)]
        factual = [attname for _, attname in factual_columns(model)]
        return list(dict.fromkeys(["pk", *plain, *factual]))

    # -- Writing them ---------------------------------------------------------------------------

    def agreement(self, agreement):
        pk, cited = agreement.pk, self.citations
        nested = self.by_agreement[pk]
        plant = agreement.plant
        values = {
            name: nested[name] if attname is None else getattr(agreement, attname)
            for name, attname in factual_columns(Agreement)
        }
        values.update({name: getattr(agreement, name) for name in context_columns(Agreement)})
        data = write_plain(
            plain_fields(type(self.serializer), AGREEMENT_SPECIAL),
            lambda source: getattr(agreement, source),
        )
        data.update(
            {
                "api_url": self.links.template("api:agreement-detail").format(pk),
                "announced": format_partial_date(
                    agreement.announced_on, agreement.announced_precision
                )
                or None,
                "announced_precision": agreement.announced_precision or None,
                "signed": format_partial_date(agreement.signed_on, agreement.signed_precision)
                or None,
                "signed_precision": agreement.signed_precision or None,
                "parties": nested["parties"],
                "volumes": nested["volumes"],
                "plant": self.plant(plant) if plant is not None else None,
                "programmes": nested["programmes"],
                "citations": cited.of(Agreement, pk),
                "provenance": cited.provenance(Agreement, pk, values),
            }
        )
        return ordered(self.serializer, data)

    def plant(self, plant):
        """A reference to the agreement's plant; null when the reader may not see it."""
        if not plant.is_visible_to(self.user):
            return None
        return {
            "id": plant.pk,
            "api_url": self.links.template("api:plant-detail").format(plant.pk),
            "name": plant.name,
        }

    def party(self, row):
        company_id = row["company_id"]
        data = write_plain(plain_fields(type(self.party_serializer), PARTY_SPECIAL), row.get)
        data.update(
            {
                "company": {
                    "id": company_id,
                    "api_url": self.links.template("api:company-detail").format(company_id),
                    "slug": row["company__slug"],
                    "name": row["company__name"],
                },
                "display": AgreementParty.label_for(row["company__name"], row["role"]),
                **self.sources_of_part(AgreementParty, row),
            }
        )
        return ordered(self.party_serializer, data)

    def volume(self, row):
        data = write_plain(plain_fields(type(self.volume_serializer), VOLUME_SPECIAL), row.get)
        data.update(
            {
                "display": AgreementVolume.label_for(
                    row["gwh_per_year"], row["qualifier"], row["basis"], row["year"]
                ),
                **self.sources_of_part(AgreementVolume, row),
            }
        )
        return ordered(self.volume_serializer, data)

    def sources_of_part(self, model, row):
        """
        The citations and value bases of a part of an agreement (a party, a volume): a value
        is stated by the part's own passages or by its agreement's.
        """
        pk = row["pk"]
        return {
            "citations": self.citations.of(model, pk),
            "provenance": self.citations.provenance(
                model, pk, factual_values(model, row), parent=(Agreement, row["agreement_id"])
            ),
        }

    def programme(self, row):
        pk = row["pk"]
        serializer = self.programme_serializer
        data = write_plain(plain_fields(type(serializer), PROGRAMME_SPECIAL), row.get)
        data.update(
            {
                "api_url": self.links.template("api:programme-detail").format(pk),
                # Shown inside the agreement, but a record of its own: no parent's passages.
                "provenance": self.citations.provenance(
                    VehicleProgramme, pk, factual_values(VehicleProgramme, row)
                ),
            }
        )
        return ordered(serializer, data)


def factual_values(model, row):
    """{factual field: stored value} of a row read with ``.values()`` (its attnames)."""
    return {name: row[attname] for name, attname in factual_columns(model)}


# The fields each writer above writes by hand: all others are plain (see ``plain_fields``).
AGREEMENT_SPECIAL = frozenset(
    {
        "api_url",
        "announced",
        "announced_precision",
        "signed",
        "signed_precision",
        "parties",
        "volumes",
        "plant",
        "programmes",
        "citations",
        "provenance",
    }
)
PARTY_SPECIAL = frozenset({"company", "display", "citations", "provenance"})
VOLUME_SPECIAL = frozenset({"display", "citations", "provenance"})
PROGRAMME_SPECIAL = frozenset({"api_url", "provenance"})
