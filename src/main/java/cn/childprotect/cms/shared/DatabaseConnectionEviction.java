package cn.childprotect.cms.shared;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection at once after errors that Hikari does not
 * recognise as fatal by their SQLState: a connection killed on the server (MariaDB 1927,
 * SQLState 70100), a server shutting down (1053) and a server that became read-only in a
 * failover (1290, 1836), so that the next request gets a fresh connection to the current primary
 * instead of the broken one. Everything else keeps Hikari's own judgement (SQLState 08...).
 * Configured as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class DatabaseConnectionEviction implements SQLExceptionOverride {

    private static final Set<Integer> FATAL_ERROR_CODES = Set.of(1927, 1053, 1290, 1836, 2006, 2013);

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        if (FATAL_ERROR_CODES.contains(failure.getErrorCode()) || "70100".equals(failure.getSQLState())) {
            return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }
}
