"""Brand accounts and the watch list: queries.py (their SQL), secrets.py (the keyring as
features see it), service.py (add, sign in again, remove), cli.py and cli_*.py (the
``accounts`` and ``watch`` commands)."""
