package cn.childprotect.cms.referrals;

import java.util.Collection;
import java.util.List;

import org.springframework.data.repository.Repository;

interface Callbacks extends Repository<Callback, Long> {

    Callback save(Callback callback);

    List<Callback> findByWorkOrderIdOrderById(long workOrderId);

    List<Callback> findByWorkOrderIdIn(Collection<Long> workOrderIds);
}
