-- Shared rate limits (claimport.gateway.shared.enabled): each key's sliding minute as a ring
-- of the times (ms, database clock) of its last requests, oldest at index oldest + 1.
CREATE TABLE rate_limit_window
(
    key_id     VARCHAR(40) NOT NULL PRIMARY KEY,
    granted_at BIGINT[]    NOT NULL,
    oldest     INT         NOT NULL
);

-- Decides one request against both limits of a key, atomically and by one clock for all
-- replicas: the same rule as SlidingWindowRateLimiter (a request is granted only if the one
-- granted minute_limit requests ago is at least window_ms old) plus the day's quota.
CREATE FUNCTION claimport_acquire(p_key VARCHAR, p_minute_limit INT, p_window_ms BIGINT, p_day_limit BIGINT)
    RETURNS TABLE
            (
                refused_by       TEXT,
                minute_remaining INT,
                minute_retry_ms  BIGINT,
                minute_reset_ms  BIGINT,
                day_used         BIGINT
            )
    LANGUAGE plpgsql
AS
$$
DECLARE
    v_now    BIGINT := (extract(EPOCH FROM clock_timestamp()) * 1000)::BIGINT;
    v_day    DATE   := (clock_timestamp() AT TIME ZONE 'UTC')::DATE;
    v_never  BIGINT := -4611686018427387904;
    v_ring   BIGINT[];
    v_oldest INT;
    v_used   BIGINT;
    v_free   INT    := 0;
    v_refused TEXT  := NULL;
    v_length  INT;
    v_kept    INT;
    v_resized BIGINT[];
BEGIN
    INSERT INTO rate_limit_window (key_id, granted_at, oldest)
    VALUES (p_key, array_fill(v_never, ARRAY [p_minute_limit]), 0)
    ON CONFLICT (key_id) DO NOTHING;
    SELECT granted_at, oldest INTO v_ring, v_oldest FROM rate_limit_window WHERE key_id = p_key FOR UPDATE;
    IF cardinality(v_ring) <> p_minute_limit THEN
        -- the plan changed: the newest grants that fit the new limit keep counting
        v_length := cardinality(v_ring);
        v_kept := least(v_length, p_minute_limit);
        v_resized := array_fill(v_never, ARRAY [p_minute_limit]);
        FOR i IN 0 .. v_kept - 1
            LOOP
                v_resized[p_minute_limit - v_kept + i + 1] := v_ring[((v_oldest + v_length - v_kept + i) % v_length) + 1];
            END LOOP;
        v_ring := v_resized;
        v_oldest := 0;
    END IF;
    SELECT used INTO v_used FROM daily_quota_usage WHERE key_id = p_key AND day = v_day;
    v_used := coalesce(v_used, 0);
    FOR i IN 0 .. p_minute_limit - 1
        LOOP
            EXIT WHEN v_ring[((v_oldest + i) % p_minute_limit) + 1] > v_now - p_window_ms;
            v_free := v_free + 1;
        END LOOP;
    IF v_used >= p_day_limit THEN
        v_refused := 'DAY';
    ELSIF v_free = 0 THEN
        v_refused := 'MINUTE';
    ELSE
        v_ring[v_oldest + 1] := v_now;
        v_oldest := (v_oldest + 1) % p_minute_limit;
        v_free := v_free - 1;
        v_used := v_used + 1;
        INSERT INTO daily_quota_usage (key_id, day, used)
        VALUES (p_key, v_day, 1)
        ON CONFLICT (key_id, day) DO UPDATE SET used = daily_quota_usage.used + 1;
    END IF;
    UPDATE rate_limit_window SET granted_at = v_ring, oldest = v_oldest WHERE key_id = p_key;
    RETURN QUERY SELECT v_refused,
                        v_free,
                        greatest(0, v_ring[v_oldest + 1] + p_window_ms - v_now),
                        greatest(0, v_ring[((v_oldest + p_minute_limit - 1) % p_minute_limit) + 1] + p_window_ms - v_now),
                        v_used;
END;
$$;
