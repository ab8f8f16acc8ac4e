"""The sentence for an account whose token this console does not have."""

from __future__ import annotations

from console.i18n import translate


def no_token_sentence(who: str, *, demo: bool, team: bool, session_only: bool) -> str:
    """Why an account whose channel opened without its token is not synced here: a demo's
    tokens live in the window that started it; on a team database another workstation may
    hold it; with no keyring, secrets last one session; else the keyring lacks it."""
    if demo:
        return translate("Sync", "no token for {who}: a demo workspace's sign-ins are "
                         "held by the window that started it").format(who=who)
    if team:
        return translate("Sync", "no token for {who} on this workstation: a console that "
                         "holds it pulls it; to pull it here too, sign in again").format(who=who)
    if session_only:
        return translate("Sync", "no token for {who} in this session: sign in again"
                         ).format(who=who)
    return translate("Sync", "no token for {who} in the keyring: sign in again").format(who=who)
