-- Statistics the search statements are planned with (docs/indexer.md "Session 4").

-- The near-title fallback (q <% title) is planned anew for every search that needs it, and its estimator (pg_trgm's
-- matchingsel) runs word_similarity over every most-common title and histogram bound the column's statistics hold:
-- 200 titles at the default target, 3 ms of planning per search at 100,000 articles. Nothing else reads the title's
-- statistics; with a target of 5 the estimator tries 5 titles and skips the (too short) histogram.
alter table articles alter column title set statistics 5;

-- 0005 created articles_tsv_title without statistics on its expression: until the next analyze the planner took a
-- default selectivity for a title word, so a common title phrase was estimated at 2 rows (1,356 at 100,000).
analyze articles;
