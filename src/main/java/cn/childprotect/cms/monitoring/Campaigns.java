package cn.childprotect.cms.monitoring;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Campaigns extends JpaRepository<Campaign, Long> {

    List<Campaign> findAllByOrderByIdDesc();

    /** Campaigns not yet ended on {@code day} (a handful at any time). */
    List<Campaign> findByEndsOnGreaterThanEqual(java.time.LocalDate day);
}
