"""Blogs read through RSS or Atom: channel.py, http.py (shared with WordPress), parse.py,
network.py (the descriptor)."""
