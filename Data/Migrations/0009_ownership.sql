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
