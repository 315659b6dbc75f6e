package cn.childprotect.cms.people;

/**
 * A child record that belongs to the same child or family as another (history of involvement,
 * docs/domain.md §8): {@code how} it was matched.
 */
public record RelatedChild(long childId, Relation how) {

    public enum Relation {
        /** the child itself */
        SAME_CHILD,
        /** another record with the same resident ID number */
        SAME_ID_NUMBER,
        /** another record with the same name and birth date */
        SAME_NAME_AND_BIRTH_DATE,
        /** a child with a guardian of the same phone number: a sibling, or the same family */
        SHARED_GUARDIAN
    }
}
