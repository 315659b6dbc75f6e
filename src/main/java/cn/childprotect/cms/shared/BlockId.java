package cn.childprotect.cms.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hibernate.annotations.IdGeneratorType;

/**
 * An entity id taken from blocks of the {@code shared_sequence} counter {@code "id:" + value()}
 * instead of the column's AUTO_INCREMENT: Hibernate knows the id before the insert, so it can
 * defer the insert to the flush (no update of a row inserted a moment before) and batch it. The
 * table must then never be written with AUTO_INCREMENT ids (every insert through the entity); a
 * migration starts the counter at the table's highest id. Ids are unique, not in insert order
 * across instances, and a restart leaves the rest of a block unused (README, Performance).
 */
@IdGeneratorType(BlockIdGenerator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD })
public @interface BlockId {

    /** The counter's name without the {@code id:} prefix, by convention the table's name. */
    String value();

    int blockSize() default 100;
}
