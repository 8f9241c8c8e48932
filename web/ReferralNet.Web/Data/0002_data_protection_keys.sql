-- The keys that encrypt the session cookie and the stored tickets, shared by every instance of the web app (each reads
-- every other's cookies) and kept across restarts, without a shared folder (Kubernetes pods have none).
CREATE TABLE data_protection_keys (
    name       VARCHAR(200) PRIMARY KEY,
    xml        TEXT         NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
