package cn.childprotect.cms.shared;

import java.lang.reflect.Member;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.generator.EventTypeSets;
import org.hibernate.generator.GeneratorCreationContext;

/**
 * Generates {@link BlockId} ids: from this instance's committed blocks, else a new block taken on
 * the session's own connection, in its transaction (no second connection from the pool, so a
 * busy pool cannot deadlock on it). One generator per entity and session factory.
 */
public final class BlockIdGenerator implements BeforeExecutionGenerator {

    private final String counter;
    private final transient BlockPool blocks;

    public BlockIdGenerator(BlockId config, Member member, GeneratorCreationContext context) {
        this.counter = "id:" + config.value();
        this.blocks = new BlockPool(config.blockSize());
    }

    @Override
    public Object generate(SharedSessionContractImplementor session, Object owner, Object currentValue,
            EventType eventType) {
        Connection connection = session.getJdbcCoordinator().getLogicalConnection().getPhysicalConnection();
        return blocks.next(counter, name -> takeBlock(session, connection, name));
    }

    private long takeBlock(SharedSessionContractImplementor session, Connection connection, String name) {
        try {
            try (PreparedStatement update = connection
                    .prepareStatement("update shared_sequence set next_value = next_value + ? where name = ?")) {
                update.setInt(1, blocks.blockSize());
                update.setString(2, name);
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("no counter " + name + " in shared_sequence (see its migration)");
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select next_value from shared_sequence where name = ?")) {
                select.setString(1, name);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
        catch (SQLException e) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(e, "taking a block of ids " + name);
        }
    }

    @Override
    public EnumSet<EventType> getEventTypes() {
        return EventTypeSets.INSERT_ONLY;
    }
}
