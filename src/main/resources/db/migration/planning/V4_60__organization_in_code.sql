-- Issue 18 (past one database): Citus runs no triggers on distributed tables, so the organisation id of a draw's tasks
-- and a plan's items is now set in code where the rows are written (RandomDraw.DrawTask, InspectionPlan/PlanItem.under)
-- and the BEFORE INSERT triggers of V4_50 go. The columns stay NOT NULL: a writer that forgets the id fails.
DROP TRIGGER planning_draw_task_organization ON planning_draw_task;
DROP TRIGGER planning_plan_item_organization ON planning_plan_item;
DROP FUNCTION planning_draw_child_organization();
DROP FUNCTION planning_plan_child_organization();
