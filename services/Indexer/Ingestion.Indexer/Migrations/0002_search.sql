-- Search, part two: near-matching titles (pg_trgm), entities as rows (filter and facets), and a change feed that
-- never skips (see ArticleIndex: writers take a lock so cursors commit in order).
create extension if not exists pg_trgm with schema public;

-- Ranking reads a small vector, title (A) and description or summary (B), stored inline: ranking thousands of matches
-- on the whole-body vector would fetch each one's TOASTed vector. Matching still uses the whole-body tsv (GIN).
alter table articles add column tsv_head tsvector generated always as (
    setweight(to_tsvector(ts_config, title), 'A') ||
    setweight(to_tsvector(ts_config, coalesce(description, summary)), 'B')) stored;

-- Title near-matches ("Stadia Gogle" finds "Google Stadia ..."): word_similarity (<%) and similarity (%) use it.
create index articles_title_trgm on articles using gin (title public.gin_trgm_ops);

-- One row per entity an article (its newest revision) names: the entity filter and the entity facet read this.
create table article_entities (
    article_id text not null references articles (article_id) on delete cascade,
    name       text not null,
    type       text not null,
    mentions   int  not null,
    primary key (article_id, type, name)
);
create index article_entities_name on article_entities (lower(name), type, article_id);

insert into article_entities (article_id, name, type, mentions)
select a.article_id, e->>'name', e->>'type', coalesce((e->>'count')::int, 1)
from articles a, jsonb_array_elements(a.entities) e
where e->>'name' is not null and e->>'type' is not null
on conflict do nothing;

-- The entity filter as keys on the article row ('ORG:apple'), GIN-indexed, so PostgreSQL can AND it with the
-- full-text index in one bitmap instead of checking each entity row's article against the query.
create function entity_keys(entities jsonb) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(upper(e->>'type') || ':' || lower(e->>'name')), '{}')
    from jsonb_array_elements(entities) e where e->>'name' is not null and e->>'type' is not null
$$;
alter table articles add column entity_keys text[] generated always as (entity_keys(entities)) stored;
create index articles_entity_keys on articles using gin (entity_keys);

-- The newest list pages by (published, id); the source and language facets group these columns.
create index articles_source_published on articles (source, published desc nulls last, article_id);
analyze articles;
analyze article_entities;
