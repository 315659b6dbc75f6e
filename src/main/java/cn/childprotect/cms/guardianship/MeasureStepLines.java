package cn.childprotect.cms.guardianship;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

interface MeasureStepLines extends Repository<MeasureStepLine, Long> {

    MeasureStepLine save(MeasureStepLine line);

    List<MeasureStepLine> findByMeasureIdInOrderById(Collection<Long> measureIds);
}
