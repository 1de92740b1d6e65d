"""Dagster assets: the four stages of newsledger, wired in order raw → ledger → tables → release.

Each asset only calls its stage module; all logic lives there.
"""

from collections.abc import Iterator
from dataclasses import asdict

import dagster as dg

from pipeline import extraction, ingest, producer, project
from pipeline.ledger import RELEASE_PUBLISHED, NewEntry
from pipeline.query import refresh_snapshot
from pipeline.release import publish
from pipeline.resources import Warehouse
from schemas.tables import PUBLISHED

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


TABLE_DOCS = {
    "articles": "Every ingested article with its metadata (the text stays in the warehouse).",
    "events": "Event mentions: who did what to whom, CAMEO/PLOVER-coded, with evidence, "
    "modality, date, place and the group linking mentions of one real-world event.",
    "claims": "Attributed statements: speaker, cue, kind and content, with evidence offsets.",
    "actors": "Resolved actors (people, organisations, countries, groups) named by events "
    "and claims, with country, sector and mention counts.",
}
PREVIEW = {
    "articles": ["title", "outlet", "published_at", "word_count"],
    "events": ["actor1_name", "event_label", "actor2_name", "modality", "event_date"],
    "claims": ["speaker_name", "cue", "claim_kind", "claim_text"],
    "actors": ["name", "actor_type", "country", "sector", "mention_count"],
}


def column_schema(table: str) -> dg.TableSchema:
    """The Dagster column schema of a table, from its Pandera model."""
    schema = PUBLISHED[table].to_schema()
    return dg.TableSchema(
        columns=[
            dg.TableColumn(
                name,
                str(column.dtype),
                description=column.description,
                constraints=dg.TableColumnConstraints(nullable=column.nullable),
            )
            for name, column in schema.columns.items()
        ]
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            name,
            description=doc,
            group_name=GROUP,
            kinds={"pandera", "duckdb"},
            deps=[article_extractions],
            metadata={"dagster/column_schema": column_schema(name)},
        )
        for name, doc in TABLE_DOCS.items()
    ],
    can_subset=False,
)
def warehouse_tables(
    context: dg.AssetExecutionContext, warehouse: Warehouse
) -> Iterator[dg.MaterializeResult]:
    """The analyst tables, rebuilt from the ledger alone and validated with the Pandera models.

    Rows failing their model, or whose offsets do not slice the article text to their evidence,
    go to the quarantine table with the failing check; nothing is silently dropped.
    """
    with warehouse.ledger() as ledger:
        projection = project.build(ledger)
        project.write(ledger.con, projection)
    context.log.info(f"project: {projection.counts()} from {projection.ledger_head} ledger entries")
    quarantined = projection.quarantine["table_name"].value_counts()
    for name, frame in projection.tables.items():
        preview = frame[PREVIEW[name]].head(10)
        yield dg.MaterializeResult(
            asset_key=name,
            metadata={
                "dagster/row_count": len(frame),
                "quarantined_rows": int(quarantined.get(name, 0)),
                "ledger_head": projection.ledger_head,
                "preview": dg.MetadataValue.md(
                    preview.to_markdown(index=False) if len(preview) else "(no rows)"
                ),
            },
        )


@dg.asset_check(asset="events", description="No input, and no row of any table, was quarantined.")
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


def _offset_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=table,
        name=f"{table}_evidence_matches_text",
        description="Every row's offsets slice the article text to its evidence_text.",
    )
    def check(warehouse: Warehouse) -> dg.AssetCheckResult:
        with warehouse.ledger() as ledger:
            row = ledger.con.execute(
                f"""SELECT count(*) FROM {table} t JOIN article_texts a USING (article_id)
                    WHERE substring(a.text, t.char_start + 1, t.char_end - t.char_start)
                        <> t.evidence_text"""
            ).fetchone()
        bad = int(row[0]) if row else 0
        return dg.AssetCheckResult(passed=bad == 0, metadata={"mismatched_rows": bad})

    return check


@dg.asset(group_name=GROUP, kinds={"parquet", "csv"}, deps=list(TABLE_DOCS))
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
CHECKS = [nothing_quarantined, _offset_check("events"), _offset_check("claims")]
