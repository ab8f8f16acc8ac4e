"""Checking what an agent typed to add a Bluesky account, before any network call."""

from __future__ import annotations

import re

from console.channels.base import ChannelError
from console.channels.bluesky.http import check_service_url
from console.channels.bluesky.text import HANDLE_RE
from console.i18n import QT_TRANSLATE_NOOP, translate

APP_PASSWORD_RE = re.compile(r"^[a-z2-7]{4}(-[a-z2-7]{4}){3}$")
WHERE = QT_TRANSLATE_NOOP(
    "Channels", "create one in Bluesky under Settings → Privacy and security → App passwords")


class SignInInvalid(ValueError):
    """The handle, app password or server address cannot be used; the message says why."""


def check_sign_in(handle: str, app_password: str, service_url: str) -> tuple[str, str, str]:
    """(handle, app password, service URL), normalised, or SignInInvalid with a sentence."""
    handle = (handle or "").strip().lstrip("@").lower()
    if not handle:
        raise SignInInvalid(translate(
            "Channels", "The Bluesky handle is empty; type it like marca.bsky.social."))
    if not HANDLE_RE.match(handle):
        raise SignInInvalid(translate(
            "Channels", "{handle} is not a Bluesky handle; type the whole handle, like "
            "marca.bsky.social.").format(handle=handle))
    password = (app_password or "").strip().lower()
    where = translate("Channels", WHERE)
    if not password:
        raise SignInInvalid(translate("Channels", "The app password is empty; {where}.").format(
            where=where))
    if not APP_PASSWORD_RE.match(password):
        raise SignInInvalid(translate(
            "Channels", "That is not an app password (four groups of four letters and digits, "
            "like abcd-efgh-ijkl-mnop); {where}. Never use your main password here.").format(
            where=where))
    try:
        url, _ = check_service_url(service_url or "https://bsky.social")
    except ChannelError as exc:
        raise SignInInvalid(str(exc)) from None
    return handle, password, url
