-- Case figures beside 立案/决定 (fines on individuals, 简易程序, 一案双罚, 不予处罚, 法制审核, 听证, 移送, 行刑衔接,
-- 行政强制措施, cases discussed), one row per fact of a case, replaced by each CaseFactsReported snapshot that is newer
-- than the one applied (reporting_case_fact_version); and the 案审会 held (MeetingHeld).
CREATE TABLE reporting_case_fact_version (
    case_id  BIGINT  PRIMARY KEY,
    version  INTEGER NOT NULL
);

CREATE TABLE reporting_case_fact (
    case_id          BIGINT        NOT NULL,
    organization_id  BIGINT        NOT NULL,
    figure           VARCHAR(30)   NOT NULL,
    on_day           DATE          NOT NULL,
    yuan             NUMERIC(14, 2)
);
CREATE INDEX reporting_case_fact_case ON reporting_case_fact (case_id);
CREATE INDEX reporting_case_fact_org ON reporting_case_fact (organization_id, figure, on_day);

CREATE TABLE reporting_case_meeting (
    meeting_id       BIGINT  PRIMARY KEY,
    organization_id  BIGINT  NOT NULL,
    held_on          DATE    NOT NULL
);
CREATE INDEX reporting_case_meeting_org ON reporting_case_meeting (organization_id, held_on);
