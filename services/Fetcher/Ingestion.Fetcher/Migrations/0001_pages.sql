-- Every page revision the fetcher recorded. A row is written before its ArticleFetched is published and marked
-- published after; rows still unpublished are published again at start-up and on every cycle.
create table pages (
    article_id      text        not null,
    revision        int         not null,
    url             text        not null,
    final_url       text        not null,
    source_kind     text        not null,
    source_name     text        not null,
    source_location text        not null,
    content_type    text        not null,
    charset         text,
    status_code     int         not null,
    content_hash    text        not null,
    body_gzip       bytea       not null,
    item            jsonb,
    fetched_at      timestamptz not null,
    trace_parent    text,
    published_at    timestamptz,
    primary key (article_id, revision)
);
create index pages_unpublished on pages (fetched_at) where published_at is null;

-- Feeds to poll: configured ones are upserted at start-up, others added through the API.
create table feeds (
    url             text        primary key,
    name            text        not null,
    kind            text,
    etag            text,
    last_modified   timestamptz,
    paused          boolean     not null default false,
    added_at        timestamptz not null default now(),
    last_polled_at  timestamptz,
    last_success_at timestamptz,
    last_error      text,
    error_count     int         not null default 0,
    next_poll_at    timestamptz not null default now()
);

-- Article URLs whose download failed: retried with backoff, never hammered, visible to operators.
create table fetch_failures (
    article_id      text        primary key,
    url             text        not null,
    attempts        int         not null,
    last_error      text        not null,
    next_attempt_at timestamptz not null
);
