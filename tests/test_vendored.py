"""The vendored JavaScript is the version package.json pins, with its licence beside it."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "sourcing" / "static" / "vendor"


def test_each_pinned_library_is_vendored_at_its_pinned_version_with_its_licence():
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    listed = (VENDOR / "README.md").read_text()
    for name, version in pinned.items():
        assert locked[f"node_modules/{name}"]["version"] == version
        assert (VENDOR / name / "LICENSE").exists()
        bundle = next((VENDOR / name).glob("*.min.js")).read_text(encoding="utf-8")
        assert f'"{version}"' in bundle, f"{name}: run `make vendor` after changing package.json"
        assert f"| {version} |" in listed
