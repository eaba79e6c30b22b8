-- Jobs: an upload of N images, a pipeline, or a batch of N images x M operations, with progress,
-- a status history and one row per item.

CREATE TABLE jobs (
    id         uuid        PRIMARY KEY,
    type       text        NOT NULL,
    status     text        NOT NULL,
    total      integer     NOT NULL CHECK (total >= 0),
    done       integer     NOT NULL DEFAULT 0 CHECK (done >= 0),
    failed     integer     NOT NULL DEFAULT 0 CHECK (failed >= 0),
    payload    jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (done + failed <= total)
);

CREATE TABLE job_events (
    id      bigserial   PRIMARY KEY,
    job_id  uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    status  text        NOT NULL,
    message text,
    at      timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX job_events_job_id_idx ON job_events (job_id, id);

CREATE TABLE job_items (
    job_id     uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    item_index integer     NOT NULL CHECK (item_index >= 0),
    image_id   uuid,
    status     text        NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
    result     jsonb,
    error      text,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, item_index)
);
