-- The system cancels a draft that was not paid in time (its delivery date goes back).
alter table ordering.orders drop constraint orders_cancelled_by_check;
alter table ordering.orders add constraint orders_cancelled_by_check
  check (cancelled_by in ('customer', 'brand', 'system'));
