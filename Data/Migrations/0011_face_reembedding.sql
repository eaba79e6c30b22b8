-- Re-embedding enrolled faces when the active face-embedding model changes: each face keeps the crop the embedder saw
-- (aligned to the ArcFace template, 112x112 RGB bytes, about 37 KB), so a new model re-embeds it without the source
-- image (an enrolment from an uploaded file has none). Faces enrolled before this migration have no crop: they keep
-- their model's embedding and take no part in identification under another model.
ALTER TABLE person_faces ADD COLUMN aligned_face bytea;

-- The re-embedding job looks for faces of any other model than the active one.
CREATE INDEX person_faces_reembed_idx ON person_faces (model_id, model_version) WHERE aligned_face IS NOT NULL;
