-- Bureau's first schema. Documents are JSON with a change sequence and their readers; the
-- tables beside them hold what never leaves the server (accounts, sessions, audit).

-- One row per counter. Every write takes the 'seq' row lock just before it writes, so commits
-- happen in seq order and a reader's cursor can never skip a row that commits later.
CREATE TABLE counters (
  name text PRIMARY KEY,
  value bigint NOT NULL,
  -- For 'audit': the hash of the newest audit row (the chain's head).
  head_hash text NOT NULL DEFAULT ''
);
INSERT INTO counters (name, value, head_hash) VALUES ('seq', 0, ''), ('audit', 0, repeat('0', 64));

CREATE TABLE documents (
  collection text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  seq bigint NOT NULL,
  -- Principals that may read the document: 'all', 'user:<id>', 'dept:<id>', 'role:<role>'.
  readers text[] NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE INDEX documents_seq ON documents (seq);
CREATE INDEX documents_readers ON documents USING gin (readers);
CREATE INDEX documents_leave_requester ON documents ((data->>'requesterId')) WHERE collection = 'leaveRequests';
CREATE INDEX documents_leave_pending ON documents ((data->>'pendingApproverId')) WHERE collection = 'leaveRequests';
CREATE INDEX documents_user_department ON documents ((data->>'departmentId')) WHERE collection = 'users';
CREATE INDEX documents_user_manager ON documents ((data->>'managerId')) WHERE collection = 'users';
CREATE INDEX documents_department_parent ON documents ((data->>'parentId')) WHERE collection = 'departments';

-- A principal that lost read access to a document at seq: the reader gets a tombstone.
CREATE TABLE revocations (
  principal text NOT NULL,
  collection text NOT NULL,
  id text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (principal, collection, id)
);
CREATE INDEX revocations_seq ON revocations (seq);

CREATE TABLE accounts (
  user_id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  -- Bumped when what the user may read changes wholesale (department or roles): a client whose
  -- cursor was built under another scope resynchronizes from scratch and drops what it may no
  -- longer see.
  scope_epoch integer NOT NULL DEFAULT 0
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES accounts (user_id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE clients (
  client_id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES accounts (user_id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE login_attempts (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_start timestamptz NOT NULL,
  locked_until timestamptz
);

-- Append-only and hash-chained: each row's hash covers the previous row's hash.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at text NOT NULL,
  actor_id text,
  kind text NOT NULL,
  detail jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

-- Outcomes of processed mutations, found again when a client re-sends one whose ack it lost.
CREATE INDEX audit_log_mutation ON audit_log ((detail->>'clientId'), ((detail->>'mutationId')::bigint))
  WHERE kind IN ('mutation.applied', 'mutation.rejected');

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
