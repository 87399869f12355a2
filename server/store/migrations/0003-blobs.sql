-- Attachments (leave certificates now; receipts and form templates later) as content-addressed
-- blobs: the key is the SHA-256 of the bytes, so the same file uploaded twice (a retry after a
-- cut connection, or two colleagues attaching one notice) is stored once. Documents carry only
-- { sha256, name, mediaType, size }; the bytes never travel through sync.
CREATE TABLE blobs (
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  media_type text NOT NULL,
  data bytea NOT NULL,
  -- The first uploader: may read the blob before any document references it (an attachment is
  -- uploaded before the mutation that refers to it is pushed).
  uploaded_by text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- Which documents reference which blobs (rewritten with the document). A blob is readable by
-- whoever may read one of its referencing documents: access follows documents.readers. No
-- foreign key to blobs: a reference may be recorded before its bytes arrive, and it must not
-- make a document write fail.
CREATE TABLE blob_refs (
  sha256 text NOT NULL,
  collection text NOT NULL,
  id text NOT NULL,
  PRIMARY KEY (sha256, collection, id)
);
CREATE INDEX blob_refs_document ON blob_refs (collection, id);
