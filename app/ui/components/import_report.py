"""What a CSV import did (region "Import report"): counts, and every row left out and why."""

from __future__ import annotations

from app.i18n import Translator
from app.services.import_views import ImportReport
from app.ui.components.csv_preview import reasons
from app.ui.html import Element, h

REPORT_ID = "import-report-title"


def import_report(t: Translator, report: ImportReport) -> Element:
    summary = t("report.done", accounts_added=report.accounts_added, contacts_added=report.contacts_added,
                contacts_reused=report.contacts_reused, accounts_linked=report.accounts_linked) \
        if report.imported else t("report.refused", count=len(report.rejected))
    return h("section", {"class": "card import-report", "role": "region", "aria-labelledby": REPORT_ID},
             h("h2", {"id": REPORT_ID, "tabindex": "-1"}, t("report.title")),
             h("p", {"class": "summary" if report.imported else "field-error"}, summary),
             h("h3", None, t("report.rejected")) if report.rejected else None,
             h("ul", None, [h("li", None, t("report.line", line=r.line, reasons=reasons(t, r.problems)))
                            for r in report.rejected]) if report.rejected else None,
             h("h3", None, t("report.duplicates")) if report.duplicates else None,
             h("ul", None, [h("li", None, t("report.duplicate", line=r.line, of=r.duplicate_of))
                            for r in report.duplicates]) if report.duplicates else None)
