"""The journey tests: the real program in a process of its own on an X server of its own."""
from __future__ import annotations

import pytest

from .driver import XServer


@pytest.fixture
def x_server():
    with XServer() as x:
        yield x
