"""Mentions and their authors: storing what the channels found, reading it back (no Qt)."""
