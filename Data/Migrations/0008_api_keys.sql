-- Users get a role, and API keys: only a salted SHA-256 of the secret part is stored; the prefix identifies the key
-- (shown in listings, used to find the row) and is unique.

ALTER TABLE users
    ADD COLUMN role       text        NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    salt         bytea       NOT NULL,
    hash         bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_keys_user_id_idx ON api_keys (user_id, created_at);
