"""View data for component tests, holding hostile text where a person could type it."""

from app.domain.firm import Member, Role
from app.services.import_views import (
                  DUPLICATE,
                  JOINS_NEW,
                  NEW_ACCOUNT,
                  REJECTED,
                  ImportPlan,
                  ImportReport,
                  RowFate,
)
from app.services.overview_views import SECTIONS, Cell, EntryView, OverviewView, SectionView
from app.services.profile_views import ContactView, EmailView, FieldView, LinkView, ProfileView
from app.services.views import ClientPage, ClientRowView, MemberView, SearchHitView, TagView

XSS = '<img src=x onerror=alert(1)>'
TAG = TagView(1, f"VIP {XSS}", "#b45309")
GIULIA = MemberView(1, "Giulia Bianchi", "GB")
ROW = ClientRowView(7, f"Rossi {XSS}", "individual", (TAG,), (GIULIA,), "mario@rossi.it")
PAGE = ClientPage(rows=(ROW,), total=30, first=26, last=26, page=2, pages=2, tags=(TAG,),
                  members=(GIULIA,))
HITS = (SearchHitView(7, ROW.name, "individual"), SearchHitView(8, "Panificio Rossi", "company"))
EMAIL = EmailView("mario@rossi.it", True, "invited", "2026-11-02T10:30:00", True, ("document", "message"),
                  False, True)
CONTACT = ContactView(3, f"Mario {XSS}", "rossi mario", f"Titolare {XSS}", (EMAIL,), True, 1)
PROFILE = ProfileView(
    7, ROW.name, "individual", "RM", None, (TAG,), (GIULIA,), CONTACT, (CONTACT,),
    (FieldView(f"Regime {XSS}", "dropdown", f"Forfettario {XSS}"), FieldView("Fatturato", "number", "125000"),
     FieldView("Inizio", "date", "2024-01-31"), FieldView("Firma", "checkbox", None)),
    "synced", "2026-11-20T08:15:00", (LinkView(9, f"Rossi Costruzioni {XSS}"),),
    ("Via Roma 1", f"20121 Milano {XSS}"), True)
MEMBERS = [Member(id=1, first_name="Giulia", last_name="Bianchi", email="g@b.it", role=Role.OWNER)]

DATA_TEXT = {ROW.name, TAG.name, GIULIA.name, GIULIA.initials, "mario@rossi.it", CONTACT.name,
             CONTACT.description, "Panificio Rossi", "Studio", "Giulia Bianchi", "English", "Italiano",
             "RM", PROFILE.fields[0].label, PROFILE.fields[0].value, "Fatturato", "Inizio", "Firma",
             PROFILE.related[0].name, *PROFILE.address}

NOTE = EntryView(11, (Cell("text", f"Call back {XSS}"), Cell("text", "Giulia Bianchi"),
                      Cell("datetime", "2026-11-20T10:30:00")), editable=True)
DOCUMENT = EntryView(12, (Cell("text", f"F24 {XSS}.pdf"), Cell("status", "source.client"),
                          Cell("text", "Giulia Bianchi"), Cell("datetime", "2026-11-20T10:30:00")),
                     is_new=True)
OVERVIEW = OverviewView(7, ROW.name, tuple(
    SectionView(key, ("x",), (NOTE,) if key == "notes" else (DOCUMENT,) if key == "documents" else (),
                total=9 if key == "documents" else 1 if key == "notes" else 0)
    for key in SECTIONS), can_add_notes=True)
DATA_TEXT |= {NOTE.cells[0].value, DOCUMENT.cells[0].value, "Regime", "quota", "x"}

# The CSV import: a file's headers and rows carry user text too.
CSV_HEADERS = ("Nome", f"Cognome {XSS}", "E-mail")
CSV_SAMPLES = ("Mario", f"Rossi {XSS}", "mario@rossi.it")
PLAN_ROWS = (
    RowFate(2, f"Rossi {XSS}", f"Mario Rossi {XSS}", NEW_ACCOUNT),
    RowFate(3, f"Rossi {XSS}", "Anna Rossi", JOINS_NEW, reused_contact=True),
    RowFate(4, "", "Luca", REJECTED, problems=(("email", "email"), ("row", "extra_cells"))),
    RowFate(5, f"Rossi {XSS}", f"Mario Rossi {XSS}", DUPLICATE, duplicate_of=2),
)
PLAN = ImportPlan(PLAN_ROWS)
REPORT = ImportReport(False, 0, 0, 0, 0, (PLAN_ROWS[2],), (PLAN_ROWS[3],))
DATA_TEXT |= {*CSV_HEADERS, *CSV_SAMPLES, *(r.account for r in PLAN_ROWS), *(r.person for r in PLAN_ROWS), "Luca",
              "file.csv"}
