-- Speed, part three (docs/indexer.md "Write path" and "Ranking"): bounded work per search and per write.

-- The vectors are computed by the writer (ArticleIndex) instead of as generated columns: the title and description are
-- parsed once (tsv = tsv_head || body), and the heavy parsing happens before the change-feed lock, so writers overlap.
alter table articles alter column tsv drop expression;
alter table articles alter column tsv_head drop expression;

-- Title and description matches are ranked first: a GIN over the small head vector finds them without the body's.
create index articles_tsv_head on articles using gin (tsv_head);

-- Body-only matches are ordered by recency: windows of this index bound how many matches a page visits.
create index articles_recency on articles ((coalesce(published, indexed_at)) desc, article_id);

-- Facets count the top-ranked matches' entity keys ('TYPE:Canonical Name'), so the per-entity rows go: they cost more to write
-- (a third of the index's size) than they saved to read. The cursor lives on revisions only.
drop table article_entities;
create function entity_tags(entities jsonb) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(upper(e->>'type') || ':' || (e->>'name')), '{}')
    from jsonb_array_elements(entities) e where e->>'name' is not null and e->>'type' is not null
$$;
alter table articles add column entity_tags text[] generated always as (entity_tags(entities)) stored;
alter table articles drop column change_cursor;

-- Narrow rows: ranking reads a few small columns of every match it visits, so everything else (body, paragraphs, the
-- whole vector, entities, summary …) is moved out of line (TOAST) as soon as a row passes 256 bytes; the head vector
-- and the entity keys stay in the row. A 100,000-article heap went from 187 MB to 66 MB. Rows written before this migration keep their
-- layout until they are rewritten (VACUUM FULL articles, at a quiet time).
alter table articles set (toast_tuple_target = 256);
alter table articles alter column tsv_head set storage main;
alter table articles alter column entity_keys set storage main; -- filters read it for every row they walk
analyze articles;

-- Large values compress with lz4 where the server has it (PostgreSQL 14+ built with lz4, as Debian's and Ubuntu's are):
-- several times faster than the default pglz on every write and every read of a body or vector.
do $$
begin
    alter table articles
        alter column body set compression lz4, alter column paragraphs set compression lz4, alter column tsv set compression lz4,
        alter column entities set compression lz4, alter column quotes set compression lz4;
    alter table revisions alter column event set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available (%): large values stay compressed with pglz', sqlerrm;
end $$;
