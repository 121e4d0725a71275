"""Every user error, through the installed command: exit 2 and one line on standard error, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DRAFT = Path(__file__).resolve().parent.parent / "fixtures" / "synthetic" / "scr-02.txt"

BAD_CONFIGS = {
    "board a number": "board: 12\n",
    "named roles as text": "named_roles: Jane\n",
    "keep as text": "keep: Some Org\n",
    "panel job title a number": "panel:\n  - name: A Person\n    job_title: 7\n    organisation: Northshire Council\n",
    "panel entry missing a key": "panel:\n  - name: A Person\n",
    "named role a list": "named_roles:\n  author: [a, b]\n",
    "subject as text": "subject: Kai\n",
    "the config a list": "- board\n- keep\n",
    "unknown key": "boards: Northshire LSCB\n",
    "unknown named role": "named_roles:\n  chair: A Person\n",
    "not YAML": "board: [unclosed\n",
    "strict as text": "strict: yes please\n",
}


def redact(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "redact", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def assert_user_error(result: subprocess.CompletedProcess[str]) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith("error:"), result.stderr


@pytest.mark.parametrize("config", BAD_CONFIGS.values(), ids=list(BAD_CONFIGS))
def test_a_bad_config_is_one_line_and_exit_2(tmp_path: Path, config: str) -> None:
    report = tmp_path / "report.yaml"
    report.write_text(config, encoding="utf-8")
    result = redact("run", DRAFT, "--config", report, "--out", tmp_path / "out")
    assert_user_error(result)
    assert "report.yaml" in result.stderr
    assert not (tmp_path / "out" / "publish").exists()


@pytest.mark.parametrize(
    "arguments",
    [
        ("run", "missing.docx", "--out", "{out}"),
        ("run", str(DRAFT), "--variants", "exec", "--out", "{out}"),
        ("detect", "missing.txt"),
        ("verify", "missing.md", "--key", "missing.key.json"),
        ("eval", "{out}/no-such-folder"),
        ("batch", "{out}/no-such-folder", "--out", "{out}/batch"),
        ("review", "{out}/no-such-folder"),
    ],
    ids=["run a missing draft", "run an unknown variant", "detect a missing draft", "verify without a key",
         "eval a missing folder", "batch a missing folder", "review a folder that is no run"],  # fmt: skip
)
def test_a_bad_argument_is_one_line_and_exit_2(tmp_path: Path, arguments: tuple[str, ...]) -> None:
    assert_user_error(redact(*(a.format(out=tmp_path) for a in arguments)))


def test_verify_names_a_published_file_it_cannot_read(tmp_path: Path) -> None:
    key = tmp_path / "scr.key.json"
    key.write_text('{"draft_sha256": "0", "entities": {"p": {"label": "PERSON", "role": "mother", "pseudonym": '
                   '"Mother", "kept": false, "mentions": ["Kelly Rose"]}}}', encoding="utf-8")  # fmt: skip
    result = redact("verify", tmp_path / "gone.md", "--key", key)
    assert_user_error(result)
    assert "gone.md" in result.stderr
