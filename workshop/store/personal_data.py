"""The one declaration of personal data: every text column of every table is either PERSONAL (with what kind of
personal data it holds and what retention does to it) or NOT_PERSONAL (with why not). A table added later whose
text columns are in neither fails tests/unit/test_personal_data.py until its author has decided.

Who uses it: finding, handing over and erasing one person (workshop.services.privacy.people), retention (the same
module), and docs/privacy.md (the data protection officer's view)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import JSON, MetaData, String, Table, Text

from workshop.store.tables import metadata


class Kind(StrEnum):
    """What a field holds about people, and so what erasing one person does to it."""

    CONTACT = "contact"  # one person's name and how to reach them: emptied when it names the person
    NAME = "name"  # the name of whoever proposed or owns something: "[removed]" when it names the person
    FREE_TEXT = "free_text"  # text that may mention people: the name inside replaced by "[removed]"
    WORD_LIST = "word_list"  # words one a line (the key terms' leave-out list): the person's words taken out
    ADDRESS = "address"  # a signed-in person's e-mail address that places them (a team): the row goes
    ADDRESS_LIST = "address_list"  # a list of e-mail addresses (who gets a role): the person's address taken out


class Rule(StrEnum):
    """What retention does to a field once a workshop's retention period has passed."""

    BLANK = "blank"  # emptied
    REMOVED = "removed"  # replaced whole by "[removed]" in the workshop's content language
    DELETE_ROW = "delete_row"  # the row deleted
    KEEP = "keep"  # kept (the strategy record); the known contact persons' names inside are replaced


@dataclass(frozen=True)
class Personal:
    kind: Kind
    retention: Rule
    what: str  # what personal data, in a phrase for docs/privacy.md


PERSONAL: dict[tuple[str, str], Personal] = {
    ("partners", "contact"): Personal(Kind.CONTACT, Rule.BLANK, "a partner's contact person: name, e-mail, phone"),
    ("partner_proposals", "contact"): Personal(Kind.CONTACT, Rule.BLANK, "the contact person a team proposes"),
    ("partner_proposals", "reason"): Personal(
        Kind.FREE_TEXT, Rule.REMOVED, "why a team proposes a partner; usually about the contact person"
    ),
    ("comments", "text"): Personal(Kind.FREE_TEXT, Rule.REMOVED, "a team's comment on an answer; may name staff"),
    ("reactions", "comment"): Personal(Kind.FREE_TEXT, Rule.REMOVED, "a team's comment on a theme; may name staff"),
    ("proposals", "proposer"): Personal(Kind.NAME, Rule.REMOVED, "who proposed a project: a person or a partner"),
    ("drafts", "text"): Personal(Kind.FREE_TEXT, Rule.DELETE_ROW, "a team's unsent answer; may name staff"),
    ("responses", "text"): Personal(Kind.FREE_TEXT, Rule.KEEP, "a team's answer (anonymous); may name staff"),
    ("actions", "owner"): Personal(Kind.NAME, Rule.KEEP, "who owns an action: a team, sometimes a person"),
    ("themes", "decision"): Personal(Kind.FREE_TEXT, Rule.KEEP, "leadership's decision; may name staff"),
    ("partners", "description"): Personal(Kind.FREE_TEXT, Rule.KEEP, "about a partner; may name its people"),
    ("partner_stages", "note"): Personal(Kind.FREE_TEXT, Rule.KEEP, "a note on a partnership's move; may name people"),
    ("offers", "description"): Personal(Kind.FREE_TEXT, Rule.KEEP, "about an offer; may name who runs it"),
    ("mappings", "description"): Personal(Kind.FREE_TEXT, Rule.KEEP, "a team's description of an offer it maps"),
    ("mappings", "note"): Personal(Kind.FREE_TEXT, Rule.KEEP, "a team's note on an offer it maps"),
    ("screenings", "note"): Personal(Kind.FREE_TEXT, Rule.KEEP, "a rater's note on a screening question"),
    ("proposals", "description"): Personal(Kind.FREE_TEXT, Rule.KEEP, "a proposal's description; may name people"),
    ("proposals", "verdict_reason"): Personal(Kind.FREE_TEXT, Rule.KEEP, "leadership's reason for a verdict"),
    ("asset_proposals", "description"): Personal(Kind.FREE_TEXT, Rule.KEEP, "an asset a team proposes"),
    ("workshops", "library_contact"): Personal(
        Kind.FREE_TEXT, Rule.KEEP, "the library's own contact on the leaflet; may name a member of staff"
    ),
    ("history", "by_name"): Personal(Kind.NAME, Rule.REMOVED, "the signed-in name of who made a recorded change"),
    ("history", "by_email"): Personal(Kind.CONTACT, Rule.BLANK, "the signed-in address of who made a recorded change"),
    ("history", "subject"): Personal(Kind.FREE_TEXT, Rule.KEEP, "the name of what a recorded change changed"),
    ("history", "details"): Personal(
        Kind.FREE_TEXT, Rule.KEEP, "a recorded change's before and after; may name people"
    ),
    ("responses", "edited_by"): Personal(
        Kind.NAME, Rule.BLANK, "the signed-in name of who last edited a team's answer (the team sees it)"
    ),
    ("team_members", "email"): Personal(
        Kind.ADDRESS, Rule.DELETE_ROW, "a signed-in person's e-mail address and the team it places them in"
    ),
    ("sign_in_rules", "facilitator_emails"): Personal(
        Kind.ADDRESS_LIST, Rule.BLANK, "the e-mail addresses the owner made facilitators (single sign-on)"
    ),
    ("sign_in_rules", "leadership_emails"): Personal(
        Kind.ADDRESS_LIST, Rule.BLANK, "the e-mail addresses the owner made leadership (single sign-on)"
    ),
    ("workshops", "leave_out"): Personal(
        Kind.WORD_LIST, Rule.KEEP, "words key terms leave out, often staff first names (kept: they hide names)"
    ),
}

# Text columns that hold nothing about a person: fixed choices, keys, hashes and ids, by table.
FIXED: dict[str, tuple[str, ...]] = {
    "data_versions": ("table_name",),
    "settings": ("key",),
    "sign_in_attempts": ("scope",),  # a browser session's random key, never an address or a name
    "workshops": ("language", "template_key", "facilitator_code_hash", "leadership_code_hash", "team_code_salt", "uid"),
    "days": ("status",),
    "main_points": ("spaces", "status"),
    "mapping_phases": ("status", "scope"),
    "offers": ("target_groups", "status", "tags", "primary_space"),
    "partners": ("sector", "stage"),
    "projector_links": ("token_hash",),
    "role_sessions": ("token_hash", "role", "workshop_uid"),
    "space_weights": ("space",),
    "teams": ("code_hash",),
    "themes": ("status",),
    "votes": ("target",),
    "actions": ("space", "status"),
    "asset_proposals": ("status",),
    "mapping_decisions": ("mapped_by",),  # team ids
    "mappings": ("target_groups",),
    "partner_proposals": ("sector", "status"),
    "partner_stages": ("stage",),
    "profile_ratings": ("rater", "pair"),
    "proposals": ("spaces", "target_groups", "verdict"),
    "questions": ("kind", "options", "space"),
    "reactions": ("stance",),
    "responses": ("choices", "spaces", "idempotency_key"),
    "screenings": ("rater", "answer"),
    "sign_in_rules": ("team_access",),
    "team_members": ("source",),
    "person_answers": ("choices", "idempotency_key"),
    "history": ("kind", "change", "by_role"),
}
# Each person's own answers and dots (issue 29.2) are kept under an opaque key: a random key per device
# session, or a keyed hash of a signed-in address whose key (the server's cookie secret) is never in the
# database or a backup. Nothing in the database leads from the key to a person, so erasing one person by name
# or address cannot find these rows, and retention keeps them like the teams' anonymous answers.
PSEUDONYM = "an opaque person key, not linkable to a name or address from the database (docs/voices.md)"
# Text columns that hold nothing about a person, and why.
NOT_PERSONAL: dict[tuple[str, str], str] = {
    **{(table, column): "a fixed choice, a key or a hash" for table, columns in FIXED.items() for column in columns},
    ("settings", "value"): "ids, hashes, and the organisation's own privacy contact",
    ("workshops", "name"): "the workshop's name",
    ("workshops", "description"): "the facilitator's description of the week",
    ("workshops", "library_name"): "the library's name",
    ("assets", "title"): "the library's assets: about the library",
    ("assets", "description"): "the library's assets: about the library",
    ("days", "title"): "a day's title",
    ("main_points", "title"): "leadership's main points",
    ("main_points", "description"): "leadership's main points",
    ("offers", "name"): "an offer's name",
    ("offers", "owner_team"): "the team that runs an offer",
    ("offers", "partners"): "partner organisations' names",
    ("partners", "name"): "a partner organisation's name",
    ("target_groups", "name"): "a target group such as 'children'",
    ("teams", "name"): "a team of staff, not a person",
    ("themes", "title"): "a theme's title",
    ("votes", "title"): "a vote's title",
    ("actions", "title"): "an action's title",
    ("asset_proposals", "title"): "an asset's title",
    ("mappings", "proposed_name"): "an offer's name",
    ("mappings", "partners"): "partner organisations' names",
    ("partner_proposals", "name"): "a partner organisation's name",
    ("proposals", "title"): "a proposal's title",
    ("questions", "text"): "the facilitator's question",
    ("person_answers", "person_key"): PSEUDONYM,
    ("person_dots", "person_key"): PSEUDONYM,
    ("sign_in_rules", "facilitator_groups"): "group names of the organisation's sign-in provider",
    ("sign_in_rules", "leadership_groups"): "group names of the organisation's sign-in provider",
}


def text_columns(table: Table) -> list[str]:
    """The columns of a table that can hold text: strings, long text and JSON."""
    return [c.name for c in table.columns if isinstance(c.type, String | Text | JSON)]


def unclassified(schema: MetaData = metadata) -> list[str]:
    """Every text column in the schema that is neither personal nor declared not personal ("table.column")."""
    return [
        f"{t.name}.{c}"
        for t in schema.sorted_tables
        for c in text_columns(t)
        if (t.name, c) not in PERSONAL and (t.name, c) not in NOT_PERSONAL
    ]


def personal_columns(table: str) -> dict[str, Personal]:
    """The personal columns of one table, by name."""
    return {column: field for (name, column), field in PERSONAL.items() if name == table}
