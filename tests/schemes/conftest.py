from __future__ import annotations

import pytest

from tests.schemes.factories import add_local_authorities


@pytest.fixture
def local_authorities(db):
    add_local_authorities()
