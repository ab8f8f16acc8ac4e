"""A local network for the demo, agent training and the tests: a real HTTP server on
127.0.0.1 that speaks the Mastodon API from a sample script (``resources/sandbox``)."""

from .script import ScriptError, load_script
from .server import SandboxServer, serve_forever

__all__ = ["SandboxServer", "ScriptError", "load_script", "serve_forever"]
