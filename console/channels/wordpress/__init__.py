"""WordPress comments through the REST API: channel.py, parse.py, network.py (the
descriptor)."""
