"""Customers across channels: authors (network accounts) rolled up into customers (humans).

Qt-free. ``service.PeopleService`` is the face the UI and the CLI use; ``suggest`` finds
who may be the same person and why; ``linking_step`` links on ingest only when certain;
``merge`` merges and unmerges with an audit record. Every SQL statement of the feature
is in ``queries/`` (one module per subject); the other modules hold the logic.
"""
