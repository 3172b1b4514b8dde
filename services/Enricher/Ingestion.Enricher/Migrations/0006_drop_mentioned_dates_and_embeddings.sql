-- Nothing read mentioned_dates (0003, 0005) or article_embeddings (0004): the enricher has no API beyond health, and the
-- dates and the vector travel in ArticleEnriched (Enrichment.Dates, Enrichment.Embedding), where the indexer and the
-- subscribers take them. The enricher no longer writes them.
drop table if exists mentioned_dates;
drop table if exists article_embeddings;
