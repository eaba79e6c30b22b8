-- Exactly-once results: a prediction row is keyed by image, task, model, model version and its position in that
-- model's output (an image has several faces, objects or top-k classes), so a redelivered result cannot duplicate it.
ALTER TABLE predictions ADD COLUMN ordinal integer;

UPDATE predictions p SET ordinal = numbered.position
FROM (SELECT id, row_number() OVER (PARTITION BY image_id, task, model, model_version ORDER BY id) - 1 AS position
      FROM predictions) numbered
WHERE numbered.id = p.id;

ALTER TABLE predictions ALTER COLUMN ordinal SET NOT NULL;
ALTER TABLE predictions ADD CONSTRAINT predictions_ordinal_check CHECK (ordinal >= 0);

-- Leads with (image_id, task): it serves what predictions_image_id_idx served.
CREATE UNIQUE INDEX predictions_result_key ON predictions (image_id, task, model, model_version, ordinal);
DROP INDEX predictions_image_id_idx;

-- Messages the broker dead-lettered (a consumer rejected them, or they crashed their consumer past the delivery
-- limit), recorded for operators, who retry or discard them.
CREATE TABLE dead_letters (
    id               uuid        PRIMARY KEY,
    message_id       text        NOT NULL,
    queue            text        NOT NULL,
    message_type     text,
    content_type     text,
    image_id         uuid,
    reason           text        NOT NULL,
    attempts         integer     NOT NULL CHECK (attempts >= 1),
    first_failure_at timestamptz NOT NULL,
    last_failure_at  timestamptz NOT NULL,
    body             bytea       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'retried', 'discarded')),
    settled_at       timestamptz
);

-- The broker delivers a dead letter at least once: a second copy of a pending one is the same dead letter.
CREATE UNIQUE INDEX dead_letters_pending_message ON dead_letters (message_id, queue) WHERE status = 'pending';
CREATE INDEX dead_letters_last_failure_idx ON dead_letters (last_failure_at DESC, id DESC);
