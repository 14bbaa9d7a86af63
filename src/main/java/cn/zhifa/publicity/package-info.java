/**
 * 行政执法公示: the 行政处罚决定 published within the statutory period after the decision (安全生产法第七十八条) on
 * the public portal and the exchange channels, withdrawn after a change or revocation (行政处罚法第四十八条),
 * leaving the portal when its period ends; the publicity rate per unit and year; the 双公示 exchange file.
 * Fed by casework's {@link cn.zhifa.casework.PenaltyDecisionRecorded}; never reads other modules' tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "行政执法公示 publicity")
package cn.zhifa.publicity;
