package org.beacon.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assertions;

/**
 * What the service under test logs while a test runs, for tests of what operators read in the log (an outage said
 * once, not a stack trace per request). Quarkus routes every logging API through the root logger.
 */
public final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Records at {@code level} or above from loggers whose name starts with {@code category}. */
    public List<String> messages(Level level, String category) {
        return records.stream()
                .filter(r -> r.getLevel().intValue() >= level.intValue())
                .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(category))
                .map(LogCapture::text)
                .toList();
    }

    /** Records of any logger that carry a stack trace. */
    public List<String> stackTraces() {
        return records.stream().filter(r -> r.getThrown() != null).map(r -> r.getLoggerName() + ": " + text(r))
                .toList();
    }

    /** Everything at WARN and above, for a failure message. */
    public List<String> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + text(r)).toList();
    }

    /** JBoss LogManager's records know their format style (printf or MessageFormat); plain ones use neither. */
    /**
     * Asserts that exactly one line containing {@code text} was logged while capturing, and that nothing logged a
     * stack trace. For warnings that is the only warning of Beacon's own code at all; for information, the only
     * line of the outage log ({@code Outages}), beside which other information (a bucket created) is fine.
     */
    public void assertSaidOnce(Level level, String text) {
        boolean warning = level.intValue() >= Level.WARNING.intValue();
        Predicate<LogRecord> atLevel = warning
                ? r -> r.getLevel().intValue() >= level.intValue()
                : r -> r.getLevel().intValue() == level.intValue();
        String category = warning ? "org.beacon" : "org.beacon.commons.web.Outages";
        List<String> lines = records.stream()
                .filter(atLevel)
                .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(category))
                .map(LogCapture::text)
                .toList();
        Assertions.assertEquals(1, lines.size(), "one line, not " + lines + "; all warnings: " + warnings());
        Assertions.assertTrue(lines.get(0).contains(text), lines.get(0));
        Assertions.assertEquals(List.of(), stackTraces());
    }

    private static String text(LogRecord record) {
        try {
            return (String) record.getClass().getMethod("getFormattedMessage").invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return record.getMessage();
        }
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
