"""JSON rendering of the sandbox state as Mastodon entities, attribute for attribute.

Shapes follow docs.joinmastodon.org (entities Account, CredentialAccount, Status,
Notification, Conversation, Context, Instance v1/v2).
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from .state import AccountRec, NotificationRec, SandboxState, StatusRec

VERSION = "4.4.0"
MISSING_AVATAR = "/avatars/original/missing.png"
MISSING_HEADER = "/headers/original/missing.png"


def iso(moment: datetime) -> str:
    """Mastodon's datetime format: ISO 8601, milliseconds, ``Z``."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _field_value(value: str) -> str:
    if value.startswith(("https://", "http://")) and " " not in value:
        scheme, rest = value.split("://", 1)
        return (
            f'<a href="{html.escape(value)}" target="_blank" rel="nofollow noopener me" '
            f'translate="no"><span class="invisible">{scheme}://</span>'
            f'<span class="">{html.escape(rest)}</span><span class="invisible"></span></a>'
        )
    return html.escape(value)


def account(state: SandboxState, rec: AccountRec) -> dict[str, Any]:
    person = rec.person
    statuses = state.statuses_of(rec.id)
    base = state.base_url
    if person.domain:
        uri = f"https://{person.domain}/users/{person.username}"
    else:
        uri = f"{base}/users/{person.username}"
    verified_at = (rec.created_at + timedelta(days=3)).isoformat(timespec="milliseconds")
    return {
        "id": rec.id,
        "username": person.username,
        "acct": person.acct,
        "url": state.account_url(rec),
        "uri": uri,
        "display_name": person.display_name,
        "note": state.render(person.note) if person.note else "",
        "avatar": base + MISSING_AVATAR,
        "avatar_static": base + MISSING_AVATAR,
        "avatar_description": "",
        "header": base + MISSING_HEADER,
        "header_static": base + MISSING_HEADER,
        "header_description": "",
        "locked": False,
        "fields": [
            {
                "name": f.name,
                "value": _field_value(f.value),
                "verified_at": verified_at if f.verified else None,
            }
            for f in person.fields
        ],
        "emojis": [],
        "bot": person.bot,
        "group": False,
        "discoverable": person.indexable,
        "indexable": person.indexable,
        "noindex": not person.indexable,
        "created_at": iso(rec.created_at.replace(hour=0, minute=0, second=0, microsecond=0)),
        "last_status_at": statuses[-1].created_at.date().isoformat() if statuses else None,
        "statuses_count": len(statuses) + 40 + int(rec.id) % 900,
        "followers_count": person.followers,
        "following_count": person.following,
        "hide_collections": False,
        "show_media": True,
        "show_media_replies": True,
        "show_featured": True,
        "roles": [],
        "feature_approval": {"automatic": [], "manual": [], "current_user": "missing"},
    }


def credential_account(state: SandboxState, rec: AccountRec) -> dict[str, Any]:
    data = account(state, rec)
    person = rec.person
    data["source"] = {
        "attribution_domains": [],
        "note": person.note,
        "fields": [{"name": f.name, "value": f.value, "verified_at": None} for f in person.fields],
        "privacy": "public",
        "sensitive": False,
        "language": person.lang or "",
        "follow_requests_count": 0,
        "hide_collections": False,
        "discoverable": True,
        "indexable": person.indexable,
        "quote_policy": "public",
    }
    data["role"] = {
        "id": "-99",
        "name": "",
        "permissions": "65536",
        "color": "",
        "highlighted": False,
    }
    return data


def status(state: SandboxState, rec: StatusRec) -> dict[str, Any]:
    author = state.accounts[rec.account_id]
    person = author.person
    base = state.base_url
    if person.domain:
        uri = f"https://{person.domain}/users/{person.username}/statuses/{rec.id}"
        url = f"https://{person.domain}/@{person.username}/{rec.id}"
    else:
        uri = f"{base}/users/{person.username}/statuses/{rec.id}"
        url = f"{base}/@{person.username}/{rec.id}"
    mentions = []
    for account_id in rec.mention_ids:
        mentioned = state.accounts[account_id]
        mentions.append(
            {
                "id": mentioned.id,
                "username": mentioned.person.username,
                "url": state.account_url(mentioned),
                "acct": mentioned.person.acct,
            }
        )
    replies = sum(1 for s in state.statuses.values() if s.in_reply_to_id == rec.id)
    data: dict[str, Any] = {
        "id": rec.id,
        "uri": uri,
        "created_at": iso(rec.created_at),
        "account": account(state, author),
        "content": state.content(rec),
        "visibility": rec.visibility,
        "sensitive": bool(rec.spoiler_text),
        "spoiler_text": rec.spoiler_text,
        "media_attachments": [],
        "mentions": mentions,
        "tags": [{"name": t, "url": base + "/tags/" + t.lower()} for t in rec.tags],
        "emojis": [],
        "reblogs_count": 0,
        "favourites_count": int(rec.id) % 7,
        "quotes_count": 0,
        "replies_count": replies,
        "url": url,
        "in_reply_to_id": rec.in_reply_to_id,
        "in_reply_to_account_id": rec.in_reply_to_account_id,
        "reblog": None,
        "poll": None,
        "card": None,
        "language": rec.language,
        "text": None,
        "edited_at": None,
        "quote": None,
        "quote_approval": {
            "automatic": ["public"] if rec.visibility in ("public", "unlisted") else [],
            "manual": [],
            "current_user": "denied" if rec.visibility in ("private", "direct") else "automatic",
        },
        "favourited": False,
        "reblogged": False,
        "muted": False,
        "bookmarked": False,
        "filtered": [],
        "tagged_collections": [],
    }
    if not person.domain:
        data["application"] = {"name": rec.application or "Web", "website": None}
    if rec.account_id == state.brand_id:
        data["pinned"] = False
    return data


def notification(state: SandboxState, rec: NotificationRec) -> dict[str, Any]:
    return {
        "id": rec.id,
        "type": rec.type,
        "group_key": f"ungrouped-{rec.id}",
        "created_at": iso(rec.created_at),
        "account": account(state, state.accounts[rec.account_id]),
        "status": status(state, state.statuses[rec.status_id]),
    }


def conversation(
    state: SandboxState, conversation_id: str, last: StatusRec, participants: list[str]
) -> dict[str, Any]:
    return {
        "id": conversation_id,
        "unread": last.account_id != state.brand_id,
        "accounts": [account(state, state.accounts[a]) for a in participants],
        "last_status": status(state, last),
    }


def _brand_contact(state: SandboxState) -> dict[str, Any]:
    return account(state, state.accounts[state.brand_id])


def _configuration(state: SandboxState) -> dict[str, Any]:
    return {
        "statuses": {
            "max_characters": state.max_characters,
            "max_media_attachments": 4,
            "characters_reserved_per_url": 23,
        },
        "media_attachments": {
            "supported_mime_types": ["image/jpeg", "image/png", "image/gif", "image/webp"],
            "description_limit": 1500,
            "image_size_limit": 16777216,
            "image_matrix_limit": 33177600,
            "video_size_limit": 103809024,
            "video_frame_rate_limit": 120,
            "video_matrix_limit": 8294400,
        },
        "polls": {
            "max_options": 4,
            "max_characters_per_option": 50,
            "min_expiration": 300,
            "max_expiration": 2629746,
        },
    }


def instance_v2(state: SandboxState) -> dict[str, Any]:
    base = state.base_url
    config = _configuration(state)
    config.update(
        {
            "urls": {
                "streaming": base.replace("http", "ws", 1),
                "status": None,
                "about": base + "/about",
                "privacy_policy": base + "/privacy-policy",
                "terms_of_service": None,
            },
            "vapid": {"public_key": "BPosventaSandboxVapidKeyNotUsedForPush0000000000000000="},
            "accounts": {
                "max_display_name_length": 30,
                "max_note_length": 500,
                "max_featured_tags": 10,
                "max_pinned_statuses": 5,
                "max_profile_fields": 4,
                "profile_field_name_limit": 255,
                "profile_field_value_limit": 255,
            },
            "translation": {"enabled": False},
            "timelines_access": {
                "live_feeds": {"local": "public", "remote": "public"},
                "hashtag_feeds": {"local": "public", "remote": "public"},
                "trending_link_feeds": {"local": "public", "remote": "public"},
            },
            "limited_federation": False,
        }
    )
    return {
        "domain": urlsplit(base).netloc,
        "title": "Posventa Sandbox",
        "version": VERSION,
        "source_url": "https://github.com/mastodon/mastodon",
        "description": "A local Mastodon-compatible server with invented people, for the "
        "Posventa demo, training and tests.",
        "usage": {"users": {"active_month": len(state.accounts)}},
        "thumbnail": {
            "url": base + "/packs/media/images/preview.png",
            "blurhash": None,
            "versions": {},
        },
        "icon": [],
        "languages": ["es", "en"],
        "configuration": config,
        "registrations": {
            "enabled": False,
            "approval_required": False,
            "reason_required": False,
            "message": None,
            "min_age": None,
            "url": None,
        },
        "api_versions": {"mastodon": 6},
        "contact": {"email": "sandbox@posventa.invalid", "account": _brand_contact(state)},
        "rules": [],
    }


def instance_v1(state: SandboxState) -> dict[str, Any]:
    base = state.base_url
    return {
        "uri": urlsplit(base).netloc,
        "title": "Posventa Sandbox",
        "short_description": "A local Mastodon-compatible sandbox.",
        "description": "A local Mastodon-compatible sandbox with invented people.",
        "email": "sandbox@posventa.invalid",
        "version": VERSION,
        "urls": {"streaming_api": base.replace("http", "ws", 1)},
        "stats": {
            "user_count": len(state.accounts),
            "status_count": len(state.statuses),
            "domain_count": len({a.person.domain for a in state.accounts.values()}),
        },
        "thumbnail": base + "/packs/media/images/preview.png",
        "languages": ["es", "en"],
        "registrations": False,
        "approval_required": False,
        "invites_enabled": False,
        "configuration": _configuration(state),
        "contact_account": _brand_contact(state),
        "rules": [],
    }
