"""The networks: what each network's API says, as plain dataclasses (no store, no feature).

base.py holds the Channel protocol, the dataclasses and the errors; network.py the
descriptor every network folder has (its network.py), and networks.py the list of them;
urls.py the one check of a typed web address; http, retry and message helpers beside them.
"""
