-- Seed schema of the classification service: users, model versions, images and their predictions.

CREATE TABLE users (
    id           uuid        PRIMARY KEY,
    email        text        NOT NULL UNIQUE,
    display_name text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE model_versions (
    model_id   text        NOT NULL,
    version    text        NOT NULL,
    task       text        NOT NULL,
    sha256     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (model_id, version)
);

CREATE TABLE images (
    id           uuid        PRIMARY KEY,
    sha256       text        NOT NULL UNIQUE,
    filename     text        NOT NULL,
    content_type text        NOT NULL,
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    width        integer,
    height       integer,
    kind         text,
    status       text        NOT NULL
        CHECK (status IN ('uploaded', 'preprocessing', 'queued', 'processing', 'completed', 'failed')),
    storage_key  text        NOT NULL,
    error        text,
    -- The upload job that first brought these bytes; no foreign key, jobs are tracking rows and may be pruned.
    job_id       uuid,
    user_id      uuid        REFERENCES users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Listing is newest first, optionally filtered by kind and/or status.
CREATE INDEX images_created_at_idx ON images (created_at DESC, id DESC);
CREATE INDEX images_kind_created_at_idx ON images (kind, created_at DESC, id DESC);
CREATE INDEX images_status_created_at_idx ON images (status, created_at DESC, id DESC);

CREATE TABLE predictions (
    id                 bigserial        PRIMARY KEY,
    image_id           uuid             NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    task               text             NOT NULL,
    model              text             NOT NULL,
    model_version      text             NOT NULL,
    label              text,
    confidence         real,
    payload            jsonb,
    prediction_time_ms double precision NOT NULL,
    created_at         timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX predictions_image_id_idx ON predictions (image_id, task);
