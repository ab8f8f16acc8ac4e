"""Case files: a self-contained, secret-free SQLite copy of chosen cases, for offline review.

``export`` writes one, ``review`` opens one read-only (reviews go into its ``review``
table), ``importer`` brings one into a workspace without duplicating what is there.
"""
