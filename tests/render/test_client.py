"""The client modules: served by the app under their digest, every import resolvable, and
every constant they share with Python taken from the generated config (never typed twice)."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from starlette.testclient import TestClient

from flash_reader.render import client as client_module
from flash_reader.render.client import CLIENT, CONFIG, CONFIG_MODULE, SOURCE_DIR, load

SCRIPTS = sorted(SOURCE_DIR.glob("*.js"))
IMPORT = re.compile(r'^import\s[^"\n]*"\./([\w.-]+)";', re.M)


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list | tuple):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


SHARED = sorted({v for v in _leaves(dict(CONFIG)) if isinstance(v, str) and len(v) >= 3}
                | {str(CONFIG["display"]["sizeMin"]), str(CONFIG["display"]["sizeMax"])})


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_names_no_shared_constant_by_hand(script) -> None:
    source = script.read_text(encoding="utf-8")
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
    if script.name == client_module.PREPAINT:
        code = code.replace("/*SETTINGS*/{}", "")
    for value in SHARED:
        literal = re.compile(r"[\"'`]" + re.escape(value) + r"[\"'`]" if not value.isdigit()
                             else r"(?<![\w.])" + value + r"(?![\w.])")
        assert not literal.search(code), f"{script.name} writes {value!r}: take it from config.js"


def test_generated_config_is_the_python_constants() -> None:
    text = CLIENT.modules[CONFIG_MODULE].body.decode()
    assert text.startswith("export default Object.freeze(")
    assert json.loads(text[len("export default Object.freeze("):text.rindex(")")]) == json.loads(
        json.dumps(dict(CONFIG)))


def test_every_import_of_every_module_is_served() -> None:
    for name, module in CLIENT.modules.items():
        for imported in IMPORT.findall(module.body.decode()):
            assert imported in CLIENT.modules, (name, imported)


def test_prepaint_script_is_not_served_as_a_module() -> None:
    assert client_module.PREPAINT not in CLIENT.modules
    assert "/*SETTINGS*/" not in CLIENT.prepaint


def test_modules_are_served_immutable_under_this_release_digest(client: TestClient) -> None:
    response = client.get(CLIENT.url("reader.js"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert "immutable" in response.headers["cache-control"]
    assert response.content == CLIENT.modules["reader.js"].body
    again = client.get(CLIENT.url("reader.js"), headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304


def test_modules_of_another_release_are_not_served(client: TestClient) -> None:
    assert client.get("/scripts/0000000000000000/reader.js").status_code == 404
    assert client.get(CLIENT.url("no-such.js")).status_code == 404
    assert client.get(CLIENT.url("prepaint.js")).status_code == 404


def test_digest_changes_when_a_module_changes(tmp_path) -> None:
    for script in SCRIPTS:
        (tmp_path / script.name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    same = load(tmp_path)
    (tmp_path / "reader.js").write_text("export {};\n", encoding="utf-8")
    assert same.digest == CLIENT.digest != load(tmp_path).digest


def test_modules_gzip_to_what_they_are() -> None:
    for module in CLIENT.modules.values():
        assert gzip.decompress(module.gzipped) == module.body
