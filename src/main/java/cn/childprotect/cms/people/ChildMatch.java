package cn.childprotect.cms.people;

import java.util.List;
import java.util.Optional;

/**
 * Who a described child may already be: {@code exact} when certain (same ID number; else same
 * name, birth date and village), {@code candidates} when only name and village agree and a
 * birth date is missing on either side — a person has to confirm those.
 */
public record ChildMatch(Optional<Long> exact, List<Long> candidates) {
}
