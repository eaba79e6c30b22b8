-- Model registry: model_versions becomes every version of every model (the catalog's, seeded at start-up, and
-- uploaded classifiers, whose files live in the object store), and active_models says which version each model serves.

ALTER TABLE model_versions
    ADD COLUMN source        text   NOT NULL DEFAULT 'catalog' CHECK (source IN ('catalog', 'upload')),
    ADD COLUMN source_url    text,
    ADD COLUMN size_bytes    bigint,
    -- Uploaded versions only: the ONNX file and labels file in the object store, and the input spec (JSON).
    ADD COLUMN storage_key   text,
    ADD COLUMN labels_key    text,
    ADD COLUMN labels_sha256 text,
    ADD COLUMN input_spec    jsonb,
    ADD CONSTRAINT model_versions_upload_files
        CHECK (source = 'catalog' OR (storage_key IS NOT NULL AND labels_key IS NOT NULL AND input_spec IS NOT NULL));

CREATE TABLE active_models (
    model_id     text        PRIMARY KEY,
    version      text        NOT NULL,
    activated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
);

-- The classifier an upload asked for (POST /api/v1/images?tasks=classify&model=<id>); null: the built-in one.
ALTER TABLE images ADD COLUMN classify_model text;
