package cn.childprotect.cms.cases;

import cn.childprotect.cms.users.CurrentUser;

/**
 * Lets the module that knows who must stay confidential hide a timeline entry's actor (the
 * intake module hides the account that filed a report from whoever may not know the reporter,
 * 反家庭暴力法 art. 14). Asked for every entry of every timeline read, so no reader can forget.
 */
public interface TimelineRedaction {

    /** Whether this entry's actor must not be shown to the viewer. */
    boolean hidesActor(CaseTimelineItem item, CurrentUser viewer);
}
