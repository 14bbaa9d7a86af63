/**
 * The append-only, hash-chained audit log: one record per state-changing request or event, readable
 * and verifiable by the AUDITOR only.
 */
package cn.zhifa.audit;
