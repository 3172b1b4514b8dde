-- MinHash signatures (126 x 64-bit, 1008 bytes) of enriched articles and their 42 LSH band keys. SimHash alone misses
-- copies with a rewritten sentence (4-10 bits move); a shared MinHash band finds the candidate and the estimated
-- Jaccard similarity of the signatures confirms it (Enricher:DuplicateMinSimilarity).
create table minhash_signatures (
    article_id text        not null,
    revision   int         not null,
    signature  bytea       not null,
    created_at timestamptz not null default now(),
    primary key (article_id, revision)
);

create table minhash_bands (
    band_key   bigint not null,
    article_id text   not null,
    primary key (band_key, article_id)
);
