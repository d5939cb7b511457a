package com.parkingspots.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records every SQL statement and transaction end the application sends through its DataSource, with the thread that
 * sent it, while {@link #start() recording}: how many transactions and statements a use case costs, and which of them
 * run on the request's thread. Import {@link Wiring} into a test's context.
 */
public final class StatementLog {

    /** One statement (or a commit / rollback), in the order sent. {@code transaction} numbers the transaction it ran in. */
    public record Entry(String thread, long transaction, Kind kind, String sql) {}

    public enum Kind {
        STATEMENT,
        COMMIT,
        ROLLBACK
    }

    /** One transaction: an explicit one (commit or rollback), or a statement run in auto-commit. */
    public record Transaction(String thread, List<String> statements, Kind end) {}

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicLong transactions = new AtomicLong();
    private volatile boolean recording;

    public void start() {
        entries.clear();
        recording = true;
    }

    public List<Entry> stop() {
        recording = false;
        return List.copyOf(entries);
    }

    /** The transactions of the entries whose thread passes the filter, in the order they started. */
    public static List<Transaction> transactions(List<Entry> entries, Predicate<String> thread) {
        Map<Long, List<Entry>> byTransaction = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (thread.test(e.thread())) {
                byTransaction
                        .computeIfAbsent(e.transaction(), t -> new ArrayList<>())
                        .add(e);
            }
        }
        List<Transaction> result = new ArrayList<>();
        for (List<Entry> tx : byTransaction.values()) {
            List<String> statements = tx.stream()
                    .filter(e -> e.kind() == Kind.STATEMENT)
                    .map(Entry::sql)
                    .toList();
            Kind end = tx.getLast().kind() == Kind.STATEMENT
                    ? Kind.COMMIT
                    : tx.getLast().kind();
            if (!statements.isEmpty()) {
                result.add(new Transaction(tx.getFirst().thread(), statements, end));
            }
        }
        return result;
    }

    /** Wraps the application's DataSource. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Wiring {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }

        @Bean
        static BeanPostProcessor statementLogDataSource(
                org.springframework.beans.factory.ObjectProvider<StatementLog> log) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof Recording)) {
                        return new Recording(dataSource, log.getObject());
                    }
                    return bean;
                }
            };
        }
    }

    /** The application's DataSource, recording. Closing it closes the pool. */
    static final class Recording extends DelegatingDataSource implements AutoCloseable {

        private final StatementLog log;

        Recording(DataSource target, StatementLog log) {
            super(target);
            this.log = log;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }

        private Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    StatementLog.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    new ConnectionHandler(connection, log));
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {

        private static final Set<String> PREPARE = Set.of("prepareStatement", "prepareCall");

        private final Connection target;
        private final StatementLog log;
        private long transaction = -1;

        ConnectionHandler(Connection target, StatementLog log) {
            this.target = target;
            this.log = log;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "commit" -> end(Kind.COMMIT);
                case "rollback" -> {
                    if (args == null || args.length == 0) {
                        end(Kind.ROLLBACK);
                    }
                }
                case "setAutoCommit" -> {
                    if (Boolean.TRUE.equals(args[0]) && transaction >= 0) {
                        end(Kind.COMMIT); // switching auto-commit on commits
                    }
                }
                default -> {}
            }
            Object result = call(target, method, args);
            if (PREPARE.contains(name) && args != null && args[0] instanceof String sql) {
                Class<?> type = name.equals("prepareCall") ? CallableStatement.class : PreparedStatement.class;
                return statement(type, (Statement) result, sql);
            }
            if (name.equals("createStatement")) {
                return statement(Statement.class, (Statement) result, null);
            }
            return result;
        }

        private Object statement(Class<?> type, Statement statement, @Nullable String sql) {
            return Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
                if (m.getName().startsWith("execute")) {
                    String text = sql != null ? sql : a != null && a.length > 0 && a[0] instanceof String s ? s : "?";
                    executed(text);
                }
                return call(statement, m, a);
            });
        }

        private void executed(String sql) throws SQLException {
            boolean autoCommit = target.getAutoCommit();
            if (transaction < 0) {
                transaction = log.transactions.incrementAndGet();
            }
            record(Kind.STATEMENT, sql);
            if (autoCommit) {
                transaction = -1;
            }
        }

        private void end(Kind kind) {
            if (transaction >= 0) {
                record(kind, kind.name());
            }
            transaction = -1;
        }

        private void record(Kind kind, String sql) {
            if (log.recording) {
                log.entries.add(new Entry(
                        Thread.currentThread().getName(),
                        transaction,
                        kind,
                        sql.strip().replaceAll("\\s+", " ")));
            }
        }

        private static @Nullable Object call(Object target, Method method, @Nullable Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
