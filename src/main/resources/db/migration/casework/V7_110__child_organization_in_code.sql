-- Issue 18 (past one database): the case gives its steps, instalments, payments, measures, seized objects, suspensions,
-- recusals and transfers its organisation id in code before each save, because Citus runs no triggers on distributed
-- tables. The BEFORE INSERT triggers of V7_100 and their function go; the column stays NOT NULL.
DROP TRIGGER case_step_organization ON case_step;
DROP TRIGGER instalment_organization ON instalment;
DROP TRIGGER payment_organization ON payment;
DROP TRIGGER coercive_measure_organization ON coercive_measure;
DROP TRIGGER seized_object_organization ON seized_object;
DROP TRIGGER suspension_organization ON suspension;
DROP TRIGGER case_recusal_organization ON case_recusal;
DROP TRIGGER case_referral_organization ON case_referral;
DROP FUNCTION penalty_case_child_organization();
