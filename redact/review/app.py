"""The review web app (Starlette): list runs, review a variant side by side, decide, re-run, sign off."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from redact.audit.outputs import PUBLISH, RESTRICTED, commit_files, read_outputs, sha256_file, withdraw_published
from redact.audit.verify import find_leaks
from redact.errors import RedactError
from redact.pipeline import Pipeline, RunOptions
from redact.review import views
from redact.review.security import SESSION_COOKIE, Guard, GuardMiddleware, clean_name
from redact.review.store import Run, check_signoff, find_runs, open_run
from redact.variants.build import select_blocks
from redact.variants.policy import load_variant_policies

STATIC = Path(__file__).parent / "static"
DEFAULT_PORT = 8765


def run_status(run: Run) -> views.RunStatus:
    """Published, verified (hashes as the run wrote them and no leak found now), signed off, counts."""
    files = run.published_files()
    expected = {name: sha for name, sha in run.manifest.get("outputs", {}).items() if name.startswith(f"{PUBLISH}/")}
    current = {f"{PUBLISH}/{p.name}": sha256_file(p) for p in files}
    published = bool(expected) and set(expected) <= set(current)
    verified, note = False, "not published"
    if published:
        try:
            leaks = find_leaks(files, run.key())
            changed = sorted(name for name, sha in expected.items() if current.get(name) != sha)
            verified = not leaks and not changed
            note = ("no identifier from the key found" if verified
                    else f"{len(leaks)} leak(s); changed since the run: {', '.join(changed) or 'none'}")  # fmt: skip
        except RedactError as exc:
            note = str(exc)
    try:
        signoff = check_signoff(run.out_dir, run.stem)
        signed, sign_note = True, f"signed off by {signoff.reviewer} at {signoff.signed_at}"
    except RedactError as exc:
        signed, sign_note = False, "" if run.signoff() is None else f"sign-off invalid: {exc}"
    try:
        changes = sum(1 for e in run.audit() if e.action != "keep")
    except RedactError:
        changes = 0
    decisions = len(run.saved_decisions().get("decisions", []))
    entities = sum(run.manifest.get("entities_by_type", {}).values())
    reasons = tuple(_reason_line(r) for r in run.refusals())
    return views.RunStatus(published, verified, note, signed, sign_note, entities, changes, decisions, reasons)


def _reason_line(reason: dict) -> str:
    """ "leak: Quill (full-publication) - redact it in the review app, or ...": one reason a run was refused."""
    variant = f" ({reason['variant']})" if reason.get("variant") else ""
    return f"{reason.get('kind', 'refused')}: {reason.get('text', '')}{variant} - {reason.get('fix', '')}"


class ReviewApp:
    """Routes over one output folder; ``pipeline`` makes the Pipeline a re-run uses."""

    def __init__(self, out_dir: Path, port: int = DEFAULT_PORT, pipeline: Callable[[], Pipeline] = Pipeline) -> None:
        self.out_dir = Path(out_dir).resolve()
        self.guard = Guard(port)
        self.pipeline = pipeline
        self.results: dict[str, dict] = {}  # stem -> the last re-run's result, shown on its page
        self.lock = threading.Lock()

    def html(self, request: Request, title: str, body: str, status_code: int = 200) -> HTMLResponse:
        page = views.page(title, body, self.guard.csrf_token, self.guard.reviewer(request))
        return HTMLResponse(page, status_code=status_code)

    def login(self, request: Request) -> HTMLResponse:
        return self.html(
            request, "Sign in", views.login(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        )

    def run_or_404(self, request: Request) -> Run:
        run = open_run(self.out_dir, request.path_params["stem"])
        if run is None:
            raise _NotFound
        return run

    async def index(self, request: Request) -> Response:
        if not self.guard.reviewer(request):
            return self.login(request)
        rows = [(stem, run.manifest.get("draft", {}).get("name", ""), run.variants, run_status(run))
                for stem, run in find_runs(self.out_dir).items()]  # fmt: skip
        return self.html(request, "Runs", views.index(rows))

    async def session(self, request: Request) -> Response:
        body = await _json(request)
        name = clean_name(body.get("name")) if isinstance(body, dict) else None
        if not name:
            return JSONResponse({"ok": False, "error": "enter your name (at most 120 characters)"}, 400)
        response = JSONResponse({"ok": True, "reviewer": name})
        response.set_cookie(SESSION_COOKIE, self.guard.start_session(name), httponly=True, samesite="strict")
        return response

    async def run_page(self, request: Request) -> Response:
        if not self.guard.reviewer(request):
            return self.login(request)
        run = self.run_or_404(request)
        variant = request.query_params.get("variant") or (run.variants[-1] if run.variants else "")
        if variant not in run.variants:
            return PlainTextResponse("unknown variant", 404)
        try:
            document = run.document()
            source = run.source()
            policy = load_variant_policies(source.policy)[variant]
            blocks = select_blocks(document, policy.blocks)
            entries = [e for e in run.audit() if e.variant == variant]
            checklist = views.statutory_checklist(
                run.manifest.get("kept", []), run.manifest.get("decisions", {}).get("named_roles", {}), run.refusals(),
                entries, blocks,
            ) if policy.check_statutory_content else ""  # fmt: skip
            body = views.run_page(
                run.stem, variant, run.variants, blocks, entries, run.key(), run_status(run), run.saved_decisions(),
                run.decisions_applied(), self.results.get(run.stem), [p.name for p in run.published_files()],
                run.residual(variant), run.refusals(), checklist,
            )  # fmt: skip
        except (RedactError, KeyError) as exc:
            return self.html(request, run.stem, views.error_page(str(exc)), 409)
        return self.html(request, f"{run.stem} ({variant})", body)

    async def save_decisions(self, request: Request) -> Response:
        reviewer = self.guard.reviewer(request)
        if not reviewer:
            return JSONResponse({"ok": False, "error": "enter your name first"}, 401)
        run = self.run_or_404(request)
        body = await _json(request)
        items = body.get("decisions") if isinstance(body, dict) else None
        if not isinstance(items, list) or not all(_well_typed(item) for item in items):
            return JSONResponse({"ok": False, "error": "decisions must be a list of decision objects"}, 400)
        try:
            document = run.document()
            run.save_decisions(reviewer, items, document)
        except RedactError as exc:
            return JSONResponse({"ok": False, "error": str(exc)}, 422)
        return JSONResponse({"ok": True, **run.saved_decisions()})

    async def rerun(self, request: Request) -> Response:
        if not self.guard.reviewer(request):
            return JSONResponse({"ok": False, "error": "enter your name first"}, 401)
        run = self.run_or_404(request)
        result = await run_in_threadpool(self._rerun, run)
        self.results[run.stem] = result
        return JSONResponse(result, 200 if result["ok"] else 422)

    def _rerun(self, run: Run) -> dict:
        """``redact run DRAFT --decisions STEM.decisions.json`` with the run's own config, policy and variants, as
        a trial in a private folder: what it publishes replaces the run's files; a refusal leaves ``publish/`` as
        it was (a run with nothing published takes the new refusal's review package, with its reasons)."""
        with self.lock:
            try:
                source = run.source()
                run.document()  # the draft must be there and unchanged
                decisions = run.decisions_path() if run.decisions_path().is_file() else None
                options = RunOptions(config=source.config, variants=source.variants, decisions=decisions,
                                     policy=source.policy, allow_incomplete=source.allow_incomplete)  # fmt: skip
                published = self._trial(run, Path(source.draft or ""), options)
                leaks = find_leaks(published, run.key())
            except RedactError as exc:
                return {"ok": False, "message": f"{type(exc).__name__}: {exc} (nothing new was published)"}
        if leaks:  # the pipeline verified before publishing: this should not happen
            return {"ok": False, "message": f"verify found {len(leaks)} leak(s) after the re-run: {leaks[0]}"}
        names = ", ".join(p.name for p in published)
        saved = run.saved_decisions().get("decisions", [])
        message = (f"Re-run done with {len(saved)} decision(s); verified, no identifier from the key found; "
                   f"published: {names}")  # fmt: skip
        return {"ok": True, "message": message, "warning": False}

    def _trial(self, run: Run, draft: Path, options: RunOptions) -> list[Path]:
        """Run the pipeline into a private folder; move its files into place only if it published."""
        with tempfile.TemporaryDirectory(prefix=".rerun-", dir=run.out_dir) as folder:
            trial = Path(folder)
            try:
                self.pipeline().run(draft, trial, options)
            except RedactError:
                if not run.published_files():  # nothing published to keep: show the new refusal's reasons
                    commit_files(run.out_dir, run.stem, read_outputs(trial, (RESTRICTED,)))
                raise
            final = commit_files(run.out_dir, run.stem, read_outputs(trial))
        withdraw_published(run.out_dir, run.stem, load_variant_policies(options.policy), keep=final[PUBLISH])
        return final[PUBLISH]

    async def signoff(self, request: Request) -> Response:
        reviewer = self.guard.reviewer(request)
        if not reviewer:
            return JSONResponse({"ok": False, "error": "enter your name first"}, 401)
        run = self.run_or_404(request)
        status = await run_in_threadpool(run_status, run)
        if not status.verified:
            return JSONResponse({"ok": False, "error": f"cannot sign off: not verified ({status.verify_note})"}, 409)
        try:
            signoff = run.sign_off(reviewer)
        except RedactError as exc:
            return JSONResponse({"ok": False, "error": str(exc)}, 409)
        return JSONResponse({"ok": True, "reviewer": signoff.reviewer, "signed_at": signoff.signed_at,
                             "files": signoff.files})  # fmt: skip

    async def file(self, request: Request) -> Response:
        """A published file; nothing outside ``OUT_DIR/publish`` (restricted files are never served raw)."""
        if not self.guard.reviewer(request):
            return PlainTextResponse("enter your name first", 401)
        publish = self.out_dir / PUBLISH
        path = (self.out_dir / request.path_params["path"]).resolve()
        if not path.is_relative_to(publish.resolve()) or not path.is_file():
            return PlainTextResponse("Not Found", 404)
        return FileResponse(path)


class _NotFound(Exception):
    pass


async def _not_found(request: Request, exc: Exception) -> Response:
    return PlainTextResponse("Not Found", 404)


async def _json(request: Request) -> object:
    try:
        return await request.json()
    except ValueError:
        return None


def _well_typed(item: object) -> bool:
    if not isinstance(item, dict):
        return False
    ints = all(item.get(k) is None or (isinstance(item[k], int) and not isinstance(item[k], bool))
               for k in ("start", "end"))  # fmt: skip
    strings = all(item.get(k) is None or isinstance(item[k], str) for k in ("action", "text", "label", "pseudonym",
                                                                           "role", "reason"))  # fmt: skip
    return ints and strings


def create_app(out_dir: Path, port: int = DEFAULT_PORT, pipeline: Callable[[], Pipeline] = Pipeline) -> Starlette:
    """The app for ``out_dir``; it accepts only Host ``127.0.0.1:PORT`` / ``localhost:PORT``."""
    review = ReviewApp(out_dir, port, pipeline)
    routes = [
        Route("/", review.index),
        Route("/session", review.session, methods=["POST"]),
        Route("/run/{stem}", review.run_page),
        Route("/run/{stem}/decisions", review.save_decisions, methods=["POST"]),
        Route("/run/{stem}/rerun", review.rerun, methods=["POST"]),
        Route("/run/{stem}/signoff", review.signoff, methods=["POST"]),
        Route("/files/{path:path}", review.file),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(GuardMiddleware, guard=review.guard)],
                    exception_handlers={_NotFound: _not_found})  # fmt: skip
    app.state.review = review
    return app


def serve(out_dir: Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
    """Run the app with uvicorn (blocking)."""
    import uvicorn

    uvicorn.run(create_app(out_dir, port), host=host, port=port, log_level="info")
