-- Each checklist item carries two texts: its requirement (content, what 符合/不符合 answers) and its violation
-- (violation, what a failed item is written as: the hazard's description, the 整改指令书's problem list).
-- The seeded general items were phrased as requirements, the 重大事故隐患判定 items as violations; this fills
-- the missing text of each seeded item. Verification flags (待核对) are left as they were.
ALTER TABLE checklist_item ADD COLUMN violation VARCHAR(1000);
ALTER TABLE inspection_item_result ADD COLUMN violation VARCHAR(1000);

UPDATE checklist_item SET violation = '未建立健全或者未落实全员安全生产责任制，未明确各岗位的责任人员、责任范围和考核标准'
 WHERE code = 'AQ-22' AND content = '建立健全并落实全员安全生产责任制，明确各岗位责任人员、责任范围和考核标准';
UPDATE checklist_item SET violation = '未对从业人员进行安全生产教育和培训，或者未如实记录安全生产教育和培训情况'
 WHERE code = 'AQ-28' AND content = '对从业人员进行安全生产教育和培训并如实记录';
UPDATE checklist_item SET violation = '未建立事故隐患排查治理制度，或者未如实记录事故隐患排查治理情况并向从业人员通报'
 WHERE code = 'AQ-41' AND content = '建立事故隐患排查治理制度，如实记录隐患排查治理情况并向从业人员通报';
UPDATE checklist_item SET violation = '未为从业人员提供符合国家标准或者行业标准的劳动防护用品'
 WHERE code = 'AQ-45' AND content = '为从业人员提供符合国家标准或者行业标准的劳动防护用品';
UPDATE checklist_item SET violation = '未制定生产安全事故应急救援预案，或者未定期组织应急救援演练'
 WHERE code = 'AQ-81' AND content = '制定生产安全事故应急救援预案并定期组织演练';

-- 重大事故隐患判定 items: the seeded text is the 判定标准's wording of the violation; the requirement is asked as
-- its absence. The three items of the everyday management checklist get a written requirement.
UPDATE checklist_item SET violation = content WHERE major AND violation IS NULL;
UPDATE checklist_item SET content = '对承包、承租单位的安全生产工作统一协调、管理，并定期进行安全检查'
 WHERE code = 'GM-3-1' AND violation = '对承包、承租单位的安全生产工作未统一协调、管理，或者未定期进行安全检查';
UPDATE checklist_item SET content = '特种作业人员按照规定经专门的安全作业培训并取得相应资格后上岗作业'
 WHERE code = 'GM-3-2' AND violation = '特种作业人员未按规定经专门的安全作业培训并取得相应资格，上岗作业';
UPDATE checklist_item SET content = '金属冶炼企业主要负责人、安全生产管理人员按照规定经考核合格'
 WHERE code = 'GM-3-3' AND violation = '金属冶炼企业主要负责人、安全生产管理人员未按规定经考核合格';
UPDATE checklist_item SET content = '不存在下列重大事故隐患情形：' || violation WHERE major AND content = violation;

-- Records keep the texts of the revision they used: every record gets the violation text; records still being
-- filled in (DRAFT) also get the requirement wording. Submitted records keep what was signed.
UPDATE inspection_item_result r SET violation = i.violation
  FROM inspection_record rec, checklist_item i
 WHERE rec.id = r.inspection_record AND i.template_id = rec.template_id AND i.code = r.code;
UPDATE inspection_item_result r SET content = i.content
  FROM inspection_record rec, checklist_item i
 WHERE rec.id = r.inspection_record AND rec.status = 'DRAFT' AND i.template_id = rec.template_id AND i.code = r.code;
