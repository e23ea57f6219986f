"""One run of the seed over one curation file."""

from pathlib import Path

from .curation_file import read_curation_file
from .reconcile import Reconciler
from .records import References, seed_article
from .sections import seed_agreement, seed_company, seed_plant, seed_programme, seed_stake
from .sources import ARTICLES_DIR_NAME, CURATION_FILE
from .value_bases import check_seeded_provenance, withdraw_value_bases

SECTION_LOADERS = {
    "companies": seed_company,
    "plants": seed_plant,
    "programmes": seed_programme,
    "stakes": seed_stake,
    "agreements": seed_agreement,
}


class Seeder:
    """Loads one curation file. Use ``seed()``, which runs it in a transaction."""

    def __init__(self, curation_path=CURATION_FILE):
        self.path = Path(curation_path)
        self.articles_dir = self.path.parent / ARTICLES_DIR_NAME
        self.sections = read_curation_file(self.path)
        self.reconciler = Reconciler()
        self.refs = References()

    @property
    def report(self):
        return self.reconciler.report

    def run(self):
        for entry in self.sections["articles"]:
            seed_article(self.reconciler, self.refs, self.articles_dir, entry)
        for section, load in SECTION_LOADERS.items():
            for entry in self.sections[section]:
                load(self.reconciler, self.refs, entry)
        self.withdraw_citations()
        withdraw_value_bases(self.reconciler)
        self.verify_citations()
        check_seeded_provenance(self.report)
        self.reconciler.ledger.flush()
        return self.report

    def withdraw_citations(self):
        self.reconciler.withdraw_citations()

    def verify_citations(self):
        self.reconciler.verify_citations()
