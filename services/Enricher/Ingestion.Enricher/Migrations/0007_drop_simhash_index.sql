-- Near-duplicates are decided by MinHash alone (minhash_signatures, minhash_bands; docs/enricher.md "Near-duplicates"):
-- on the extraction corpus SimHash within 3 bits found no copy that MinHash missed. The SimHash index (0001) is no longer
-- written or read; the SimHash itself is still published as Enrichment.Fingerprint.
drop table if exists fingerprint_bands;
drop table if exists fingerprints;
