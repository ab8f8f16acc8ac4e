"""The outbox's own sentences about a reply that did not leave, in the console's language.

:mod:`console.sync.outbox` stores why a reply failed or was held in English (the reply's
``error``/``warning`` columns are data: the CLI, exports and other consoles read them).
The composer and the thread view show them through :func:`outbox_sentence`, which
recognises the sentences the outbox writes itself and words them in the console's
language. What a network said (a channel's error) is shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from console.i18n import translate


def _gone(_m: re.Match[str]) -> str:
    return translate("Outbox", "the mention or its account no longer exists")


def _reread(m: re.Match[str]) -> str:
    return translate("Outbox", "could not re-read the thread: {error}").format(error=m[1])


def _look_failed(m: re.Match[str]) -> str:
    return translate("Outbox", "could not check whether the earlier attempt was posted: "
                               "{error}").format(error=m[1])


def _uncheckable(_m: re.Match[str]) -> str:
    return translate("Outbox", "The earlier attempt may have been posted and this network "
                               "cannot be checked: look at the thread, then send anyway or "
                               "discard.")


def _lost_log(m: re.Match[str]) -> str:
    return translate("Outbox", "the database lost its latest changes ({file} was deleted); "
                               "looking on the network before sending").format(file=m[1])


def _who(who: str) -> str:
    if who == "from another Posventa console":
        return translate("Outbox", "from another Posventa console")
    if who == "outside Posventa":
        return translate("Outbox", "outside Posventa")
    via = re.fullmatch(r"outside Posventa, via (.+)", who)
    if via:
        return translate("Outbox", "outside Posventa, via {app}").format(app=via[1])
    by = re.fullmatch(r"by (.+)", who)
    if by:
        return translate("Outbox", "by {agent}").format(agent=by[1])
    return who


def _collision(m: re.Match[str]) -> str:
    return translate("Outbox", "The brand already replied at {time} ({who}) since you opened "
                               "this conversation.").format(time=m[1], who=_who(m[2]))


_SENTENCES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"the mention or its account no longer exists"), _gone),
    (re.compile(r"could not re-read the thread: (.*)", re.DOTALL), _reread),
    (re.compile(r"could not check whether the earlier attempt was posted: (.*)", re.DOTALL),
     _look_failed),
    (re.compile(r"The earlier attempt may have been posted and this network cannot be "
                r"checked: look at the thread, then send anyway or discard\."), _uncheckable),
    (re.compile(r"the database lost its latest changes \((\S+) was deleted\); looking on the "
                r"network before sending"), _lost_log),
    (re.compile(r"The brand already replied at (\d{1,2}:\d{2}) \((.+)\) since you opened "
                r"this conversation\."), _collision),
]


def outbox_sentence(text: str) -> str:
    """A stored failure or warning sentence, in the console's language when it is one of
    the outbox's own; anything else (what the network said) unchanged."""
    for pattern, say in _SENTENCES:
        match = pattern.fullmatch(text.strip())
        if match:
            return say(match)
    return text
