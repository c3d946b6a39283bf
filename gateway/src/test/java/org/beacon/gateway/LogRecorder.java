package org.beacon.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the gateway logs while a test runs, so a test can say what must (not) be in the log. */
public final class LogRecorder extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public static LogRecorder start() {
        LogRecorder recorder = new LogRecorder();
        Logger.getLogger("").addHandler(recorder);
        return recorder;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    public List<LogRecord> from(Class<?> source) {
        return records.stream().filter(r -> source.getName().equals(r.getLoggerName())).toList();
    }

    /** Records that carry a stack trace of the given kind, wherever they were logged. */
    public List<LogRecord> withTrace(Class<? extends Throwable> kind) {
        return records.stream().filter(r -> {
            for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    public List<LogRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
