"""The `pipeline` command: run, rebuild, correct, diff, query and evaluate newsledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pipeline.ledger import StoreBusyError, connect

OUT = click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path),
    default=Path("outputs"),
    show_default=True,
    help="Output folder (warehouse, releases, Dagster instance).",
)
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@click.group()
def main() -> None:
    """newsledger: news articles → ledger → events and claims → versioned open datasets."""


@main.command()
@click.option(
    "--raw",
    "raw",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=Path("raw"),
    show_default=True,
    help="Folder of input articles.",
)
@OUT
def run(raw: Path, out: Path) -> None:
    """Ingest → extract → project → publish, as one Dagster run recorded under OUT/dagster."""
    from pipeline import runner

    click.echo(f"newsledger: running on {raw}/ into {out}/ (Dagster, in process)")
    try:
        connect(out / "warehouse.duckdb").close()  # fail fast, before Dagster starts, if busy
        report = runner.run(raw, out)
    except StoreBusyError as exc:
        raise click.ClickException(str(exc)) from exc
    meta = report.metadata
    ingest = meta.get("raw_articles", {})
    extract = meta.get("article_extractions", {})
    release = meta.get("dataset_release", {})
    click.echo(
        f"  ingest   : {ingest.get('added', 0)} new article(s), "
        f"{ingest.get('duplicates', 0)} already known, {ingest.get('quarantined', 0)} quarantined"
    )
    click.echo(
        f"  extract  : {extract.get('extracted', 0)} article(s) extracted "
        f"({extract.get('events', 0)} events, {extract.get('claims', 0)} claims), "
        f"{extract.get('failed', 0)} failed; extractor {extract.get('extractor_version')}"
    )
    tables = {name: meta.get(name, {}) for name in ("articles", "events", "claims", "actors")}
    click.echo(
        "  tables   : "
        + ", ".join(f"{name} {m.get('dagster/row_count', 0)}" for name, m in tables.items())
        + f"; {sum(m.get('quarantined_rows', 0) for m in tables.values())} row(s) quarantined"
    )
    if release.get("published"):
        click.echo(
            f"  release  : published {release['version']} ({release['bump']}) at {release['path']}"
        )
    else:
        click.echo("  release  : content unchanged, nothing published")
    failed_checks = [name for name, ok in report.checks.items() if not ok]
    if failed_checks:
        click.echo(f"  checks   : attention: {', '.join(failed_checks)} (see the quarantine table)")
    click.echo(f"  dagster  : run {report.run_id}")


@main.command()
@OUT
def rebuild(out: Path) -> None:
    """Drop and rebuild every analyst table from the ledger alone."""
    from pipeline import project
    from pipeline.ledger import Ledger

    with _store(), Ledger.open(out / "warehouse.duckdb") as ledger:
        projection = project.build(ledger)
        project.write(ledger.con, projection)
    click.echo(
        "rebuilt from ledger entry 1.."
        + str(projection.ledger_head)
        + ": "
        + ", ".join(f"{k} {v}" for k, v in projection.counts().items())
    )


@main.group()
def correct() -> None:
    """Record an analyst correction (a ledger entry; it survives re-extraction)."""


def _correction(out: Path, **kwargs: object) -> None:
    from pipeline import corrections, producer
    from pipeline.ledger import Ledger

    with _store(), Ledger.open(out / "warehouse.duckdb") as ledger:
        try:
            cid = corrections.record(ledger, producer=producer("correct"), **kwargs)  # type: ignore[arg-type]
        except corrections.CorrectionError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(
        f"recorded correction {cid}; it reaches the tables and a release at the next `pipeline run`"
    )


REASON = click.option("--reason", required=True, help="Why the row is corrected.")
AUTHOR = click.option("--author", required=True, help="Who corrects it.")
TABLE = click.argument("table", type=click.Choice(["articles", "events", "claims"]))


@correct.command("retract")
@TABLE
@click.argument("row_id")
@REASON
@AUTHOR
@OUT
def correct_retract(table: str, row_id: str, reason: str, author: str, out: Path) -> None:
    """Withdraw a row from the published tables."""
    _correction(out, action="retract", table=table, row_id=row_id, reason=reason, author=author)


@correct.command("override")
@TABLE
@click.argument("row_id")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    required=True,
    metavar="FIELD=VALUE",
    help="Field to override (repeatable); VALUE is JSON when it parses, else text.",
)
@REASON
@AUTHOR
@OUT
def correct_override(
    table: str, row_id: str, assignments: tuple[str, ...], reason: str, author: str, out: Path
) -> None:
    """Override fields of a row."""
    fields: dict[str, object] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not FIELD=VALUE")
        try:
            fields[key] = json.loads(value)
        except json.JSONDecodeError:
            fields[key] = value
    _correction(
        out,
        action="override",
        table=table,
        row_id=row_id,
        fields=fields,
        reason=reason,
        author=author,
    )


@correct.command("revert")
@click.argument("correction_id")
@REASON
@AUTHOR
@OUT
def correct_revert(correction_id: str, reason: str, author: str, out: Path) -> None:
    """Revert an earlier correction."""
    _correction(out, action="revert", reverts=correction_id, reason=reason, author=author)


@main.command()
@click.argument("version_a")
@click.argument("version_b")
@OUT
def diff(version_a: str, version_b: str, out: Path) -> None:
    """Rows added, removed and changed between two published versions."""
    from pipeline.release import diff_versions, format_diff

    try:
        changes = diff_versions(out / "datasets", version_a, version_b)
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(format_diff(changes))


@main.command()
@click.argument("sql")
@OUT
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table")
def query(sql: str, out: Path, fmt: str) -> None:
    """Run read-only SQL against the analyst snapshot (works while a run holds the warehouse)."""
    from pipeline.query import run_query

    try:
        frame = run_query(out, sql)
    except Exception as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False))
    else:
        click.echo(frame.to_string(index=False, max_colwidth=60))


SAVE = click.option(
    "--save",
    is_flag=True,
    help="Record the figures in docs/evaluation.json (carried by every release).",
)


@main.group("eval")
def evaluate() -> None:
    """Score the extractors on gold data."""


@evaluate.command("events")
@click.argument(
    "gold",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    default=SHARED_DATA / "petrarch" / "PETR2_GSR_validation.xml",
)
@SAVE
def eval_events(gold: Path, save: bool) -> None:
    """Score the event coder on a PETRARCH gold file (GSR validation or unit-test records)."""
    from pipeline import scores
    from pipeline.evaluate.events import evaluate as score
    from pipeline.evaluate.events import format_report

    result = score(gold)
    click.echo(format_report(result))
    if save:
        scores.save(f"events:{gold.stem}", gold.name, result)


@evaluate.command("claims")
@click.option(
    "--data",
    type=click.Path(path_type=Path, exists=True, file_okay=False),
    default=SHARED_DATA / "polnear",
    show_default=True,
)
@click.option("--split", default="dev", show_default=True)
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@SAVE
def eval_claims(data: Path, split: str, limit: int | None, save: bool) -> None:
    """Score the claim extractor on PolNeAR attributions."""
    from pipeline import scores
    from pipeline.evaluate.claims import evaluate as score
    from pipeline.evaluate.claims import format_report

    result = score(data, split=split, limit=limit)
    click.echo(format_report(result))
    if save:
        scores.save(
            f"claims:polnear-{split}", f"PolNeAR {split} ({limit or 'all'} articles)", result
        )


class _store:
    """Turn a busy warehouse into a clear CLI error."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, StoreBusyError):
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)


if __name__ == "__main__":
    main()
