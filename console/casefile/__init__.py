"""Case files: a self-contained, secret-free SQLite copy of chosen cases, for offline review.

``export`` writes one, ``review`` keeps the reviews in it (``console.app.review`` opens
one read-only in a console), ``importer`` brings one into a workspace without duplicating
what is there; ``queries`` holds their SQL.
"""
