"""Recent search's query language on the sandbox, as X documents it ("Build a query").

Supported: words and ``"quoted phrases"`` (case- and accent-insensitive, every one must
match), ``#hashtag``, ``@username``, ``from:``, ``to:``, ``lang:``, ``conversation_id:``,
``is:retweet`` / ``is:reply`` / ``is:quote``, ``has:links`` / ``has:mentions``, a leading
``-`` to negate any of them, and ``OR`` between groups without parentheses. A query of only
negations or conjunction-required operators, one longer than 512 characters, or an
operator X does not know is an invalid request.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .x_world import Post, XWorld, fold

MAX_QUERY = 512
_TOKEN = re.compile(r'-?"[^"]*"|\S+')
_STANDALONE = {"from", "to", "conversation_id", "url", "retweets_of", "context", "entity"}
_CONJUNCTION = {"lang", "is", "has"}


class QueryError(ValueError):
    """The query is not one recent search accepts; the message says why."""


Test = Callable[[Post], bool]


def _term(world: XWorld, token: str) -> tuple[Test, bool]:
    """The test for one (positive) token and whether it can stand alone."""
    if token.startswith('"') and token.endswith('"') and len(token) >= 2:
        phrase = fold(token[1:-1].strip())
        if not phrase:
            raise QueryError("There were errors processing your request: empty phrase")
        return (lambda p: phrase in fold(p.plain)), True
    if token.startswith("#") and len(token) > 1:
        tag = token[1:].casefold()
        return (lambda p: any(t["tag"].casefold() == tag
                              for t in p.entities.get("hashtags", []))), True
    if token.startswith("@") and len(token) > 1:
        name = token[1:].casefold()
        return (lambda p: any(m["username"].casefold() == name
                              for m in p.entities.get("mentions", []))), True
    if ":" in token and not token.startswith(("http:", "https:")):
        op, _, value = token.partition(":")
        if op not in _STANDALONE | _CONJUNCTION or not value:
            raise QueryError(f"There were errors processing your request: Reference to invalid "
                             f"operator '{op}'. Operator is not available in current product or "
                             "product packaging.")
        return _operator(world, op, value.casefold()), op in _STANDALONE
    word = fold(token)
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    return (lambda p: bool(pattern.search(fold(p.plain)))), True


def _operator(world: XWorld, op: str, value: str) -> Test:
    if op == "from":
        return lambda p: world.users[p.author_id].username.casefold() == value
    if op == "to":
        return lambda p: p.in_reply_to_user_id is not None and \
            world.users[p.in_reply_to_user_id].username.casefold() == value
    if op == "conversation_id":
        return lambda p: p.conversation_id == value
    if op == "lang":
        return lambda p: p.lang.casefold() == value
    if op == "is":
        kinds = {"retweet": "retweeted", "reply": "replied_to", "quote": "quoted"}
        if value not in kinds:
            raise QueryError(f"There were errors processing your request: is:{value} is not "
                             "a valid operator")
        return lambda p: any(r["type"] == kinds[value] for r in p.referenced)
    if op == "has":
        key = {"links": "urls", "mentions": "mentions", "hashtags": "hashtags"}.get(value)
        if key is None:
            raise QueryError(f"There were errors processing your request: has:{value} is not "
                             "a valid operator")
        return lambda p: bool(p.entities.get(key))
    raise QueryError(f"There were errors processing your request: {op}: is not supported")


def _negated(test: Test) -> Test:
    return lambda post: not test(post)


def compile_query(world: XWorld, query: str) -> Test:
    """The test a post must pass to match ``query``; QueryError when X would refuse it."""
    if len(query) > MAX_QUERY:
        raise QueryError(f"There were errors processing your request: Rules must be "
                         f"{MAX_QUERY} characters or less")
    groups: list[list[tuple[Test, bool]]] = [[]]
    for token in _TOKEN.findall(query):
        if token == "OR":
            groups.append([])
            continue
        negated = token.startswith("-") and len(token) > 1
        test, alone = _term(world, token[1:] if negated else token)
        groups[-1].append((_negated(test), False) if negated else (test, alone))
    for group in groups:
        if not group or not any(alone for _, alone in group):
            raise QueryError("There were errors processing your request: Rules must contain "
                             "a non-negation term that is not a conjunction-required operator")

    def matches(post: Post) -> bool:
        return any(all(test(post) for test, _ in group) for group in groups)

    return matches
