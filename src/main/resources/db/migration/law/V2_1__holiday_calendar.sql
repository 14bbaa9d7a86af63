-- law: the official holiday arrangements (国务院办公厅关于部分节假日安排的通知), one notice per year,
-- with the days it names as rest days and as 调休 make-up working days. Synced at start from the
-- versioned resource law/holidays.yml; administrators add the next year's notice on the admin page.
CREATE TABLE law_holiday_notice (
    year         INTEGER      NOT NULL PRIMARY KEY,
    title        VARCHAR(200) NOT NULL,
    number       VARCHAR(100) NOT NULL DEFAULT '',
    published_on DATE,
    origin       VARCHAR(20)  NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(100) NOT NULL,
    CONSTRAINT law_holiday_notice_origin CHECK (origin IN ('RESOURCE', 'ADMIN'))
);

CREATE TABLE law_holiday_day (
    year INTEGER    NOT NULL REFERENCES law_holiday_notice (year) ON DELETE CASCADE,
    day  DATE       NOT NULL,
    kind VARCHAR(4) NOT NULL,
    PRIMARY KEY (year, day),
    CONSTRAINT law_holiday_day_kind CHECK (kind IN ('REST', 'WORK'))
);

COMMENT ON TABLE law_holiday_notice IS '国务院办公厅节假日安排通知（每年一条）';
COMMENT ON TABLE law_holiday_day IS '通知确定的放假日（REST）与调休上班日（WORK）';
