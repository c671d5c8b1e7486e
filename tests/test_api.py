"""HTTP routes beside the app, through Starlette's test client (no build needed)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from starlette.testclient import TestClient

from flash_reader.api import create_api, placeholder_svg
from flash_reader.embed.headers import SecurityHeaders

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAMES = ['x" onload="alert(1)', "x' onload='alert(1)", "</text><script>alert(1)</script>",
                 "a & b < c > d", '"><svg onload=alert(1)>']


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_placeholder_svg_with_a_hostile_office_name_keeps_it_as_text(name: str) -> None:
    root = ET.fromstring(placeholder_svg(name))
    # Only the attributes we wrote, and the name comes back exactly as given.
    assert set(root.attrib) == {"viewBox", "width", "height", "role", "aria-label"}
    assert root.attrib["aria-label"] == f"{name}（写真なし）"
    assert root.find(f"{SVG}text").text == name
    assert not root.findall(f".//{SVG}script")


def test_placeholder_svg_is_served_with_a_script_free_policy() -> None:
    client = TestClient(SecurityHeaders(create_api(), origins=()))
    response = client.get("/placeholder/PAR.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    # One policy, the image's own with the framing rule added (issue 23.9: was two headers).
    policies = response.headers.get_list("content-security-policy")
    assert policies == ["default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"]
