-- casework: 行刑衔接 (《行政执法机关移送涉嫌犯罪案件的规定》): the transfer of a case suspected to be a crime to public
-- security, copied to the 人民检察院, and public security's acceptance or return; part of the penalty_case aggregate.
CREATE TABLE case_referral (
    penalty_case  BIGINT       NOT NULL REFERENCES penalty_case (id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    number        INTEGER      NOT NULL,
    receiver      VARCHAR(200) NOT NULL,
    procuratorate VARCHAR(200) NOT NULL,
    reason        TEXT         NOT NULL,
    referred_on   DATE         NOT NULL,
    approved_by   VARCHAR(60)  NOT NULL,
    outcome       VARCHAR(10),
    outcome_on    DATE,
    outcome_note  TEXT,
    PRIMARY KEY (penalty_case, position),
    UNIQUE (penalty_case, number)
);
