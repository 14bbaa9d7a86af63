package cn.zhifa.planning;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A reproducible random stream anyone can recompute: SHA-256 in counter mode.
 * Block {@code i} (i = 0, 1, 2 …) is {@code SHA-256(seed ‖ i)} with {@code i} as an 8-byte big-endian
 * number; the stream is the blocks one after another, read as unsigned 32-bit big-endian integers.
 * {@link #below(int)} turns them into unbiased integers by rejection sampling: a value
 * {@code v ≥ 2^32 − (2^32 mod n)} is discarded, otherwise the answer is {@code v mod n}.
 */
public final class DeterministicRandom {

    private static final long TWO_32 = 1L << 32;

    private final byte[] seed;
    private final MessageDigest sha256;
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    public DeterministicRandom(byte[] seed) {
        this.seed = seed.clone();
        this.sha256 = sha256();
    }

    /** The next unsigned 32-bit integer of the stream. */
    public long nextUnsignedInt() {
        if (block.remaining() < 4) {
            sha256.update(seed);
            sha256.update(ByteBuffer.allocate(8).putLong(counter++).array());
            block = ByteBuffer.wrap(sha256.digest());
        }
        return Integer.toUnsignedLong(block.getInt());
    }

    /** A uniformly distributed integer from 0 up to, not including, {@code bound}. */
    public int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = TWO_32 - (TWO_32 % bound);
        long value;
        do {
            value = nextUnsignedInt();
        } while (value >= limit);
        return (int) (value % bound);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
