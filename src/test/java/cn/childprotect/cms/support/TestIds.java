package cn.childprotect.cms.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.people.ResidentIdNumber;

/** Valid, random resident ID numbers (GB 11643 check digit), so tests never collide in a shared database. */
public final class TestIds {

    private TestIds() {
    }

    public static String idNumber(LocalDate birth, boolean female) {
        int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (female ? 0 : 1);
        String first17 = "141029" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(seq);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A random birth date of a child between 2 and 15 years old. */
    public static LocalDate childBirthDate() {
        return LocalDate.now().minusYears(2).minusDays(ThreadLocalRandom.current().nextInt(0, 13 * 365));
    }

    /** A name unlikely to exist already (the tests share one database). */
    public static String uniqueName() {
        // 56^3 names: with 24 characters a shared database held namesakes often enough to make duplicate checks flaky
        String given = "明华强丽军敏静伟芳勇磊洋艳杰娟涛超秀霞平刚桂英浩宇轩博文睿泽俊雨欣怡梓涵诗琪佳悦晨阳子墨思远嘉豪鹏飞瑞凯雪梅玉兰";
        StringBuilder name = new StringBuilder("测");
        for (int i = 0; i < 3; i++) {
            name.append(given.charAt(ThreadLocalRandom.current().nextInt(given.length())));
        }
        return name.toString();
    }
}
