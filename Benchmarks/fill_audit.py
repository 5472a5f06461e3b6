#!/usr/bin/env python3
"""Appends N keyed entries to the access log of a Meedoen SQLite database, exactly as the app
chains them (HMAC-SHA-256 over the same fields, AuditChain.hash), so `meedoen audit verify`
accepts them. For benchmarks only: the privacy officer's page and `audit verify` at a million
entries. Usage: fill_audit.py DB KEYFILE COUNT [RESIDENT_UUID HOUSEHOLD_UUID]"""
import hashlib
import hmac
import sqlite3
import sys
import time
import uuid


def main():
    db, key_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    resident = sys.argv[4] if len(sys.argv) > 4 else None
    household = sys.argv[5] if len(sys.argv) > 5 else None
    key = open(key_file, "rb").read().strip()
    con = sqlite3.connect(db)
    seq, prev = con.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    start = time.time()
    batch = []
    start_ms = int(time.time() * 1000) - count * 10
    for i in range(count):
        seq += 1
        # Whole milliseconds, as the app writes them.
        ms = start_ms + i * 10
        at = ms / 1000
        # One entry in 2,000 concerns the resident the benchmark opens; the rest other files.
        mine = resident and i % 2000 == 0
        res = resident if mine else str(uuid.UUID(int=(i % 50_000) + 1))
        hh = household if mine else str(uuid.UUID(int=(i % 20_000) + 10**9))
        fields = [str(seq), str(ms), "", "bench", "caseManager", "", hh.upper(), res.upper(),
                  "dossier", "inzien", "benchmark", "127.0.0.1", "", prev]
        text = "|".join(f.replace("|", "\\|") for f in fields)
        digest = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        # Fluent keeps UUIDs in SQLite as upper-case text.
        batch.append((str(uuid.uuid4()).upper(), seq, at, "bench", "caseManager", hh.upper(), res.upper(),
                      "dossier", "inzien", "benchmark", "127.0.0.1", prev, digest))
        prev = digest
        if len(batch) == 20_000 or i == count - 1:
            con.executemany(
                "INSERT INTO audit_events (id, seq, at, actor_name, actor_role, household_id, resident_id, part, action,"
                " purpose, remote, prev_hash, hash, keyed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1)", batch)
            batch = []
    con.execute("UPDATE audit_head SET seq = ?, hash = ?, keyed = 1 WHERE id = 1", (seq, prev))
    con.commit()
    print(f"{count} entries appended in {time.time() - start:.1f} s; head {seq}")


main()
