-- Event envelope: a schema version per event and a per-aggregate sequence number, so a
-- consumer can tell the order of one aggregate's events and spot a gap.
alter table platform.outbox add column version integer not null default 1;
alter table platform.outbox add column sequence bigint;
update platform.outbox o
   set sequence = s.n
  from (select seq, row_number() over (partition by aggregate_id order by seq) as n from platform.outbox) s
 where s.seq = o.seq;
alter table platform.outbox alter column sequence set not null;
alter table platform.outbox alter column version drop default;
alter table platform.outbox add constraint outbox_aggregate_sequence_key unique (aggregate_id, sequence);
drop index platform.outbox_aggregate_idx;

-- The last sequence number given out per aggregate. publish() increments it in the business
-- transaction: the row lock makes concurrent publishers of one aggregate take turns, so numbers
-- have no gaps (a rollback gives its number back) and follow the outbox's seq order.
create table platform.aggregate_sequences (
  aggregate_id text primary key,
  last_sequence bigint not null
);
insert into platform.aggregate_sequences (aggregate_id, last_sequence)
select aggregate_id, max(sequence) from platform.outbox group by aggregate_id;

-- Retry state moves from the event to each (event, subscriber or transport): one failing
-- subscriber no longer holds back the others.
alter table platform.outbox drop column attempts;
alter table platform.outbox drop column next_attempt_at;
alter table platform.outbox drop column last_error;

-- outbox_delivery now keeps every (event, target) that was tried: delivered, retrying (failed,
-- next_attempt_at says when again) or dead (failed maxAttempts times; waits for a replay).
alter table platform.outbox_delivery alter column delivered_at drop not null;
alter table platform.outbox_delivery
  add column status text not null default 'delivered' check (status in ('delivered', 'retrying', 'dead')),
  add column attempts integer not null default 1,
  add column last_attempt_at timestamptz,
  add column next_attempt_at timestamptz,
  add column last_error text,
  add column dead_at timestamptz,
  add column replays integer not null default 0;
alter table platform.outbox_delivery alter column attempts set default 0;
alter table platform.outbox_delivery alter column status drop default;
create index outbox_delivery_open_idx on platform.outbox_delivery (subscriber, status) where status <> 'delivered';
