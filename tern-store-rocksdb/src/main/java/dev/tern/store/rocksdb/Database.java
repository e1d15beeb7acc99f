package dev.tern.store.rocksdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB instance with Tern's column families, and every native object it needs, closed together in the
 * reverse order of creation (handles before the database, the database before its options, cache last).
 */
final class Database implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final RocksDB db;
    private final Map<ColumnFamily, ColumnFamilyHandle> handles;
    private final List<ColumnFamilyHandle> allHandles;
    private final NativeOptions options;

    private Database(
            Path directory,
            RocksDB db,
            Map<ColumnFamily, ColumnFamilyHandle> handles,
            List<ColumnFamilyHandle> allHandles,
            NativeOptions options) {
        this.directory = directory;
        this.db = db;
        this.handles = handles;
        this.allHandles = allHandles;
        this.options = options;
    }

    /** Opens or creates the store in {@code settings.directory()}, or says plainly why it cannot. */
    static Database open(StoreSettings settings) throws StoreOpenException {
        Path directory = settings.directory().toAbsolutePath();
        StoreDirectory.State state = StoreDirectory.inspect(directory);
        switch (state) {
            case DAMAGED ->
                throw OpenFailures.damaged(
                        directory, "RocksDB's CURRENT file is missing (the store's file list cannot be found)", null);
            case FOREIGN -> throw new IllegalStateException("inspect throws for a foreign directory");
            case NEW -> createDirectory(directory);
            case EXISTING -> {}
        }
        boolean create = state == StoreDirectory.State.NEW;
        List<String> names = create ? allNames() : existingNames(directory);
        NativeOptions options = new NativeOptions(settings, create);
        if (!names.contains(ColumnFamily.META.cfName())) {
            try {
                throw foreignOrDamaged(directory, names, options);
            } finally {
                options.close();
            }
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), options.columnFamily()));
        }
        List<ColumnFamilyHandle> allHandles = new ArrayList<>();
        RocksDB db;
        try {
            db = RocksDB.open(options.db(), directory.toString(), descriptors, allHandles);
        } catch (RocksDBException e) {
            options.close();
            throw failure(directory, e);
        }
        Map<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
        for (int i = 0; i < names.size(); i++) {
            for (ColumnFamily cf : ColumnFamily.values()) {
                if (cf.cfName().equals(names.get(i))) {
                    handles.put(cf, allHandles.get(i));
                }
            }
        }
        Database database = new Database(directory, db, handles, Collections.unmodifiableList(allHandles), options);
        try {
            database.checkFormat(create);
        } catch (StoreOpenException | RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    private void checkFormat(boolean created) throws StoreOpenException {
        try {
            if (created) {
                try (WriteBatch batch = new WriteBatch();
                        WriteOptions sync = new WriteOptions().setSync(true)) {
                    batch.put(handle(ColumnFamily.META), Keys.FORMAT_VERSION, Values.counter(Values.FORMAT));
                    db.write(sync, batch);
                }
                return;
            }
            byte[] format = get(ColumnFamily.META, Keys.FORMAT_VERSION);
            if (format == null) {
                throw OpenFailures.notTernStore(directory, "its meta column family has no format-version");
            }
            long version = Values.readCounter(format);
            if (version > Values.FORMAT) {
                throw OpenFailures.newerFormat(directory, version);
            }
            if (version < 1) {
                throw OpenFailures.damaged(directory, "its format-version is " + version, null);
            }
            for (ColumnFamily cf : ColumnFamily.values()) {
                if (!handles.containsKey(cf)) {
                    throw OpenFailures.damaged(directory, "column family '" + cf.cfName() + "' is missing", null);
                }
            }
        } catch (RocksDBException e) {
            throw failure(directory, e);
        } catch (CorruptValueException e) {
            throw OpenFailures.damaged(directory, "its format-version does not decode (" + e.getMessage() + ")", e);
        }
    }

    /**
     * No meta column family: another program's RocksDB database, or ours with a manifest too damaged to list its
     * column families. Only a read-only open, which writes nothing, tells them apart.
     */
    private static StoreOpenException foreignOrDamaged(Path directory, List<String> names, NativeOptions options) {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), options.columnFamily()));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.openReadOnly(options.db(), directory.toString(), descriptors, handles);
            handles.forEach(ColumnFamilyHandle::close);
            db.close();
            return OpenFailures.notTernStore(directory, "a RocksDB database without Tern's meta column family");
        } catch (RocksDBException e) {
            return failure(directory, e);
        }
    }

    static StoreOpenException failure(Path directory, RocksDBException e) {
        Status status = e.getStatus();
        String message = String.valueOf(e.getMessage());
        if (message.contains("lock") || message.contains("LOCK")) {
            return OpenFailures.inUse(directory, e);
        }
        if (status != null && status.getCode() == Status.Code.Corruption) {
            return OpenFailures.damaged(directory, "RocksDB reports corruption (" + message + ")", e);
        }
        if (status != null && status.getSubCode() == Status.SubCode.NoSpace) {
            return OpenFailures.unusable(directory, "the disk is full (" + message + ")", e);
        }
        return OpenFailures.damaged(directory, "RocksDB cannot open it (" + message + ")", e);
    }

    private static void createDirectory(Path directory) throws StoreOpenException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw OpenFailures.unusable(directory, "the directory cannot be created (" + e + ")", e);
        }
    }

    private static List<String> allNames() {
        List<String> names = new ArrayList<>();
        names.add(ColumnFamily.DEFAULT);
        for (ColumnFamily cf : ColumnFamily.values()) {
            names.add(cf.cfName());
        }
        return names;
    }

    private static List<String> existingNames(Path directory) throws StoreOpenException {
        try (Options options = new Options()) {
            List<String> names = new ArrayList<>();
            for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
                names.add(new String(name, StandardCharsets.UTF_8));
            }
            return names;
        } catch (RocksDBException e) {
            throw failure(directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle handle(ColumnFamily cf) {
        return handles.get(cf);
    }

    byte[] get(ColumnFamily cf, byte[] key) throws RocksDBException {
        return db.get(handle(cf), key);
    }

    /** The caller closes the iterator. */
    RocksIterator iterator(ColumnFamily cf) {
        return db.newIterator(handle(cf));
    }

    /** Writes every memtable to table files: a store closed this way has an empty log and repairs completely. */
    void flushAll() throws RocksDBException {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush, new ArrayList<>(handles.values()));
        }
    }

    @Override
    public void close() {
        for (ColumnFamilyHandle handle : allHandles) {
            handle.close();
        }
        db.close();
        options.close();
    }
}
