-- Issue 18 (more than one node): every @Scheduled sweep takes a named lock here first (ShedLock's JDBC provider), so
-- that with N nodes a sweep runs on one of them. lock_until is the database's time (usingDbTime), not a node's clock.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
