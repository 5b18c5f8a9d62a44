"""Locust users for bench/web_lettings_load.py: people who sign in and fill in lettings logs page by page.

Each user signs in with one of the accounts in the JSON file named by LOAD_ACCOUNTS (email, password and the log's
team: owner, manager, own user id, owner's provider type), then again and again: opens the log list, creates a log
and follows the task list's "Skip to next incomplete section" and each page's next page, viewing each page (GET),
pausing as a person reads and types (LOAD_THINK seconds, "min,max"), then saving it (POST) with the answers of a varied
complete letting (collect.demo.answers), until the log is complete. The form a page sends is built as the journey tests
build it (tests.journeys.support.form_data).

Each request is written to the CSV file named by LOAD_SAMPLES (start time, name, milliseconds, ok), so the benchmark
can leave out the warm-up and work out exact percentiles. Run by the benchmark, or by hand against a running server:

    LOAD_ACCOUNTS=accounts.json LOAD_SAMPLES=samples.csv .venv/bin/locust -f bench/web_lettings_locustfile.py \\
        --headless -u 50 -r 5 -t 90s --host http://127.0.0.1:8000
"""

from __future__ import annotations

import datetime
import http.cookiejar
import itertools
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import gevent
from locust import events, task
from locust.contrib.fasthttp import FastHttpUser

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collect.demo.answers import complete_answers
from collect.standards.registry import evaluator
from tests.journeys.support import ERROR_ITEM, form_data

ENGINE = evaluator("lettings-2026")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEXT_INCOMPLETE = re.compile(r'href="([^"]+)">Skip to next incomplete section')
LOG_URL = re.compile(r"^/lettings-logs/(\d+)$")
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
ACCOUNTS: list[dict[str, Any]] = json.loads(Path(os.environ.get("LOAD_ACCOUNTS", "accounts.json")).read_text())
THINK = tuple(float(s) for s in os.environ.get("LOAD_THINK", "2,6").split(","))
TODAY = datetime.date.fromisoformat(os.environ.get("LOAD_TODAY", datetime.date.today().isoformat()))
_account_numbers = itertools.count()
_log_numbers = itertools.count(1)
_samples = open(os.environ.get("LOAD_SAMPLES", os.devnull), "w", buffering=1 << 16)  # noqa: SIM115, PTH123


@events.request.add_listener
def _record(request_type: str, name: str, response_time: float, exception: Any, start_time: float, **_: Any) -> None:
    _samples.write(f"{start_time:.3f},{name},{response_time:.2f},{int(exception is None)}\n")


@events.quitting.add_listener
def _close(**_: Any) -> None:
    _samples.close()


class SecureCookiesOverHttp(http.cookiejar.DefaultCookiePolicy):
    """The server runs with debug off, so its cookies are marked Secure; the benchmark talks plain HTTP to it."""

    def return_ok_secure(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        return True


class Officer(FastHttpUser):
    """A housing officer filling in lettings logs."""

    wait_time = staticmethod(lambda: random.uniform(*THINK))  # between logs

    def on_start(self) -> None:
        self.client.cookiejar.set_policy(SecureCookiesOverHttp())
        self.account = ACCOUNTS[next(_account_numbers) % len(ACCOUNTS)]
        self.rng = random.Random()
        page = self.client.get("/account/sign-in", name="sign in (GET)")
        form = {"email": self.account["email"], "password": self.account["password"], **self._token(page.text)}
        with self.client.post(
            "/account/sign-in",
            data=urlencode(form),
            headers=FORM,
            name="sign in (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in refused for {self.account['email']}")
                self.stop()

    def _think(self) -> None:
        gevent.sleep(self.rng.uniform(*THINK))

    @staticmethod
    def _token(body: str) -> dict[str, str]:
        found = CSRF.search(body)
        return {"csrfmiddlewaretoken": found.group(1)} if found else {}

    @task
    def fill_in_a_log(self) -> None:
        """Create a log from the log list, then fill it in to the end."""
        listing = self.client.get("/lettings-logs", name="log list")
        with self.client.post(
            "/lettings-logs/create",
            data=urlencode(self._token(listing.text)),
            headers=FORM,
            name="create log",
            allow_redirects=False,
            catch_response=True,
        ) as created:
            location = created.headers.get("Location", "") if created.status_code == 302 else ""
            if not LOG_URL.match(location):
                created.failure(f"no log created ({created.status_code})")
                return
        number = next(_log_numbers)
        answers = complete_answers(
            self.rng,
            number=number,
            owner_id=self.account["owner_id"],
            manager_id=self.account["manager_id"],
            assigned_id=self.account["user_id"],
            owner_provider_type=self.account["owner_provider_type"],
            first_day=datetime.date(2026, 4, 1),
            last_day=TODAY,
        )
        answers["tenancycode"] = f"WEB-{number:07d}"
        self._fill_in(location, answers)

    def _fill_in(self, log_url: str, answers: dict[str, Any]) -> None:
        url = log_url
        for _ in range(400):
            if url == log_url:
                body = self.client.get(url, name="task list").text
                found = NEXT_INCOMPLETE.search(body)
                if not found:
                    return  # complete
                url = found.group(1).replace("&amp;", "&")
                continue
            if url.endswith("/check-answers"):
                self.client.get(url, name="check answers")
                url = log_url
                continue
            page_id = url.rsplit("/", 1)[1].split("?")[0].replace("-", "_")
            view = self.client.get(url, name="page view (GET)")
            self._think()
            data = {**form_data(ENGINE.page(page_id), answers), **self._token(view.text)}
            with self.client.post(
                url,
                data=urlencode(data, doseq=True),
                headers=FORM,
                name="page save (POST)",
                allow_redirects=False,
                catch_response=True,
            ) as saved:
                if saved.status_code != 302:
                    saved.failure(f"{page_id}: {saved.status_code} {ERROR_ITEM.findall(saved.text or '')[:3]}")
                    return
                url = saved.headers["Location"]
