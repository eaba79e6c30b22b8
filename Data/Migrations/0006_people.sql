-- People and their enrolled faces (face recognition). Each face keeps the embedding and the model id + version
-- that made it: identification only compares embeddings of the same model and version.

CREATE TABLE people (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    external_id text        UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX people_created_at_idx ON people (created_at DESC, id DESC);

CREATE TABLE person_faces (
    id            uuid        PRIMARY KEY,
    person_id     uuid        NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- The stored image the face came from; null when it was enrolled from an uploaded file. No foreign key:
    -- deleting an image does not unenrol the face.
    image_id      uuid,
    box           real[]      NOT NULL CHECK (array_length(box, 1) = 4),
    landmarks     real[]      NOT NULL CHECK (array_length(landmarks, 1) = 10),
    embedding     real[]      NOT NULL,
    model_id      text        NOT NULL,
    model_version text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX person_faces_person_idx ON person_faces (person_id, created_at);
CREATE INDEX person_faces_model_idx ON person_faces (model_id, model_version);

-- Bumped by every change to the enrolled faces (a person's deletion cascades here too), so a gallery held in
-- memory by each Api replica knows with one cheap read whether it must reload.
CREATE TABLE face_gallery_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);

INSERT INTO face_gallery_version (singleton, version) VALUES (true, 0);

CREATE FUNCTION bump_face_gallery_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE face_gallery_version SET version = version + 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER person_faces_changed
    AFTER INSERT OR UPDATE OR DELETE ON person_faces
    FOR EACH STATEMENT EXECUTE FUNCTION bump_face_gallery_version();
