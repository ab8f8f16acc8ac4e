"""Bluesky: channel.py (the API), http.py (XRPC and the session), parse.py, text.py
(facets and graphemes), account.py (checking a handle and app password), network.py
(the descriptor)."""
