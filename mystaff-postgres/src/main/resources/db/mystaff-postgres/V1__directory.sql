-- mystaff-postgres schema, version 1: directory, membership rows, outbox, audit store.
-- Every table carries the directory's name ("tenant"), so one database holds many directories
-- and can be partitioned by it. Sort and search keys are case-folded in Java and compared with
-- COLLATE "C" (code point order), which is DirectoryOrder; prefix search uses starts_with() on
-- btree indexes of those keys, never a scan.

CREATE TABLE mystaff_tenant (
  tenant     text PRIMARY KEY,
  cursor_key bytea NOT NULL,
  created    timestamptz NOT NULL DEFAULT now()
);

-- Versions for compare-and-set: strictly increasing across every write of every node.
CREATE SEQUENCE mystaff_version_seq;

CREATE TABLE mystaff_user (
  tenant                 text NOT NULL,
  id                     text COLLATE "C" NOT NULL,
  upn                    text NOT NULL,
  upn_key                text COLLATE "C" NOT NULL,
  display_name           text NOT NULL,
  name_key               text COLLATE "C" NOT NULL,
  source                 text NOT NULL,
  sam_account_name       text,
  account_enabled        boolean NOT NULL,
  user_type              text NOT NULL,
  attributes             jsonb NOT NULL,
  groups                 text[] NOT NULL,
  phones                 jsonb NOT NULL,
  force_change           boolean NOT NULL,
  role_assignable_member boolean NOT NULL DEFAULT false,
  version                bigint NOT NULL,
  password_hash          bytea,
  password_salt          bytea,
  password_iterations    integer,
  PRIMARY KEY (tenant, id),
  UNIQUE (tenant, upn_key)
);
CREATE INDEX mystaff_user_order ON mystaff_user (tenant, name_key, id);
CREATE INDEX mystaff_user_groups ON mystaff_user USING gin (groups);

-- Search terms of a user: the folded display name, each later word of it, the folded UPN.
CREATE TABLE mystaff_user_term (
  tenant  text NOT NULL,
  term    text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant, term, user_id)
);
CREATE INDEX mystaff_user_term_user ON mystaff_user_term (tenant, user_id);

CREATE TABLE mystaff_unit (
  tenant          text NOT NULL,
  id              text COLLATE "C" NOT NULL,
  display_name    text NOT NULL,
  name_key        text COLLATE "C" NOT NULL,
  description     text,
  membership_rule text,
  restricted      boolean NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX mystaff_unit_order ON mystaff_unit (tenant, name_key, id);

CREATE TABLE mystaff_unit_term (
  tenant  text NOT NULL,
  term    text COLLATE "C" NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant, term, unit_id)
);
CREATE INDEX mystaff_unit_term_unit ON mystaff_unit_term (tenant, unit_id);

-- Members of assigned units and of dynamic units (rules evaluated on write, never on read). The
-- member's sort key is copied here so a unit's members page is one index range.
CREATE TABLE mystaff_member (
  tenant   text NOT NULL,
  unit_id  text COLLATE "C" NOT NULL,
  user_id  text COLLATE "C" NOT NULL,
  name_key text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant, unit_id, user_id)
);
CREATE INDEX mystaff_member_order ON mystaff_member (tenant, unit_id, name_key, user_id);
CREATE INDEX mystaff_member_user ON mystaff_member (tenant, user_id);

-- Dynamic units whose rule could not be decided for a user (step budget spent).
CREATE TABLE mystaff_undecided (
  tenant  text NOT NULL,
  unit_id text COLLATE "C" NOT NULL,
  user_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (tenant, unit_id, user_id)
);
CREATE INDEX mystaff_undecided_user ON mystaff_undecided (tenant, user_id);

CREATE TABLE mystaff_role (
  tenant       text NOT NULL,
  id           text NOT NULL,
  display_name text NOT NULL,
  actions      text[] NOT NULL,
  PRIMARY KEY (tenant, id)
);

CREATE TABLE mystaff_assignment (
  tenant         text NOT NULL,
  seq            bigserial NOT NULL,
  id             text NOT NULL,
  principal_kind char(1) NOT NULL CHECK (principal_kind IN ('U', 'G')),
  principal      text NOT NULL,
  role_id        text NOT NULL,
  unit_id        text COLLATE "C",
  starts         timestamptz,
  ends           timestamptz,
  kind           text NOT NULL,
  PRIMARY KEY (tenant, id)
);
CREATE INDEX mystaff_assignment_principal ON mystaff_assignment (tenant, principal_kind, principal);
CREATE INDEX mystaff_assignment_unit ON mystaff_assignment (tenant, unit_id);

-- The transactional outbox: written in the same transaction as the change it records.
CREATE TABLE mystaff_outbox (
  tenant   text NOT NULL,
  seq      bigserial NOT NULL,
  event_id text NOT NULL,
  event    text NOT NULL,
  PRIMARY KEY (tenant, event_id)
);
CREATE INDEX mystaff_outbox_order ON mystaff_outbox (tenant, seq);

-- The audit store (PostgresAuditSink): the event as Graph-shaped JSON plus queryable columns.
CREATE TABLE mystaff_audit (
  log            text NOT NULL,
  seq            bigserial NOT NULL,
  event_id       text NOT NULL,
  activity_time  timestamptz NOT NULL,
  activity       text NOT NULL,
  outcome        text NOT NULL,
  actor          text,
  correlation_id text NOT NULL,
  targets        text[] NOT NULL,
  event          text NOT NULL,
  PRIMARY KEY (log, event_id)
);
CREATE INDEX mystaff_audit_order ON mystaff_audit (log, seq);
CREATE INDEX mystaff_audit_time ON mystaff_audit (log, activity_time);
CREATE INDEX mystaff_audit_actor ON mystaff_audit (log, actor, activity_time);
CREATE INDEX mystaff_audit_correlation ON mystaff_audit (log, correlation_id);
CREATE INDEX mystaff_audit_targets ON mystaff_audit USING gin (targets);
