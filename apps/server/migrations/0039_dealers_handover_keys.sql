-- The physical hand-over as the dealer's DMS confirms it: when the keys were handed over and by
-- whom (the staff member's name as the DMS knows it). Recorded only after the customer accepted
-- the car in the app (status 'completed'); the acceptance itself stays the customer's act.
alter table dealers.handovers add column keys_handed_over_at timestamptz;
alter table dealers.handovers add column keys_handed_over_by text check (
  keys_handed_over_by is null or length(keys_handed_over_by) between 1 and 100
);
alter table dealers.handovers add constraint handovers_keys_after_completion check (
  (keys_handed_over_at is null and keys_handed_over_by is null)
  or (status = 'completed' and keys_handed_over_at is not null and keys_handed_over_by is not null)
);
