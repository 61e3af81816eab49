-- The writeback journal (PostgresWritebackJournal): one row per synced password reset. The
-- password is never stored. A RUNNING row whose lease expired belongs to a dead node: any node
-- ends it ABANDONED and stores its prepared FAILED event in the outbox, in one transaction, unless
-- the owner's ENDED update won the row first.
CREATE TABLE mystaff_writeback (
  tenant          text NOT NULL,
  correlation_id  text NOT NULL,
  user_id         text NOT NULL,
  state           text NOT NULL CHECK (state IN ('RUNNING', 'ENDED', 'ABANDONED')),
  status          text NOT NULL,
  submitted       timestamptz NOT NULL DEFAULT now(),
  updated         timestamptz NOT NULL DEFAULT now(),
  lease_until     timestamptz NOT NULL,
  pending_event   text NOT NULL,
  abandoned_event text NOT NULL,
  final_event_id  text,
  PRIMARY KEY (tenant, correlation_id)
);
CREATE INDEX mystaff_writeback_expiring ON mystaff_writeback (tenant, lease_until)
  WHERE state = 'RUNNING';
