"""Client import at scale, round trips with the export, and arbitrary files that must never half-import."""

import csv
import io

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.domain.access import visibility
from app.domain.client_rows import SYNONYMS, TEMPLATE_HEADERS, auto_map
from app.domain.csv_table import MAX_CSV_BYTES
from app.domain.errors import FileRefused
from app.services.client_import import check_size, plan_import, read_table, run_import
from app.services.export import export_clients_csv
from app.services.import_views import ALREADY_LINKED, NEW_ACCOUNT, REJECTED, WRITES
from app.services.profile import account_profile
from app.services.reset import erase_all_clients
from app.store.search import search
from tests.conftest import _demo_db, member_named
from tests.services.test_client_import import counts, csv_bytes, found, import_bytes

BAD_LINES = (2, 58, 4321, 7777, 10001)   # physical lines; line 1 is the header
_DEMO = _demo_db(10)   # the same firm the fuzz tests start from: its names and emails make matches


def test_a_file_over_the_limit_is_refused_before_reading():
    check_size(MAX_CSV_BYTES)
    with pytest.raises(FileRefused) as refused:
        check_size(MAX_CSV_BYTES + 1)
    assert refused.value.code == "too_large"


@pytest.mark.parametrize("data, code", [
    (b"", "empty"), (b" \r\n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("Nome,Cognome,Città\nNicolò,Rossi,Forlì\n".encode("latin-1"), "not_utf8"),
    (b'First name,Last name\nMario,"Rossi\nAnna,Neri\n', "unbalanced_quotes"),
    (b"First name,Last name\n", "no_rows"),
])
def test_unreadable_files_are_refused_whole(data, code):
    with pytest.raises(FileRefused) as refused:
        read_table(member_named(_DEMO, "Tom"), data)
    assert refused.value.code == code


def test_html_and_script_text_is_stored_as_plain_text():
    db = _demo_db(10)
    giulia = member_named(db, "Giulia")
    data = csv_bytes([("Bar & Co", "<b>Mario</b>", "Rossi", "", "<script>alert('x')</script>"),
                      ("<script>x</script>", "Anna", "Neri", "", ""),
                      ("", "<i>Luca</i>", "Bo", "", "")],
                     header=("Account name", "First name", "Last name", "Email", "Description"))
    report = import_bytes(db, giulia, data, valid_only=True)
    assert [(r.line, r.problems) for r in report.rejected] == [(3, (("account_name", "bad_chars"),)),
                                                                (4, (("account_name", "bad_chars"),))]
    [hit] = found(db, giulia, "Bar & Co")
    [contact] = account_profile(db, giulia, hit.account_id).contacts
    assert (contact.name, contact.description) == ("<b>Mario</b> Rossi", "<script>alert('x')</script>")


def ten_thousand_rows() -> bytes:
    lines = ["Account name,Account type,Tags,First name,Last name,Email,Phone"]
    for line in range(2, 10_002):
        email = "senza-chiocciola.example.com" if line in BAD_LINES else f"cliente{line}@example.com"
        lines.append(f"Cliente {line} S.r.l.,Company,Nuovo cliente,Nome{line},Cognome{line},{email},+39 02 {line:07d}")
    return ("\n".join(lines) + "\n").encode()


def test_ten_thousand_rows_are_refused_whole_or_imported_without_the_bad_ones():
    db = _demo_db(10)
    giulia = member_named(db, "Giulia")
    before = counts(db)
    table, mapping = read_table(giulia, ten_thousand_rows())
    report = run_import(db, giulia, table, mapping)
    assert report.imported is False and [r.line for r in report.rejected] == list(BAD_LINES)
    assert {r.problems for r in report.rejected} == {(("email", "email"),)}
    assert counts(db) == before
    report = run_import(db, giulia, table, mapping, valid_only=True)
    assert report.imported and report.accounts_added == report.contacts_added == 10_000 - len(BAD_LINES)
    assert db.scalar("SELECT count(*) FROM account") == before["account"] + 10_000 - len(BAD_LINES)
    assert counts(db)["tag"] == before["tag"]   # "Nuovo cliente" is the demo's tag, reused 9,995 times
    assert [h.name for h in search(db, "Cliente 9876 S.r.l.", visibility(giulia))] == ["Cliente 9876 S.r.l."]
    assert search(db, "Cliente 4321 S.r.l.", visibility(giulia)) == []
    assert db.scalar("SELECT count(*) FROM contact_phone WHERE number = '+39020009876'") == 1


def test_re_importing_the_firms_own_export_adds_nothing():
    db = _demo_db(40)
    giulia = member_named(db, "Giulia")
    before = counts(db)
    table, mapping = read_table(giulia, export_clients_csv(db, giulia).encode())
    plan = plan_import(db, giulia, table, mapping)
    assert plan.count(ALREADY_LINKED) == len(plan.rows) == before["account_contact"]
    report = run_import(db, giulia, table, mapping)
    assert report.imported and (report.accounts_added, report.contacts_added) == (0, 0)
    assert counts(db) == before


def test_accounts_sharing_a_name_make_the_re_import_ambiguous():
    db = _demo_db(120)
    giulia = member_named(db, "Giulia")
    [(twin, n)] = db.all("SELECT name_sort, count(*) FROM account GROUP BY name_sort HAVING count(*) > 1")
    assert n == 2
    before = counts(db)
    table, mapping = read_table(giulia, export_clients_csv(db, giulia).encode())
    plan = plan_import(db, giulia, table, mapping)
    assert {(r.account.casefold(), r.problems) for r in plan.rejected} == {(twin, (("account_name", "ambiguous_account"),))}
    assert plan.count(ALREADY_LINKED) + plan.count(REJECTED) == len(plan.rows)
    assert run_import(db, giulia, table, mapping).imported is False
    report = run_import(db, giulia, table, mapping, valid_only=True)
    assert report.imported and (report.accounts_added, report.contacts_added) == (0, 0)
    assert counts(db) == before


def test_the_export_re_imported_into_an_empty_firm_gives_the_same_clients():
    source = _demo_db(40)
    owner = member_named(source, "Giulia")
    contact_id = source.scalar("SELECT contact_id FROM account_contact WHERE is_primary ORDER BY account_id LIMIT 1")
    source.execute("UPDATE contact SET first_name = '=cmd', last_name = '@SUM(A1)' WHERE id = ?", (contact_id,))
    exported = export_clients_csv(source, owner)
    assert "'=cmd" in exported and "'+39" in exported
    target = _demo_db(40)
    erase_all_clients(target, member_named(target, "Giulia"))
    table, mapping = read_table(owner, exported.encode())
    plan = plan_import(target, owner, table, mapping)
    assert plan.count(NEW_ACCOUNT) == source.scalar("SELECT count(*) FROM account") and not plan.rejected
    report = run_import(target, owner, table, mapping)
    assert report.accounts_added == source.scalar("SELECT count(*) FROM account")
    assert report.contacts_added == source.scalar("SELECT count(*) FROM contact")
    for table_name in ("account_contact", "contact_email", "contact_phone", "account_tag", "account_team"):
        assert target.scalar(f"SELECT count(*) FROM {table_name}") == source.scalar(f"SELECT count(*) FROM {table_name}")
    assert target.scalar("SELECT count(*) FROM contact WHERE first_name = '=cmd' AND last_name = '@SUM(A1)'") == 1
    phones = {r[0] for r in target.all("SELECT number FROM contact_phone")}
    assert phones == {r[0] for r in source.all("SELECT number FROM contact_phone")}
    assert all(p.startswith("+") for p in phones)
    assert export_clients_csv(target, owner) == exported


# --- arbitrary files: refused whole, or imported as the preview said, never half-written ---

HEADERS = [*TEMPLATE_HEADERS.values(), *(s for names in SYNONYMS.values() for s in names),
           "Note", "", "Codice fiscale", "E-MAIL", " nome "]
# Primary and further addresses alike: two addresses of one contact may name the same account.
_EMAILS = [r[0] for r in _DEMO.all("SELECT address FROM contact_email")] + ["mario@rossi.it", "MARIO@ROSSI.IT"]
_SECONDARY = [r[0] for r in _DEMO.all("SELECT address FROM contact_email WHERE NOT is_primary")]
_MEMBERS = [r[0] for r in _DEMO.all("SELECT email FROM member")]
JUNK = st.one_of(st.text(max_size=12), st.sampled_from([
    "", " ", "'=1+1", "'+39 333 1234567", "<b>x</b>", 'a "quoted" word', "due\nrighe", "a,b;c", '"', "x" * 300,
    "non-una-mail", "nessuno@studiobf.it", "Caffè Città"]))
GOOD = {  # cells a field accepts, so that many rows get through and meet the firm's data
    "account_name": ["", "Alfa Srl", "alfa  SRL", "Bar & Co", "Rossi, Mario", *(r[0] for r in _DEMO.all("SELECT name FROM account"))],
    "account_type": ["", "Company", "azienda", "Individual", "Altro"],
    "tags": ["", "VIP", "vip;Nuovo", "Estero; estero ;Clienti esteri"],
    "team": ["", *_MEMBERS, ";".join(_MEMBERS[:3]).upper()],
    "first_name": ["Mario", "Anna", "Nicolò", "=cmd"], "last_name": ["Rossi", "D'Amico", "Neri"],
    "email": ["", *_EMAILS], "more_emails": ["", "altro@rossi.it", ";".join(_SECONDARY[:2]), ";".join(_EMAILS[:2])],
    "phone": ["", "+39 02 1234 567", "'+39 333 1234567", "333-1234567"],
}


@st.composite
def csv_files(draw):
    headers = draw(st.lists(st.sampled_from(HEADERS), max_size=6))
    if draw(st.integers(0, 4)):   # mostly a usable file: both names present
        headers += draw(st.permutations(["First name", draw(st.sampled_from(["Last name", "Cognome", "Surname"]))]))
    headers = draw(st.permutations(headers))
    fields = auto_map(headers)
    cell = {i: st.one_of(st.sampled_from(GOOD.get(fields[i]) or ["", "Via Roma 1", "Milano", "Titolare"]),
                         JUNK if draw(st.booleans()) else st.nothing()) for i in range(len(headers))}
    rows = draw(st.lists(st.tuples(*(cell[i] for i in range(len(headers)))), min_size=1, max_size=8))
    if rows and draw(st.booleans()):
        rows.append(draw(st.sampled_from(rows)))   # the same row twice
    delimiter = draw(st.sampled_from([",", ";"]))
    out = io.StringIO()
    if draw(st.integers(0, 3)):
        writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
        writer.writerow(headers)
        writer.writerows(rows)
    else:   # written by hand: stray quotes and separators stay as they are
        out.write("\n".join(delimiter.join(r) for r in [headers, *rows]))
    return (draw(st.sampled_from(["", "\ufeff", "\n\n"])) + out.getvalue()).encode()


def import_whatever(data: bytes, actor_name: str, valid_only: bool) -> None:
    db = _demo_db(10)
    actor = member_named(db, actor_name)
    try:
        table, mapping = read_table(actor, data)
    except FileRefused as refused:
        event(f"file refused: {refused.code}")
        return
    plan = plan_import(db, actor, table, mapping)
    before = counts(db)
    try:
        report = run_import(db, actor, table, mapping, valid_only=valid_only)
    except FileRefused as refused:
        assert refused.code == "mapping" and plan.mapping_problems
        event("mapping problems")
        assert counts(db) == before
        return
    except Exception:
        assert counts(db) == before, "an import that failed left part of the file behind"
        raise
    assert not plan.mapping_problems
    assert [r.line for r in report.rejected] == [r.line for r in plan.rejected]
    event(f"imported={report.imported}, rows to write: {bool(sum(plan.count(f) for f in WRITES))}")
    if not report.imported:
        assert plan.rejected and not valid_only and counts(db) == before
        return
    assert report.accounts_added == plan.count(NEW_ACCOUNT)
    # Each written row links a contact already in the firm (as previewed), a new one, or a new one
    # an earlier row of the file added.
    written = [r for r in plan.rows if r.fate in WRITES]
    assert report.contacts_reused == sum(r.reused_contact for r in written)
    assert 0 < report.contacts_added + report.contacts_reused <= len(written) or not written
    assert counts(db)["account"] == before["account"] + plan.count(NEW_ACCOUNT)
    assert counts(db)["account_contact"] == before["account_contact"] + sum(plan.count(f) for f in WRITES)


FUZZ = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ACTORS = st.sampled_from(["Giulia", "Paolo", "Tom"])


@FUZZ
@given(data=st.binary(max_size=300), actor=ACTORS, valid_only=st.booleans())
def test_arbitrary_bytes_are_refused_or_imported_whole(data, actor, valid_only):
    import_whatever(data, actor, valid_only)


@FUZZ
@given(data=csv_files(), actor=ACTORS, valid_only=st.booleans())
def test_arbitrary_csv_files_are_refused_or_imported_as_previewed(data, actor, valid_only):
    import_whatever(data, actor, valid_only)
