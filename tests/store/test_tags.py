"""The store writers of Settings: tags and custom-field definitions with their values."""

from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType, Tag
from app.store import custom_fields as field_store
from app.store import firm as firm_store
from app.store import tags as tag_store
from tests.store.helpers import add_account


def test_a_renamed_tag_stays_on_its_accounts_and_a_deleted_one_leaves_them(db):
    with db.transaction():
        tag_id = firm_store.insert_tag(db, Tag(name="VIP", color="#111111"))
    add_account(db, "Rossi", tags={tag_id})
    add_account(db, "Bianchi", tags={tag_id})
    with db.transaction():
        tag_store.update_tag(db, Tag(id=tag_id, name="Top", color="#222222"))
    assert tag_store.get_tag(db, tag_id) == Tag(id=tag_id, name="Top", color="#222222")
    assert tag_store.count_accounts(db, tag_id) == 2 and tag_store.account_counts(db) == {tag_id: 2}
    with db.transaction():
        tag_store.delete_tag(db, tag_id)
    assert tag_store.get_tag(db, tag_id) is None and tag_store.account_counts(db) == {}


def test_field_values_are_listed_with_their_holder_and_rewritten(db):
    with db.transaction():
        field = CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Codice", type=FieldType.TEXT)
        field = field.model_copy(update={"id": firm_store.insert_custom_field(db, field)})
    rossi, bianchi = add_account(db, "Rossi"), add_account(db, "Bianchi")
    with db.transaction():
        db.execute("INSERT INTO account_field_value (account_id, field_id, value) VALUES (?, ?, '1,5'), (?, ?, '2')",
                   (rossi, field.id, bianchi, field.id))
    values = field_store.field_values(db, field)
    assert [(v.owner_name, v.value) for v in values] == [("Bianchi", "2"), ("Rossi", "1,5")]
    assert field_store.count_values(db, field) == 2 and field_store.value_counts(db, FieldScope.ACCOUNT) == {field.id: 2}
    assert field_store.value_counts(db, FieldScope.CONTACT) == {}
    with db.transaction():
        field_store.rewrite_values(db, field, {rossi: "1.5"})
        field_store.update_field(db, field.model_copy(update={"type": FieldType.NUMBER, "label": "Importo"}))
    assert [v.value for v in field_store.field_values(db, field)] == ["2", "1.5"]
    assert field_store.get_field(db, field.id).label == "Importo"
    with db.transaction():
        field_store.delete_field(db, field.id)
    assert field_store.get_field(db, field.id) is None and field_store.count_values(db, field) == 0


def test_positions_are_set_in_the_order_given(db):
    with db.transaction():
        ids = [firm_store.insert_custom_field(db, CustomFieldDefinition(
            scope=FieldScope.CONTACT, label=f"F{i}", type=FieldType.TEXT)) for i in range(3)]
        field_store.set_positions(db, [ids[2], ids[0], ids[1]])
    assert [f.label for f in firm_store.list_custom_fields(db, "contact")] == ["F2", "F0", "F1"]
