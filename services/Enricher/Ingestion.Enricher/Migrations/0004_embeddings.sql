-- The MiniLM vector of each enriched article revision's title and lead (Enrichment.Embedding; written only while the
-- enricher's encoder is on, Enricher:Encoder:Enabled). 384 float4 values, unit length; `model` names the encoder, since
-- vectors of different models must not be compared. No vector index: this keeps the vectors beside the event that
-- carries them (subscribers group stories with it); a similarity search would be a later migration.
create table article_embeddings (
    article_id text        not null,
    revision   int         not null,
    model      text        not null,
    embedding  real[]      not null check (cardinality(embedding) = 384),
    created_at timestamptz not null default now(),
    primary key (article_id, revision)
);
