package cn.childprotect.cms.monitoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Campaigns extends JpaRepository<Campaign, Long> {

    List<Campaign> findAllByOrderByIdDesc();
}
