package cn.zhifa.audit;

import java.time.Instant;

/**
 * The result of re-computing the keyed hash chain and comparing it with the latest signed checkpoint:
 * how many rows were checked, the first broken link and what broke, what the checkpoint expects
 * (rows ever written up to its head, the head's id and hash) and what the table has now.
 *
 * @param checked             rows whose link and keyed hash were re-computed
 * @param firstBrokenId       the first row (or the missing checkpoint head) where the chain breaks
 * @param problem             what broke, in Chinese
 * @param checkpointAt        when the latest checkpoint was signed (null: none yet)
 * @param expectedRows        rows written up to the checkpoint's head, archived ones included
 * @param foundRows           the same count as the table and the archives have it now
 * @param expectedHeadId      the checkpoint's head row
 * @param expectedHeadHash    the checkpoint's head hash
 * @param tableRows           rows in the table now
 * @param tableHeadId         the newest row now
 * @param tableHeadHash       its hash
 * @param archivedRows        rows moved to signed archive files
 */
public record ChainCheck(long checked, boolean intact, Long firstBrokenId, String problem, Instant checkpointAt,
                         Long expectedRows, Long foundRows, Long expectedHeadId, String expectedHeadHash,
                         long tableRows, Long tableHeadId, String tableHeadHash, long archivedRows) {
}
