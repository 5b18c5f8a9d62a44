"""An example client of the CORE data collection API, with Python's standard library only.

It checks a lettings log without saving it, sends it, reads the error the service reports (the number of bedrooms
is wrong on purpose), fixes it and sends it again; the log is then complete. Finally it changes one answer the safe
way: with the ETag it read, in If-Match, so a change someone made meanwhile is never overwritten.

    COLLECT_API_TOKEN=core_... python docs/examples/api_client.py --url http://127.0.0.1:8000

A data coordinator creates the token on their organisation's page, under "API tokens". The log's owning and
managing organisation are the token's organisation, as for a data coordinator using the web form.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
import uuid
from typing import Any

# A complete general needs letting (the answer ids and codes are in /api/v1/schemas/lettings-2026).
LOG: dict[str, Any] = {
    "needstype": 1,
    "renewal": 0,
    "startdate": "2026-10-05",
    "rent_type": 0,
    "tenancycode": "T123",
    "propcode": "P456",
    "declaration": 1,
    "first_time_property_let_as_social_housing": 0,
    "unitletas": 1,
    "rsnvac": 13,
    "manual_address_entry_selected": True,
    "address_line1": "1 Brick Lane",
    "town_or_city": "Leeds",
    "postcode_full": "LS1 1AA",
    "la": "E08000035",
    "unittype_gn": 1,
    "wchair": 2,
    "beds": 22,  # a typing mistake: the service will report it
    "voiddate": "2026-09-01",
    "majorrepairs": 0,
    "joint": 2,
    "startertenancy": 2,
    "tenancy": 2,
    "hhmemb": 2,
    "age1_known": 0,
    "age1": 35,
    "sexrab1": "F",
    "gender_same_as_sex1": 1,
    "ethnic_group": 0,
    "ethnic": 1,
    "nationality_all_group": 826,
    "ecstat1": 1,
    "details_known_2": 0,
    "age2_known": 0,
    "age2": 37,
    "relat2": "P",
    "sexrab2": "M",
    "gender_same_as_sex2": 1,
    "ecstat2": 2,
    "armedforces": 2,
    "preg_occ": 2,
    "housingneeds": 2,
    "illness": 2,
    "layear": 2,
    "waityear": 2,
    "reason": 50,
    "prevten": 30,
    "homeless": 1,
    "ppcodenk": 0,
    "ppostcode_full": "LS1 1AA",
    "reasonpref": 2,
    "cbl": 1,
    "cap": 0,
    "chr": 0,
    "accessible_register": 0,
    "letting_allocation_unknown": 0,
    "referral_register": 7,
    "referral_noms": 8,
    "net_income_known": 0,
    "incfreq": 1,
    "earnings": 500,
    "hb": 3,
    "benefits": 3,
    "period": 1,
    "brent": 100.00,
    "scharge": 10.00,
    "pscharge": 0.00,
    "supcharg": 0.00,
}
# What our system would correct once the service points at an answer (here: the number of bedrooms).
CORRECTIONS: dict[str, Any] = {"beds": 2}


class Api:
    """Calls the API with a token and JSON."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url.rstrip("/") + "/api/v1"
        self.token = token

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> tuple:
        """Send a request; give the status, the response headers and the JSON body (None when empty)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)  # noqa: S310 - the API's address
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                text = response.read().decode()
                return response.status, response.headers, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            return error.code, error.headers, json.loads(text) if text else None


def show_errors(problem: dict[str, Any]) -> None:
    """Print each error the service reported: the answer, the check and the message."""
    for error in problem.get("errors", []):
        print(f"  {error['field']}: {error['message']} (check {error['check']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the service's address")
    parser.add_argument("--token", default=os.environ.get("COLLECT_API_TOKEN", ""), help="or COLLECT_API_TOKEN")
    options = parser.parse_args(argv)
    if not options.token:
        parser.error("give a token with --token or COLLECT_API_TOKEN")
    api = Api(options.url, options.token)
    answers = dict(LOG)

    # 1. Check the answers without saving anything.
    status, _, outcome = api.call("POST", "/lettings-logs/validate", {"answers": answers})
    print(f"Checked: valid={outcome['valid']}, status {outcome['status']}")
    show_errors(outcome)

    # 2. Send the log. The same Idempotency-Key makes a repeated request (after a time-out) create one log only.
    for _attempt in range(2):
        key = str(uuid.uuid4())
        status, headers, body = api.call("POST", "/lettings-logs", {"answers": answers}, {"Idempotency-Key": key})
        if status == 201:
            break
        if status != 422:
            print(f"The service refused the log: {status} {body}")
            return 1
        print("The service reported errors; nothing was saved:")
        show_errors(body)
        for error in body["errors"]:
            if error["field"] in CORRECTIONS:
                answers[error["field"]] = CORRECTIONS[error["field"]]  # 3. fix the answer it points at
    else:
        return 1
    log_id, etag = body["id"], headers["ETag"]
    print(f"Created log {log_id}: status {body['status']}, warnings {len(body['outcome']['warnings'])}")

    # 4. Change an answer with the ETag we read: a 412 would mean someone changed the log meanwhile.
    status, headers, body = api.call(
        "PATCH", f"/lettings-logs/{log_id}", {"answers": {"tenancycode": "T124"}}, {"If-Match": etag}
    )
    if status == 412:
        print("The log changed since we read it: read it again before changing it.")
        return 1
    print(f"Changed log {log_id}: tenancy code {body['answers']['tenancycode']}, status {body['status']}")
    return 0 if body["status"] == "completed" else 1


if __name__ == "__main__":
    sys.exit(main())
