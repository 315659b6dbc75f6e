-- firsthour-a: the supervisors' queue of assessment levels awaiting confirmation (评估待确认)
-- reads completed assessments without a final level, oldest first, by this index.
CREATE INDEX assessment_awaiting_confirmation ON assessment_assessment (status, final_level, completed_at);
