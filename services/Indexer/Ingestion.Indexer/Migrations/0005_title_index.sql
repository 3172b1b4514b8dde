-- Search tier 2 (the title matches the whole query) tests ts_filter(tsv_head, '{a}') @@ query: the title's own words
-- are the head vector's weight-A lexemes. Without an index on them, a common title phrase ("united states") made
-- every head match's row be read to find the few whose title has it (5,086 heap pages against 1,342). The expression
-- is immutable and small (4 MB at 100,000 articles); PostgreSQL combines it with articles_tsv_head (BitmapAnd).
create index articles_tsv_title on articles using gin (ts_filter(tsv_head, '{a}'));
