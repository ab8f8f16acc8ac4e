"""`posventa accounts add mastodon --instance URL`: sign in through the browser.

Prints the authorization page, opens it in the browser (unless ``--no-browser``), and waits
for whichever comes first: the browser's redirect to the loopback listener, or the code
the out-of-band page shows, pasted on stdin. ``--token-stdin`` keeps the old way: an access
token created by hand on the server, read from stdin. The arguments are declared in
console/channels/mastodon/network.py.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from console.accounts.cli_common import open_browser, read_pasted, read_secret, report_added
from console.accounts.queries import AccountInfo
from console.channels.mastodon.network import check_instance_url, signed_in_account
from console.channels.mastodon.signin import MastodonSignIn, SignInError


def add(rt: Any, args: argparse.Namespace) -> AccountInfo:
    acc: AccountInfo
    if args.account and not args.instance:
        known = {a.id: a for a in rt.accounts.list()}
        if args.account not in known:
            raise SignInError(f"there is no account {args.account}")
        args.instance = known[args.account].base_url
    if not args.instance:
        raise SignInError("say which server: --instance mastodon.social")
    if args.token_stdin and args.account:
        rt.accounts.replace_token(args.account, read_secret("Access token", True, "--token-stdin"))
        acc = next(a for a in rt.accounts.list() if a.id == args.account)
        report_added(rt, f"new token for account {acc.id}: mastodon @{acc.handle}")
        return acc
    if args.token_stdin:
        token = read_secret("Access token", True, "--token-stdin")
        acc = rt.accounts.add("mastodon", instance_url=args.instance, token=token)
        report_added(rt, f"added account {acc.id}: mastodon @{acc.handle} on {acc.base_url}")
        return acc
    signin = MastodonSignIn(check_instance_url(args.instance))
    try:
        acc = _sign_in(rt, signin, args)
    except KeyboardInterrupt:
        signin.cancel()
        raise SignInError("Sign-in cancelled; no account was added") from None
    finally:
        signin.close()
    verb = "signed in again" if args.account else "added"
    report_added(rt, f"{verb} account {acc.id}: mastodon @{acc.handle} on {acc.base_url}")
    return acc


def _sign_in(rt: Any, signin: MastodonSignIn, args: argparse.Namespace) -> AccountInfo:
    print(f"Registering Posventa on {signin.host}…", file=sys.stderr)
    signin.start()
    print("Open this page and approve Posventa:")
    print(f"  {signin.authorize_url}")
    if not args.no_browser and open_browser(signin.authorize_url):
        print("(opened in your browser)")
    print("If the browser cannot come back to this computer, open this page instead and")
    print("paste the code it shows here, then press Enter:")
    print(f"  {signin.oob_url}")
    print("Waiting for the approval (Ctrl-C cancels)…", flush=True)
    read_pasted(signin)
    signed = signin.complete(signin.wait(args.wait))
    if args.account:
        acc: AccountInfo = rt.accounts.renew(args.account, signed_in_account(signed))
    else:
        acc = rt.accounts.keep(signed_in_account(signed))
    return acc

