package cn.zhifa.supervision;

/** One channel's year: received (duplicates not counted), accepted, closed, closed within the period. */
public record ChannelStatistics(ComplaintChannel channel, String label, long received, long accepted, long closed,
                                long closedOnTime) {
}
