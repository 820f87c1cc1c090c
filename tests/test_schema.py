"""``renaksi schema``: JSON Schema for editors, generated from the models and kept in docs/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from typer.testing import CliRunner

from renaksi.cli import app
from renaksi.plan.json_schema import DESCRIPTIONS, KINDS, schema

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plans" / "2024"
#: A plan with an APBN budget, goal tiers and rencana aksi of kegiatan and outputs.
APBN = ROOT / "tests" / "fixtures" / "apbn" / "2024"
SCHEMAS = ROOT / "docs" / "schema"


def _kind(path: Path) -> str:
    return "bidang" if path.parent.name == "bidang" else path.stem


def _yaml(path: Path) -> Any:
    # The editor sees dates as text, as renaksi reads them: load them the same way.
    yaml = YAML(typ="safe")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = (
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    )
    return yaml.load(path.read_text(encoding="utf-8"))


def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((SCHEMAS / f"{kind}.schema.json").read_text("utf-8")))


@pytest.mark.parametrize("kind", list(KINDS))
def test_schema_is_printed_and_in_sync_with_docs(kind: str) -> None:
    result = CliRunner().invoke(app, ["schema", kind])
    assert result.exit_code == 0
    document = json.loads(result.output)
    Draft202012Validator.check_schema(document)
    assert document["$schema"].endswith("2020-12/schema")
    on_disk = (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert on_disk == result.output, "docs/schema is stale: renaksi schema --output-dir docs/schema"


def test_descriptions_are_indonesian() -> None:
    text = json.dumps(json.loads((SCHEMAS / "bidang.schema.json").read_text("utf-8")))
    assert "Satu aksi: nama, bulan pelaksanaan, keluaran" in text
    assert "A signing official" not in text


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_part_of_a_file_is_described_in_indonesian(kind: str) -> None:
    # The models' docstrings are English: a model without a DESCRIPTIONS entry would show
    # its English docstring in the editor.
    assert sorted(set(schema(kind).get("$defs", {})) - set(DESCRIPTIONS)) == []


def _plan_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("bidang/*.yaml"))


@pytest.mark.parametrize(
    "path",
    _plan_files(PLAN) + _plan_files(APBN),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_real_plan_files_match_their_schema(path: Path) -> None:
    errors = list(_validator(_kind(path)).iter_errors(_yaml(path)))
    assert errors == [], [e.message for e in errors]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("pagu: 506_090_000", "pgu: 506_090_000"),
        ("pagu: 506_090_000", "pagu: 506090000.5"),
        ("pagu: 506_090_000", 'pagu: "506,090,000"'),
        ("cara_gabung: jumlah", "cara_gabung: rata-rata"),
    ],
)
def test_schema_flags_what_validate_flags(old: str, new: str, tmp_path: Path) -> None:
    path = tmp_path / "perjanjian-kinerja.yaml"
    text = (PLAN / "perjanjian-kinerja.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert list(_validator("perjanjian-kinerja").iter_errors(_yaml(path)))


def test_money_and_targets_may_be_indonesian_text(tmp_path: Path) -> None:
    path = tmp_path / "perjanjian-kinerja.yaml"
    text = (PLAN / "perjanjian-kinerja.yaml").read_text(encoding="utf-8")
    text = text.replace("pagu: 506_090_000", 'pagu: "Rp 506.090.000"', 1)
    text = text.replace("target: 29.17", 'target: "29,17%"', 1)
    path.write_text(text, encoding="utf-8")
    assert list(_validator("perjanjian-kinerja").iter_errors(_yaml(path))) == []


def test_unknown_kind_exits_2() -> None:
    result = CliRunner().invoke(app, ["schema", "nope"])
    assert result.exit_code == 2
    assert "instansi, perjanjian-kinerja, bidang" in result.stderr


@pytest.mark.parametrize("inside", [".", "bidang", "skema/baru"])
def test_schemas_are_never_written_into_a_plan_folder(tmp_path: Path, inside: str) -> None:
    import shutil

    plan = tmp_path / "2024"
    shutil.copytree(PLAN, plan)
    before = sorted(p.relative_to(plan) for p in plan.rglob("*"))
    result = CliRunner().invoke(app, ["schema", "--output-dir", str(plan / inside)])
    assert result.exit_code == 2
    assert "berada di dalam folder rencana" in result.stderr
    # Not even the folder it would have made.
    assert sorted(p.relative_to(plan) for p in plan.rglob("*")) == before


def test_schemas_are_written_to_a_new_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "--output-dir", str(tmp_path / "skema")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "skema").iterdir()) == sorted(
        f"{kind}.schema.json" for kind in KINDS
    )


def test_output_dir_writes_every_kind_its_help_names(tmp_path: Path) -> None:
    # The help once said "ketiganya" (all three) while four files were written.
    # (Help lines are wrapped, also after a hyphen: join them back.)
    help_text = " ".join(CliRunner().invoke(app, ["schema", "--help"]).stdout.split())
    help_text = help_text.replace("- ", "-")
    result = CliRunner().invoke(app, ["schema", "--output-dir", str(tmp_path / "skema")])
    assert result.exit_code == 0
    written = sorted(p.name for p in (tmp_path / "skema").iterdir())
    assert written == sorted(f"{kind}.schema.json" for kind in KINDS)
    assert f"({len(KINDS)} berkas: {', '.join(KINDS)})" in help_text
    assert "ketiga" not in help_text
