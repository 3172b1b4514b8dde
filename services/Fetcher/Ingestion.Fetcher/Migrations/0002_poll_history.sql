-- The recent polls of each feed (the last 50 are kept), shown by GET /feeds/show?url=.
create table poll_history (
    id          bigserial   primary key,
    feed_url    text        not null references feeds (url) on delete cascade,
    polled_at   timestamptz not null default now(),
    outcome     text        not null,
    status      int,
    items       int,
    new_items   int,
    duration_ms int         not null,
    next_poll_s int,
    error       text
);
create index poll_history_feed on poll_history (feed_url, id desc);
