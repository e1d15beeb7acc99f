package dev.tern.store.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;

/**
 * RocksDB's native option objects for one open database, sized from {@link StoreSettings} so that its memory is
 * bounded: one LRU cache for every column family, index and filter blocks in that cache rather than beside it, and
 * memtables charged to the same cache through a write buffer manager.
 */
final class NativeOptions implements AutoCloseable {
    private final LRUCache cache;
    private final WriteBufferManager writeBuffers;
    private final BloomFilter filter;
    private final ColumnFamilyOptions columnFamily;
    private final DBOptions db;

    NativeOptions(StoreSettings settings, boolean create) {
        cache = new LRUCache(settings.blockCacheBytes());
        writeBuffers = new WriteBufferManager(settings.writeBufferBytes(), cache);
        filter = new BloomFilter(10, false);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setFilterPolicy(filter)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        // A quarter of the budget per memtable: a busy column family may use more than its share, the write buffer
        // manager holds the total; small memtables also keep the log's preallocation (1.1 memtable) small.
        columnFamily = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setWriteBufferSize(settings.writeBufferBytes() / 4)
                .setMaxWriteBufferNumber(2);
        db = new DBOptions()
                .setCreateIfMissing(create)
                .setCreateMissingColumnFamilies(create)
                .setErrorIfExists(create)
                .setMaxOpenFiles(settings.maxOpenFiles())
                .setWriteBufferManager(writeBuffers)
                // Column families written rarely would otherwise keep old logs alive for ever.
                .setMaxTotalWalSize(settings.writeBufferBytes() * 4)
                .setMaxBackgroundJobs(2)
                // Stated although it is the default: every write reaches the log file through write(2) before it
                // returns, which is what lets batch mode survive a killed process (BatchModeTest).
                .setManualWalFlush(false)
                // RocksDB's own LOG: warnings and errors only, at most two files of 1 MiB.
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setMaxLogFileSize(1024 * 1024)
                .setKeepLogFileNum(2)
                .setStatsDumpPeriodSec(0);
    }

    DBOptions db() {
        return db;
    }

    ColumnFamilyOptions columnFamily() {
        return columnFamily;
    }

    @Override
    public void close() {
        db.close();
        columnFamily.close();
        filter.close();
        writeBuffers.close();
        cache.close();
    }
}
