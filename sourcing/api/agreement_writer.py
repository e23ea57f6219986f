"""
The API's JSON of agreements: the one writer of the representation that the list, the detail,
the export and the change feed publish (``AgreementSerializer`` declares its fields for the
schema and hands every agreement here).

The agreements are model instances (the list's filters, pagination and the export's cursor
give them); what they carry (parties and their companies, volumes, programmes, citations and
their articles, value bases) is read with ``.values()`` in six queries, however many agreements
and rows: building model instances for those rows was most of a page's cost.
"""

from ..models import Agreement, AgreementParty, AgreementVolume, VehicleProgramme
from ..models.dates import format_partial_date
from .nested_rows import NestedCitations, links
from .visibility import user_of, visible

PARTY_COLUMNS = ("pk", "agreement_id", "role", "company_id", "company__slug", "company__name")
VOLUME_COLUMNS = ("pk", "agreement_id", "gwh_per_year", "qualifier", "basis", "year")
PROGRAMME_COLUMNS = ("agreements", "pk", "name", "segment", "start_year", "brand_id",
                     "assembly_plant_id")  # fmt: skip


def agreement_representations(agreements, request):
    """The JSON of each of ``agreements`` as ``request``'s reader may see it."""
    nested = NestedRows(agreements, request)
    return [nested.agreement(agreement) for agreement in agreements]


class NestedRows:
    """What some agreements carry, read for all of them at once."""

    def __init__(self, agreements, request):
        user = user_of(request)
        ids = [agreement.pk for agreement in agreements]
        self.user, self.links = user, links(request)
        # Each model's own order within an agreement; the agreement's id instead of its
        # ordering (a join) since the rows are grouped by agreement here.
        parties = visible(AgreementParty.objects.filter(agreement_id__in=ids), user)
        self.parties = list(
            parties.order_by("role", "company__name", "pk").values_list(*PARTY_COLUMNS)
        )
        self.volumes = list(
            AgreementVolume.objects.filter(agreement_id__in=ids)
            .order_by("year", "gwh_per_year", "pk")
            .values_list(*VOLUME_COLUMNS)
        )
        programmes = visible(VehicleProgramme.objects.filter(agreements__in=ids), user)
        self.programmes = list(programmes.order_by("name", "pk").values_list(*PROGRAMME_COLUMNS))
        self.citations = NestedCitations(
            [
                (Agreement, ids),
                (AgreementParty, [row[0] for row in self.parties]),
                (AgreementVolume, [row[0] for row in self.volumes]),
                (VehicleProgramme, list({row[1] for row in self.programmes})),
            ],
            request,
        )
        self.by_agreement = {pk: {"parties": [], "volumes": [], "programmes": []} for pk in ids}
        for row in self.parties:
            self.by_agreement[row[1]]["parties"].append(self.party(*row))
        for row in self.volumes:
            self.by_agreement[row[1]]["volumes"].append(self.volume(*row))
        for row in self.programmes:
            self.by_agreement[row[0]]["programmes"].append(self.programme(*row))

    def agreement(self, agreement):
        pk, cited = agreement.pk, self.citations
        nested = self.by_agreement[pk]
        plant = agreement.plant
        values = {  # Agreement.factual_fields, in their order
            "kind": agreement.kind,
            "status": agreement.status,
            "announced_on": agreement.announced_on,
            "signed_on": agreement.signed_on,
            "start_year": agreement.start_year,
            "plant": agreement.plant_id,
            "programmes": nested["programmes"],
        }
        return {
            "id": pk,
            "api_url": self.links.template("api:agreement-detail").format(pk),
            "title": agreement.title,
            "kind": agreement.kind,
            "status": agreement.status,
            "announced": format_partial_date(agreement.announced_on, agreement.announced_precision)
            or None,
            "announced_precision": agreement.announced_precision or None,
            "signed": format_partial_date(agreement.signed_on, agreement.signed_precision) or None,
            "signed_precision": agreement.signed_precision or None,
            "start_year": agreement.start_year,
            "parties": nested["parties"],
            "volumes": nested["volumes"],
            "plant": self.plant(plant) if plant is not None else None,
            "programmes": nested["programmes"],
            "review_status": agreement.review_status,
            "citations": cited.of(Agreement, pk),
            "provenance": cited.provenance(Agreement, pk, values),
        }

    def plant(self, plant):
        """A reference to the agreement's plant; null when the reader may not see it."""
        if not plant.is_visible_to(self.user):
            return None
        return {
            "id": plant.pk,
            "api_url": self.links.template("api:plant-detail").format(plant.pk),
            "name": plant.name,
        }

    def party(self, pk, agreement_id, role, company_id, slug, name):
        cited = self.citations
        return {
            "company": {
                "id": company_id,
                "api_url": self.links.template("api:company-detail").format(company_id),
                "slug": slug,
                "name": name,
            },
            "role": role,
            "display": AgreementParty.label_for(name, role),
            "citations": cited.of(AgreementParty, pk),
            "provenance": cited.provenance(
                AgreementParty,
                pk,
                {"company": company_id, "role": role},
                parent=(Agreement, agreement_id),
            ),
        }

    def volume(self, pk, agreement_id, gwh_per_year, qualifier, basis, year):
        cited = self.citations
        values = {"gwh_per_year": gwh_per_year, "qualifier": qualifier, "basis": basis,
                  "year": year}  # fmt: skip
        return {
            **values,
            "display": AgreementVolume.label_for(gwh_per_year, qualifier, basis, year),
            "citations": cited.of(AgreementVolume, pk),
            "provenance": cited.provenance(
                AgreementVolume, pk, values, parent=(Agreement, agreement_id)
            ),
        }

    def programme(self, agreement_id, pk, name, segment, start_year, brand_id, plant_id):
        values = {"brand": brand_id, "segment": segment, "assembly_plant": plant_id,
                  "start_year": start_year}  # fmt: skip
        return {
            "id": pk,
            "api_url": self.links.template("api:programme-detail").format(pk),
            "name": name,
            "segment": segment,
            "start_year": start_year,
            # Shown inside the agreement, but a record of its own: no parent's passages.
            "provenance": self.citations.provenance(VehicleProgramme, pk, values),
        }
