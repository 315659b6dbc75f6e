package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;

import org.junit.jupiter.api.Test;

class JurisdictionScopeTests {

    @Test
    void levelFollowsTrailingZeroGroups() {
        assertThat(DivisionLevel.of("141029000000")).isEqualTo(DivisionLevel.COUNTY);
        assertThat(DivisionLevel.of("141029100000")).isEqualTo(DivisionLevel.TOWNSHIP);
        assertThat(DivisionLevel.of("141029100001")).isEqualTo(DivisionLevel.VILLAGE);
    }

    @Test
    void scopeIsThePrefixOfSignificantDigits() {
        assertThat(JurisdictionScope.of("141029000000").prefix()).isEqualTo("141029");
        assertThat(JurisdictionScope.of("141029100000").prefix()).isEqualTo("141029100");
        assertThat(JurisdictionScope.of("141029100001").prefix()).isEqualTo("141029100001");
        assertThat(JurisdictionScope.of("141029100000").likePattern()).isEqualTo("141029100%");
    }

    @Test
    void containsByPrefix() {
        JurisdictionScope township1 = JurisdictionScope.of("141029100000");
        assertThat(township1.contains("141029100003")).isTrue();
        assertThat(township1.contains("141029100000")).isTrue();
        assertThat(township1.contains("141029101001")).isFalse();
        assertThat(township1.contains("141029000000")).isFalse();
        assertThat(township1.contains(null)).isFalse();
        assertThat(JurisdictionScope.of("141029000000").contains("141029101001")).isTrue();
    }

    @Test
    void narrowingNeverWidens() {
        JurisdictionScope township1 = JurisdictionScope.of("141029100000");
        assertThat(township1.narrowTo("141029100001").prefix()).isEqualTo("141029100001");
        assertThat(township1.narrowTo("141029").prefix()).isEqualTo("141029100");
        assertThat(township1.narrowTo("141029101")).isNull();
        assertThat(township1.narrowTo(null)).isEqualTo(township1);
    }

    @Test
    void parentsAndWellFormedness() {
        assertThat(JurisdictionCodes.townshipOf("141029100002")).isEqualTo("141029100000");
        assertThat(JurisdictionCodes.countyOf("141029100002")).isEqualTo("141029000000");
        assertThat(JurisdictionCodes.parentOf("141029000000")).isNull();
        assertThat(JurisdictionCodes.isWellFormed("14102910000")).isFalse();
        assertThat(JurisdictionCodes.isWellFormed("14102910000a")).isFalse();
        assertThatThrownBy(() -> JurisdictionScope.of("123")).isInstanceOf(IllegalArgumentException.class);
    }
}
