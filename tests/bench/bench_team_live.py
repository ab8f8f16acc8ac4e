"""Team live benchmark: three consoles (processes) on one SQLite workspace, ingesting and
claiming cases at once.

Run: python tests/bench/bench_team_live.py [--cases 150] [--consoles 3] [--batch 3]

Each console ingests a batch of new mentions, then tries to claim the next case of its own
shuffled list of every case, until it has tried them all; meanwhile its team watcher hears
the other consoles. Printed: claims per second (attempts, wins, conflicts: the case was
another console's already), mentions stored per second, and how long a mention stored by
one console took to reach another as an engine event (p50, p95; from the moment it was
written, so commit time is included). The same run measures one console alone on a copy
of the same workspace as the baseline, and prints the ratio.

With ``POSVENTA_TEST_PG`` set (a postgresql:// URL of a role that may create databases),
the same run is made on team databases (every console connected to one PostgreSQL
database; another holds the one-console baseline). Then three processes write change-log
entries to a scratch PostgreSQL database, each in its own transactions with NOTIFY, while
each listens (LISTEN plus poll): entries written per second and notification latency
p50/p95 of the change log alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from console.accounts import queries as accounts  # noqa: E402
from console.app.runtime import open_runtime  # noqa: E402
from console.store import changes  # noqa: E402
from console.sync.events import MentionsAdded, OutboxChanged  # noqa: E402
from console.sync.ingest import ingest  # noqa: E402
from console.sync.team_watch import PostgresChanges, TeamWatch  # noqa: E402
from tests.builders import make_author, make_post  # noqa: E402


def seed(folder: Path, cases: int) -> tuple[int, list[int]]:
    """A workspace with a brand account and ``cases`` open cases; (account id, case ids)."""
    rt = open_runtime(folder, memory_secrets=True)
    try:
        account = accounts.add_account(
            rt.workspace.store, "mastodon", "http://127.0.0.1:9", handle="ventalia",
            display_name="Ventalia", remote_id="1", settings={"max_characters": 500})
        posts = [make_post(i, text=f"mi pedido {i} no llega", author=make_author(i))
                 for i in range(cases)]
        added = ingest(rt.workspace.store, rt.triager, account.id, posts, None, None,
                       "ventalia", "1").added
        ids = []
        for mention_id in added:
            case = rt.cases.case_for_mention(mention_id) or rt.cases.open_case(mention_id)
            ids.append(case.id)
        return account.id, sorted(set(ids))
    finally:
        rt.close()


def child(folder: Path, name: str, account_id: int, case_ids: list[int], batch: int,
          offset: int) -> None:
    rt = open_runtime(folder, memory_secrets=True)
    rt.cases.agent = name
    latencies: list[float] = []
    lock = threading.Lock()
    team = rt.workspace.is_team
    if team:  # a connection of its own: the heard events come on the watch's thread
        reader: Any = rt.workspace.store.connect_direct()
        reader.autocommit = True
    else:
        reader = sqlite3.connect(str(rt.workspace.db_path), check_same_thread=False,
                                 timeout=10)

    def heard(event: object) -> None:
        if not isinstance(event, MentionsAdded):
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        if team:
            rows = reader.execute("SELECT at FROM change_log WHERE kind = 'mention+' AND "
                                  "row_id = ANY(%s)", (list(event.ids),)).fetchall()
        else:
            marks = ",".join("?" * len(event.ids))
            rows = reader.execute("SELECT at FROM change_log WHERE kind = 'mention+' AND "
                                  f"row_id IN ({marks})", event.ids).fetchall()
        at = [r[0] if isinstance(r[0], datetime) else datetime.fromisoformat(str(r[0]))
              for r in rows]
        with lock:
            latencies.extend((now - a.replace(tzinfo=None)).total_seconds() for a in at)

    rt.engine.listen(heard)
    watch = rt.engine.team_watch
    assert watch is not None
    watch.start()
    while watch.cursor is None:
        time.sleep(0.01)
    print("ready", flush=True)
    sys.stdin.readline()  # "go"
    order = list(case_ids)
    random.Random(name).shuffle(order)
    won = lost = errors = stored = 0
    claim_time = ingest_time = 0.0
    began = time.perf_counter()
    for n, case_id in enumerate(order):
        posts = [make_post(offset + n * batch + k, text=f"consola {name} mensaje {n}.{k}",
                           author=make_author(offset + n * batch + k))
                 for k in range(batch)]
        t0 = time.perf_counter()
        stored += len(ingest(rt.workspace.store, rt.triager, account_id, posts, None, None,
                             "ventalia", "1").added)
        t1 = time.perf_counter()
        try:
            claim = rt.cases.claim(case_id)
        except Exception:  # e.g. the database stayed busy: counted, not hidden
            errors += 1
        else:
            won, lost = (won + 1, lost) if claim.won else (won, lost + 1)
        claim_time += time.perf_counter() - t1
        ingest_time += t1 - t0
    wall = time.perf_counter() - began
    time.sleep(2.0)  # the last notifications
    watch.stop()
    with lock:
        heard_latencies = list(latencies)
    print(json.dumps({"won": won, "lost": lost, "errors": errors, "stored": stored,
                      "claim_time": claim_time, "ingest_time": ingest_time, "wall": wall,
                      "latencies": heard_latencies}), flush=True)
    reader.close()
    rt.close()


class _NewMentionsOnly:
    """The PostgreSQL part writes only new-mention entries: nothing to look up."""

    def mentions_of_cases(self, case_ids: list[int]) -> list[int]:
        return []

    def reply_changed(self, reply_id: int) -> OutboxChanged:
        return OutboxChanged({}, reply_id)

    def prune(self) -> None:
        pass


def pg_child(dsn: str, name: str, offset: int, rounds: int, batch: int) -> None:
    import psycopg
    from playhouse.postgres_ext import Psycopg3Database
    from psycopg.conninfo import conninfo_to_dict

    changes.set_console_id(name)
    params = conninfo_to_dict(dsn)
    db = Psycopg3Database(params.pop("dbname"), **params)
    reader = psycopg.connect(dsn, autocommit=True)
    latencies: list[float] = []

    def heard(event: object) -> None:
        if isinstance(event, MentionsAdded):
            now = datetime.now(UTC).replace(tzinfo=None)
            rows = reader.execute("SELECT at FROM change_log WHERE kind = 'mention+' AND "
                                  "row_id = ANY(%s)", (list(event.ids),)).fetchall()
            latencies.extend((now - r[0]).total_seconds() for r in rows)

    source = PostgresChanges(lambda: psycopg.connect(dsn, autocommit=True))
    watch = TeamWatch(source, _NewMentionsOnly(), heard)
    watch.start()
    while watch.cursor is None:
        time.sleep(0.01)
    print("ready", flush=True)
    sys.stdin.readline()
    began = time.perf_counter()
    for n in range(rounds):
        with db.atomic():
            first = offset + n * batch
            changes.record(db, changes.MENTION_ADDED, range(first, first + batch))
    wall = time.perf_counter() - began
    time.sleep(2.0)
    watch.stop()
    print(json.dumps({"written": rounds * batch, "wall": wall, "latencies": latencies}),
          flush=True)
    reader.close()
    db.close()


def run_pg(dsn: str, consoles: int, rounds: int, batch: int) -> None:
    import uuid

    import psycopg
    from psycopg.conninfo import make_conninfo

    name = f"posventa_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    scratch = make_conninfo(dsn, dbname=name)
    try:
        with psycopg.connect(scratch, autocommit=True) as conn:
            for statement in changes.POSTGRES_SCHEMA:
                conn.execute(statement)
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        procs = [subprocess.Popen(
            [sys.executable, __file__, "--pg-child", scratch, f"consola{i}",
             str(1_000_000 * (i + 1)), str(rounds), str(batch)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
            for i in range(consoles)]
        for proc in procs:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        for proc in procs:
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        results = [json.loads(proc.communicate(timeout=900)[0].strip().splitlines()[-1])
                   for proc in procs]
    finally:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    written = sum(r["written"] for r in results)
    busy = max(r["wall"] for r in results)
    latencies = sorted(x for r in results for x in r["latencies"])
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    print(f"PostgreSQL, {consoles} consoles: {written} entries in {busy:.2f} s = "
          f"{written / busy:.0f}/s (transactions of {batch}); another console's entry heard "
          f"after p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
          f"max {latencies[-1] * 1000:.0f} ms (n={len(latencies)}, expected "
          f"{written * (consoles - 1)})")


def run_consoles(folder: Path, count: int, account_id: int, case_ids: list[int],
                 batch: int) -> tuple[float, list[dict]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = []
    for i in range(count):
        args = [sys.executable, __file__, "--child", str(folder), f"agente{i}",
                str(account_id), ",".join(map(str, case_ids)), str(batch),
                str(100_000 * (i + 1))]
        procs.append(subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      text=True, env=env))
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    began = time.perf_counter()
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        results.append(json.loads(out.strip().splitlines()[-1]))
    return time.perf_counter() - began - 2.0, results


def report(label: str, wall: float, results: list[dict]) -> float:
    attempts = sum(r["won"] + r["lost"] + r["errors"] for r in results)
    won = sum(r["won"] for r in results)
    lost = sum(r["lost"] for r in results)
    errors = sum(r["errors"] for r in results)
    stored = sum(r["stored"] for r in results)
    busy = max(r["wall"] for r in results)
    rate = attempts / busy
    print(f"{label}: {attempts} claims in {busy:.2f} s = {rate:.1f} claims/s "
          f"({won} won, {lost} conflicts, {errors} errors); {stored} mentions stored "
          f"= {stored / busy:.1f}/s")
    latencies = sorted(x for r in results for x in r["latencies"])
    if latencies:
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        print(f"{label}: another console's mention heard after p50 "
              f"{statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"max {latencies[-1] * 1000:.0f} ms (n={len(latencies)})")
    return rate


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        folder, name, account, cases, batch, offset = sys.argv[2:8]
        child(Path(folder), name, int(account), [int(c) for c in cases.split(",")],
              int(batch), int(offset))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--pg-child":
        dsn, name, offset, rounds, batch = sys.argv[2:7]
        pg_child(dsn, name, int(offset), int(rounds), int(batch))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=150)
    parser.add_argument("--consoles", type=int, default=3)
    parser.add_argument("--batch", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        team, alone = Path(tmp) / "team", Path(tmp) / "alone"
        account_id, case_ids = seed(team, args.cases)
        shutil.copytree(team, alone)
        print(f"seeded {len(case_ids)} open cases")
        wall, results = run_consoles(alone, 1, account_id, case_ids, args.batch)
        solo = report("1 console (baseline)", wall, results)
        wall, results = run_consoles(team, args.consoles, account_id, case_ids, args.batch)
        together = report(f"{args.consoles} consoles", wall, results)
        won = sum(r["won"] for r in results)
        print(f"every case claimed once: {won == len(case_ids)} ({won} of {len(case_ids)}); "
              f"claims/s ratio {args.consoles} consoles / 1: {together / solo:.2f}")
    dsn = os.environ.get("POSVENTA_TEST_PG", "")
    if dsn:
        run_team_database(dsn, args.consoles, args.cases, args.batch, together)
        run_pg(dsn, args.consoles, args.cases, args.batch)
    else:
        print("PostgreSQL part skipped: POSVENTA_TEST_PG is unset")


def run_team_database(dsn: str, consoles: int, cases: int, batch: int,
                      sqlite_rate: float) -> None:
    """The same consoles on a team database (PostgreSQL): one alone, then all at once."""
    from tests.team_db import TeamDatabases, write_team_settings

    databases = TeamDatabases(dsn)
    urls = [databases.create(), databases.create()]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            team, alone = Path(tmp) / "team", Path(tmp) / "alone"
            write_team_settings(team, urls[0])
            write_team_settings(alone, urls[1])
            account_id, case_ids = seed(team, cases)
            seed(alone, cases)
            wall, results = run_consoles(alone, 1, account_id, case_ids, batch)
            solo = report("PostgreSQL, 1 console (baseline)", wall, results)
            wall, results = run_consoles(team, consoles, account_id, case_ids, batch)
            together = report(f"PostgreSQL, {consoles} consoles", wall, results)
            won = sum(r["won"] for r in results)
            print(f"PostgreSQL: every case claimed once: {won == len(case_ids)} ({won} of "
                  f"{len(case_ids)}); claims/s ratio {consoles} consoles / 1: "
                  f"{together / solo:.2f}; PostgreSQL / SQLite at {consoles} consoles: "
                  f"{together / sqlite_rate:.2f}")
    finally:
        for url in urls:
            databases.drop(url)
        databases.close()


if __name__ == "__main__":
    main()
