"""A local network for the demo, agent training and the tests: a real HTTP server on
127.0.0.1 that speaks the Mastodon API, Bluesky's XRPC and the blogs' RSS/Atom and
WordPress REST from sample data in ``resources/sandbox``.

It stands beside ``console/channels``, never on it: the sandbox imports nothing of
``console`` but ``console.resources`` and checks what it receives by the networks' own
documentation (e.g. ``bluesky_lexicon``), so it can catch a channel that gets a rule wrong.
"""

from .script import ScriptError, load_script
from .server import SandboxServer, serve_forever

__all__ = ["SandboxServer", "ScriptError", "load_script", "serve_forever"]
