"""`posventa accounts add reddit --client-id ID [--api URL] [--no-browser] [--token-stdin]`.

Signs in through the browser with the team's installed app: prints the authorization page,
opens it (unless ``--no-browser``) and waits for the browser's return to the app's
registered loopback address, or for the address the browser ended on, pasted on stdin.
``--token-stdin`` reads a refresh token of the app instead. The arguments are declared in
console/channels/reddit/network.py.
"""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts import cli_common
from console.accounts.cli_common import read_pasted, read_secret, report_added
from console.accounts.queries import AccountInfo
from console.channels.loopback import SignInError
from console.channels.reddit.network import add_with_refresh_token, signed_in_account
from console.channels.reddit.signin import RedditSignIn


def add(rt: Any, args: argparse.Namespace) -> AccountInfo:
    known = {a.id: a for a in rt.accounts.list()}
    again = known.get(args.account) if args.account else None
    if args.account and again is None:
        raise SignInError(f"there is no account {args.account}")
    client_id = args.client_id or (again.settings.get("client_id") if again else None)
    if not client_id:
        raise SignInError("say which app: --client-id ID (reddit.com/prefs/apps)")
    api = again.base_url if again and args.api == "https://oauth.reddit.com" else args.api
    auth = args.auth or (again.settings.get("auth_url") if again else None)
    acc: AccountInfo
    if args.token_stdin:
        token = read_secret("Refresh token", True, "--token-stdin")
        checked = add_with_refresh_token(client_id, token, api, auth, args.owner)
        acc = rt.accounts.renew(again.id, checked) if again else rt.accounts.keep(checked)
        verb = "signed in again" if again else "added"
        report_added(rt, f"{verb} account {acc.id}: reddit u/{acc.handle}")
        return acc
    signin = RedditSignIn(client_id, api, auth, port=args.port, owner=args.owner)
    try:
        acc = _sign_in(rt, signin, args)
    except KeyboardInterrupt:
        signin.cancel()
        raise SignInError("Sign-in cancelled; no account was added") from None
    finally:
        signin.close()
    verb = "signed in again" if args.account else "added"
    report_added(rt, f"{verb} account {acc.id}: reddit u/{acc.handle}")
    return acc


def _sign_in(rt: Any, signin: RedditSignIn, args: argparse.Namespace) -> AccountInfo:
    signin.start()
    print("Open this page and allow Posventa (Reddit approves new apps before they work):")
    print(f"  {signin.authorize_url}")
    if not args.no_browser and cli_common.open_browser(signin.authorize_url):
        print("(opened in your browser)")
    print("If the browser cannot come back to this computer, paste here the address it")
    print(f"ended on (it starts with {signin.redirect_uri}), then press Enter.")
    print("Waiting for the approval (Ctrl-C cancels)…", flush=True)
    read_pasted(signin)
    signed = signin.complete(signin.wait(args.wait))
    found = signed_in_account(signed, args.owner)
    if args.account:
        acc: AccountInfo = rt.accounts.renew(args.account, found)
    else:
        acc = rt.accounts.keep(found)
    return acc

