"""`redact run` end to end: verified variants, no gold identifier published, audit trail, fail closed."""

from __future__ import annotations

import json
import re
import stat
from functools import cache
from pathlib import Path

import pytest

from redact.audit.key import load_key
from redact.audit.verify import find_leaks, pdf_text
from redact.detect.keep import vocabulary
from redact.errors import RedactError
from redact.gold import Gold, gold_path_for, load_gold
from redact.pipeline import LeakError, Pipeline, RunOptions, RunResult
from redact.variants.build import MissingContentError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GENERALISED = {"DATE", "AGE"}  # shown in month/year or whole years by policy, not hidden


def gold_file(draft: Path) -> Path:
    return gold_path_for(draft.with_suffix(".txt"))


def all_drafts() -> list[Path]:
    drafts = []
    for folder in ("synthetic", "handwritten"):
        for path in sorted((FIXTURES / folder).glob("*")):
            if path.name.endswith(".marked.txt") or path.suffix not in {".txt", ".docx", ".pdf"}:
                continue
            if gold_file(path).exists():
                drafts.append(path)
    return drafts


def config_for(draft: Path) -> Path | None:
    config = draft.with_name(draft.stem + ".report.yaml")
    return config if config.exists() else None


@cache
def pipeline() -> Pipeline:
    return Pipeline()


def run(draft: Path, out: Path, **options: object) -> RunResult:
    return pipeline().run(draft, out, RunOptions(config=config_for(draft), **options))


def published_text(result: RunResult) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in result.published if p.suffix == ".md")


def _words(text: str) -> str:
    return " ".join(text.split())


def leaked_gold(gold: Gold, published: str) -> list[str]:
    """Gold identifiers (not kept, not generalised by policy) that still stand in the published text."""
    flat = _words(published)
    for kept in sorted({_words(m.text) for m in gold.mentions if m.keep}, key=len, reverse=True):
        flat = flat.replace(kept, "#" * len(kept))  # a kept panel body may name a town ("Marlowby Refuge")
    leaks = []
    for mention in gold.mentions:
        text = _words(mention.text)
        if mention.keep or mention.label in GENERALISED or len(text) < 2 or text in vocabulary().acronyms:
            continue  # initials that are a report acronym ("GP") stand in the text as the role too
        if re.search(rf"(?<![\w]){re.escape(text)}(?![\w])", flat):
            leaks.append(f"{mention.label} {text!r}")
    return leaks


@pytest.mark.parametrize("draft", all_drafts(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_run_publishes_verified_variants_without_gold_identifiers(draft: Path, tmp_path: Path) -> None:
    gold = load_gold(gold_file(draft))
    variants: tuple[str, ...] = ("executive-summary", "full-publication")
    try:
        result = run(draft, tmp_path, variants=variants)
    except MissingContentError as error:  # IMRs and judgments have no executive summary
        assert "no Executive Summary" in str(error)
        variants = ("full-publication",)
        result = run(draft, tmp_path, variants=variants)
    has_summary = len(variants) == 2
    names = sorted(p.name for p in result.published)
    stem = draft.stem
    assert names == sorted(f"{stem}.{v}.{ext}" for v in variants for ext in ("md", "pdf"))
    key = load_key(tmp_path / "restricted" / f"{stem}.key.json")
    assert find_leaks(list(result.published), key) == []
    assert leaked_gold(gold, published_text(result)) == []
    if not has_summary:
        return
    kept_roles = {m.text for m in gold.mentions if m.keep and m.role in {"lscb_chair", "panel_chair", "author"}}
    summary = _words((tmp_path / "publish" / f"{stem}.executive-summary.md").read_text(encoding="utf-8"))
    for name in kept_roles:
        assert _words(name) in summary, f"named role {name!r} missing from the executive summary"


def test_restricted_outputs_are_private_and_audit_points_at_original(tmp_path: Path) -> None:
    draft = FIXTURES / "handwritten" / "executive-summary-short.txt"
    run(draft, tmp_path)
    restricted = tmp_path / "restricted"
    for path in restricted.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(restricted.stat().st_mode) == 0o700
    original = draft.read_text(encoding="utf-8")
    entries = [json.loads(line) for line in (restricted / f"{draft.stem}.audit.jsonl").read_text().splitlines()]
    assert entries and {e["variant"] for e in entries} == {"executive-summary", "full-publication"}
    for entry in entries:
        assert original[entry["start"] : entry["end"]] == entry["original"]
        assert entry["action"] in {"pseudonymise", "generalise", "remove", "keep"}
    manifest = json.loads((restricted / f"{draft.stem}.manifest.json").read_text())
    assert set(manifest["outputs"]) >= {f"publish/{draft.stem}.full-publication.pdf"}
    assert manifest["kept"] and not list(tmp_path.glob(".staging-*"))


def test_rerun_gives_identical_bytes(tmp_path: Path) -> None:
    draft = FIXTURES / "handwritten" / "police-imr.txt"
    first = run(draft, tmp_path / "a", variants=("full-publication",))
    second = run(draft, tmp_path / "b", variants=("full-publication",))
    for a, b in zip(
        sorted(first.published + first.restricted), sorted(second.published + second.restricted), strict=True
    ):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_planted_leak_fails_verify(tmp_path: Path) -> None:
    draft = FIXTURES / "handwritten" / "executive-summary-short.txt"
    result = run(draft, tmp_path)
    key = load_key(tmp_path / "restricted" / f"{draft.stem}.key.json")
    child = next(e for e in key.entities if e.role == "subject_child")
    markdown = next(p for p in result.published if p.name.endswith("full-publication.md"))
    markdown.write_text(markdown.read_text() + f"\n{child.mentions[0]} was named here.\n")
    leaks = find_leaks([markdown], key)
    assert leaks and leaks[0].entity_id == child.entity_id


def test_leak_found_during_run_publishes_nothing(tmp_path: Path) -> None:
    draft = FIXTURES / "handwritten" / "executive-summary-short.txt"
    text = draft.read_text(encoding="utf-8")
    missing_name = Pipeline(detect=lambda document: [f for f in _real_findings(document) if "Ellie" not in f.text])
    copy = tmp_path / "draft.txt"
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(LeakError):
        missing_name.run(copy, tmp_path / "out", RunOptions())
    assert not list((tmp_path / "out").glob("publish/*"))
    assert not list((tmp_path / "out").glob(".staging-*"))


def _real_findings(document):  # noqa: ANN001, ANN202 - a thin wrapper for the test above
    from redact.detect import Detector

    return Detector().detect(document)


def test_draft_without_executive_summary_publishes_its_full_publication_and_says_so(tmp_path: Path) -> None:
    draft = tmp_path / "no-summary.txt"
    draft.write_text("Chronology\n\nJayden Smith was seen at home on 3 May 2019.\n", encoding="utf-8")
    result = run(draft, tmp_path / "out")
    assert [p.name for p in result.published] == ["no-summary.full-publication.md", "no-summary.full-publication.pdf"]
    assert "Jayden" not in published_text(result)
    assert result.not_built and result.not_built[0].startswith("executive-summary: the draft has no Executive")
    manifest = json.loads((tmp_path / "out/restricted/no-summary.manifest.json").read_text(encoding="utf-8"))
    assert manifest["variants"] == ["full-publication"]
    assert any(w.startswith("not built: executive-summary") for w in manifest["warnings"])


def test_a_draft_that_is_an_executive_summary_is_published_whole_under_that_name(tmp_path: Path) -> None:
    draft = tmp_path / "summary.txt"
    draft.write_text(
        "QUELLSHIRE LOCAL SAFEGUARDING CHILDREN BOARD\nSERIOUS CASE REVIEW\nEXECUTIVE SUMMARY\n\n"
        "1.1 This is the executive summary of the review about Tobiah Quill, who died in 2014.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out", variants=("full-publication",))
    assert published_text(result).startswith("# Executive Summary")


def test_minutes_about_publishing_a_summary_are_no_executive_summary(tmp_path: Path) -> None:
    """An item of minutes headed "... publication of the overview report and executive summary" is about the
    summary, not the summary: only the full publication is built."""
    draft = tmp_path / "minutes.txt"
    draft.write_text(
        "Minutes of the SCR sub-group\n\n3. CHILD M - PUBLICATION OF THE OVERVIEW REPORT AND EXECUTIVE SUMMARY\n\n"
        "3.1 Members agreed that Jayden Smith's date of birth must come out.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    assert [p.name for p in result.published] == ["minutes.full-publication.md", "minutes.full-publication.pdf"]


def test_prose_that_mentions_a_published_summary_makes_no_draft_a_summary(tmp_path: Path) -> None:
    """A board's annual report tells of a review in prose on its first page ("The executive summary was published
    in January ..."): a title says what a draft is, a sentence does not."""
    draft = tmp_path / "annual.txt"
    draft.write_text(
        "Quellshire LSCB Annual Report 2014-15 (extract)\nSECTION 6: SERIOUS CASE REVIEWS\n6.1 Child Q was a girl "
        "in the care of the local authority who was harmed over eleven months while she lived in Tarnwick. The "
        "review found that agencies did not share what they knew and that return interviews were patchy. The "
        "executive summary was published in January 2015 after the trial.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    assert [p.name for p in result.published] == ["annual.full-publication.md", "annual.full-publication.pdf"]


def test_a_variant_asked_for_by_name_that_cannot_be_built_is_an_error(tmp_path: Path) -> None:
    draft = tmp_path / "no-summary.txt"
    draft.write_text("Chronology\n\nJayden Smith was seen at home on 3 May 2019.\n", encoding="utf-8")
    with pytest.raises(MissingContentError, match="cannot build the executive-summary variant: the draft has no"):
        run(draft, tmp_path / "out", variants=("executive-summary", "full-publication"))
    assert not (tmp_path / "out" / "publish").exists() or not any((tmp_path / "out" / "publish").iterdir())


def test_statutory_content_is_checked_and_can_be_overridden(tmp_path: Path) -> None:
    draft = tmp_path / "summary.txt"
    draft.write_text(
        "Executive Summary\n\nJayden Smith was seen at home on 3 May 2019 by his mother, Kelly Smith.\n",
        encoding="utf-8",
    )
    with pytest.raises(RedactError, match="lacks required content"):
        run(draft, tmp_path / "out")
    refused = _manifest_of(tmp_path / "out", "summary")  # the refused run's package says which role is missing
    assert refused["status"] == "refused" and not list((tmp_path / "out").glob("publish/*"))
    reasons = [r for r in refused["reasons"] if r["kind"] == "missing statutory content"]
    assert reasons and all(r["variant"] == "executive-summary" and r["text"] and r["fix"] for r in reasons)
    result = run(draft, tmp_path / "out2", allow_incomplete=True)
    manifest = json.loads(next(p for p in result.restricted if p.name.endswith("manifest.json")).read_text())
    assert manifest["allow_incomplete"] is True
    assert any("allowed incomplete" in w for w in manifest["warnings"])
    assert manifest["status"] == "published" and manifest["reasons"] == []


def test_a_domestic_homicide_review_needs_no_lscb_chair_but_a_serious_case_review_does(tmp_path: Path) -> None:
    body = (
        "QUELLMOOR COMMUNITY SAFETY PARTNERSHIP\nDOMESTIC HOMICIDE REVIEW\n\nExecutive Summary\n\n"
        "Independent Chair and Author: Griselda Pelbury\n\nEbun Quill was killed by her partner in 2017.\n"
    )
    draft = tmp_path / "dhr.txt"
    draft.write_text(body, encoding="utf-8")
    result = run(draft, tmp_path / "out")
    manifest = json.loads(next(p for p in result.restricted if p.name.endswith("manifest.json")).read_text())
    assert any("no LSCB chair required" in w for w in manifest["warnings"])
    assert "Griselda Pelbury" in published_text(result)
    combined = tmp_path / "combined.txt"
    combined.write_text(body.replace("REVIEW\n", "REVIEW AND SERIOUS CASE REVIEW\n", 1), encoding="utf-8")
    with pytest.raises(RedactError, match="no LSCB chair found"):
        run(combined, tmp_path / "out2")


def test_bad_draft_leaves_nothing(tmp_path: Path) -> None:
    draft = tmp_path / "empty.txt"
    draft.write_text("", encoding="utf-8")
    with pytest.raises(RedactError):
        run(draft, tmp_path / "out")
    assert not (tmp_path / "out" / "publish").exists()


def test_named_roles_the_summary_does_not_name_go_on_its_title_page(tmp_path: Path) -> None:
    draft = tmp_path / "overview.txt"
    draft.write_text(
        "Overview Report\n\nExecutive Summary\n\nJayden Smith was seen at home on 3 May 2019 by his mother, "
        "Kelly Smith.\n\nIntroduction\n\nThe review panel was chaired by Philippa Rowntree. The overview report was "
        "written by Dr Anselm Kettering.\n\nWith thanks.\n\nMarguerite Olusanya\n\nIndependent Chair, "
        "Wyreshire Safeguarding Children Board\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    summary = (tmp_path / "out/publish/overview.executive-summary.md").read_text(encoding="utf-8")
    assert "LSCB chair: Marguerite Olusanya" in summary
    assert "Serious case review panel chair: Philippa Rowntree" in summary
    assert "Overview report author: Anselm Kettering" in summary
    assert "Jayden" not in published_text(result)
    manifest = json.loads((tmp_path / "out/restricted/overview.manifest.json").read_text(encoding="utf-8"))
    assert any("named on its title page" in w for w in manifest["warnings"])


def test_a_refused_rerun_withdraws_what_the_earlier_run_published(tmp_path: Path) -> None:
    draft = tmp_path / "summary.txt"
    draft.write_text((FIXTURES / "handwritten" / "executive-summary-short.txt").read_text(encoding="utf-8"))
    other = tmp_path / "other.txt"
    other.write_text("Chronology\n\nJayden Smith was seen at home on 3 May 2019.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(draft, out).published and run(other, out).published
    draft.write_text("", encoding="utf-8")  # the board replaced the draft with a broken file
    with pytest.raises(RedactError):
        run(draft, out)
    assert sorted(p.name for p in (out / "publish").iterdir()) == [
        "other.full-publication.md",
        "other.full-publication.pdf",
    ]


def test_a_rerun_that_builds_fewer_variants_withdraws_the_other(tmp_path: Path) -> None:
    draft = tmp_path / "summary.txt"
    draft.write_text((FIXTURES / "handwritten" / "executive-summary-short.txt").read_text(encoding="utf-8"))
    out = tmp_path / "out"
    assert any("executive-summary" in p.name for p in run(draft, out).published)
    draft.write_text("Chronology\n\nJayden Smith was seen at home on 3 May 2019.\n", encoding="utf-8")
    run(draft, out)
    assert sorted(p.name for p in (out / "publish").iterdir()) == [
        "summary.full-publication.md",
        "summary.full-publication.pdf",
    ]


def test_a_markdown_draft_s_emphasis_is_set_in_the_pdf_not_printed(tmp_path: Path) -> None:
    draft = tmp_path / "emphasis.md"
    draft.write_text("# Chronology\n\n**Jayden Smith** was seen at home on *3 May 2019*.\n", encoding="utf-8")
    result = run(draft, tmp_path / "out")
    text = pdf_text(next(p for p in result.published if p.suffix == ".pdf"))
    assert "was seen at home" in text and "*" not in text


def test_a_kept_name_outside_windows_1252_prints_as_written_or_is_refused(tmp_path: Path) -> None:
    """With DejaVu Sans the PDF prints "Szczepańska"; with Helvetica only, nothing is published with a box."""
    from redact.render.fonts import HELVETICA, check_printable, pdf_fonts

    with pytest.raises(RedactError, match="no glyph for 'ń'"):
        check_printable(HELVETICA, ["Independent Overview Author: Dr Miriam Szczepańska"])
    check_printable(HELVETICA, ["Ms Siân Pryce – “café”"])  # all of it in Windows-1252
    if not pdf_fonts().unicode:
        pytest.skip("DejaVu Sans is not installed")
    draft = tmp_path / "draft.txt"
    draft.write_text("SERIOUS CASE REVIEW\n\nIndependent Overview Author: Dr Wiesława Szczepańska\n\n1.1 The "
                     "overview report was written by Dr Wiesława Szczepańska. Kayden Rowe was 4.\n", encoding="utf-8")
    result = run(draft, tmp_path / "out", variants=("full-publication",))
    pdf = next(p for p in result.published if p.suffix == ".pdf")
    assert "Szczepańska" in pdf_text(pdf)


def test_a_draft_laid_out_in_a_two_column_table_renders(tmp_path: Path) -> None:
    """Whole sections in one cell: a row taller than a page is set as paragraphs, not refused by reportlab."""
    import docx

    draft = tmp_path / "layout.docx"
    document = docx.Document()
    document.add_paragraph("SERIOUS CASE REVIEW - EXECUTIVE SUMMARY")
    table = document.add_table(rows=2, cols=2)
    sentence = "Ms Priya Danvers visited Kayden Rowe and recorded that all was well."
    long_section = " ".join(f"3.{i} {sentence}" for i in range(90))
    for row, (heading, text) in enumerate([("1. Introduction", long_section), ("2. Findings", "Short.")]):
        table.cell(row, 0).text, table.cell(row, 1).text = heading, text
    document.save(draft)
    result = run(draft, tmp_path / "out", variants=("full-publication",))
    assert any(p.suffix == ".pdf" for p in result.published)


def test_a_staff_code_that_spells_a_fathers_initials_is_published_as_the_post(tmp_path: Path) -> None:
    """ "PQ" is the practice nurse's post in the chronology's key; the father Pelham Quarrell's initials are the
    same letters: the code is kept as written, and verify does not read it as his initials."""
    draft = tmp_path / "chronology.txt"
    draft.write_text(
        "Combined health chronology\n\nKey to practitioners:\nHV1\tMOQ - Mabel O'Quill, Health Visitor\n"
        "PQ\tQL - Practice Nurse\n\nEbun Quill, aged 10 months, lives with her mother. The baby's father, Pelham "
        "Quarrell, is not involved.\n\nDate\tSource\tPractitioner\tSummary\n15/07/2021\tGP\tPQ\tImms given by QL.\n"
        "16/07/2021\tHV\tHV1\tMOQ visited.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    text = published_text(result)
    assert "\tPQ\t" in text or "| PQ |" in text
    assert "Pelham" not in text and "MOQ" not in text


def test_a_web_pages_link_to_the_executive_summary_does_not_make_the_page_one(tmp_path: Path) -> None:
    draft = tmp_path / "web.txt"
    draft.write_text(
        "Ostlebury Safeguarding Children Board\nHome\n>\nPublications\nSerious case review: Child Q\n"
        "Download the full report (PDF, 1.2MB)\nDownload the executive summary (PDF, 310KB)\n\n"
        "About the review\n\nChild Q was 22 months old when she died in March 2011. The review panel was chaired "
        "by the Board's Vice-Chair.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    assert [p.name for p in result.published] == ["web.full-publication.md", "web.full-publication.pdf"]
    assert any(line.startswith("executive-summary: the draft has no Executive Summary") for line in result.not_built)


def test_a_panel_body_the_story_names_by_its_own_word_is_pseudonymised_in_the_panel_too(tmp_path: Path) -> None:
    draft = tmp_path / "dhr.md"
    draft.write_text(
        "# Joint review\n\n## The review panel\n\nThe members of the review panel were:\n\n"
        "| Job title | Organisation |\n|---|---|\n| Chief Executive | Quellmoor Women's Aid |\n"
        "| Detective Inspector | Ostlebury Police |\n\n"
        "9.2 Ebun Pelbury stayed at the Quellmoor Refuge for six weeks.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    published = next(p for p in result.published if p.suffix == ".md").read_text(encoding="utf-8")
    assert "Quellmoor" not in published and "Chief Executive" in published
    assert any("Quellmoor Women's Aid" in w and "pseudonymises" in w for w in result.warnings)


def test_a_summary_whose_paragraph_mentions_the_overview_report_is_taken_whole(tmp_path: Path) -> None:
    """A PDF's reading joins a paragraph into one line: "The overview report and this summary were written by"
    there is a sentence, not the title of an overview report, so the draft titled an executive summary is one."""
    draft = tmp_path / "summary.txt"
    draft.write_text(
        "QUELLSHIRE LOCAL SAFEGUARDING CHILDREN BOARD\n\nSERIOUS CASE REVIEW: CHILD Q\n\nEXECUTIVE SUMMARY\n\n"
        "1. INTRODUCTION\n\n1.1 The Independent Chair of Quellshire LSCB, Augustus Smithers, agreed that the criteria "
        "were met. The review panel was chaired by Mabel Knotley. The overview report and this summary were written "
        "by Dr Agatha Pelbury, an independent consultant.\n\n2. KEY FINDINGS\n\n2.1 Jayden Smith was missing "
        "from home eleven times in 2012.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out")
    summary = (tmp_path / "out/publish/summary.executive-summary.md").read_text(encoding="utf-8")
    assert "KEY FINDINGS" in summary and "missing from home eleven times" in summary
    assert "Jayden" not in published_text(result)


def test_a_header_table_of_role_labels_and_names_keeps_each_cell_its_own(tmp_path: Path) -> None:
    """A TXT table row "Mother<TAB>Hester KNOTLEY ...": the label cell and the name cell are two cells, not the
    phrase "the mother Hester" whose name the role already says; nothing crosses from one cell into the next."""
    draft = tmp_path / "imr.txt"
    draft.write_text(
        "INDIVIDUAL MANAGEMENT REVIEW\n\nSubject child\tMabel KNOTLEY (\"Mabs\")  DOB 09/08/2020\n"
        "Mother\tHester KNOTLEY  DOB 03/02/1997\nSibling\tTobiah KNOTLEY  DOB 21/11/2016\n\n"
        "1. Mabel lived with her mother Hester and her brother Tobiah in Quellbury.\n",
        encoding="utf-8",
    )
    result = run(draft, tmp_path / "out", variants=("full-publication",))
    published = published_text(result)
    assert "KNOTLEY" not in published and "Mabs" not in published
    assert re.search(r"Mother \| Mother\s+DOB", published)  # the label, then the name's pseudonym in its cell
    assert re.search(r"Subject child \| Child A\s+DOB", published)


def test_a_pasted_executive_summary_whose_text_later_names_the_overview_report_is_a_summary(tmp_path: Path) -> None:
    """Pasted text runs the title page into the text; the title page ends at the first numbered paragraph, so a
    sentence there about "the overview report and this summary" does not unmake the summary."""
    from redact.document import TITLE_PAGE_BLOCKS
    from redact.ingest import ingest
    from redact.variants.build import is_separate_summary

    draft = tmp_path / "summary.txt"
    draft.write_text(
        "QUELLSHIRE SAFEGUARDING CHILDREN BOARD\nSERIOUS CASE REVIEW\nCHILD A\nEXECUTIVE SUMMARY\n1. INTRODUCTION\n"
        "1.1 This summary sets out the findings of a serious case review into the care of Child A.\n1.2 The board "
        "commissioned Hester Pelbury to write the overview report and this summary.\n",
        encoding="utf-8",
    )
    body = ingest(draft).blocks
    assert is_separate_summary(body[:TITLE_PAGE_BLOCKS])


def _manifest_of(out: Path, stem: str) -> dict:
    return json.loads((out / "restricted" / f"{stem}.manifest.json").read_text(encoding="utf-8"))


def test_a_refused_run_leaves_its_review_package_with_its_reasons_and_publishes_nothing(tmp_path: Path) -> None:
    draft = FIXTURES / "handwritten" / "executive-summary-short.txt"
    copy = tmp_path / "draft.txt"
    copy.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    missing_name = Pipeline(detect=lambda document: [f for f in _real_findings(document) if "Ellie" not in f.text])
    with pytest.raises(LeakError):
        missing_name.run(copy, tmp_path / "out", RunOptions())
    out = tmp_path / "out"
    assert not list(out.glob("publish/*")) and not list(out.glob(".staging-*"))
    assert {p.name for p in (out / "restricted").iterdir()} >= {
        "draft.key.json", "draft.audit.jsonl", "draft.diff.html", "draft.manifest.json", "draft.run.json"
    }
    manifest = _manifest_of(out, "draft")
    assert manifest["status"] == "refused"
    assert {r["kind"] for r in manifest["reasons"]} == {"leak"}
    assert all(r["text"] and r["variant"] in manifest["variants"] and r["fix"] for r in manifest["reasons"])
    assert any("Ellie" in r["context"] for r in manifest["reasons"])  # where the missed name stands
    assert not [name for name in manifest["outputs"] if name.startswith("publish/")]
