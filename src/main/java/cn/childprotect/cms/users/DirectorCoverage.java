package cn.childprotect.cms.users;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.stats.StatsSnapshotSource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The share of villages with an active child director account (儿童主任, docs/domain.md
 * "Statistics"): the villages of a scope, and those of them with at least one enabled CHILD_DIRECTOR
 * account. Counted live: a county has a few hundred villages and directors.
 */
@Component
class DirectorCoverage implements StatsSnapshotSource {

    static final String VILLAGES = "villages.total";
    static final String WITH_DIRECTOR = "villages.with_director";

    private final Jurisdictions jurisdictions;
    private final UserAccounts accounts;

    DirectorCoverage(Jurisdictions jurisdictions, UserAccounts accounts) {
        this.jurisdictions = jurisdictions;
        this.accounts = accounts;
    }

    @Override
    public Set<String> measures() {
        return Set.of(VILLAGES, WITH_DIRECTOR);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> countsNow(String scopePrefix) {
        Set<String> villages = jurisdictions.within(new JurisdictionScope(scopePrefix)).stream()
                .filter(d -> d.level() == DivisionLevel.VILLAGE).map(d -> d.code()).collect(Collectors.toSet());
        Set<String> staffed = accounts.findByRoleAndEnabledTrueAndJurisdictionCodeStartingWith(Role.CHILD_DIRECTOR,
                scopePrefix).stream().map(UserAccount::jurisdictionCode).collect(Collectors.toSet());
        staffed.retainAll(villages);
        return Map.of(VILLAGES, (long) villages.size(), WITH_DIRECTOR, (long) staffed.size());
    }
}
