"""Mastodon: channel.py (the API), http.py, parse.py, stream.py (streaming), direct.py,
signin.py and oauth.py (signing in through the browser), network.py (the descriptor)."""
