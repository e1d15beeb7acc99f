package dev.tern.store.rocksdb;

import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The one call that puts a batch on disk. A seam so that a test can make it fail as a full disk does (RocksDB's
 * {@code IOError/NoSpace}) where no small filesystem can be mounted.
 */
@FunctionalInterface
interface WriteCall {
    WriteCall ROCKSDB = RocksDB::write;

    void write(RocksDB db, WriteOptions options, WriteBatch batch) throws RocksDBException;
}
