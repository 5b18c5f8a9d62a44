"""Locust users for bench/web_lettings_load.py --mixed: the deadline day's mix of people and systems at once.

- Officer (bench/web_lettings_locustfile.py): signs in and fills in lettings logs page by page.
- Supplier: a housing management system sending complete lettings logs to the API with its organisation's token
  (a create, then a read of the log), one every few seconds.
- Uploader: signs in, uploads a bulk file of 20 lettings logs of its organisation, and follows the checking page
  until the file is checked.
- Downloader: signs in, asks for a CSV download of the year's lettings logs, and follows its page until the file is
  ready, then downloads it.

The mix (weights) is set by LOAD_MIX ("officers,suppliers,uploaders,downloaders"; default 40,6,2,2). Each request is
written to LOAD_SAMPLES as the officer's are.
"""

from __future__ import annotations

import datetime
import itertools
import json
import os
import re
from typing import Any
from urllib.parse import urlencode

import gevent
from locust import task
from locust.contrib.fasthttp import FastHttpUser
from web_lettings_locustfile import ACCOUNTS, FORM, TODAY, Officer, SecureCookiesOverHttp

from collect.bulkupload import files
from collect.demo.answers import complete_answers
from collect.logs.codec import to_json

MIX = [int(n) for n in os.environ.get("LOAD_MIX", "40,6,2,2").split(",")]
Officer.weight = MIX[0]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DOWNLOAD = re.compile(r"^/downloads/([0-9a-f-]+)$")
_numbers = itertools.count(1)
_accounts = itertools.count()


def _answers(user: Any, account: dict[str, Any], prefix: str) -> dict[str, Any]:
    number = next(_numbers)
    answers = complete_answers(
        user.rng,
        number=number,
        owner_id=account["owner_id"],
        manager_id=account["manager_id"],
        assigned_id=account["user_id"],
        owner_provider_type=account["owner_provider_type"],
        first_day=datetime.date(2026, 4, 1),
        last_day=TODAY,
    )
    answers["tenancycode"] = f"{prefix}-{os.getpid()}-{number:07d}"
    return answers


class _SignedIn(FastHttpUser):
    abstract = True

    def on_start(self) -> None:
        import random

        self.client.cookiejar.set_policy(SecureCookiesOverHttp())
        self.account = ACCOUNTS[next(_accounts) % len(ACCOUNTS)]
        self.rng = random.Random()
        page = self.client.get("/account/sign-in", name="sign in (GET)")
        form = {"email": self.account["email"], "password": self.account["password"], **self._token(page.text)}
        self.client.post("/account/sign-in", data=urlencode(form), headers=FORM, name="sign in (POST)")

    @staticmethod
    def _token(body: str) -> dict[str, str]:
        found = CSRF.search(body)
        return {"csrfmiddlewaretoken": found.group(1)} if found else {}

    def _follow(self, path: str, name: str, done: Any, *, seconds: int = 120) -> bool:
        """Reload a self-refreshing page every 2 seconds until `done(response)`; whether it got there."""
        for _ in range(seconds // 2):
            response = self.client.get(path, name=name, allow_redirects=False)
            if done(response):
                return True
            gevent.sleep(2)
        return False


class Supplier(FastHttpUser):
    """A housing management system sending logs to the API."""

    weight = MIX[1]
    wait_time = staticmethod(lambda: 3.0)

    def on_start(self) -> None:
        import random

        self.rng = random.Random()
        self.account = ACCOUNTS[next(_accounts) % len(ACCOUNTS)]
        self.headers = {"Authorization": f"Bearer {self.account['api_token']}", "Content-Type": "application/json"}

    @task
    def send_a_log(self) -> None:
        body = json.dumps({"answers": to_json(_answers(self, self.account, "API"))})
        with self.client.post(
            "/api/v1/lettings-logs", data=body, headers=self.headers, name="API create", catch_response=True
        ) as created:
            if created.status_code != 201:
                created.failure(f"API create {created.status_code}: {created.text[:300]}")
                return
            log_id = created.json()["id"]
        self.client.get(f"/api/v1/lettings-logs/{log_id}", headers=self.headers, name="API read")


class Uploader(_SignedIn):
    """An officer uploading a bulk file and waiting for it to be checked."""

    weight = MIX[2]
    wait_time = staticmethod(lambda: 20.0)

    @task
    def upload_a_file(self) -> None:
        rows = [
            files.cells_for(
                "lettings-2026",
                _answers(self, self.account, "BULK"),
                {1: f"ORG{self.account['owner_id']}", 2: f"ORG{self.account['manager_id']}", 3: self.account["email"]},
            )
            for _ in range(20)
        ]
        data = files.to_csv(list(files.table_rows("lettings-2026", rows)))
        path = "/lettings-logs/bulk-upload-logs/2026/upload-your-file"
        page = self.client.get(path, name="bulk upload (GET)")
        with self.client.post(
            path,
            data=self._token(page.text),
            files={"file": ("logs.csv", data, "text/csv")},
            name="bulk upload (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as sent:
            status = sent.headers.get("Location", "")
            if sent.status_code != 302 or not status:
                sent.failure(f"upload refused ({sent.status_code})")
                return
        if not self._follow(status, "bulk upload checking", lambda r: r.status_code == 302):
            self.environment.events.request.fire(
                request_type="JOB",
                name="bulk upload checked",
                response_time=0,
                response_length=0,
                exception=RuntimeError("not checked within 2 minutes"),
                context={},
            )


class Downloader(_SignedIn):
    """An officer downloading the year's logs."""

    weight = MIX[3]
    wait_time = staticmethod(lambda: 30.0)

    @task
    def download_the_year(self) -> None:
        path = "/lettings-logs/download?years=2026"
        page = self.client.get(path, name="download (GET)")
        form = {**self._token(page.text), "file_format": "csv"}
        with self.client.post(
            path,
            data=urlencode(form),
            headers=FORM,
            name="download (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as asked:
            location = asked.headers.get("Location", "")
            if asked.status_code != 302 or not DOWNLOAD.match(location):
                asked.failure(f"download refused ({asked.status_code})")
                return
        ready = self._follow(location, "download page", lambda r: r.status_code == 200 and "/file" in r.text)
        if ready:
            self.client.get(f"{location}/file", name="download file")
        else:
            self.environment.events.request.fire(
                request_type="JOB",
                name="download ready",
                response_time=0,
                response_length=0,
                exception=RuntimeError("not ready within 2 minutes"),
                context={},
            )
