-- Ids of the events each consumer has applied; written in the same transaction as the projection.
CREATE TABLE processed_event
(
    consumer     VARCHAR(100)             NOT NULL,
    event_id     UUID                     NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
