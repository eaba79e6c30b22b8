-- Ownership: images, jobs (uploads, pipelines, batches), people (with their faces) and predictions belong to the user
-- who created them (user_id). Rows written before this migration have no owner (NULL): only admins see them; they are
-- not handed to the first admin, since the bootstrap admin may not exist yet when this runs and an ownerless row
-- stays ownerless whoever becomes admin later. A user's deletion makes their rows ownerless (admin-only) too.

-- Deduplication by sha256 is per owner: two users uploading the same bytes each get their own image row (the
-- content-addressed stored object is shared). NULLS NOT DISTINCT: ownerless rows still deduplicate among themselves.
ALTER TABLE images DROP CONSTRAINT images_sha256_key;
CREATE UNIQUE INDEX images_owner_sha256_key ON images (user_id, sha256) NULLS NOT DISTINCT;
CREATE INDEX images_owner_created_at_idx ON images (user_id, created_at DESC, id DESC);

ALTER TABLE jobs ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE SET NULL;

ALTER TABLE people ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE SET NULL;
-- An external id is unique among one owner's people: another user's choice of the same id must neither fail nor tell
-- them it exists.
ALTER TABLE people DROP CONSTRAINT people_external_id_key;
CREATE UNIQUE INDEX people_owner_external_id_key ON people (user_id, external_id);
CREATE INDEX people_owner_created_at_idx ON people (user_id, created_at DESC, id DESC);

-- A prediction's owner is its image's, copied on insert so the history (GET /api/v1/predictions) reads one index
-- range newest first instead of joining and sorting all of a user's images. Rows of one model run share created_at;
-- among them the id ascends, i.e. the model's output order (the top class first).
ALTER TABLE predictions ADD COLUMN user_id uuid REFERENCES users (id) ON DELETE SET NULL;
UPDATE predictions p SET user_id = i.user_id FROM images i WHERE i.id = p.image_id AND i.user_id IS NOT NULL;
CREATE INDEX predictions_owner_created_at_idx ON predictions (user_id, created_at DESC, id);
CREATE INDEX predictions_owner_task_created_at_idx ON predictions (user_id, task, created_at DESC, id);

-- The history's total per owner (and task) without counting up to a million index entries per request: counters kept
-- by statement triggers in the transactions that insert or delete predictions (an upsert's updated rows change no
-- count). A time window (from/to) is still counted over its index range. Ownerless rows are not counted.
CREATE TABLE prediction_counts (
    user_id     uuid   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    task        text   NOT NULL,
    predictions bigint NOT NULL,
    PRIMARY KEY (user_id, task)
);

CREATE FUNCTION count_inserted_predictions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- In key order: concurrent writers lock the counter rows in the same order and cannot deadlock on each other.
    INSERT INTO prediction_counts AS c (user_id, task, predictions)
        SELECT user_id, task, count(*) FROM inserted WHERE user_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (user_id, task) DO UPDATE SET predictions = c.predictions + EXCLUDED.predictions;
    RETURN NULL;
END
$$;

CREATE FUNCTION count_deleted_predictions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE prediction_counts c SET predictions = c.predictions - d.n
    FROM (SELECT user_id, task, count(*) AS n FROM deleted WHERE user_id IS NOT NULL GROUP BY 1, 2) d
    WHERE c.user_id = d.user_id AND c.task = d.task;
    RETURN NULL;
END
$$;

-- No prediction may change between the backfill and the triggers taking over.
LOCK TABLE predictions IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO prediction_counts (user_id, task, predictions)
    SELECT user_id, task, count(*) FROM predictions WHERE user_id IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER count_inserted_predictions AFTER INSERT ON predictions REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_predictions();

CREATE TRIGGER count_deleted_predictions AFTER DELETE ON predictions REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION count_deleted_predictions();
