"""The OS Places client: what it asks for, how it reads the answers, and how it fails."""

from __future__ import annotations

import pytest
import requests

from collect.addresses.lookup import Address, LookupUnavailableError
from collect.addresses.os_places import OsPlaces

DPA = {
    "UPRN": "10010457355",
    "BUILDING_NUMBER": "12",
    "THOROUGHFARE_NAME": "VICTORIA ROAD",
    "DEPENDENT_LOCALITY": "HEADINGLEY",
    "POST_TOWN": "LEEDS",
    "POSTCODE": "LS6 1AA",
    "MATCH": 1.0,
}
FLAT = {
    "UPRN": "10010457356",
    "SUB_BUILDING_NAME": "FLAT 3",
    "BUILDING_NAME": "ROSE COURT",
    "BUILDING_NUMBER": "9",
    "DEPENDENT_THOROUGHFARE_NAME": "MEWS LANE",
    "THOROUGHFARE_NAME": "HIGH STREET",
    "POST_TOWN": "LEEDS",
    "POSTCODE": "LS1 1AA",
    "MATCH": 0.8,
}


class Response:
    def __init__(self, status: int, body: object) -> None:
        self.status_code = status
        self._body = body

    def json(self) -> object:
        if isinstance(self._body, Exception):
            raise self._body
        return self._body


class Session:
    """Records each request and answers from a queue."""

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.calls: list[tuple[str, dict]] = []

    def get(self, url: str, params: dict, timeout: float) -> Response:
        self.calls.append((url, params))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def client(*answers: object) -> tuple[OsPlaces, Session]:
    session = Session(*answers)
    return OsPlaces("secret", base_url="https://places.test/v1/", session=session), session


def test_a_search_asks_for_english_addresses_and_reads_them_in_title_case():
    places, session = client(Response(200, {"results": [{"DPA": DPA}, {"DPA": FLAT}]}))
    found = places.search("12 victoria road leeds")
    url, params = session.calls[0]
    assert url == "https://places.test/v1/find"
    assert params["query"] == "12 victoria road leeds"
    assert params["key"] == "secret"
    assert params["fq"] == "COUNTRY_CODE:E"
    assert params["maxresults"] == 10
    assert found[0] == Address("10010457355", "12 Victoria Road", "Headingley", "Leeds", "LS6 1AA")
    assert found[1].address_line1 == "Flat 3, Rose Court, 9 Mews Lane"
    assert found[1].address_line2 == "High Street"
    assert found[0].label == "12 Victoria Road, Headingley, Leeds, LS6 1AA"


def test_a_long_number_is_looked_up_as_a_uprn():
    places, session = client(Response(200, {"results": [{"DPA": DPA}]}))
    assert [a.uprn for a in places.search("10010457355")] == ["10010457355"]
    assert session.calls[0][0].endswith("/uprn")
    assert session.calls[0][1]["uprn"] == "10010457355"


def test_a_short_number_is_searched_as_an_address():
    places, session = client(Response(200, {"results": [{"DPA": DPA}]}))
    assert len(places.search("12")) == 1
    assert [call[0].rsplit("/", 1)[1] for call in session.calls] == ["find"]


def test_no_results_and_unreadable_queries_find_nothing():
    places, _ = client(Response(200, {"header": {}}), Response(400, {"error": {}}))
    assert places.search("nowhere at all") == []
    assert places.by_uprn("123456789") is None
    assert places.by_uprn("not a number") is None
    assert places.search("   ") == []


@pytest.mark.parametrize(
    "answer",
    [
        Response(401, {}),
        Response(503, {}),
        Response(200, ValueError("not json")),
        requests.ConnectionError("refused"),
        requests.Timeout("slow"),
    ],
)
def test_a_lookup_that_cannot_answer_says_so(answer):
    places, _ = client(answer)
    with pytest.raises(LookupUnavailableError):
        places.search("1 victoria road")


def test_the_answers_of_an_address_clear_the_county():
    address = Address("1", "1 Victoria Road", "", "Leeds", "LS1 1AA")
    assert address.answers() == {
        "uprn": "1",
        "address_line1": "1 Victoria Road",
        "address_line2": None,
        "town_or_city": "Leeds",
        "county": None,
        "postcode_full": "LS1 1AA",
    }
