package dev.tern.store.rocksdb;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import org.rocksdb.RocksDB;

/**
 * RocksDB's {@code RepairDB}, which rocksdbjni does not expose, called through the C function
 * {@code rocksdb_repair_db} that its native library exports. The foreign function API is final only from JDK 22 and
 * Tern compiles for 21, so it is reached by reflection, and only when the running JDK has it.
 */
final class NativeRepair {
    private NativeRepair() {}

    static boolean available() {
        return Runtime.version().feature() >= 22;
    }

    /** Runs {@code RepairDB(directory, Options())}; returns RocksDB's error text, empty on success. */
    static Optional<String> run(Path directory) throws ReflectiveOperationException {
        RocksDB.loadLibrary();
        Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
        Class<?> lookupType = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
        Class<?> arenaType = Class.forName("java.lang.foreign.Arena");
        Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> addressLayoutType = Class.forName("java.lang.foreign.AddressLayout");
        Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
        Object address = Class.forName("java.lang.foreign.ValueLayout")
                .getField("ADDRESS")
                .get(null);
        Object linker = linkerType.getMethod("nativeLinker").invoke(null);
        // The library was loaded by rocksdbjni's loader class, which shares this class's loader.
        Object lookup = lookupType.getMethod("loaderLookup").invoke(null);
        Method find = lookupType.getMethod("find", String.class);
        Method downcall = linkerType.getMethod("downcallHandle", segmentType, descriptorType, optionType.arrayType());
        Method ofVoid = descriptorType.getMethod("ofVoid", layoutType.arrayType());
        Method of = descriptorType.getMethod("of", layoutType, layoutType.arrayType());
        Object noOptions = Array.newInstance(optionType, 0);

        MethodHandle create = (MethodHandle) downcall.invoke(
                linker,
                symbol(find, lookup, "rocksdb_options_create"),
                of.invoke(null, address, layouts(layoutType)),
                noOptions);
        MethodHandle destroy = (MethodHandle) downcall.invoke(
                linker,
                symbol(find, lookup, "rocksdb_options_destroy"),
                ofVoid.invoke(null, layouts(layoutType, address)),
                noOptions);
        MethodHandle repair = (MethodHandle) downcall.invoke(
                linker,
                symbol(find, lookup, "rocksdb_repair_db"),
                ofVoid.invoke(null, layouts(layoutType, address, address, address)),
                noOptions);
        MethodHandle free = (MethodHandle) downcall.invoke(
                linker,
                symbol(find, lookup, "rocksdb_free"),
                ofVoid.invoke(null, layouts(layoutType, address)),
                noOptions);

        Object arena = arenaType.getMethod("ofConfined").invoke(null);
        try {
            Object name = arenaType.getMethod("allocateFrom", String.class).invoke(arena, directory.toString());
            Object errorSlot = arenaType.getMethod("allocate", layoutType).invoke(arena, address);
            Object options = invoke(create);
            try {
                invoke(repair, options, name, errorSlot);
            } finally {
                invoke(destroy, options);
            }
            Object error =
                    segmentType.getMethod("get", addressLayoutType, long.class).invoke(errorSlot, address, 0L);
            if ((long) segmentType.getMethod("address").invoke(error) == 0) {
                return Optional.empty();
            }
            Object readable = segmentType.getMethod("reinterpret", long.class).invoke(error, 64 * 1024L);
            String text =
                    (String) segmentType.getMethod("getString", long.class).invoke(readable, 0L);
            invoke(free, error);
            return Optional.of(text);
        } finally {
            arenaType.getMethod("close").invoke(arena);
        }
    }

    private static Object symbol(Method find, Object lookup, String name) throws ReflectiveOperationException {
        Optional<?> symbol = (Optional<?>) find.invoke(lookup, name);
        return symbol.orElseThrow(() -> new NoSuchMethodException("RocksDB's native library lacks " + name));
    }

    private static Object layouts(Class<?> layoutType, Object... layouts) {
        Object array = Array.newInstance(layoutType, layouts.length);
        for (int i = 0; i < layouts.length; i++) {
            Array.set(array, i, layouts[i]);
        }
        return array;
    }

    private static Object invoke(MethodHandle handle, Object... arguments) throws ReflectiveOperationException {
        try {
            return handle.invokeWithArguments(arguments);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new InvocationTargetException(e);
        }
    }
}
