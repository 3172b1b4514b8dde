-- SimHash fingerprints of enriched articles and their LSH bands: two texts within a few bits of each other
-- share at least one band, so candidate near-duplicates are found by an index lookup, not a scan.
create table fingerprints (
    article_id  text        not null,
    revision    int         not null,
    fingerprint bigint      not null,
    created_at  timestamptz not null default now(),
    primary key (article_id, revision)
);

create table fingerprint_bands (
    band       int  not null,
    article_id text not null,
    primary key (band, article_id)
);
