"""Dagster assets: the four stages of newsledger, wired in order raw → ledger → tables → release.

Each asset only calls its stage module; all logic lives there.
"""

from dataclasses import asdict

import dagster as dg

from pipeline import extraction, ingest, producer, project
from pipeline.ledger import RELEASE_PUBLISHED, NewEntry
from pipeline.query import refresh_snapshot
from pipeline.release import publish
from pipeline.resources import Warehouse

GROUP = "newsledger"


@dg.asset(group_name=GROUP, kinds={"duckdb"})
def raw_articles(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    """News articles from the raw folder, recorded once each in the append-only ledger.

    The same bytes are one article. Inputs that cannot be read (bad JSON, no text, unknown
    format) are recorded as quarantined with the reason instead.
    """
    with warehouse.ledger() as ledger:
        summary = ingest.record(ledger, warehouse.raw, producer("ingest"))
    context.log.info(
        f"ingest: {summary.added} new, {summary.duplicates} known, "
        f"{summary.quarantined} quarantined"
    )
    return dg.MaterializeResult(metadata={**asdict(summary), "raw_dir": str(warehouse.raw)})


@dg.asset(group_name=GROUP, kinds={"spacy", "duckdb"}, deps=[raw_articles])
def article_extractions(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """Events, claims and actors extracted from every article the current extractor has not read.

    All pending articles go through one batched spaCy pass; each result is a new ledger entry
    that supersedes older extractions of the same article.
    """
    def progress(done: int, total: int) -> None:
        if done == total or done % max(1, total // 10) == 0:
            context.log.info(f"extract: {done}/{total} articles")

    with warehouse.ledger() as ledger:
        summary = extraction.record(ledger, producer("extract"), progress=progress)
    return dg.MaterializeResult(
        metadata={**asdict(summary), "extractor_version": extraction.EXTRACTOR_VERSION}
    )


@dg.asset(group_name=GROUP, kinds={"pandera", "duckdb"}, deps=[article_extractions])
def warehouse_tables(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """The analyst tables (articles, events, claims, actors), rebuilt from the ledger and validated.

    Rows failing their Pandera model or whose offsets do not match the article text go to the
    quarantine table with the failing check; nothing is silently dropped.
    """
    with warehouse.ledger() as ledger:
        projection = project.build(ledger)
        project.write(ledger.con, projection)
    context.log.info(f"project: {projection.counts()} from {projection.ledger_head} ledger entries")
    events = projection.tables["events"]
    preview = events[["actor1_name", "cameo_code", "event_label", "actor2_name", "modality"]].head(
        10
    )
    return dg.MaterializeResult(
        metadata={
            **{f"rows_{name}": n for name, n in projection.counts().items()},
            "ledger_head": projection.ledger_head,
            "events_preview": dg.MetadataValue.md(
                preview.to_markdown(index=False) if len(preview) else "(none)"
            ),
        }
    )


@dg.asset_check(asset=warehouse_tables, description="No row or input was quarantined.")
def nothing_quarantined(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.ledger() as ledger:
        rows = ledger.con.execute(
            "SELECT stage, coalesce(table_name, '-'), count(*) FROM quarantine"
            " GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    total = sum(r[2] for r in rows)
    return dg.AssetCheckResult(
        passed=total == 0,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"quarantined": total, **{f"{s}/{t}": n for s, t, n in rows}},
    )


@dg.asset_check(
    asset=warehouse_tables,
    description="Every row's offsets slice the article text to its evidence.",
)
def evidence_matches_text(warehouse: Warehouse) -> dg.AssetCheckResult:
    with warehouse.ledger() as ledger:
        bad = {
            table: ledger.con.execute(
                f"""SELECT count(*) FROM {table} t JOIN article_texts a USING (article_id)
                    WHERE substring(a.text, t.char_start + 1, t.char_end - t.char_start)
                        <> t.evidence_text"""
            ).fetchone()[0]  # type: ignore[index]
            for table in ("events", "claims")
        }
    return dg.AssetCheckResult(passed=sum(bad.values()) == 0, metadata=bad)


@dg.asset(group_name=GROUP, kinds={"parquet", "csv"}, deps=[warehouse_tables])
def dataset_release(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> dg.MaterializeResult:
    """The public dataset: an immutable, versioned Parquet + CSV Data Package under datasets/.

    A new version is published only when the content changed (MAJOR for a contract change,
    MINOR for new articles, PATCH for re-extraction or corrections); then the analyst
    snapshot is refreshed.
    """
    with warehouse.ledger() as ledger:
        projection = project.build(ledger)
        released = [e.payload for e in ledger.read(RELEASE_PUBLISHED)]
        reasons = {
            "extractor_versions": projection.extractor_versions,
            "previous_extractor_versions": released[-1]["extractor_versions"] if released else [],
            "corrections": projection.corrections.loc[
                projection.corrections["in_force"], "correction_id"
            ].tolist()
            if len(projection.corrections)
            else [],
        }
        result = publish(projection, warehouse.out, reasons)
        if result is not None:
            ledger.append(
                [
                    NewEntry(
                        RELEASE_PUBLISHED,
                        result.version,
                        {
                            "version": result.version,
                            "path": str(result.path),
                            "bump": result.bump,
                            "counts": result.counts,
                            "ledger_head": projection.ledger_head,
                            "extractor_versions": projection.extractor_versions,
                        },
                        producer("publish"),
                    )
                ]
            )
    snapshot = refresh_snapshot(warehouse.database, warehouse.out)
    if result is None:
        context.log.info("content unchanged: nothing published")
        return dg.MaterializeResult(metadata={"published": False, "snapshot": str(snapshot)})
    return dg.MaterializeResult(
        metadata={
            "published": True,
            "version": result.version,
            "bump": result.bump,
            "path": str(result.path),
            **{f"rows_{k}": v for k, v in result.counts.items()},
        }
    )


ASSETS = [raw_articles, article_extractions, warehouse_tables, dataset_release]
CHECKS = [nothing_quarantined, evidence_matches_text]
