package cn.childprotect.cms.escalations;

import org.springframework.context.MessageSourceResolvable;

/** Why items resolved themselves: the text recorded on the item, and the message the timeline reads in the reader's language. */
record Reason(String text, MessageSourceResolvable message) {
}
