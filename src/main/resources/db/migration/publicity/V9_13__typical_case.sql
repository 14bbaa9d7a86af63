-- 典型案例: a published decision a leader approved for publication as a typical case, with the lesson in words.
CREATE TABLE publicity_typical_case (
    publication_id BIGINT        PRIMARY KEY REFERENCES penalty_publication (id),
    lesson         VARCHAR(2000) NOT NULL,
    approved_by    VARCHAR(100)  NOT NULL,
    approved_on    DATE          NOT NULL,
    demo           BOOLEAN       NOT NULL DEFAULT FALSE
);
