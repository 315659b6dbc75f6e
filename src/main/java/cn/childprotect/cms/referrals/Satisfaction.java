package cn.childprotect.cms.referrals;

/** The answer of a callback (回访); labels: {@code cms.callback.satisfaction.<NAME>}. */
public enum Satisfaction {
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
