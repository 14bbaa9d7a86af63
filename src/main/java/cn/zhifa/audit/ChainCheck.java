package cn.zhifa.audit;

/** The result of re-computing the hash chain: how many rows were checked and the first broken link. */
public record ChainCheck(long checked, boolean intact, Long firstBrokenId, String problem) {
}
