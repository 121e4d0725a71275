from redact.cli import app

app(prog_name="redact")
