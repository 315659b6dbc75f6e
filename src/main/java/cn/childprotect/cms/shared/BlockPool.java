package cn.childprotect.cms.shared;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The numbers of committed blocks one instance may still hand out, per counter of
 * {@code shared_sequence} (see {@link SequenceNumbers}). A caller takes a number from memory; when
 * there is none, it takes a new block in its own transaction (the counter row stays locked until
 * it commits) and the rest of that block becomes available to others only after the commit, so
 * a block whose update is rolled back is never handed out.
 */
final class BlockPool {

    private final int blockSize;
    private final Map<String, ArrayDeque<long[]>> available = new ConcurrentHashMap<>();

    BlockPool(int blockSize) {
        this.blockSize = Math.max(1, blockSize);
    }

    int blockSize() {
        return blockSize;
    }

    /** The next number of the counter; {@code takeBlock} reserves a block and answers its last number. */
    long next(String name, ToLongFunction<String> takeBlock) {
        ArrayDeque<long[]> ranges = available.computeIfAbsent(name, n -> new ArrayDeque<>());
        synchronized (ranges) {
            long[] range = ranges.peekFirst();
            if (range != null) {
                long number = range[0]++;
                if (range[0] > range[1]) {
                    ranges.removeFirst();
                }
                return number;
            }
        }
        long last = takeBlock.applyAsLong(name);
        long first = last - blockSize + 1;
        if (first < last && TransactionSynchronizationManager.isSynchronizationActive()) {
            long[] rest = { first + 1, last };
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    synchronized (ranges) {
                        ranges.addLast(rest);
                    }
                }
            });
        }
        // without a transaction synchronization the rest of the block is not used (a gap)
        return first;
    }
}
