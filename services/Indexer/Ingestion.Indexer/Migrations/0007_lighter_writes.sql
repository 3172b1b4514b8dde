-- Write path, part four (docs/indexer.md "Write path"): less work for PostgreSQL per indexed article. Measured on 20,000
-- articles copied into a table without indexes (session 7): each change below saved from a few percent (the index) to a
-- quarter (the entity keys) of the insert's own time.

-- The entity keys and tags are computed by the writer (ArticleIndex, with EntityKeys, the code that also makes the entity
-- filter's keys) instead of by a SQL function over the entities' jsonb for every row: that function was about a third
-- of the insert's time before the indexes. Rows written before keep their values.
alter table articles alter column entity_keys drop expression;
alter table articles alter column entity_tags drop expression;

-- Paragraphs are kept apart only where the body, split at blank lines, does not give them back (StoredParagraphs);
-- readers take coalesce(paragraphs, to_jsonb(string_to_array(body, E'\n\n'))). Every article stored its text twice.
alter table articles alter column paragraphs drop not null;

-- The stored event is the text the writer serialised, checked as JSON but not converted to jsonb (nothing queries inside it;
-- readers take it back as text). This rewrites the revisions table once.
alter table revisions alter column event type json using event::json;

-- articles_source_published (source, published, article_id) serves every query articles_source served.
drop index if exists articles_source;

-- lz4 for every column the rows compress, not only the large ones (0003): with toast_tuple_target = 256 the title,
-- summary, description, keyword and entity arrays and the inline head vector are compressed too, and were still pglz.
-- The event column lost its setting with its type.
do $$
begin
    alter table articles
        alter column title set compression lz4, alter column url set compression lz4, alter column authors set compression lz4,
        alter column description set compression lz4, alter column summary set compression lz4,
        alter column keywords set compression lz4, alter column tsv_head set compression lz4,
        alter column entity_keys set compression lz4, alter column entity_tags set compression lz4;
    alter table revisions alter column event set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'lz4 is not available (%): values stay compressed with pglz', sqlerrm;
end $$;
