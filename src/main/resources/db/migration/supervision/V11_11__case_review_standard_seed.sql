-- The first scoring standard (100 points), after the items provincial 行政执法案卷评查 standards commonly use.
INSERT INTO case_review_standard (version, name, excellent_min, pass_min, current)
VALUES (1, '安全生产行政处罚案卷评查标准（第1版）', 90, 75, true);

INSERT INTO case_review_item (standard_id, group_code, position, text, points, veto)
SELECT s.id, v.g, v.p, v.t, v.pts, v.veto FROM case_review_standard s, (VALUES
    ('SUBJECT', 1, '执法主体不合法或超越法定职权', 0, true),
    ('SUBJECT', 2, '执法人员具有行政执法证件，且不少于两人', 5, false),
    ('SUBJECT', 3, '执法人员依法回避', 5, false),
    ('EVIDENCE', 1, '认定事实的主要证据不足', 0, true),
    ('EVIDENCE', 2, '违法事实清楚，当事人身份等基本情况查明', 8, false),
    ('EVIDENCE', 3, '证据收集合法，现场检查记录、询问笔录制作规范', 8, false),
    ('EVIDENCE', 4, '证据之间相互印证，形成完整证据链', 9, false),
    ('PROCEDURE', 1, '重大行政处罚决定未经法制审核或集体讨论', 0, true),
    ('PROCEDURE', 2, '立案、调查、审批程序完备，在法定期限内办结', 8, false),
    ('PROCEDURE', 3, '依法告知陈述、申辩及听证权利，当事人意见已复核', 9, false),
    ('PROCEDURE', 4, '文书依法送达，处罚决定依法公示', 8, false),
    ('LAW', 1, '定性准确，适用法律、法规、规章正确', 10, false),
    ('LAW', 2, '引用条款具体到条、款、项', 5, false),
    ('DISCRETION', 1, '处罚在裁量基准范围内，适用从轻、减轻、从重有理由', 10, false),
    ('DOCUMENTS', 1, '文书格式规范，内容完整，签名、日期齐全', 6, false),
    ('DOCUMENTS', 2, '文书编号规范，用语准确', 4, false),
    ('ARCHIVE', 1, '案卷按立卷顺序装订，卷内目录、页码齐全，及时归档', 5, false)
) AS v(g, p, t, pts, veto) WHERE s.version = 1;
