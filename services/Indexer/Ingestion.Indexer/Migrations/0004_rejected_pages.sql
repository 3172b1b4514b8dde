-- What a refused page said about itself (the cleaner reads it before refusing): an operator sees which page it was
-- without fetching it again. Null for older rows and for stages that never read the page.
alter table rejections
    add column title     text,
    add column published timestamptz,
    add column language  text;
