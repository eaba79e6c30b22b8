-- Tasks chosen at upload (POST /api/v1/images?tasks=...) and the images some tasks produce (blur).

-- NULL: uploaded without tasks; the image runs the defaults of its kind.
ALTER TABLE images ADD COLUMN tasks text[];

-- One output per image and task; a task that runs again overwrites its object (the key is derived from the image
-- and the task) and this row.
CREATE TABLE processed_outputs (
    image_id     uuid             NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    task         text             NOT NULL,
    storage_key  text             NOT NULL,
    content_type text             NOT NULL,
    size_bytes   bigint           NOT NULL CHECK (size_bytes >= 0),
    width        integer          NOT NULL,
    height       integer          NOT NULL,
    time_ms      double precision NOT NULL,
    updated_at   timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (image_id, task)
);
