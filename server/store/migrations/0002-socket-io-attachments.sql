-- For several server nodes on one PostgreSQL (server/cluster.ts): socket.io's PostgreSQL adapter
-- sends broadcasts between nodes with NOTIFY, and parks those over NOTIFY's 8000-byte limit (or
-- binary ones) here; every node deletes rows older than 30 s. Unused, and harmless, on PGlite.
CREATE TABLE socket_io_attachments (
  id bigserial UNIQUE,
  created_at timestamptz DEFAULT now(),
  payload bytea
);
