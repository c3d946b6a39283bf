package org.beacon.devstack;

import static org.beacon.devstack.ChildProcessTests.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beacon.testing.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's PostgreSQL: durable, and started again on the same data when its postmaster is killed. */
class PostmasterTests {

    @TempDir
    Path home;

    @Test
    void runsDurablyComesBackWithItsDataAfterKill9AndStaysDownOnceStopped() throws Exception {
        Postmaster postmaster = Postmaster.prepare(home.resolve("postgres"), FreePort.find());
        List<String> console = new CopyOnWriteArrayList<>();
        ChildProcess postgres = postmaster.supervise(home.resolve("postgres.log"), Duration.ofSeconds(60),
                console::add);
        try (Connection connection = connect(postmaster); Statement sql = connection.createStatement()) {
            Map<String, String> durability = new TreeMap<>();
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                ResultSet shown = sql.executeQuery("show " + setting);
                shown.next();
                durability.put(setting, shown.getString(1));
            }
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), durability);
            sql.execute("create table answer (id int primary key)");
            sql.execute("insert into answer values (1)");
        }

        long killed = postgres.process().pid();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        awaitTrue(() -> postgres.process() != null && postgres.process().pid() != killed && answers(postmaster),
                Duration.ofSeconds(30));
        assertEquals(List.of("postgres exited (status 137); restarting in 1 s"), console);

        postgres.close();
        Thread.sleep(1_500);
        assertFalse(takesSessions(postmaster), "no restart after the stack stopped it");
        assertEquals(1, console.size());
    }

    private static boolean answers(Postmaster postmaster) {
        try (Connection connection = connect(postmaster); Statement sql = connection.createStatement()) {
            ResultSet count = sql.executeQuery("select count(*) from answer");
            return count.next() && count.getInt(1) == 1;
        } catch (SQLException e) {
            // Not back yet.
            return false;
        }
    }

    private static boolean takesSessions(Postmaster postmaster) {
        try (Connection connection = connect(postmaster)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(Postmaster postmaster) throws SQLException {
        return DriverManager.getConnection(postmaster.jdbcUrl(), "postgres", "postgres");
    }
}
