-- The search index: one row per article (its newest revision), with a weighted tsvector
-- (title A, description or summary B, body C) built with the article's language's configuration.
create table articles (
    article_id    text        primary key,
    revision      int         not null,
    url           text        not null,
    title         text        not null,
    authors       text[]      not null,
    published     timestamptz,
    language      text,
    source        text        not null,
    site_name     text,
    dateline      text,
    description   text,
    summary       text        not null,
    image_url     text,
    body          text        not null,
    paragraphs    jsonb       not null,
    entities      jsonb       not null,
    keywords      text[]      not null,
    quotes        jsonb       not null,
    duplicate_of  text,
    ts_config     regconfig   not null,
    -- to_tsvector refuses input whose vector passes 1 MB: index at most the first 300,000 characters of a body.
    tsv           tsvector generated always as (
                      setweight(to_tsvector(ts_config, title), 'A') ||
                      setweight(to_tsvector(ts_config, coalesce(description, summary)), 'B') ||
                      setweight(to_tsvector(ts_config, left(body, 300000)), 'C')) stored,
    indexed_at    timestamptz not null,
    change_cursor bigint      not null
);
create index articles_tsv on articles using gin (tsv);
create index articles_published on articles (published desc nulls last, article_id);
create index articles_language on articles (language);
create index articles_source on articles (source);

-- Every revision ever indexed, in order: the change feed (GET /articles/changes) and the stored events,
-- so a redelivered message re-publishes the same event instead of indexing twice.
create table revisions (
    change_cursor bigserial   primary key,
    article_id    text        not null,
    revision      int         not null,
    event         jsonb,
    indexed_at    timestamptz not null default now(),
    unique (article_id, revision)
);

-- Documents some stage refused, with the reason: what an operator looks at (GET /rejections).
create table rejections (
    article_id  text        not null,
    revision    int         not null,
    stage       text        not null,
    url         text        not null,
    reason      text        not null,
    detail      text        not null,
    rejected_at timestamptz not null,
    primary key (article_id, revision, stage)
);
