#!/usr/bin/env python3
"""Removes a Team Sync group with the real Python Grafana client (PyPI `grafana-client`).

The client asks the server for its version (GET /api/frontend/settings, `buildInfo.version`) and
sends the path form `DELETE /api/teams/{id}/groups/{groupId}` to servers before 10.2.0, the query
form `DELETE /api/teams/{id}/groups?groupId=` from 10.2.0. Prints one JSON object: the version
the client read, every request it sent, and the answer of the removal (or the error).

Usage: team_sync_removal.py BASE_URL
"""

from __future__ import annotations

import json
import sys
from typing import Any

import niquests
from grafana_client.api import GrafanaApi

TEAM_ID = 1
GROUP = "editors"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: team_sync_removal.py BASE_URL", file=sys.stderr)
        return 2
    grafana = GrafanaApi.from_url(argv[1].rstrip("/"), credential=("admin", "admin"), timeout=15.0)
    sent: list[str] = []

    def record(request: niquests.PreparedRequest, **_: Any) -> None:
        sent.append(f"{request.method} {request.url}")

    grafana.client.s.hooks["pre_request"].append(record)
    result: dict[str, Any] = {"sent": sent}
    try:
        result["answer"] = grafana.teams.remove_team_external_group(TEAM_ID, GROUP)
        result["version"] = grafana.version
    except Exception as err:  # the outcome is reported, not raised: the test reads it
        result["error"] = f"{type(err).__name__}: {err}"
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
