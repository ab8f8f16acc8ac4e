"""Checking what an agent typed to add a Bluesky account, before any network call."""

from __future__ import annotations

import re

from .base import ChannelError
from .bluesky_http import check_service_url
from .bluesky_text import HANDLE_RE

APP_PASSWORD_RE = re.compile(r"^[a-z2-7]{4}(-[a-z2-7]{4}){3}$")
WHERE = ("create one in Bluesky under Settings → Privacy and security → App passwords")


class SignInInvalid(ValueError):
    """The handle, app password or server address cannot be used; the message says why."""


def check_sign_in(handle: str, app_password: str, service_url: str) -> tuple[str, str, str]:
    """(handle, app password, service URL), normalised, or SignInInvalid with a sentence."""
    handle = (handle or "").strip().lstrip("@").lower()
    if not handle:
        raise SignInInvalid("The Bluesky handle is empty; type it like marca.bsky.social.")
    if not HANDLE_RE.match(handle):
        raise SignInInvalid(f"{handle} is not a Bluesky handle; type the whole handle, like "
                            "marca.bsky.social.")
    password = (app_password or "").strip().lower()
    if not password:
        raise SignInInvalid(f"The app password is empty; {WHERE}.")
    if not APP_PASSWORD_RE.match(password):
        raise SignInInvalid("That is not an app password (four groups of four letters and "
                            f"digits, like abcd-efgh-ijkl-mnop); {WHERE}. Never use your main "
                            "password here.")
    try:
        url, _ = check_service_url(service_url or "https://bsky.social")
    except ChannelError as exc:
        raise SignInInvalid(str(exc)) from None
    return handle, password, url
