-- Pre-aggregated operations statistics for GET /api/v1/stats. Triggers keep them in the same transactions that write
-- images and predictions, so the endpoint reads a few thousand rows at most, however many images there are.

-- The histogram bucket of a duration: 0 holds [0, 1) ms, bucket b >= 1 holds [1.1^(b-1), 1.1^b) ms (a value read
-- back as the bucket's geometric middle is within 5 %), bucket 300 everything from 1.1^299 ms (about 2e9 years).
-- VisionAspire.Data.DurationBuckets mirrors it.
CREATE FUNCTION stats_duration_bucket(ms double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN ms < 1 THEN 0 ELSE least(300, 1 + floor(ln(ms) / ln(1.1)))::smallint END;

-- Images by status and kind ('unknown' before preprocessing has set it).
CREATE TABLE stats_image_counts (
    status text   NOT NULL,
    kind   text   NOT NULL,
    images bigint NOT NULL,
    PRIMARY KEY (status, kind)
);

-- Images that reached completed or failed, per 10-second slot (its start).
CREATE TABLE stats_image_outcomes (
    slot    timestamptz NOT NULL,
    kind    text        NOT NULL,
    outcome text        NOT NULL CHECK (outcome IN ('completed', 'failed')),
    images  bigint      NOT NULL,
    PRIMARY KEY (slot, kind, outcome)
);

-- End-to-end latency (creation of the row to completed) of completed images, a histogram per minute.
CREATE TABLE stats_latency_minutes (
    minute timestamptz NOT NULL,
    kind   text        NOT NULL,
    bucket smallint    NOT NULL,
    images bigint      NOT NULL,
    PRIMARY KEY (minute, kind, bucket)
);

-- Model runs (their prediction_time_ms), a histogram per minute, task and model version.
CREATE TABLE stats_model_run_minutes (
    minute        timestamptz      NOT NULL,
    task          text             NOT NULL,
    model         text             NOT NULL,
    model_version text             NOT NULL,
    bucket        smallint         NOT NULL,
    runs          bigint           NOT NULL,
    total_ms      double precision NOT NULL,
    PRIMARY KEY (minute, task, model, model_version, bucket)
);

CREATE FUNCTION stats_track_image() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    at       timestamptz := clock_timestamp();
    new_kind text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.status = OLD.status AND NEW.kind IS NOT DISTINCT FROM OLD.kind THEN
        RETURN NULL;
    END IF;

    IF TG_OP = 'INSERT' THEN
        new_kind := coalesce(NEW.kind, 'unknown');
        INSERT INTO stats_image_counts AS c VALUES (NEW.status, new_kind, 1)
            ON CONFLICT (status, kind) DO UPDATE SET images = c.images + 1;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE stats_image_counts SET images = images - 1 WHERE status = OLD.status AND kind = coalesce(OLD.kind, 'unknown');
        RETURN NULL;
    ELSE
        new_kind := coalesce(NEW.kind, 'unknown');
        -- Both counter rows in one statement, in key order: concurrent transitions lock them in the same order and
        -- cannot deadlock on each other.
        INSERT INTO stats_image_counts AS c (status, kind, images)
            SELECT d.status, d.kind, d.delta
            FROM (VALUES (OLD.status, coalesce(OLD.kind, 'unknown'), -1), (NEW.status, new_kind, 1)) AS d (status, kind, delta)
            ORDER BY d.status, d.kind
            ON CONFLICT (status, kind) DO UPDATE SET images = c.images + EXCLUDED.images;
    END IF;

    IF NEW.status IN ('completed', 'failed') AND (TG_OP = 'INSERT' OR OLD.status <> NEW.status) THEN
        INSERT INTO stats_image_outcomes AS o VALUES (to_timestamp(floor(extract(epoch FROM at) / 10) * 10), new_kind, NEW.status, 1)
            ON CONFLICT (slot, kind, outcome) DO UPDATE SET images = o.images + 1;
        IF NEW.status = 'completed' THEN
            INSERT INTO stats_latency_minutes AS l
                VALUES (date_trunc('minute', at), new_kind, stats_duration_bucket(extract(epoch FROM at - NEW.created_at) * 1000), 1)
                ON CONFLICT (minute, kind, bucket) DO UPDATE SET images = l.images + 1;
        END IF;
    END IF;

    RETURN NULL;
END
$$;

CREATE FUNCTION stats_reset_image_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM stats_image_counts;
    RETURN NULL;
END
$$;

CREATE FUNCTION stats_track_model_runs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One run of a model on an image writes a row per output (faces, labels, boxes), each carrying the run's time:
    -- the distinct (image, task, model, version, time) are the runs.
    INSERT INTO stats_model_run_minutes AS m (minute, task, model, model_version, bucket, runs, total_ms)
        SELECT date_trunc('minute', clock_timestamp()), r.task, r.model, r.model_version,
               stats_duration_bucket(r.prediction_time_ms) AS bucket, count(*), sum(r.prediction_time_ms)
        FROM (SELECT DISTINCT image_id, task, model, model_version, prediction_time_ms FROM inserted) AS r
        GROUP BY r.task, r.model, r.model_version, bucket
        ORDER BY r.task, r.model, r.model_version, bucket
        ON CONFLICT (minute, task, model, model_version, bucket)
            DO UPDATE SET runs = m.runs + EXCLUDED.runs, total_ms = m.total_ms + EXCLUDED.total_ms;
    RETURN NULL;
END
$$;

-- No image may change between the backfill and the trigger taking over.
LOCK TABLE images IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO stats_image_counts (status, kind, images)
    SELECT status, coalesce(kind, 'unknown'), count(*) FROM images GROUP BY 1, 2;

CREATE TRIGGER stats_track_image AFTER INSERT OR DELETE OR UPDATE OF status, kind ON images
    FOR EACH ROW EXECUTE FUNCTION stats_track_image();

CREATE TRIGGER stats_reset_image_counts AFTER TRUNCATE ON images
    FOR EACH STATEMENT EXECUTE FUNCTION stats_reset_image_counts();

CREATE TRIGGER stats_track_model_runs AFTER INSERT ON predictions REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION stats_track_model_runs();
