-- Several fetchers share one database (docs/fetcher.md, "Several fetchers"). A fetcher claims the due feeds it polls
-- with a lease (leased_until, leased_by); the poll's end writes the next poll time and clears the lease, and a dead
-- fetcher's leases run out and are taken over.
alter table feeds add column leased_until timestamptz, add column leased_by text;
create index feeds_due on feeds (next_poll_at) where not paused;

-- Per-host spacing across fetchers: the start time the next request to a host may take (scheme + authority).
create table host_slots (
    host    text        primary key,
    next_at timestamptz not null
);

-- A page's publication is claimed too: the fetcher that records a page publishes it, and only a page whose claim ran out
-- (its fetcher died, or the broker was away) is published again by whichever fetcher comes first.
alter table pages add column publish_leased_until timestamptz, add column publish_leased_by text;
