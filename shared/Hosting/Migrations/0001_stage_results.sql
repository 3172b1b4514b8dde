-- What a stage produced for each article revision: its output message, or its rejection.
-- Keyed by (article_id, revision) so that a redelivered message finds the stored result and re-publishes it
-- instead of doing the work (and its side effects) again.
create table stage_results (
    article_id  text        not null,
    revision    int         not null,
    output      jsonb,
    rejection   jsonb,
    created_at  timestamptz not null default now(),
    primary key (article_id, revision),
    check ((output is null) <> (rejection is null))
);
