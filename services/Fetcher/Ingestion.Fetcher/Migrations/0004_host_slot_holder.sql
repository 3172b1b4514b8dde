-- A host's slot is held for the length of one request (held_by, next_at = when the hold runs out) and then given back
-- with next_at = the request's end + the host delay: across fetchers, requests to one host are spaced end to start.
alter table host_slots add column held_by text;
