-- The journal instance (one per node) that holds a writeback's lease: the one that journaled it,
-- or the node that took it over after the lease. Only the holder's end applies to a RUNNING row,
-- and it stores its final event in the same transaction, so the holder's end and a takeover
-- exclude each other. Rows journaled before this column existed have no holder: they end by
-- takeover.
ALTER TABLE mystaff_writeback ADD COLUMN lease_holder text NOT NULL DEFAULT '';
