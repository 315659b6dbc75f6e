package cn.childprotect.cms.exchange;

import org.springframework.data.repository.Repository;

interface FeedbackSentLog extends Repository<FeedbackSent, String> {

    FeedbackSent save(FeedbackSent sent);

    boolean existsById(String eventId);
}
