"""`posventa accounts add x [--api URL] [--client-id ID] [--no-browser] [--token-stdin]`.

Prints X's consent page, opens it in the browser (unless ``--no-browser``) and waits for the
browser's redirect to the loopback callback registered in the team's X app; a user on
another device pastes the address the browser ended on. ``--token-stdin`` reads a user
access token instead. ``--read-budget N`` caps the posts the keyword search reads in a
month. The arguments are declared in console/channels/x/network.py.
"""

from __future__ import annotations

import argparse
from typing import Any

from console.accounts.cli_common import read_pasted, read_secret, report_added
from console.accounts.cli_mastodon import open_browser
from console.accounts.queries import AccountInfo
from console.channels.loopback import SignInError
from console.channels.x.network import api_url_of, check_budget, signed_in_account
from console.channels.x.signin import XSignIn


def add(rt: Any, args: argparse.Namespace) -> AccountInfo:
    budget = check_budget(args.read_budget)
    known = {a.id: a for a in rt.accounts.list()}
    if args.account and args.account not in known:
        raise SignInError(f"there is no account {args.account}")
    again = known.get(args.account) if args.account else None
    api = again.base_url if again is not None else api_url_of(args.api)
    acc: AccountInfo
    if args.token_stdin and again is not None:
        rt.accounts.replace_token(again.id, read_secret("Access token", True, "--token-stdin"))
        report_added(rt, f"new token for account {again.id}: x @{again.handle}")
        return again
    if args.token_stdin:
        token = read_secret("Access token", True, "--token-stdin")
        acc = rt.accounts.add("x", token=token, api_url=api, read_budget=budget)
        report_added(rt, f"added account {acc.id}: x @{acc.handle} on {acc.base_url}")
        return acc
    client_id = args.client_id or (str(again.settings.get("client_id") or "") if again else "")
    if not client_id:
        raise SignInError("say which X app signs in: --client-id ID (the Client ID of your "
                          "app in X's developer console), or use --token-stdin")
    signin = XSignIn(api, client_id, port=args.port)
    try:
        acc = _sign_in(rt, signin, args, again, budget)
    except KeyboardInterrupt:
        signin.cancel()
        raise SignInError("Sign-in cancelled; no account was added") from None
    finally:
        signin.close()
    verb = "signed in again" if again else "added"
    report_added(rt, f"{verb} account {acc.id}: x @{acc.handle} on {acc.base_url}")
    return acc


def _sign_in(rt: Any, signin: XSignIn, args: argparse.Namespace, again: AccountInfo | None,
             budget: int | None) -> AccountInfo:
    signin.start()
    print("Open this page and approve Posventa on X:")
    print(f"  {signin.authorize_url}")
    if not args.no_browser and open_browser(signin.authorize_url):
        print("(opened in your browser)")
    print(f"X sends the approval back to {signin.redirect_uri} (registered in your X app).")
    print("If the browser is on another device, paste here the address it ended on, then "
          "press Enter.")
    print("Waiting for the approval (Ctrl-C cancels)…", flush=True)
    read_pasted(signin)
    signed = signin.complete(signin.wait(args.wait))
    if again is not None:
        kept = again.settings.get("x_read_budget")
        found = signed_in_account(signed, budget if budget is not None else kept)
        acc: AccountInfo = rt.accounts.renew(again.id, found)
    else:
        acc = rt.accounts.keep(signed_in_account(signed, budget))
    return acc

