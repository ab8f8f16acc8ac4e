"""The nouns of Posventa as peewee models (the current schema; migrations build it).

Times are stored as naive UTC datetimes; `console.store.timeutil` converts at the edges.
"""

from __future__ import annotations

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from console.store.db import database_proxy

MENTION_STATUSES = ("new", "open", "replied", "closed", "ignored")
REPLY_STATES = ("draft", "queued", "sending", "sent", "failed")


class BaseModel(Model):
    id = AutoField()

    class Meta:
        database = database_proxy
        legacy_table_names = False


class Account(BaseModel):
    """A brand account the team operates on one network. Its token is in the keyring."""

    kind = CharField()  # mastodon|bluesky|feed|wordpress|sandbox
    base_url = CharField()
    handle = CharField(default="")
    display_name = CharField(default="")
    remote_id = CharField(default="")
    settings = TextField(default="{}")  # JSON: max_characters, intervals...
    enabled = BooleanField(default=True)
    created_at = DateTimeField()


class Cursor(BaseModel):
    """Where a pull stopped; saved in the same transaction as the posts it brought."""

    account_id: int | None  # filled by peewee for the foreign key
    account = ForeignKeyField(Account, on_delete="CASCADE", backref="cursors")
    name = CharField()  # "mentions", "watch:<id>"
    value = CharField()

    class Meta:
        indexes = ((("account", "name"), True),)


class Watch(BaseModel):
    """A tracked brand term or hashtag."""

    term = CharField()
    kind = CharField(default="keyword")  # keyword|hashtag
    lang = CharField(null=True)
    exclude = TextField(default="[]")  # JSON list of excluded terms
    context = TextField(default="[]")  # JSON list of context terms
    active = BooleanField(default=True)
    created_at = DateTimeField()


class Customer(BaseModel):
    """One human, owning zero or more authors."""

    name = CharField()
    vip = BooleanField(default=False)
    created_at = DateTimeField()
    updated_at = DateTimeField(null=True)


class Author(BaseModel):
    """One account on one network, unique per (channel, server, remote_id)."""

    customer_id: int | None  # filled by peewee for the foreign key
    channel = CharField()
    server = CharField(default="")  # where remote_id is unique (channels/base.server_of)
    remote_id = CharField()
    handle = CharField()
    display_name = TextField(default="")
    url = TextField(default="")
    followers = IntegerField(default=0)
    bio = TextField(default="")
    avatar_url = TextField(default="")
    bot = BooleanField(default=False)
    fields = TextField(default="[]")  # JSON list of {name, value, verified}
    customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL", backref="authors")
    payload = TextField(default="{}", column_name="raw")  # what the network sent
    first_seen = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        indexes = ((("channel", "server", "remote_id"), True),)


class Case(BaseModel):
    """A conversation the team handles: the thread on the network plus what agents attach."""

    author_id: int | None  # filled by peewee for the foreign key
    status = CharField(default="new")  # new|open|waiting|resolved|closed
    assignee = CharField(null=True)
    priority = IntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()
    first_response_at = DateTimeField(null=True)
    resolved_at = DateTimeField(null=True)
    channel = CharField(default="")
    thread_root = CharField(null=True)  # remote id of the thread's root post
    author = ForeignKeyField(Author, null=True, on_delete="SET NULL", backref="cases")
    subject = TextField(default="")
    claimed_by = CharField(null=True)
    claimed_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    waiting_since = DateTimeField(null=True)
    first_response_due = DateTimeField(null=True)
    resolution_due = DateTimeField(null=True)


class Mention(BaseModel):
    """One post, comment or message, unique per (channel, server, remote_id)."""

    account_id: int | None  # filled by peewee for the foreign key
    author_id: int | None  # filled by peewee for the foreign key
    watch_id: int | None  # filled by peewee for the foreign key
    case_id: int | None  # filled by peewee for the foreign key
    account = ForeignKeyField(Account, null=True, on_delete="SET NULL", backref="mentions")
    channel = CharField()
    server = CharField(default="")  # where remote_id is unique: ids are numbered per server
    remote_id = CharField()
    url = TextField(default="")
    author = ForeignKeyField(Author, backref="mentions", on_delete="CASCADE")
    text = TextField(default="")
    html = TextField(default="")  # sanitised
    created_at = DateTimeField()
    feed_key = IntegerField(unique=True)  # feed order and full-text rowid (see migrations)
    fetched_at = DateTimeField()
    source = CharField()  # the first route that found it
    sources = CharField()  # every route, comma-separated
    watch = ForeignKeyField(Watch, null=True, on_delete="SET NULL")
    in_reply_to = CharField(null=True)
    thread_root = CharField(null=True)
    visibility = CharField(default="public")
    tagged = BooleanField(default=True)
    lang = CharField(default="")
    sentiment = FloatField(default=0.0)
    sentiment_label = CharField(default="undefined")
    complaint = FloatField(default=0.0)
    reason = CharField(default="none")
    relevance = FloatField(default=1.0)
    priority = IntegerField(default=0)
    priority_reasons = TextField(default="")
    spam = BooleanField(default=False)
    fired_rules = TextField(default="")  # names of the rules that fired, " · "-separated
    # How sure the model was (0-1, console/triage/certainty.py); NULL: scored before v7.
    certainty = FloatField(null=True)
    status = CharField(default="new")
    case = ForeignKeyField(Case, null=True, on_delete="SET NULL", backref="mentions")
    payload = TextField(default="{}", column_name="raw")  # what the network sent

    class Meta:
        indexes = ((("channel", "server", "remote_id"), True),)


class Reply(BaseModel):
    """An outbox entry: persisted before sending, sent exactly once."""

    mention_id: int | None  # filled by peewee for the foreign key
    account_id: int | None  # filled by peewee for the foreign key
    mention = ForeignKeyField(Mention, backref="replies", on_delete="CASCADE")
    account = ForeignKeyField(Account, null=True, on_delete="SET NULL")
    text = TextField()
    visibility = CharField(default="public")
    idempotency_key = CharField(unique=True)
    state = CharField(default="queued")
    error = TextField(default="")
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField(null=True)
    remote_id = CharField(null=True)
    url = TextField(default="")
    agent = CharField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()
    sent_at = DateTimeField(null=True)
    context_since = DateTimeField(null=True)  # when the agent opened the conversation
    warning = TextField(default="")  # e.g. the brand already replied since context_since


class Note(BaseModel):
    """An internal note (never sent) on an author, customer, case or mention."""

    author_id: int | None  # filled by peewee for the foreign key
    customer_id: int | None  # filled by peewee for the foreign key
    case_id: int | None  # filled by peewee for the foreign key
    mention_id: int | None  # filled by peewee for the foreign key
    body = TextField()
    agent = CharField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField(null=True)
    author = ForeignKeyField(Author, null=True, on_delete="CASCADE", backref="notes")
    customer = ForeignKeyField(Customer, null=True, on_delete="CASCADE", backref="notes")
    case = ForeignKeyField(Case, null=True, on_delete="CASCADE", backref="notes")
    mention = ForeignKeyField(Mention, null=True, on_delete="CASCADE", backref="notes")


class Tag(BaseModel):
    name = CharField(unique=True)


class MentionTag(BaseModel):
    mention_id: int | None  # filled by peewee for the foreign key
    tag_id: int | None  # filled by peewee for the foreign key

    mention = ForeignKeyField(Mention, on_delete="CASCADE", backref="tag_links")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        indexes = ((("mention", "tag"), True),)


class Rule(BaseModel):
    """One of the team's automation rules (see console/triage/rules.py), run in position order."""

    position = IntegerField()
    name = CharField()
    enabled = BooleanField(default=True)
    match = CharField(default="all")
    stop = BooleanField(default=False)
    conditions = TextField(default="[]")  # JSON list of {kind, value, negate}
    actions = TextField(default="[]")  # JSON list of {kind, value}
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Feedback(BaseModel):
    """An agent's correction of one triage label; the local model learns from these."""

    mention_id: int | None  # filled by peewee for the foreign key
    mention = ForeignKeyField(Mention, null=True, on_delete="SET NULL", backref="feedback")
    field = CharField()  # sentiment_label|is_complaint|reason|lang|relevant|spam
    value = CharField()
    previous = CharField(default="")
    text = TextField(default="")  # the post's text, kept so learning survives its deletion
    lang = CharField(default="")
    agent = CharField(default="")
    created_at = DateTimeField()


class CustomerTag(BaseModel):
    customer_id: int | None  # filled by peewee for the foreign key
    tag_id: int | None  # filled by peewee for the foreign key

    customer = ForeignKeyField(Customer, on_delete="CASCADE", backref="tag_links")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        indexes = ((("customer", "tag"), True),)


class LinkDecision(BaseModel):
    """An agent's answer to a link suggestion between two authors (a_id < b_id)."""

    author_a_id: int | None  # filled by peewee for the foreign key
    author_b_id: int | None  # filled by peewee for the foreign key
    author_a = ForeignKeyField(Author, on_delete="CASCADE", backref="+")
    author_b = ForeignKeyField(Author, on_delete="CASCADE", backref="+")
    decision = CharField()  # accepted|rejected
    reasons = TextField(default="")
    confidence = FloatField(default=0.0)
    agent = CharField(default="")
    created_at = DateTimeField()


class MergeRecord(BaseModel):
    """The audit record of one customer merge: enough to restore the state before it."""

    survivor_id = IntegerField()
    merged_id = IntegerField()
    snapshot = TextField()  # JSON of every row the merge changed or removed
    agent = CharField(default="")
    created_at = DateTimeField()
    undone_at = DateTimeField(null=True)


class CaseEvent(BaseModel):
    """One entry of a case's history: who changed what, when."""

    case_id: int | None  # filled by peewee for the foreign key
    case = ForeignKeyField(Case, on_delete="CASCADE", backref="events")
    at = DateTimeField()
    agent = CharField(default="")
    kind = CharField()  # created|status|assignee|priority|claim|tag|note|mention|reply...
    old = TextField(default="")
    new = TextField(default="")


class CaseTag(BaseModel):
    case_id: int | None  # filled by peewee for the foreign key
    tag_id: int | None  # filled by peewee for the foreign key

    case = ForeignKeyField(Case, on_delete="CASCADE", backref="tag_links")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        indexes = ((("case", "tag"), True),)


class CannedReply(BaseModel):
    """A saved answer with variables such as {nombre}; inserted by shortcut in the composer."""

    name = CharField()
    shortcut = CharField(unique=True)
    lang = CharField(default="")
    body = TextField()
    created_at = DateTimeField()
    updated_at = DateTimeField()


class TeamSetting(Model):
    """A setting shared by every console on the database (SLA targets, business hours)."""

    key = CharField(primary_key=True)
    value = TextField()  # JSON
    updated_at = DateTimeField()

    class Meta:
        database = database_proxy
        legacy_table_names = False


ALL_MODELS = (
    Account, Cursor, Watch, Customer, Author, Case, Mention, Reply, Note, Tag, MentionTag,
    Rule, Feedback, CustomerTag, LinkDecision, MergeRecord, CaseEvent, CaseTag, CannedReply,
    TeamSetting,
)
