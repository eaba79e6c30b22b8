-- Every change of an image's status is announced on the channel image_status (delivered when its transaction
-- commits), so the Api can push live status to browsers without polling and without any producer (Api,
-- Preprocessor, workers) publishing events of its own: the status already lives in this table.
-- Payloads are capped at 8000 bytes by Postgres; the error text is cut well below that.

CREATE FUNCTION notify_image_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('image_status', json_build_object(
        'id', NEW.id,
        'status', NEW.status,
        'kind', NEW.kind,
        'error', left(NEW.error, 1000),
        'updatedAt', NEW.updated_at)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER images_status_inserted
    AFTER INSERT ON images
    FOR EACH ROW EXECUTE FUNCTION notify_image_status();

CREATE TRIGGER images_status_changed
    AFTER UPDATE OF status ON images
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION notify_image_status();
