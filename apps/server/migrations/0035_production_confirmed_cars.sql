-- Build only locked cars: a car is registered (and may hold a delivery date) from the moment its
-- order is placed, but production plans, sequences and freezes it only once its order is locked
-- (`confirmed_at`). A day that freezes with cars not confirmed moves them to their next available
-- date with the re-promise reason `not_locked`.
alter table production.vehicles add column confirmed_at timestamptz;

alter table production.delivery_changes drop constraint delivery_changes_reason_check;
alter table production.delivery_changes add constraint delivery_changes_reason_check
  check (reason in ('reserved', 'released', 'qc_failed', 'part_late', 'replanned', 'not_locked'));
