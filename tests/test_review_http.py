"""``redact review``: the web app over HTTP (Starlette's TestClient), on a real run of a small fixture."""

from __future__ import annotations

import json
import shutil
import stat
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redact.cli import app
from redact.decisions import load_decisions
from redact.errors import RedactError
from redact.ingest import ingest
from redact.pipeline import LeakError, Pipeline, RunOptions
from redact.review import check_signoff, create_app

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from starlette.testclient import TestClient  # noqa: E402

FIXTURE = Path(__file__).parent.parent / "fixtures" / "handwritten" / "executive-summary-short.txt"
STEM = FIXTURE.stem
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
MD = f"{STEM}.full-publication.md"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real run (full publication only: the fixture is itself an executive summary)."""
    root = tmp_path_factory.mktemp("review")
    draft = root / "drafts" / FIXTURE.name
    draft.parent.mkdir()
    shutil.copy(FIXTURE, draft)
    Pipeline().run(draft, root / "out", RunOptions(variants=("full-publication",)))
    return root / "out"


@pytest.fixture
def out(made: Path, tmp_path: Path) -> Path:
    """A private copy of the run's output folder for one test."""
    copy = tmp_path / "out"
    shutil.copytree(made, copy)
    return copy


def csrf(client: TestClient) -> str:
    page = client.get("/").text
    return page.split('name="csrf-token" content="')[1].split('"')[0]


def signed_in(out: Path, pipeline=Pipeline) -> tuple[TestClient, str]:  # noqa: ANN001
    client = TestClient(create_app(out, PORT, pipeline), base_url=BASE)
    token = csrf(client)
    response = client.post("/session", json={"name": "A. Reviewer"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200
    return client, token


def audit(out: Path) -> list[dict]:
    lines = (out / "restricted" / f"{STEM}.audit.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def a_pseudonymised_person(out: Path) -> dict:
    return next(e for e in audit(out) if e["action"] == "pseudonymise" and e["entity_type"] == "PERSON")


def test_wrong_host_header_is_refused(out: Path) -> None:
    app = create_app(out, PORT)
    for base in ("http://evil.example:8765", "http://127.0.0.1:9999", "http://testserver"):
        assert TestClient(app, base_url=base).get("/").status_code == 400
    for base in (BASE, f"http://localhost:{PORT}"):
        assert TestClient(app, base_url=base).get("/").status_code == 200


def test_post_without_or_with_a_wrong_csrf_token_is_refused(out: Path) -> None:
    client = TestClient(create_app(out, PORT), base_url=BASE)
    assert client.post("/session", json={"name": "X"}).status_code == 403
    assert client.post("/session", json={"name": "X"}, headers={"X-CSRF-Token": "wrong"}).status_code == 403
    token = csrf(client)
    assert client.post("/session", json={"name": "X"}, headers={"X-CSRF-Token": token}).status_code == 200
    for path in (f"/run/{STEM}/decisions", f"/run/{STEM}/rerun", f"/run/{STEM}/signoff"):
        assert client.post(path, json={"decisions": []}).status_code == 403
        assert client.post(path, json={"decisions": []}, headers={"X-CSRF-Token": token + "x"}).status_code == 403
    assert not (out / "restricted" / f"{STEM}.decisions.json").exists()
    assert not (out / "restricted" / f"{STEM}.signoff.json").exists()


def test_restricted_content_is_hidden_until_the_reviewer_names_themself(out: Path) -> None:
    original = a_pseudonymised_person(out)["original"]
    client = TestClient(create_app(out, PORT), base_url=BASE)
    for path in ("/", f"/run/{STEM}", f"/run/{STEM}?variant=full-publication"):
        page = client.get(path)
        assert page.status_code == 200 and "Who is reviewing?" in page.text
        assert original not in page.text and "review-data" not in page.text and 'class="runs"' not in page.text
    assert client.get(f"/files/publish/{MD}").status_code == 401
    token = csrf(client)
    client.post("/session", json={"name": "A. Reviewer"}, headers={"X-CSRF-Token": token})
    page = client.get(f"/run/{STEM}?variant=full-publication")
    assert page.status_code == 200 and original in page.text and "A. Reviewer" in page.text
    assert "published" in client.get("/").text and STEM in client.get("/").text


def test_only_published_files_are_served_and_traversal_is_refused(out: Path) -> None:
    client, _ = signed_in(out)
    assert client.get(f"/files/publish/{MD}").text == (out / "publish" / MD).read_text(encoding="utf-8")
    for path in (
        f"/files/restricted/{STEM}.key.json",
        f"/files/publish/../restricted/{STEM}.audit.jsonl",
        f"/files/publish/%2e%2e/restricted/{STEM}.key.json",
        f"/files/..%2Frestricted%2F{STEM}.key.json",
        "/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/files//etc/passwd",
        "/static/..%2F..%2Fpipeline.py",
        "/static/%2e%2e/app.py",
        "/run/..%2Frestricted%2Fx",
        "/run/nope",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "draft_sha256" not in response.text


def test_decisions_are_saved_in_the_decisions_json_schema(out: Path) -> None:
    client, token = signed_in(out)
    person = a_pseudonymised_person(out)
    draft = ingest(Path(json.loads((out / "restricted" / f"{STEM}.run.json").read_text())["draft"]))
    start = draft.text.index("grandmother")
    decisions = [
        {"action": "reject", "start": person["start"], "end": person["end"], "text": person["original"],
         "reason": "not a person"},
        {"action": "add", "start": start, "end": start + 11, "text": "grandmother", "label": "PERSON",
         "reason": "identifies the family"},
        {"action": "pseudonym", "text": person["original"], "pseudonym": "Parent 1", "reason": "board style"},
    ]  # fmt: skip
    response = client.post(f"/run/{STEM}/decisions", json={"decisions": decisions}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200, response.text
    path = out / "restricted" / f"{STEM}.decisions.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["reviewer"] == "A. Reviewer" and saved["saved_at"] and saved["decisions"] == decisions
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_decisions(path, draft)
    assert loaded.reviewer == "A. Reviewer" and [d.action for d in loaded.items] == ["reject", "add", "pseudonym"]
    wrong = [{**decisions[0], "text": "not the text"}]
    response = client.post(f"/run/{STEM}/decisions", json={"decisions": wrong}, headers={"X-CSRF-Token": token})
    assert response.status_code == 422 and json.loads(path.read_text(encoding="utf-8")) == saved
    bad = [{"action": "reject", "start": "1", "end": 2, "text": "x", "reason": "r"}]
    response = client.post(f"/run/{STEM}/decisions", json={"decisions": bad}, headers={"X-CSRF-Token": token})
    assert response.status_code == 400


def test_rerun_applies_a_reject(out: Path) -> None:
    client, token = signed_in(out)
    person = a_pseudonymised_person(out)
    published = out / "publish" / MD
    before = published.read_text(encoding="utf-8")
    reject = {"action": "reject", "start": person["start"], "end": person["end"], "text": person["original"],
              "reason": "reviewer keeps it"}  # fmt: skip
    other = next(e for e in audit(out) if e["action"] == "pseudonymise" and e["entity_id"] != person["entity_id"])
    rename = {"action": "pseudonym", "text": other["original"], "pseudonym": "Renamed 9", "reason": "board style"}
    saved = client.post(f"/run/{STEM}/decisions", json={"decisions": [reject, rename]}, headers={"X-CSRF-Token": token})
    assert saved.status_code == 200
    response = client.post(f"/run/{STEM}/rerun", headers={"X-CSRF-Token": token})
    assert response.status_code == 200 and response.json()["ok"], response.text
    assert "Renamed 9" in (out / "publish" / MD).read_text(encoding="utf-8")
    after = published.read_text(encoding="utf-8")
    assert after != before and after.count(person["original"]) == before.count(person["original"]) + 1
    kept = [e for e in audit(out) if e["recogniser"] == "reviewer" and e["action"] == "keep"]
    assert [(e["start"], e["original"]) for e in kept] == [(person["start"], person["original"])]
    assert "A. Reviewer" in kept[0]["reason"]
    page = client.get(f"/run/{STEM}?variant=full-publication").text
    assert "Re-run done with 2 decision(s); verified" in page


class LeakyPipeline(Pipeline):
    def run(self, draft: Path, out_dir: Path, options: RunOptions = RunOptions()) -> None:  # noqa: B008
        raise LeakError("verification found 1 leak(s), nothing published: Kirsty", draft)


def test_a_failed_rerun_is_shown_and_publishes_nothing(out: Path) -> None:
    client, token = signed_in(out, LeakyPipeline)
    before = {p.name: p.read_bytes() for p in (out / "publish").iterdir()}
    response = client.post(f"/run/{STEM}/rerun", headers={"X-CSRF-Token": token})
    assert response.status_code == 422 and "LeakError" in response.json()["message"]
    assert {p.name: p.read_bytes() for p in (out / "publish").iterdir()} == before
    assert "LeakError" in client.get(f"/run/{STEM}").text


def test_signoff_then_tampering_makes_check_signoff_refuse(out: Path) -> None:
    client, token = signed_in(out)
    with pytest.raises(RedactError, match="not signed off"):
        check_signoff(out, STEM)
    response = client.post(f"/run/{STEM}/signoff", headers={"X-CSRF-Token": token})
    assert response.status_code == 200, response.text
    signoff = check_signoff(out, STEM)
    assert signoff.reviewer == "A. Reviewer"
    assert set(signoff.files) == {f"publish/{MD}", f"publish/{STEM}.full-publication.pdf"}
    saved = json.loads((out / "restricted" / f"{STEM}.signoff.json").read_text(encoding="utf-8"))
    assert saved["files"] == signoff.files and saved["signed_at"]
    assert "signed off by A. Reviewer" in client.get("/").text
    key = str(out / "restricted" / f"{STEM}.key.json")
    files = [str(p) for p in sorted((out / "publish").iterdir())]
    assert CliRunner().invoke(app, ["verify", *files, "--key", key]).exit_code == 0
    with (out / "publish" / MD).open("a", encoding="utf-8") as handle:
        handle.write("\nedited after sign-off\n")
    with pytest.raises(RedactError, match="changed since it was signed off"):
        check_signoff(out, STEM)
    refused = CliRunner().invoke(app, ["verify", *files, "--key", key])  # the check before upload
    assert refused.exit_code == 1 and "changed since it was signed off" in refused.stderr
    index = client.get("/").text
    assert "sign-off invalid" in index and "not signed off" in index
    response = client.post(f"/run/{STEM}/signoff", headers={"X-CSRF-Token": token})
    assert response.status_code == 409  # the published file no longer matches the run's manifest


def test_a_run_whose_draft_is_gone_is_shown_as_an_error(out: Path) -> None:
    client, token = signed_in(out)
    record = out / "restricted" / f"{STEM}.run.json"
    record.write_text(json.dumps({**json.loads(record.read_text()), "draft": str(out / "gone.txt")}))
    page = client.get(f"/run/{STEM}")
    assert page.status_code == 409 and "not available" in page.text and "review-data" not in page.text
    response = client.post(f"/run/{STEM}/rerun", headers={"X-CSRF-Token": token})
    assert response.status_code == 422 and "not available" in response.json()["message"]


def test_the_run_page_lists_the_residual_scan_s_unexplained_words(out: Path) -> None:
    residual = out / "restricted" / f"{STEM}.residual.json"
    assert residual.exists()  # every run writes it
    planted = {"full-publication": [{"token": "Quorra<b>", "count": 2, "context": "she saw Quorra<b> at the park"}]}
    residual.write_text(json.dumps(planted), encoding="utf-8")
    client, _ = signed_in(out)
    page = client.get(f"/run/{STEM}?variant=full-publication").text
    section = page.split('id="residual"')[1]
    assert "Quorra&lt;b&gt;" in section and "×2" in section and "Quorra<b>" not in section


def test_a_refused_run_opens_in_the_app_with_nothing_to_sign_off(tmp_path: Path) -> None:
    draft = tmp_path / "drafts" / FIXTURE.name
    draft.parent.mkdir()
    shutil.copy(FIXTURE, draft)
    from redact.detect import Detector

    missing_name = Pipeline(detect=lambda document: [f for f in Detector().detect(document) if "Ellie" not in f.text])
    with pytest.raises(LeakError):
        missing_name.run(draft, tmp_path / "out", RunOptions(variants=("full-publication",)))
    client, token = signed_in(tmp_path / "out")
    index = client.get("/").text
    assert STEM in index and "refused (" in index and "<li>leak: " in index  # the runs list says why
    assert client.get(f"/run/{STEM}?variant=full-publication").status_code == 200
    response = client.post(f"/run/{STEM}/signoff", json={}, headers={"X-CSRF-Token": token})
    assert response.status_code >= 400 and not list((tmp_path / "out").glob("publish/*"))


AUTHOR = "Siobhán Keyes"


def draft_without_its_author(tmp_path: Path) -> Path:
    """The fixture with its overview author's two mentions taken out: its executive summary names no author."""
    text = FIXTURE.read_text(encoding="utf-8")
    text = text.replace(f", and the overview report was written by {AUTHOR}, an independent social work consultant", "")
    text = text.replace(f"5.2 The author, {AUTHOR}, and the panel chair", "5.2 The panel chair")
    assert AUTHOR not in text
    draft = tmp_path / "drafts" / "no-author.txt"
    draft.parent.mkdir()
    draft.write_text(text, encoding="utf-8")
    return draft


def test_a_run_refused_for_a_missing_author_publishes_once_the_reviewer_names_her_in_the_app(tmp_path: Path) -> None:
    draft, out = draft_without_its_author(tmp_path), tmp_path / "out"
    with pytest.raises(RedactError, match="no overview report author found"):
        Pipeline().run(draft, out)
    client, token = signed_in(out)
    page = client.get("/run/no-author?variant=executive-summary").text
    assert 'id="refusal"' in page and '"role": "author"' in page  # the reason, with the role its fix names
    checklist = page.split('id="statutory"')[1].split("</section>")[0]
    assert "LSCB chair</strong>: <span class=\"ok\">found" in checklist and "missing</span>" in checklist
    named = {"action": "named_role", "role": "author", "text": AUTHOR, "reason": "the author, named on the cover"}
    saved = client.post("/run/no-author/decisions", json={"decisions": [named]}, headers={"X-CSRF-Token": token})
    assert saved.status_code == 200, saved.text
    response = client.post("/run/no-author/rerun", headers={"X-CSRF-Token": token})
    assert response.status_code == 200 and response.json()["ok"], response.text
    summary = (out / "publish" / "no-author.executive-summary.md").read_text(encoding="utf-8")
    assert AUTHOR in summary
    manifest = json.loads((out / "restricted" / "no-author.manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "published" and manifest["decisions"]["named_roles"] == {"author": AUTHOR}
    assert "named in the review app" in client.get("/run/no-author?variant=executive-summary").text
    assert "refused (" not in client.get("/").text


def taking_a_word_for_a_person(word: str):  # noqa: ANN201 - a Pipeline factory
    """A pipeline whose detection also takes one ordinary word for a person, as models do: verify then finds the
    word everywhere else it stands, a false alarm."""
    from redact.detect import Detector
    from redact.detect.finding import Finding

    def detect(document):  # noqa: ANN001, ANN202
        found = Detector().detect(document)
        at = document.text.index(f" {word} ") + 1
        block = document.block_at(at)
        found.append(Finding(at, at + len(word), "PERSON", word, 0.9, "test", block.index if block else None))
        return sorted(found, key=lambda f: (f.start, f.end))

    return lambda: Pipeline(detect=detect)


def test_a_run_refused_for_a_verify_false_alarm_publishes_once_the_reviewer_says_it_is_no_leak(tmp_path: Path) -> None:
    draft, out = tmp_path / "drafts" / FIXTURE.name, tmp_path / "out"
    draft.parent.mkdir()
    shutil.copy(FIXTURE, draft)
    pipeline = taking_a_word_for_a_person("Board")
    options = RunOptions(variants=("full-publication",))
    with pytest.raises(LeakError, match="'Board' of person"):
        pipeline().run(draft, out, options)
    client, token = signed_in(out, pipeline)
    assert "leak: Board" in client.get("/").text
    allow = {"action": "allow", "text": "Board", "reason": "the safeguarding board, not a person"}
    saved = client.post(f"/run/{STEM}/decisions", json={"decisions": [allow]}, headers={"X-CSRF-Token": token})
    assert saved.status_code == 200, saved.text
    response = client.post(f"/run/{STEM}/rerun", headers={"X-CSRF-Token": token})
    assert response.status_code == 200 and response.json()["ok"], response.text
    assert "Northshire Local Safeguarding Children Board" in (out / "publish" / MD).read_text(encoding="utf-8")
    manifest = json.loads((out / "restricted" / f"{STEM}.manifest.json").read_text(encoding="utf-8"))
    assert manifest["decisions"]["allowed"] == [{"text": "Board", "reason": allow["reason"]}]


def test_an_allow_decision_needs_a_text_the_draft_holds_and_a_named_role_a_known_role(out: Path) -> None:
    client, token = signed_in(out)
    for bad in ({"action": "allow", "text": "Quellbury", "reason": "x"},
                {"action": "named_role", "role": "chair", "text": "Dorcas Quill", "reason": "x"}):  # fmt: skip
        response = client.post(f"/run/{STEM}/decisions", json={"decisions": [bad]}, headers={"X-CSRF-Token": token})
        assert response.status_code == 422, response.text


def test_a_rerun_the_pipeline_refuses_leaves_the_published_run_as_it_was(out: Path) -> None:
    """The app's re-run is a trial: refused, it changes neither publish/ nor the run's review package."""
    client, token = signed_in(out, taking_a_word_for_a_person("Board"))
    before = {p.name: p.read_bytes() for p in (out / "publish").iterdir()}
    manifest = (out / "restricted" / f"{STEM}.manifest.json").read_bytes()
    response = client.post(f"/run/{STEM}/rerun", headers={"X-CSRF-Token": token})
    assert response.status_code == 422 and "'Board' of person" in response.json()["message"]
    assert {p.name: p.read_bytes() for p in (out / "publish").iterdir()} == before
    assert (out / "restricted" / f"{STEM}.manifest.json").read_bytes() == manifest
    assert not list(out.glob(".rerun-*")) and not list(out.glob(".staging-*"))
