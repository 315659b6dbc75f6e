package cn.childprotect.cms.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTests {

    @Test
    void acceptsAValidNumberAndDerivesBirthDateAndSex() {
        // 11010519491231002X: the standard's own example (female, born 1949-12-31)
        var id = ResidentIdNumber.parse("11010519491231002x").orElseThrow();
        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
        assertThat(id.masked()).isEqualTo("1101**********002X");
    }

    @Test
    void oddSequenceIsMale() {
        String first17 = "14102920150312123";
        var id = ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17)).orElseThrow();
        assertThat(id.sex()).isEqualTo(Sex.MALE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(2015, 3, 12));
    }

    @Test
    void refusesWrongCheckDigitBadDatesAndBadFormats() {
        assertThat(ResidentIdNumber.parse("110105194912310021")).isEmpty();
        String badDate = "14102920150230123";
        assertThat(ResidentIdNumber.parse(badDate + ResidentIdNumber.checkCharacter(badDate))).isEmpty();
        assertThat(ResidentIdNumber.parse("1410292015031212")).isEmpty();
        assertThat(ResidentIdNumber.parse("14102920150312123Y")).isEmpty();
        assertThat(ResidentIdNumber.parse(null)).isEmpty();
    }

    @Test
    void retiredAddressCodesAreNotRejected() {
        String retired = "99999920100101001";
        assertThat(ResidentIdNumber.parse(retired + ResidentIdNumber.checkCharacter(retired))).isPresent();
    }

    @Test
    void namesAreMaskedKeepingTheSurname() {
        assertThat(ChildSummary.maskName("张小明")).isEqualTo("张**");
        assertThat(ChildSummary.maskName("李")).isEqualTo("李*");
        assertThat(ChildSummary.maskName(null)).isEqualTo("（身份不明）");
    }
}
