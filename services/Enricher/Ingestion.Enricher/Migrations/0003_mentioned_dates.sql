-- Dates mentioned in an enriched article's body (Enrichment.Dates), one row per mention, resolved against the
-- publish date: "last Tuesday" is stored as the day it means. Indexed by date to find articles about a day.
create table mentioned_dates (
    article_id  text not null,
    revision    int  not null,
    start_char  int  not null,
    end_char    int  not null,
    text        text not null,
    date        date not null,
    granularity text not null check (granularity in ('day', 'month', 'year')),
    primary key (article_id, revision, start_char)
);

create index mentioned_dates_date on mentioned_dates (date);
