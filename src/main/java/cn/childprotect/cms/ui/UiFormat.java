package cn.childprotect.cms.ui;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.stereotype.Component;

/** Formatting for the pages ({@code ${@uiFormat.time(...)}}): local time of the county, overdue marks. */
@Component("uiFormat")
class UiFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BusinessTime time;

    UiFormat(BusinessTime time) {
        this.time = time;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(time.zone()));
    }

    public boolean overdue(Instant deadline) {
        return deadline != null && deadline.isBefore(time.now());
    }
}
