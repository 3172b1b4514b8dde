-- "next week", "last week": a mentioned date may now name a week (stored as its Monday).
alter table mentioned_dates drop constraint mentioned_dates_granularity_check;
alter table mentioned_dates add constraint mentioned_dates_granularity_check
    check (granularity in ('day', 'week', 'month', 'year'));
